/**
 * Fault injection: the file system refuses. A regular file where the
 * sessions folder belongs; a read-only sessions folder (a tmpfs remounted
 * read-only); a full disk (a tiny tmpfs filled first); a folder the user
 * cannot write; and unreadable worktree folders, with the CLI run as user
 * `nobody` so permission bits really apply. The promise: a clear one-line
 * error and exit 1, no partial or temporary files, and nothing deleted.
 *
 * Tests that need `mount` or `setpriv` (root on Linux) are skipped, with
 * the reason in their name, where those are not available.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  exists,
  makeRepo,
  runCli,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import {
  asNobody,
  assertNoStack,
  assertOneErrorLine,
  CAN_MOUNT,
  CAN_RUN_AS_NOBODY,
  codes,
  listTree,
  mountTmpfs,
  outcomeOf,
  registered,
  remountReadOnly,
  runCliToFile,
  runCliWith,
  skippable,
  type Summary,
  unmount,
} from "./fault_helpers.ts";

const WT = join(".claude", "worktrees");
const NO_MOUNT = "needs root to mount a tmpfs";
const NO_SETPRIV = "needs root and setpriv to run as nobody";

/** The longest single argument Linux passes (MAX_ARG_STRLEN is 128 KiB). */
const BIG_MESSAGE = "All work and no play makes a full disk. ".repeat(3000);

function sessionsDir(repo: string): string {
  return join(repo, ".claude-mpm", "sessions");
}

/** Fills the file system holding `dir` with one file; returns its path. */
function fillUp(dir: string): string {
  const filler = join(dir, "filler.bin");
  const fd = openSync(filler, "w");
  const chunk = new Uint8Array(4096).fill(7);
  try {
    while (true) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

/** Frees `bytes` on a filled file system by shortening the filler. */
function free(filler: string, bytes: number): void {
  const fd = openSync(filler, "r+");
  try {
    ftruncateSync(fd, Math.max(0, statSync(filler).size - bytes));
  } finally {
    closeSync(fd);
  }
}

function chownToRoot(box: Sandbox): void {
  execFileSync("chown", ["-R", "0:0", box.dir]);
}

Deno.test("sessions path is a regular file: pause exits 1 with one line naming it, creates and removes nothing", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "alpha");
    for (const blocked of [join(".claude-mpm", "sessions"), ".claude-mpm"]) {
      const mpm = join(repo, ".claude-mpm");
      execFileSync("rm", ["-rf", mpm]);
      writeFile(join(repo, blocked), "I am a file\n");
      const before = listTree(mpm);
      const result = await runCli(box, ["pause", "-m", "blocked"], {
        cwd: repo,
      });
      assert.equal(result.code, 1, blocked);
      assert.equal(result.stdout, "");
      const line = assertOneErrorLine(result.stderr);
      assert.ok(line.includes(`'${sessionsDir(repo)}'`), line);
      assert.match(line, /a file is in the way/);
      assert.deepEqual(listTree(mpm), before, "nothing was created");
      assert.equal(readFileSync(join(repo, blocked), "utf8"), "I am a file\n");
      // Cleanup never runs when the session could not be saved.
      assert.ok(exists(join(repo, WT, "alpha", "README.md")));
    }
  } finally {
    box.cleanup();
  }
});

Deno.test(
  {
    ...skippable(
      "read-only sessions folder (tmpfs remounted ro): pause exits 1 with one line; no partial, temp or changed files; resume still reads",
      CAN_MOUNT,
      NO_MOUNT,
    ),
    fn: async () => {
      const box = sandbox();
      const dir = join(box.dir, "repo", ".claude-mpm", "sessions");
      try {
        const repo = makeRepo(box);
        mountTmpfs(dir, "1m");
        const first = await runCli(box, ["pause", "-m", "before ro"], {
          cwd: repo,
        });
        assert.equal(first.code, 0, first.stderr);
        addWorktree(box, repo, "alpha");
        remountReadOnly(dir);
        const before = listTree(dir);
        const latest = readFileSync(join(dir, "LATEST-SESSION.txt"), "utf8");
        const result = await runCli(box, ["pause", "-m", "after ro"], {
          cwd: repo,
        });
        assert.equal(result.code, 1);
        const line = assertOneErrorLine(result.stderr);
        assert.match(
          line,
          /^error: Cannot write session file '.*\/\.claude-mpm\/sessions\/session-[\d-]+\.json': (permission denied|read-only file system)/,
        );
        assert.deepEqual(listTree(dir), before);
        assert.equal(
          readFileSync(join(dir, "LATEST-SESSION.txt"), "utf8"),
          latest,
        );
        assert.ok(exists(join(repo, WT, "alpha", "README.md")));
        const resumed = await runCli(box, ["resume"], { cwd: repo });
        assert.equal(resumed.code, 0, resumed.stderr);
        assert.match(resumed.stdout, /before ro/);
      } finally {
        unmount(dir);
        box.cleanup();
      }
    },
  },
);

Deno.test(
  {
    ...skippable(
      "full disk (64k tmpfs filled first) and a 128 KiB message: pause exits 1 with 'no space left on device', no partial files",
      CAN_MOUNT,
      NO_MOUNT,
    ),
    fn: async () => {
      const box = sandbox();
      const dir = join(box.dir, "repo", ".claude-mpm", "sessions");
      try {
        const repo = makeRepo(box);
        addWorktree(box, repo, "alpha");
        mountTmpfs(dir, "64k");
        const filler = fillUp(dir);
        // Completely full, then with 16 KiB free so the write starts and
        // fails part way through.
        for (const freeBytes of [0, 16 * 1024]) {
          if (freeBytes) free(filler, freeBytes);
          const before = listTree(dir);
          const fillerSize = statSync(filler).size;
          const result = await runCli(box, ["pause", "-m", BIG_MESSAGE], {
            cwd: repo,
          });
          assert.equal(result.code, 1, `free ${freeBytes}: ${result.stderr}`);
          const line = assertOneErrorLine(result.stderr);
          assert.match(
            line,
            /^error: Cannot write session file '.*': no space left on device/,
          );
          // The only file a failed pause may add is the whole self-ignore.
          const after = listTree(dir).filter((n) => n !== ".gitignore");
          assert.deepEqual(after, before, "no partial or temp files");
          if (exists(join(dir, ".gitignore"))) {
            assert.match(
              readFileSync(join(dir, ".gitignore"), "utf8"),
              /\n\*\n$/,
            );
          }
          assert.equal(statSync(filler).size, fillerSize);
          assert.ok(exists(join(repo, WT, "alpha", "README.md")));
        }
      } finally {
        unmount(dir);
        box.cleanup();
      }
    },
  },
);

Deno.test(
  {
    ...skippable(
      "disk fills between the session write and the cleanup report: the saved session stays whole and valid",
      CAN_MOUNT,
      NO_MOUNT,
    ),
    fn: async () => {
      const box = sandbox();
      const dir = join(box.dir, "repo", ".claude-mpm", "sessions");
      try {
        const repo = makeRepo(box);
        addWorktree(box, repo, "alpha");
        mountTmpfs(dir, "1m");
        writeFileSync(join(dir, ".gitignore"), "*\n");
        const filler = fillUp(dir);
        // Room for the first JSON (~120 KiB), its Markdown and LATEST, but
        // not for a second copy of the JSON next to the first.
        free(filler, 200 * 1024);
        const result = await runCliToFile(
          box,
          ["pause", "-m", BIG_MESSAGE, "--json"],
          { cwd: repo },
        );
        assertNoStack(result.stderr);
        assert.equal(result.code, 0, result.stderr);
        const out = JSON.parse(result.stdout);
        assert.ok(
          out.session.warnings.some((w: string) =>
            /Cannot add the cleanup report to the session/.test(w)
          ),
          JSON.stringify(out.session.warnings),
        );
        const saved = JSON.parse(readFileSync(out.files.json_path, "utf8"));
        assert.equal(saved.conversation.summary, BIG_MESSAGE);
        assert.equal(
          readFileSync(out.files.latest_path, "utf8").split("\n")[0],
          saved.session_id,
        );
        const names = readdirSync(dir).sort();
        assert.deepEqual(
          names.filter((n) => n.endsWith(".tmp")),
          [],
          `no temp files: ${names}`,
        );
        // The cleanup itself ran after the save.
        assert.equal(out.cleanup.pruned_count, 1);
      } finally {
        unmount(dir);
        box.cleanup();
      }
    },
  },
);

Deno.test(
  {
    ...skippable(
      "sessions folder cannot be created (project not writable, run as nobody): pause exits 1 with 'permission denied', nothing removed",
      CAN_RUN_AS_NOBODY,
      NO_SETPRIV,
    ),
    fn: async () => {
      const box = sandbox();
      try {
        const repo = makeRepo(box);
        addWorktree(box, repo, "alpha");
        const { prefix, env } = asNobody(box);
        chmodSync(repo, 0o555);
        const result = await runCliWith(box, ["pause", "-m", "x"], {
          cwd: repo,
          env,
          prefix,
        });
        chmodSync(repo, 0o755);
        chownToRoot(box);
        assert.equal(result.code, 1, result.stderr);
        const line = assertOneErrorLine(result.stderr);
        assert.match(
          line,
          /^error: Cannot create sessions folder '.*\/\.claude-mpm\/sessions': permission denied/,
        );
        assert.ok(!exists(join(repo, ".claude-mpm")));
        assert.ok(exists(join(repo, WT, "alpha", "README.md")));
      } finally {
        box.cleanup();
      }
    },
  },
);

Deno.test(
  {
    ...skippable(
      "unreadable worktree folder (mode 000, run as nobody): it is preserved as 'unknown' and nothing is deleted",
      CAN_RUN_AS_NOBODY,
      NO_SETPRIV,
    ),
    fn: async () => {
      const box = sandbox();
      try {
        const repo = makeRepo(box);
        const locked = addWorktree(box, repo, "unreadable");
        writeFile(join(locked, "notes.txt"), "unsaved\n");
        addWorktree(box, repo, "disposable");
        const { prefix, env } = asNobody(box);
        chmodSync(locked, 0o000);
        const result = await runCliWith(box, ["prune", "--json"], {
          cwd: repo,
          env,
          prefix,
        });
        chmodSync(locked, 0o755);
        chownToRoot(box);
        assertNoStack(result.stderr);
        assert.equal(result.code, 0, result.stderr);
        const summary = JSON.parse(result.stdout) as Summary;
        const o = outcomeOf(summary.worktrees, "unreadable");
        assert.equal(o.action, "preserved");
        assert.ok(codes(o).includes("unknown"), JSON.stringify(o.reasons));
        assert.equal(
          readFileSync(join(locked, "notes.txt"), "utf8"),
          "unsaved\n",
        );
        assert.ok(registered(box, repo).includes(locked));
        // The run still did its other work.
        assert.equal(
          outcomeOf(summary.worktrees, "disposable").action,
          "pruned",
        );
      } finally {
        box.cleanup();
      }
    },
  },
);

Deno.test(
  {
    ...skippable(
      "unreadable folder inside a clean worktree (run as nobody): the worktree is preserved, stays registered, and its hidden files survive later runs",
      CAN_RUN_AS_NOBODY,
      NO_SETPRIV,
    ),
    fn: async () => {
      const box = sandbox();
      try {
        const repo = makeRepo(box);
        const wt = addWorktree(box, repo, "hidden");
        const secret = join(wt, "secret");
        writeFile(join(secret, "data.txt"), "precious\n");
        const { prefix, env } = asNobody(box);
        chmodSync(secret, 0o000);
        const first = await runCliWith(box, ["prune", "--json"], {
          cwd: repo,
          env,
          prefix,
        });
        // It may have moved: make everything readable again, wherever it is.
        execFileSync("chmod", ["-R", "u+rwX", join(repo, ".claude")]);
        chownToRoot(box);
        assertNoStack(first.stderr);
        const summary = JSON.parse(first.stdout) as Summary;
        assert.equal(
          outcomeOf(summary.worktrees, "hidden").action,
          "preserved",
        );
        assert.ok(registered(box, repo).includes(wt), "still registered");
        assert.ok(exists(join(wt, "README.md")), "nothing was deleted");
        // A later run, with the folder readable again, must not lose it.
        const second = await runCli(box, ["prune", "--json"], { cwd: repo });
        assertNoStack(second.stderr);
        const leftovers = listTree(join(repo, WT));
        assert.ok(
          leftovers.some((p) => p.endsWith("secret/data.txt")),
          `secret/data.txt survives: ${leftovers}`,
        );
      } finally {
        box.cleanup();
      }
    },
  },
);

Deno.test("an unreadable session file does not stop list or resume (run as nobody where possible)", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (const m of ["one", "two"]) {
      const r = await runCli(box, ["pause", "-m", m], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
    }
    const dir = sessionsDir(repo);
    const latest = readFileSync(join(dir, "LATEST-SESSION.txt"), "utf8");
    const newest = `${latest.split("\n")[0]}.json`;
    // The newest session cannot be read: no permission (as nobody) or,
    // when running as root cannot be avoided, not a file at all.
    let prefix: string[] | undefined;
    let env: Record<string, string> = {};
    if (CAN_RUN_AS_NOBODY) {
      ({ prefix, env } = asNobody(box));
      chmodSync(join(dir, newest), 0o000);
    } else {
      console.log("  (not root: the unreadable session is a folder instead)");
      execFileSync("rm", [join(dir, newest)]);
      mkdirSync(join(dir, newest));
    }
    const resumed = await runCliWith(box, ["resume"], {
      cwd: repo,
      env,
      prefix,
    });
    const listed = await runCliWith(box, ["list"], { cwd: repo, env, prefix });
    if (CAN_RUN_AS_NOBODY) chownToRoot(box);
    assertNoStack(resumed.stderr);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /Message: +one/);
    assert.match(
      resumed.stderr,
      /^warning: Cannot read session '.*': .*: skipped$/m,
    );
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /\(unreadable\)/);
  } finally {
    box.cleanup();
  }
});
