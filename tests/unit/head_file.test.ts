/**
 * Tests of reading a worktree's HEAD from its files: on real repositories
 * in every state the fast path takes, it answers exactly what git answers,
 * and it leaves every other state to git.
 *
 * @module
 */

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isPlainBranchRef, readHeadFiles } from "../../lib/gather/head_file.ts";
import {
  addWorktree,
  commitAll,
  git,
  makeRepo,
  sandbox,
  writeFile,
} from "../helpers.ts";

/** What git says HEAD is, in the worktree at `path`. */
function gitHead(
  box: ReturnType<typeof sandbox>,
  path: string,
): { sha: string; branchRef?: string } {
  const [sha, symbolic] = git(
    box,
    path,
    "rev-parse",
    "HEAD",
    "--symbolic-full-name",
    "HEAD",
  ).split("\n");
  return symbolic === "HEAD" ? { sha } : { sha, branchRef: symbolic };
}

Deno.test("readHeadFiles: answers as git does for loose, packed, nested and detached HEADs", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const common = join(repo, ".git");
    const cases: [string, () => string][] = [
      ["loose branch", () => addWorktree(box, repo, "loose")],
      [
        "branch with slashes",
        () => addWorktree(box, repo, "slashed", { branch: "agent/task-1/x" }),
      ],
      ["detached", () => addWorktree(box, repo, "detached", { detach: true })],
      ["branch with a commit of its own", () => {
        const wt = addWorktree(box, repo, "ahead");
        writeFile(join(wt, "a.txt"), "a\n");
        commitAll(box, wt, "own");
        return wt;
      }],
    ];
    const worktrees = cases.map(([name, make]) => [name, make()] as const);
    for (const pass of ["loose refs", "packed refs"]) {
      if (pass === "packed refs") git(box, repo, "pack-refs", "--all");
      for (const [name, wt] of worktrees) {
        const admin = git(box, wt, "rev-parse", "--absolute-git-dir");
        const files = await readHeadFiles(admin, common);
        assert.deepEqual(files, gitHead(box, wt), `${pass}: ${name}`);
      }
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("readHeadFiles: leaves unborn branches, symbolic chains and odd files to git", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const common = join(repo, ".git");
    const wt = addWorktree(box, repo, "odd");
    const admin = git(box, wt, "rev-parse", "--absolute-git-dir");
    const sha = git(box, repo, "rev-parse", "HEAD");
    const heads: [string, string][] = [
      ["unborn branch", "ref: refs/heads/never-made\n"],
      ["reftable's placeholder", "ref: refs/heads/.invalid\n"],
      ["a ref outside refs/heads", "ref: refs/remotes/origin/main\n"],
      ["a name git refuses", "ref: refs/heads/a..b\n"],
      ["garbage", "not a head\n"],
      ["a short id", sha.slice(0, 12) + "\n"],
    ];
    for (const [name, content] of heads) {
      writeFileSync(join(admin, "HEAD"), content);
      assert.equal(await readHeadFiles(admin, common), undefined, name);
    }
    // A loose ref that is itself symbolic.
    git(box, repo, "symbolic-ref", "refs/heads/alias", "refs/heads/main");
    writeFileSync(join(admin, "HEAD"), "ref: refs/heads/alias\n");
    assert.equal(await readHeadFiles(admin, common), undefined, "symref");
    writeFileSync(join(admin, "HEAD"), `${sha}\n`);
    assert.deepEqual(await readHeadFiles(admin, common), { sha }, "detached");
  } finally {
    box.cleanup();
  }
});

Deno.test("isPlainBranchRef: only names git writes as loose files", () => {
  const cases: [string, boolean][] = [
    ["refs/heads/main", true],
    ["refs/heads/agent/task-1", true],
    ["refs/heads/", false],
    ["refs/tags/v1", false],
    ["refs/heads/a..b", false],
    ["refs/heads/.hidden", false],
    ["refs/heads/x.lock", false],
    ["refs/heads/a//b", false],
    ["refs/heads/a/", false],
    ["refs/heads/with space", false],
    ["refs/heads/tab\there", false],
    ["refs/heads/a@{1}", false],
    ["refs/heads/q?", false],
    ["refs/heads/back\\slash", false],
  ];
  for (const [ref, expected] of cases) {
    assert.equal(isPlainBranchRef(ref), expected, ref);
  }
});
