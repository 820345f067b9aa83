/**
 * End-to-end: `mpm-session clean` on a sessions folder of fabricated session
 * files. It deletes only session files chosen by `--keep` and
 * `--older-than`, never the newest session, never the one LATEST points at,
 * never anything else in the folder, and nothing at all with `--dry-run`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { baseSessionId } from "../../lib/decide/session_id.ts";
import {
  makeRepo,
  runCli,
  RUNTIME,
  type Sandbox,
  sandbox,
} from "../helpers.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Files in the folder that are not sessions and must always survive. */
const OTHER_FILES = [
  ".gitignore",
  "notes.txt",
  "README.md",
  "session-notes.json",
  "session-20200101-000000.json.bak",
  "session-20200101-000000.md~",
  "session-2020-01-01.json",
  "old-session-20200101-000000.json",
];

interface Fixture {
  repo: string;
  dir: string;
  /** Session ids newest first, with how many days old each is. */
  ids: { id: string; days: number }[];
}

/**
 * A repository whose sessions folder holds sessions paused `days` ago (each
 * with .json and .md), LATEST pointing at `latestDays`, and other files.
 */
function fixture(
  box: Sandbox,
  days: number[],
  latestDays?: number,
): Fixture {
  const repo = makeRepo(box);
  const dir = join(repo, ".claude-mpm", "sessions");
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  const ids = days.map((d) => ({
    // An hour past whole days keeps clear of the --older-than boundary.
    id: baseSessionId(new Date(now - d * DAY - HOUR)),
    days: d,
  }));
  for (const { id } of ids) {
    writeFileSync(
      join(dir, `${id}.json`),
      JSON.stringify({ session_id: id, paused_at: "2020-01-01T00:00:00Z" }),
    );
    writeFileSync(join(dir, `${id}.md`), `# ${id}\n`);
  }
  for (const name of OTHER_FILES) writeFileSync(join(dir, name), "keep me\n");
  mkdirSync(join(dir, "session-20200101-000000"));
  const latest = ids.find((s) => s.days === latestDays) ?? ids[0];
  writeFileSync(
    join(dir, "LATEST-SESSION.txt"),
    `${latest.id}\npaused_at: x\nresume: mpm-session resume\n`,
  );
  return { repo, dir, ids };
}

function idsOf(f: Fixture, ...days: number[]): string[] {
  return days.map((d) => f.ids.find((s) => s.days === d)!.id);
}

/** The session ids with both files still present, newest first. */
function remaining(f: Fixture): string[] {
  const names = new Set(readdirSync(f.dir));
  return f.ids.map((s) => s.id).filter((id) => {
    const json = names.has(`${id}.json`);
    const md = names.has(`${id}.md`);
    assert.equal(json, md, `${id}: .json and .md go together`);
    return json;
  });
}

function assertOthersKept(f: Fixture): void {
  const names = readdirSync(f.dir);
  for (const name of [...OTHER_FILES, "LATEST-SESSION.txt"]) {
    assert.ok(names.includes(name), `${name} was kept`);
  }
  assert.ok(names.includes("session-20200101-000000"), "folder kept");
}

async function clean(
  box: Sandbox,
  f: Fixture,
  args: string[],
): Promise<
  { deleted: string[]; would_delete: string[]; kept: number; dry_run: boolean }
> {
  const result = await runCli(box, ["clean", ...args, "--json"], {
    cwd: f.repo,
  });
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(json.errors, []);
  return json;
}

function withBox(fn: (box: Sandbox) => Promise<void>): () => Promise<void> {
  return async () => {
    const box = sandbox();
    try {
      await fn(box);
    } finally {
      box.cleanup();
    }
  };
}

const name = (text: string) => `clean [${RUNTIME}]: ${text}`;

Deno.test(
  name("--keep 2 keeps the two newest and the LATEST one"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100], 40);
    const result = await clean(box, f, ["--keep", "2"]);
    assert.deepEqual(result.deleted, idsOf(f, 10, 100));
    assert.equal(result.kept, 3);
    assert.equal(result.dry_run, false);
    assert.deepEqual(remaining(f), idsOf(f, 1, 2, 40));
    assertOthersKept(f);
  }),
);

Deno.test(
  name("--keep 0 still keeps the newest and the LATEST one"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100], 10);
    const result = await clean(box, f, ["--keep", "0"]);
    assert.deepEqual(result.deleted, idsOf(f, 2, 40, 100));
    assert.deepEqual(remaining(f), idsOf(f, 1, 10));
    assertOthersKept(f);
  }),
);

Deno.test(
  name("--keep larger than the count deletes nothing"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 3]);
    const result = await clean(box, f, ["--keep", "10"]);
    assert.deepEqual(result.deleted, []);
    assert.equal(result.kept, 3);
    assert.deepEqual(remaining(f), idsOf(f, 1, 2, 3));
  }),
);

Deno.test(
  name("--older-than 30d deletes older sessions except LATEST"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100], 40);
    const result = await clean(box, f, ["--older-than", "30d"]);
    assert.deepEqual(result.deleted, idsOf(f, 100));
    assert.deepEqual(remaining(f), idsOf(f, 1, 2, 10, 40));
    assertOthersKept(f);
  }),
);

Deno.test(
  name("--older-than in weeks, hours and minutes"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100]);
    assert.deepEqual(
      (await clean(box, f, ["--older-than", "2w", "--dry-run"])).would_delete,
      idsOf(f, 40, 100),
    );
    assert.deepEqual(
      (await clean(box, f, ["--older-than", "36h", "--dry-run"])).would_delete,
      idsOf(f, 2, 10, 40, 100),
    );
    assert.deepEqual(
      (await clean(box, f, ["--older-than", "90min", "--dry-run"]))
        .would_delete,
      idsOf(f, 2, 10, 40, 100),
      "the newest is kept however old it is",
    );
    assert.deepEqual(remaining(f), idsOf(f, 1, 2, 10, 40, 100));
  }),
);

Deno.test(
  name("--older-than never deletes the newest even when it is old"),
  withBox(async (box) => {
    const f = fixture(box, [50, 60, 70], 50);
    const result = await clean(box, f, ["--older-than", "1d"]);
    assert.deepEqual(result.deleted, idsOf(f, 60, 70));
    assert.deepEqual(remaining(f), idsOf(f, 50));
    assertOthersKept(f);
  }),
);

Deno.test(
  name("--keep with --older-than deletes only what both choose"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100], 1);
    const result = await clean(box, f, ["--keep", "3", "--older-than", "5d"]);
    assert.deepEqual(result.deleted, idsOf(f, 40, 100));
    assert.deepEqual(remaining(f), idsOf(f, 1, 2, 10));
  }),
);

Deno.test(
  name("--dry-run deletes nothing"),
  withBox(async (box) => {
    const f = fixture(box, [1, 2, 10, 40, 100]);
    const before = readdirSync(f.dir).sort();
    const result = await clean(box, f, ["--keep", "0", "--dry-run"]);
    assert.equal(result.dry_run, true);
    assert.deepEqual(result.would_delete, idsOf(f, 2, 10, 40, 100));
    assert.deepEqual(result.deleted, [], "a dry run deletes nothing");
    assert.deepEqual(readdirSync(f.dir).sort(), before);

    const text = await runCli(box, ["clean", "--keep", "0", "--dry-run"], {
      cwd: f.repo,
    });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Would delete 4 session\(s\); kept 1\n/);
    assert.deepEqual(readdirSync(f.dir).sort(), before);
  }),
);

Deno.test(
  name("sessions with a same-second suffix are cleaned like the rest"),
  withBox(async (box) => {
    const f = fixture(box, [1, 40]);
    const [, old] = f.ids;
    writeFileSync(join(f.dir, `${old.id}-2.json`), "{}");
    writeFileSync(join(f.dir, `${old.id}-2.md`), "");
    writeFileSync(join(f.dir, `${old.id}-10.json`), "{}");
    const result = await clean(box, f, ["--older-than", "30d"]);
    assert.deepEqual(result.deleted, [
      `${old.id}-10`,
      `${old.id}-2`,
      old.id,
    ]);
    const names = readdirSync(f.dir);
    assert.ok(!names.some((n) => n.startsWith(old.id)));
    assert.deepEqual(remaining(f), idsOf(f, 1));
    assertOthersKept(f);
  }),
);

Deno.test(
  name("a project without a sessions folder has nothing to clean"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const result = await runCli(box, ["clean", "--keep", "1"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Deleted 0 session\(s\); kept 0\n/);
  }),
);

for (
  const args of [
    ["--older-than", "30 dayz"],
    ["--older-than", "abc"],
    ["--older-than", "1m"],
    ["--older-than", "30q"],
    ["--older-than=-5d"],
    ["--older-than", ""],
  ]
) {
  Deno.test(
    name(`bad duration '${args.join(" ")}' exits 2 and deletes nothing`),
    withBox(async (box) => {
      const f = fixture(box, [1, 2, 100]);
      const before = readdirSync(f.dir).sort();
      const result = await runCli(box, ["clean", ...args], { cwd: f.repo });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /^error: Cannot read duration '/);
      assert.equal(result.stderr.trimEnd().split("\n").length, 1);
      assert.deepEqual(readdirSync(f.dir).sort(), before);
    }),
  );
}

for (
  const args of [
    [],
    ["--keep", "-1"],
    ["--keep", "two"],
    ["--keep"],
    ["--older-than", "-5d"],
    ["--dry-run"],
  ]
) {
  Deno.test(
    name(`usage error for 'clean ${args.join(" ")}' exits 2`),
    withBox(async (box) => {
      const f = fixture(box, [1, 2, 100]);
      const before = readdirSync(f.dir).sort();
      const result = await runCli(box, ["clean", ...args], { cwd: f.repo });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /^error: /);
      assert.deepEqual(readdirSync(f.dir).sort(), before);
    }),
  );
}

Deno.test({
  name: name("a value starting with a dash gets a usable one-line error"),
  fn: withBox(async (box) => {
    const f = fixture(box, [1, 2]);
    const result = await runCli(box, ["clean", "--older-than", "-5d"], {
      cwd: f.repo,
    });
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trimEnd().split("\n").length, 1);
    // The value after an option is taken as it is, so the message is about
    // the duration, not about a dash.
    assert.match(
      result.stderr,
      /^error: Cannot read duration '-5d' for '--older-than': use a number and a unit/,
    );
  }),
});
