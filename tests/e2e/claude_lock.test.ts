/**
 * End-to-end tests of Claude Code's stale worktree locks on real
 * repositories: a lock whose owner is gone (or whose pid now names another
 * process) is unlocked and the worktree judged by every other rule; a live
 * owner keeps it; any other lock text keeps it as before.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { prune as pruneLibrary } from "../../lib/commands/prune.ts";
import { settleClaudeLocks } from "../../lib/gather/claude_lock.ts";
import { parseWorktreeList } from "../../lib/gather/worktree_list_parse.ts";
import {
  addWorktree,
  exists,
  git,
  makeRepo,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";

interface Outcome {
  relative_path: string;
  action: string;
  reasons: { code: string; message: string }[];
  notes: string[];
}

const WT = join(".claude", "worktrees");
const HAS_PROC = exists("/proc/self/stat");

function startTicks(pid: number): string {
  const line = readFileSync(`/proc/${pid}/stat`, "utf8");
  return line.slice(line.lastIndexOf(")") + 1).trim().split(/\s+/)[19];
}

function find(list: Outcome[], name: string): Outcome {
  const found = list.find((o) => o.relative_path === join(WT, name));
  assert.ok(found, `no outcome for ${name}`);
  return found;
}

function lockReasonOf(repoGit: string, name: string): string | undefined {
  try {
    return readFileSync(join(repoGit, "worktrees", name, "locked"), "utf8")
      .trim();
  } catch {
    return undefined;
  }
}

Deno.test({
  name:
    "claude locks: gone and reused owners are unlocked and judged; a live one keeps its worktree",
  ignore: !HAS_PROC,
  fn: async () => {
    const box = sandbox();
    // A child we start and end ourselves stands in for a live client.
    const child = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const repo = makeRepo(box);
      const gone = addWorktree(box, repo, "agent-a1");
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        "claude agent agent-a1 (pid 999999999 start 12345)",
        gone,
      );
      const reused = addWorktree(box, repo, "reused");
      const live = addWorktree(box, repo, "live");
      const goneDirty = addWorktree(box, repo, "gone-dirty");
      writeFile(join(goneDirty, "work.txt"), "unsaved\n");
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        "claude session gone-dirty (pid 999999998 start 1)",
        goneDirty,
      );
      const other = addWorktree(box, repo, "other");
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        "my own lock (pid 999999997)",
        other,
      );
      const pid = child.pid!;
      const ticks = startTicks(pid);
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        `claude agent reused (pid ${pid} start ${Number(ticks) + 1})`,
        reused,
      );
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        `claude session live (pid ${pid} start ${ticks})`,
        live,
      );

      // A dry run says what it would unlock and unlocks nothing.
      const dry = await runCliJson<{ worktrees: Outcome[] }>(box, [
        "prune",
        "--dry-run",
      ], { cwd: repo });
      const dryGone = find(dry.json.worktrees, "agent-a1");
      assert.equal(dryGone.action, "would-prune");
      assert.ok(
        dryGone.notes.includes(
          "would unlock stale lock of claude agent agent-a1 (pid 999999999 gone)",
        ),
        dryGone.notes.join(),
      );
      assert.ok(
        lockReasonOf(join(repo, ".git"), "agent-a1"),
        "dry run kept the lock",
      );

      const { json } = await runCliJson<{ worktrees: Outcome[] }>(box, [
        "prune",
      ], { cwd: repo });
      const goneOutcome = find(json.worktrees, "agent-a1");
      assert.equal(goneOutcome.action, "pruned");
      assert.ok(
        goneOutcome.notes.includes(
          "unlocked stale lock of claude agent agent-a1 (pid 999999999 gone)",
        ),
      );
      assert.ok(!exists(gone));

      const reusedOutcome = find(json.worktrees, "reused");
      assert.equal(
        reusedOutcome.action,
        "pruned",
        JSON.stringify(reusedOutcome),
      );
      assert.match(
        reusedOutcome.notes.join(),
        new RegExp(
          `unlocked stale lock of claude agent reused \\(pid ${pid} gone, now used by another process\\)`,
        ),
      );

      // Unlocked, then kept by its unsaved file.
      const dirtyOutcome = find(json.worktrees, "gone-dirty");
      assert.equal(dirtyOutcome.action, "preserved");
      assert.deepEqual(dirtyOutcome.reasons.map((r) => r.code), ["dirty"]);
      assert.ok(
        dirtyOutcome.notes.includes(
          "unlocked stale lock of claude session gone-dirty (pid 999999998 gone)",
        ),
      );
      assert.equal(lockReasonOf(join(repo, ".git"), "gone-dirty"), undefined);
      assert.ok(exists(join(goneDirty, "work.txt")));

      const liveOutcome = find(json.worktrees, "live");
      assert.equal(liveOutcome.action, "preserved");
      assert.deepEqual(liveOutcome.reasons.map((r) => r.code), [
        "in-use-by-claude",
      ]);
      assert.match(
        liveOutcome.reasons[0].message,
        new RegExp(`in use by claude session live \\(pid ${pid}\\)`),
      );
      assert.ok(lockReasonOf(join(repo, ".git"), "live"));

      const otherOutcome = find(json.worktrees, "other");
      assert.deepEqual(otherOutcome.reasons.map((r) => r.code), ["locked"]);
      assert.equal(
        lockReasonOf(join(repo, ".git"), "other"),
        "my own lock (pid 999999997)",
      );
    } finally {
      child.kill();
      box.cleanup();
    }
  },
});

Deno.test({
  name:
    "claude locks: keepStaleLocks keeps them; an unreadable /proc keeps them and says so",
  ignore: !HAS_PROC,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const gone = addWorktree(box, repo, "agent-a2");
      git(
        box,
        repo,
        "worktree",
        "lock",
        "--reason",
        "claude agent agent-a2 (pid 999999999 start 5)",
        gone,
      );
      const kept = await pruneLibrary({
        projectPath: repo,
        keepStaleLocks: true,
      });
      const outcome = kept.worktrees[0];
      assert.equal(outcome.action, "preserved");
      assert.deepEqual(outcome.reasons.map((r) => r.code), ["locked"]);
      assert.match(
        outcome.notes.join(),
        /kept stale lock of claude agent agent-a2 \(pid 999999999 gone\): --keep-stale-locks/,
      );
      assert.ok(lockReasonOf(join(repo, ".git"), "agent-a2"));

      const settled = await settleClaudeLocks(
        [{
          path: gone,
          lockReason: "claude agent agent-a2 (pid 999999999 start 5)",
          detached: false,
          bare: false,
        } as never],
        { mainRoot: repo, dryRun: false, procDir: join(box.dir, "no-proc") },
      );
      assert.equal(
        settled.records[0].lockReason,
        "claude agent agent-a2 (pid 999999999 start 5)",
      );
      const annotated = settled.annotate(
        { path: gone, notes: [], reasons: [] } as never,
      );
      assert.match(
        annotated.notes.join(),
        /kept the lock of claude agent agent-a2: cannot tell whether pid 999999999 runs: cannot read/,
      );
      assert.ok(lockReasonOf(join(repo, ".git"), "agent-a2"), "still locked");
    } finally {
      box.cleanup();
    }
  },
});

Deno.test({
  name:
    "claude locks: a lock that changed since the list was read is not the stale one: it stays",
  ignore: !HAS_PROC,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const path = addWorktree(box, repo, "agent-a1");
      const stale = "claude agent agent-a1 (pid 999999999 start 1)";
      git(box, repo, "worktree", "lock", "--reason", stale, path);
      const [record] = parseWorktreeList(
        git(box, repo, "worktree", "list", "--porcelain", "-z") + "\0",
      ).filter((r) => r.path === path);
      assert.equal(record.lockReason, stale);
      // Claude Code takes the worktree again after the list was read.
      const fresh = `claude agent agent-a1 (pid ${process.pid} start ${
        startTicks(process.pid)
      })`;
      git(box, repo, "worktree", "unlock", path);
      git(box, repo, "worktree", "lock", "--reason", fresh, path);
      const settled = await settleClaudeLocks([record], {
        mainRoot: repo,
        dryRun: false,
      });
      assert.equal(settled.records[0].lockReason, stale, "still locked");
      assert.equal(lockReasonOf(join(repo, ".git"), "agent-a1"), fresh);
    } finally {
      box.cleanup();
    }
  },
});
