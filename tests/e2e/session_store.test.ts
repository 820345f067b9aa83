/**
 * The session store on a real folder: ids in claude-mpm's pattern under
 * parallel creation, file times that follow id order, and a LATEST pointer
 * that never moves back to an older session.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  createSessionFiles,
  rewriteSessionFiles,
  writeLatestPointer,
} from "../../lib/act/session_store.ts";
import { sandbox } from "../helpers.ts";
import { renderSessionMarkdown } from "../../lib/report/markdown.ts";
import { sessionDocument } from "../unit/_fixtures.ts";

const PAUSED_AT = new Date("2026-12-01T20:36:20.250Z");

function create(dir: string, pausedAt = PAUSED_AT, message = "x") {
  return createSessionFiles(
    dir,
    pausedAt,
    (id) =>
      sessionDocument({
        session_id: id,
        paused_at: pausedAt.toISOString(),
        project_path: dir,
        conversation: { summary: message },
      }),
    renderSessionMarkdown,
  );
}

Deno.test("createSessionFiles: 20 at once in one second take 20 consecutive seconds, none overwritten, file times in id order", async () => {
  const box = sandbox();
  try {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create(box.dir, PAUSED_AT, `m${i}`)),
    );
    const ids = made.map((m) => m.files.id).sort();
    assert.equal(new Set(ids).size, 20);
    assert.equal(ids[0], "session-20261201-203620");
    assert.equal(ids[19], "session-20261201-203639");
    for (const m of made) {
      const saved = JSON.parse(readFileSync(m.files.jsonPath, "utf8"));
      assert.equal(saved.conversation.summary, m.doc.conversation.summary);
      assert.equal(saved.paused_at, PAUSED_AT.toISOString(), "true time kept");
    }
    // Rewrite in reverse order: file times still follow the ids.
    for (const m of [...made].reverse()) {
      await rewriteSessionFiles(m.files, m.doc, renderSessionMarkdown);
    }
    const times = ids.map((id) =>
      statSync(join(box.dir, `${id}.json`)).mtimeMs
    );
    assert.deepEqual([...times].sort((a, b) => a - b), times);
    assert.equal(times[0], PAUSED_AT.getTime());
    assert.deepEqual(
      readdirSync(box.dir).filter((f) => f.endsWith(".tmp")),
      [],
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("writeLatestPointer: an older session never takes the pointer from a newer one", async () => {
  const box = sandbox();
  try {
    const older = await create(box.dir, PAUSED_AT, "older");
    const newer = await create(
      box.dir,
      new Date(PAUSED_AT.getTime() + 5000),
      "newer",
    );
    const pointer = () =>
      readFileSync(join(box.dir, "LATEST-SESSION.txt"), "utf8").split("\n")[0];
    // The newer pause finishes first; the older one must not move it back.
    await writeLatestPointer(newer.doc, newer.files);
    await writeLatestPointer(older.doc, older.files);
    assert.equal(pointer(), newer.files.id);
    // The older one writes while the pointer still names something older
    // still: after its write, the newer session that exists takes it.
    const fresh = sandbox();
    try {
      const a = await create(fresh.dir, PAUSED_AT, "a");
      const b = await create(
        fresh.dir,
        new Date(PAUSED_AT.getTime() + 9000),
        "b",
      );
      await writeLatestPointer(a.doc, a.files);
      const text = readFileSync(join(fresh.dir, "LATEST-SESSION.txt"), "utf8");
      assert.equal(text.split("\n")[0], b.files.id);
      assert.match(text, new RegExp(`json: .*${b.files.id}\\.json`));
    } finally {
      fresh.cleanup();
    }
  } finally {
    box.cleanup();
  }
});
