/**
 * Fault injection: sheer size. A working tree with 50,000 untracked files
 * in nested folders, and a sessions folder with 5,000 session files. The
 * promise: pause still succeeds with exact counts, the JSON lists are capped
 * and say so, the Markdown stays under 1,500 words, and list and resume stay
 * usable (20 rows plus a footer; the newest session first). Timings are
 * printed, never asserted: the machine may be busy.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeRepo, runCli, type Sandbox, sandbox } from "../helpers.ts";
import {
  assertNoStack,
  CAN_MOUNT,
  mountTmpfs,
  runCliToFile,
  unmount,
} from "./fault_helpers.ts";

const FOLDERS = 250;
const PER_FOLDER = 200;
const FILES = FOLDERS * PER_FOLDER;
const SESSIONS = 5_000;

/**
 * A repository on a tmpfs when one can be mounted, so creating tens of
 * thousands of files does not depend on how busy the disk is; on the disk
 * otherwise. Git and the CLI work on it exactly as on any other folder.
 */
function scaleRepo(box: Sandbox): { repo: string; release: () => void } {
  if (!CAN_MOUNT) {
    console.log("  (cannot mount a tmpfs here: the files go to the disk)");
    return { repo: makeRepo(box), release: () => {} };
  }
  const mount = join(box.dir, "fast");
  mountTmpfs(mount, "1g");
  try {
    return {
      repo: makeRepo(box, join("fast", "repo")),
      release: () => unmount(mount),
    };
  } catch (error) {
    unmount(mount);
    throw error;
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    console.log(`  ${label}: ${Math.round(performance.now() - started)} ms`);
  }
}

Deno.test("50,000 untracked files: pause succeeds with exact counts, capped JSON lists, and a .md under 1,500 words", async () => {
  const box = sandbox();
  const { repo, release } = scaleRepo(box);
  try {
    await timed(`creating ${FILES} files`, () => {
      for (let d = 0; d < FOLDERS; d++) {
        const dir = join(repo, `d${String(d).padStart(3, "0")}`);
        mkdirSync(dir);
        for (let f = 0; f < PER_FOLDER; f++) {
          writeFileSync(join(dir, `f${String(f).padStart(3, "0")}.txt`), "x\n");
        }
      }
      return Promise.resolve();
    });
    const result = await timed(
      "pause",
      () => runCli(box, ["pause", "-m", "huge tree", "--json"], { cwd: repo }),
    );
    assertNoStack(result.stderr);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    const saved = JSON.parse(readFileSync(out.files.json_path, "utf8"));
    const status = saved.git_context.status;
    assert.equal(status.counts.untracked, FILES);
    assert.equal(status.counts.modified, 0);
    assert.equal(status.clean, false);
    assert.equal(status.truncated, true);
    assert.equal(status.untracked_files.length, 500);
    assert.equal(status.untracked_files[0], "d000/f000.txt");
    assert.ok(saved.resume_instructions.files_to_review.length <= 50);
    assert.deepEqual(saved.git_context.errors, []);
    console.log(
      `  session JSON: ${readFileSync(out.files.json_path).length} bytes`,
    );
    const md = readFileSync(out.files.markdown_path, "utf8");
    assert.ok(words(md) < 1500, `the .md has ${words(md)} words`);
    assert.match(
      md,
      new RegExp(`0 staged, 0 modified, ${FILES} untracked, 0 conflicted\\.`),
    );
    assert.match(md, /^- new `d000\/f000\.txt`$/m);
    assert.match(
      md,
      new RegExp(`^- … and ${FILES - 15} more \\(see the JSON file\\)$`, "m"),
    );
    const resumed = await timed(
      "resume",
      () => runCli(box, ["resume"], { cwd: repo }),
    );
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stdout,
      new RegExp(`Working tree now: 0 changed, ${FILES} untracked`),
    );
    assert.ok(
      resumed.stdout.split("\n").length < 80,
      "resume output stays short",
    );
  } finally {
    release();
    box.cleanup();
  }
});

/** `session-YYYYMMDD-HHMMSS` for `date`, in UTC. */
function idFor(date: Date): string {
  const iso = date.toISOString();
  return `session-${iso.slice(0, 10).replace(/-/g, "")}-${
    iso.slice(11, 19).replace(/:/g, "")
  }`;
}

Deno.test("5,000 session files: list shows 20 rows and a footer, resume picks the newest, list --all --json has all 5,000", async () => {
  const box = sandbox();
  const { repo, release } = scaleRepo(box);
  try {
    const dir = join(repo, ".claude-mpm", "sessions");
    mkdirSync(dir, { recursive: true });
    const base = Date.UTC(2025, 0, 1);
    const ids: string[] = [];
    await timed(`writing ${SESSIONS} session files`, () => {
      for (let i = 0; i < SESSIONS; i++) {
        const date = new Date(base + i * 97_000);
        const id = idFor(date);
        ids.push(id);
        writeFileSync(
          join(dir, `${id}.json`),
          JSON.stringify({
            schema_version: 1,
            session_id: id,
            paused_at: date.toISOString(),
            conversation: { summary: `fake session ${i}` },
            git_context: { is_git_repo: true, branch: `b${i}` },
          }),
        );
      }
      return Promise.resolve();
    });
    const newest = ids.at(-1)!;
    const listed = await timed(
      "list",
      () => runCli(box, ["list"], { cwd: repo }),
    );
    assertNoStack(listed.stderr);
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 22, "header, 20 rows, footer");
    assert.match(lines[0], /^ID\s+PAUSED AT/);
    assert.ok(lines[1].startsWith(newest), lines[1]);
    assert.match(lines[1], new RegExp(`fake session ${SESSIONS - 1}$`));
    assert.equal(
      lines[21],
      `(20 of ${SESSIONS} sessions shown; use --all or --limit N)`,
    );

    const resumed = await timed(
      "resume",
      () => runCli(box, ["resume"], { cwd: repo }),
    );
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stdout,
      new RegExp(`^Resuming session ${newest}$`, "m"),
    );
    const oldest = await runCli(box, ["resume", "--select", String(SESSIONS)], {
      cwd: repo,
    });
    assert.equal(oldest.code, 0, oldest.stderr);
    assert.match(
      oldest.stdout,
      new RegExp(`^Resuming session ${ids[0]}$`, "m"),
    );

    const all = await timed(
      "list --all --json",
      () => runCliToFile(box, ["list", "--all", "--json"], { cwd: repo }),
    );
    assert.equal(all.code, 0, all.stderr);
    const json = JSON.parse(all.stdout);
    assert.equal(json.total, SESSIONS);
    assert.equal(json.sessions.length, SESSIONS);
    assert.equal(
      new Set(json.sessions.map((s: { id: string }) => s.id)).size,
      SESSIONS,
    );
    assert.equal(json.sessions[0].id, newest);
    assert.equal(json.sessions.at(-1).id, ids[0]);
    assert.ok(json.sessions.every((s: { error?: string }) => !s.error));

    // A new pause among them gets its own id and becomes the newest.
    const paused = await timed(
      "pause among 5,000",
      () => runCli(box, ["pause", "-m", "real one", "--json"], { cwd: repo }),
    );
    assert.equal(paused.code, 0, paused.stderr);
    const id = JSON.parse(paused.stdout).session.session_id;
    const again = await runCli(box, ["list", "-n", "1"], { cwd: repo });
    assert.ok(again.stdout.split("\n")[1].startsWith(id), again.stdout);
  } finally {
    release();
    box.cleanup();
  }
});

Deno.test({
  name:
    "--json output far larger than a pipe buffer (list --all --json of 2,000 sessions) reaches a pipe whole",
  fn: async () => {
    const box = sandbox();
    const { repo, release } = scaleRepo(box);
    try {
      const dir = join(repo, ".claude-mpm", "sessions");
      mkdirSync(dir, { recursive: true });
      const base = Date.UTC(2025, 0, 1);
      for (let i = 0; i < 2_000; i++) {
        const date = new Date(base + i * 97_000);
        const id = idFor(date);
        writeFileSync(
          join(dir, `${id}.json`),
          JSON.stringify({ session_id: id, paused_at: date.toISOString() }),
        );
      }
      const all = await runCli(box, ["list", "--all", "--json"], { cwd: repo });
      assert.equal(all.code, 0, all.stderr);
      assert.ok(all.stdout.length > 256 * 1024, `${all.stdout.length} bytes`);
      const json = JSON.parse(all.stdout);
      assert.equal(json.sessions.length, 2_000);
    } finally {
      release();
      box.cleanup();
    }
  },
});
