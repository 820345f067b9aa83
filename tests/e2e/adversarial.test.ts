/**
 * Adversarial end-to-end tests: real repositories in odd states the
 * cleanup must not be fooled by, through the real CLI. Each test names the
 * rule it holds; the dry run and the real run must agree on what goes.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  symlinkSync,
} from "node:fs";
import { join } from "node:path";
import process from "node:process";
import {
  addWorktree,
  exists,
  git,
  makeRepo,
  runCli,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";
import {
  asNobody,
  CAN_RUN_AS_NOBODY,
  spawnCli,
} from "../faults/fault_helpers.ts";

interface Outcome {
  relative_path: string;
  action: string;
  reasons: { code: string; message: string }[];
}

interface Summary {
  worktrees: Outcome[];
  orphans: Outcome[];
  trash: { emptied: string[]; restored: string[]; remaining: string[] };
}

const WT = join(".claude", "worktrees");

/** The action of each worktree and orphan, by relative path. */
function actions(summary: Summary): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of [...summary.worktrees, ...summary.orphans]) {
    out[o.relative_path] = o.action;
  }
  return out;
}

/** What the real run removed or swept, the dry run said would go. */
function assertAgree(dry: Summary, real: Summary): void {
  const said = actions(dry);
  const done = actions(real);
  for (const [path, action] of Object.entries(done)) {
    if (action === "pruned") assert.equal(said[path], "would-prune", path);
    if (action === "swept") assert.equal(said[path], "would-sweep", path);
  }
  for (const [path, action] of Object.entries(said)) {
    if (action === "would-prune") assert.equal(done[path], "pruned", path);
    if (action === "would-sweep") assert.equal(done[path], "swept", path);
  }
}

Deno.test("prune: a worktree moved into the trash by hand is never deleted, and the dry run says so", async () => {
  for (const dirty of [false, true]) {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "a");
      if (dirty) writeFile(join(wt, "README.md"), "only copy\n");
      const trash = join(repo, WT, ".mpm-trash");
      mkdirSync(trash);
      renameSync(wt, join(trash, "a"));

      const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
        cwd: repo,
      })).json;
      const real = (await runCliJson<Summary>(box, ["prune"], { cwd: repo }))
        .json;
      const dryActs = actions(dry);
      assert.notEqual(
        dryActs[join(WT, "a")],
        "admin-pruned",
        `dirty=${dirty}: the folder is in the trash, not gone: ${
          JSON.stringify(dry.worktrees)
        }`,
      );
      // The tool cannot show it put the folder there: it goes back whole.
      assert.ok(
        exists(join(repo, WT, "a", "README.md")),
        `dirty=${dirty}: the worktree was deleted: ${JSON.stringify(real)}`,
      );
      assert.ok(git(box, repo, "worktree", "list").includes(join(WT, "a")));
      assertAgree(dry, real);
    } finally {
      box.cleanup();
    }
  }
});

const isRoot = process.getuid?.() === 0;

Deno.test({
  name:
    "prune: a worktree or orphan that is itself a bind mount stays, and the dry run says so",
  ignore: !isRoot || process.platform !== "linux",
  fn: async () => {
    const box = sandbox();
    const mounted: string[] = [];
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "a");
      const orphan = join(repo, WT, "o");
      mkdirSync(orphan);
      for (const path of [wt, orphan]) {
        // Same file system, same device id: only the mount table tells.
        execFileSync("mount", ["--bind", path, path]);
        mounted.push(path);
      }
      const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
        cwd: repo,
      })).json;
      const real = (await runCliJson<Summary>(box, ["prune"], { cwd: repo }))
        .json;
      assertAgree(dry, real);
      assert.equal(actions(dry)[join(WT, "a")], "preserved");
      assert.equal(actions(dry)[join(WT, "o")], "preserved");
      assert.ok(exists(join(wt, "README.md")));
    } finally {
      for (const path of mounted) {
        try {
          execFileSync("umount", [path]);
        } catch {
          // Left for the cleanup below to report.
        }
      }
      box.cleanup();
    }
  },
});

Deno.test("prune: a trash folder the tool cannot use keeps every removal, and the dry run says so", async () => {
  for (const kind of ["symlink", "file"]) {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "a");
      mkdirSync(join(repo, WT, "o"));
      const trash = join(repo, WT, ".mpm-trash");
      const elsewhere = join(box.dir, "elsewhere");
      mkdirSync(elsewhere);
      if (kind === "symlink") symlinkSync(elsewhere, trash);
      else writeFile(trash, "not a folder\n");

      const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
        cwd: repo,
      })).json;
      const real = (await runCliJson<Summary>(box, ["prune"], { cwd: repo }))
        .json;
      assertAgree(dry, real);
      assert.equal(actions(dry)[join(WT, "a")], "preserved", kind);
      assert.equal(actions(dry)[join(WT, "o")], "preserved", kind);
      assert.ok(exists(join(wt, "README.md")), kind);
    } finally {
      box.cleanup();
    }
  }
});

Deno.test({
  name:
    "a repository owned by another user is named as such, not as 'not a git repository', and nothing is written in it",
  ignore: !isRoot,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      addWorktree(box, repo, "a");
      execFileSync("chown", ["-R", "nobody", repo]);
      for (const args of [["prune", "--dry-run"], ["pause", "-m", "x"]]) {
        const result = await runCli(box, args, { cwd: repo });
        assert.equal(result.code, 1, args.join(" "));
        assert.match(result.stderr, /owned by another user/, args.join(" "));
        assert.match(result.stderr, /safe\.directory/);
        assert.doesNotMatch(result.stderr, /not inside a git repository/);
      }
      assert.ok(!exists(join(repo, ".claude-mpm")));
      assert.ok(exists(join(repo, WT, "a", "README.md")));
    } finally {
      box.cleanup();
    }
  },
});

interface BranchOutcome {
  relative_path: string;
  branch: string | null;
  branch_deleted: boolean | null;
}

Deno.test("prune --delete-branches: the dry run says which branches git branch -d will delete and which it will refuse", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    // Squash-merged: integrated, but `git branch -d` refuses it.
    const squashed = addWorktree(box, repo, "a");
    writeFile(join(squashed, "y.txt"), "y\n");
    git(box, squashed, "add", "y.txt");
    git(box, squashed, "commit", "-q", "-m", "y");
    git(box, repo, "merge", "-q", "--squash", "a");
    git(box, repo, "commit", "-q", "-m", "squash a");
    addWorktree(box, repo, "b");

    const run = async (args: string[]) =>
      Object.fromEntries(
        (await runCliJson<{ worktrees: BranchOutcome[] }>(box, args, {
          cwd: repo,
        })).json.worktrees.map((w) => [w.relative_path, w.branch_deleted]),
      );
    const dry = await run(["prune", "--dry-run", "--delete-branches"]);
    const dryText = await runCli(box, [
      "prune",
      "--dry-run",
      "--delete-branches",
    ], { cwd: repo });
    const real = await run(["prune", "--delete-branches"]);
    assert.deepEqual(dry, real);
    assert.deepEqual(real, { [join(WT, "a")]: false, [join(WT, "b")]: true });
    assert.match(dryText.stdout, /Would delete 1 branch:\n\s+b\n/);
    assert.match(dryText.stdout, /Would keep 1 branch git branch -d would/);
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: for entries in the trash the tool did not put there, the dry run says what the real run does", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const trash = join(repo, WT, ".mpm-trash");
    writeFile(join(trash, "x", "file"), "precious\n");
    mkdirSync(join(trash, "empty"));
    const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
      cwd: repo,
    })).json;
    const real = (await runCliJson<Summary>(box, ["prune"], { cwd: repo }))
      .json;
    assert.deepEqual(dry.trash, real.trash);
    assert.deepEqual(real.trash.restored, [join(trash, "x")]);
    assert.ok(exists(join(repo, WT, "x", "file")));
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "prune as a user who cannot write in .claude/worktrees/: the dry run keeps what the real run cannot move",
  ignore: !CAN_RUN_AS_NOBODY,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "a");
      const { prefix, env } = asNobody(box);
      // The folder belongs to root: nobody can read it but not write in it.
      execFileSync("chown", ["0:0", join(repo, WT)]);
      const run = async (args: string[]) => {
        const result = await spawnCli(box, [...args, "--json"], {
          cwd: repo,
          env,
          prefix,
        }).done;
        return JSON.parse(result.stdout) as Summary;
      };
      const dry = await run(["prune", "--dry-run"]);
      const real = await run(["prune"]);
      assertAgree(dry, real);
      assert.equal(actions(dry)[join(WT, "a")], "preserved");
      assert.ok(exists(join(wt, "README.md")));
    } finally {
      box.cleanup();
    }
  },
});

Deno.test({
  name:
    "prune as a user who cannot write in a folder inside a worktree: kept whole, never half removed, and the dry run says so",
  ignore: !CAN_RUN_AS_NOBODY,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      writeFile(join(repo, "sub", "s.txt"), "s\n");
      git(box, repo, "add", "sub");
      git(box, repo, "commit", "-q", "-m", "sub");
      const wt = addWorktree(box, repo, "a");
      const { prefix, env } = asNobody(box);
      chmodSync(join(wt, "sub"), 0o555);
      const run = async (args: string[]) => {
        const result = await spawnCli(box, [...args, "--json"], {
          cwd: repo,
          env,
          prefix,
        }).done;
        return JSON.parse(result.stdout) as Summary;
      };
      const dry = await run(["prune", "--dry-run"]);
      const real = await run(["prune"]);
      assertAgree(dry, real);
      assert.equal(actions(dry)[join(WT, "a")], "preserved");
      assert.ok(exists(join(wt, ".git")), "the worktree stays whole");
      assert.ok(exists(join(wt, "README.md")), "the worktree stays whole");
    } finally {
      chmodSync(join(box.dir, "repo", WT, "a", "sub"), 0o755);
      box.cleanup();
    }
  },
});

Deno.test({
  name:
    "prune: a process that holds a file open inside a worktree keeps it, though its working directory is elsewhere",
  ignore: process.platform !== "linux",
  fn: async () => {
    const box = sandbox();
    const wt = join(box.dir, "repo", WT, "a");
    let holder: ReturnType<typeof spawn> | undefined;
    try {
      const repo = makeRepo(box);
      addWorktree(box, repo, "a");
      holder = spawn("sh", [
        "-c",
        'exec 3<"$1"; exec sleep 30',
        "sh",
        join(wt, "README.md"),
      ], {
        cwd: "/",
        stdio: "ignore",
      });
      // Bounded wait until the shell has opened the file.
      for (let i = 0; i < 100; i++) {
        try {
          const fds = readdirSync(`/proc/${holder.pid}/fd`);
          if (
            fds.some((fd) =>
              readlinkSync(`/proc/${holder!.pid}/fd/${fd}`).startsWith(wt)
            )
          ) break;
        } catch {
          // Not started yet.
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
        cwd: repo,
      })).json;
      assert.equal(actions(dry)[join(WT, "a")], "preserved");
      assert.ok(
        dry.worktrees[0].reasons.some((r) => r.code === "process-running"),
        JSON.stringify(dry.worktrees[0].reasons),
      );
    } finally {
      holder?.kill("SIGKILL");
      box.cleanup();
    }
  },
});
