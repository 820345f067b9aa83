/**
 * End-to-end tests of the integration memo: a second cleanup makes no
 * `diff` or `merge-tree` call for branches it already found not integrated,
 * and nothing about the memo can keep an integrated branch forever or make
 * the cleanup remove anything.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import { fakeGit, faultHits } from "../faults/fault_helpers.ts";
import type { PruneSummary, WorktreeOutcome } from "../../mod.ts";

const WT = join(".claude", "worktrees");
const MEMO = join(".git", "mpm-session", "integration.json");

/**
 * Logs every `diff`, `merge-tree` and worktree `status` call, then runs
 * the real git.
 */
function countingGit(box: Sandbox): Record<string, string> {
  return fakeGit(box, [
    { match: "diff", mode: "slow", delay: 0 },
    { match: "merge-tree", mode: "slow", delay: 0 },
    { match: "status", mode: "slow", delay: 0, onlyInWorktrees: true },
  ]);
}

function integrationCalls(box: Sandbox): string[] {
  const hits = faultHits(box);
  rmSync(join(box.dir, "fakegit.log"), { force: true });
  return hits;
}

async function prune(
  box: Sandbox,
  repo: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<Map<string, WorktreeOutcome>> {
  const { json } = await runCliJson<PruneSummary>(
    box,
    ["prune", ...args],
    { cwd: repo, env },
  );
  return new Map(json.worktrees.map((w) => [w.relative_path, w]));
}

/** A repository with one worktree holding a commit `main` lacks. */
function repoWithUnmergedWorktree(box: Sandbox): string {
  const repo = makeRepo(box);
  const ahead = addWorktree(box, repo, "ahead");
  writeFile(join(ahead, "feature.txt"), "feature\n");
  commitAll(box, ahead, "feature");
  return repo;
}

Deno.test("prune memo: a second run asks git nothing more about a branch found not integrated", async () => {
  const box = sandbox();
  try {
    const repo = repoWithUnmergedWorktree(box);
    // Unsaved work as well, which no run needs to read: the commits that
    // are not integrated keep the worktree already.
    writeFile(join(repo, WT, "ahead", "draft.txt"), "draft\n");
    const env = countingGit(box);
    const first = await prune(box, repo, env);
    const ahead = first.get(join(WT, "ahead"));
    assert.deepEqual(ahead?.reasons.map((r) => r.code), ["not-integrated"]);
    const firstCalls = integrationCalls(box);
    assert.ok(
      firstCalls.some((l) => l.includes("merge-tree")),
      "the first run simulates the merge",
    );
    assert.ok(
      !firstCalls.some((l) => l.startsWith("slow status")),
      "its status is not needed",
    );
    assert.ok(exists(join(repo, MEMO)), "the first run saves the memo");

    const second = await prune(box, repo, env);
    assert.deepEqual(
      second.get(join(WT, "ahead"))?.reasons.map((r) => r.code),
      ["not-integrated"],
    );
    assert.deepEqual(
      integrationCalls(box),
      [],
      "no diff, merge-tree or status: the memo alone keeps it",
    );
    assert.ok(exists(join(repo, WT, "ahead", "feature.txt")));
    assert.ok(exists(join(repo, WT, "ahead", "draft.txt")));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune memo: a new commit on the branch or on main is checked afresh", async () => {
  const box = sandbox();
  try {
    const repo = repoWithUnmergedWorktree(box);
    const env = countingGit(box);
    await prune(box, repo, env);
    integrationCalls(box);

    // Squash-merge the branch into main, then move main on, so only the
    // simulated merge can see that the branch adds nothing.
    git(box, repo, "merge", "--squash", "ahead");
    git(box, repo, "commit", "-q", "-m", "squash ahead");
    writeFile(join(repo, "later.txt"), "later\n");
    commitAll(box, repo, "later work on main");
    const after = await prune(box, repo, env);
    assert.equal(after.get(join(WT, "ahead"))?.action, "pruned");
    assert.equal(
      after.get(join(WT, "ahead"))?.integration_check,
      "merge-adds-nothing",
    );
    assert.ok(integrationCalls(box).some((l) => l.includes("merge-tree")));
    assert.ok(!exists(join(repo, WT, "ahead")));

    // A branch that moves is a new tip: checked again, not taken from memory.
    const other = addWorktree(box, repo, "other");
    writeFile(join(other, "one.txt"), "1\n");
    commitAll(box, other, "one");
    await prune(box, repo, env);
    integrationCalls(box);
    writeFile(join(other, "two.txt"), "2\n");
    commitAll(box, other, "two");
    const moved = await prune(box, repo, env);
    assert.equal(moved.get(join(WT, "other"))?.action, "preserved");
    assert.ok(integrationCalls(box).some((l) => l.includes("merge-tree")));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune memo: a damaged or foreign memo is ignored, and --dry-run writes none", async () => {
  const box = sandbox();
  try {
    const repo = repoWithUnmergedWorktree(box);
    addWorktree(box, repo, "done");
    const env = countingGit(box);
    const dry = await prune(box, repo, env, "--dry-run");
    assert.equal(dry.get(join(WT, "done"))?.action, "would-prune");
    assert.ok(!exists(join(repo, MEMO)), "a dry run changes nothing");

    const tip = git(box, repo, "rev-parse", "ahead");
    const damaged = [
      "not json at all",
      "[]",
      JSON.stringify({ format: "something else", not_integrated: [tip] }),
      JSON.stringify({
        format: "mpm-session integration memo v1",
        default: "refs/heads/main=0000000000000000000000000000000000000000",
        not_integrated: [tip],
      }),
    ];
    for (const text of damaged) {
      mkdirSync(join(repo, ".git", "mpm-session"), { recursive: true });
      writeFileSync(join(repo, MEMO), text);
      integrationCalls(box);
      const run = await prune(box, repo, env, "--dry-run");
      assert.equal(run.get(join(WT, "ahead"))?.action, "preserved", text);
      assert.ok(
        integrationCalls(box).some((l) => l.includes("merge-tree")),
        `the memo was not trusted: ${text}`,
      );
      assert.equal(readFileSync(join(repo, MEMO), "utf8"), text);
    }
  } finally {
    box.cleanup();
  }
});
