/**
 * Unit tests for `lib/gather/worktree_list_parse.ts`: parsing of
 * `git worktree list --porcelain -z` and `shortBranchName`. Fixtures follow
 * the exact layout git prints: attributes end with NUL, records with an
 * extra NUL.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  parseWorktreeList,
  shortBranchName,
  type WorktreeRecord,
} from "../../lib/gather/worktree_list_parse.ts";

const A = "ffa29b9c8f04a8c618c702e88e22987b386132e1";
const B = "f756cefe304cc3de7ec0b6ead9d3ef7ec8bd1881";

/** One `-z` record: each attribute followed by NUL, then one more NUL. */
function rec(...attributes: string[]): string {
  return attributes.map((a) => `${a}\0`).join("") + "\0";
}

Deno.test("parseWorktreeList: each kind of record is parsed into its fields", () => {
  const cases: { name: string; input: string; expected: WorktreeRecord[] }[] = [
    { name: "empty output", input: "", expected: [] },
    {
      name: "main worktree on a branch",
      input: rec("worktree /repo", `HEAD ${A}`, "branch refs/heads/main"),
      expected: [{
        path: "/repo",
        head: A,
        branchRef: "refs/heads/main",
        detached: false,
        bare: false,
      }],
    },
    {
      name: "detached worktree",
      input: rec(
        "worktree /repo/.claude/worktrees/a1",
        `HEAD ${B}`,
        "detached",
      ),
      expected: [{
        path: "/repo/.claude/worktrees/a1",
        head: B,
        detached: true,
        bare: false,
      }],
    },
    {
      name: "bare repository entry",
      input: rec("worktree /srv/repo.git", "bare"),
      expected: [{ path: "/srv/repo.git", detached: false, bare: true }],
    },
    {
      name: "locked with a reason",
      input: rec(
        "worktree /repo/.claude/worktrees/a1",
        `HEAD ${A}`,
        "branch refs/heads/a1",
        "locked agent a1 (pid 4242)",
      ),
      expected: [{
        path: "/repo/.claude/worktrees/a1",
        head: A,
        branchRef: "refs/heads/a1",
        detached: false,
        bare: false,
        lockReason: "agent a1 (pid 4242)",
      }],
    },
    {
      name: "locked without a reason has an empty lockReason",
      input: rec("worktree /w", `HEAD ${A}`, "detached", "locked"),
      expected: [{
        path: "/w",
        head: A,
        detached: true,
        bare: false,
        lockReason: "",
      }],
    },
    {
      name: "locked with a multi-line reason keeps the newline (-z)",
      input: rec(
        "worktree /w",
        `HEAD ${A}`,
        "detached",
        "locked line one\nline two",
      ),
      expected: [{
        path: "/w",
        head: A,
        detached: true,
        bare: false,
        lockReason: "line one\nline two",
      }],
    },
    {
      name: "prunable with git's reason",
      input: rec(
        "worktree /gone",
        `HEAD ${A}`,
        "detached",
        "prunable gitdir file points to non-existent location",
      ),
      expected: [{
        path: "/gone",
        head: A,
        detached: true,
        bare: false,
        prunableReason: "gitdir file points to non-existent location",
      }],
    },
    {
      name: "unborn branch has no HEAD",
      input: rec("worktree /new", "branch refs/heads/unborn"),
      expected: [{
        path: "/new",
        branchRef: "refs/heads/unborn",
        detached: false,
        bare: false,
      }],
    },
    {
      name: "path with spaces, a newline and unicode",
      input: rec(
        "worktree /r/.claude/worktrees/a b\nc ünï",
        `HEAD ${A}`,
        "detached",
      ),
      expected: [{
        path: "/r/.claude/worktrees/a b\nc ünï",
        head: A,
        detached: true,
        bare: false,
      }],
    },
    {
      name: "unknown attributes are ignored",
      input: rec("worktree /w", `HEAD ${A}`, "detached", "future-attr x y"),
      expected: [{ path: "/w", head: A, detached: true, bare: false }],
    },
    {
      name: "attributes before any worktree line are ignored",
      input: "HEAD abc\0locked\0\0" + rec("worktree /w", "bare"),
      expected: [{ path: "/w", detached: false, bare: true }],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(parseWorktreeList(input), expected, name);
  }
});

Deno.test("parseWorktreeList: several records keep their order and do not share fields", () => {
  const output = rec("worktree /repo", `HEAD ${A}`, "branch refs/heads/main") +
    rec(
      "worktree /repo/.claude/worktrees/a1",
      `HEAD ${B}`,
      "detached",
      "locked",
    ) +
    rec(
      "worktree /repo/.claude/worktrees/a2",
      `HEAD ${A}`,
      "branch refs/heads/a2",
      "prunable gitdir file points to non-existent location",
    );
  const records = parseWorktreeList(output);
  assert.deepEqual(records.map((r) => r.path), [
    "/repo",
    "/repo/.claude/worktrees/a1",
    "/repo/.claude/worktrees/a2",
  ]);
  assert.equal(records[0].lockReason, undefined, "main is not locked");
  assert.equal(records[0].detached, false);
  assert.equal(records[1].lockReason, "");
  assert.equal(records[1].branchRef, undefined);
  assert.equal(
    records[2].lockReason,
    undefined,
    "lock does not leak to the next record",
  );
  assert.equal(
    records[2].detached,
    false,
    "detached does not leak to the next record",
  );
  assert.equal(
    records[2].prunableReason,
    "gitdir file points to non-existent location",
  );
});

Deno.test("parseWorktreeList: attributes after a record's closing NUL are not attached to it", () => {
  const output = rec("worktree /a", `HEAD ${A}`) + "locked stray\0detached\0";
  const records = parseWorktreeList(output);
  assert.equal(records.length, 1);
  assert.equal(records[0].lockReason, undefined);
  assert.equal(records[0].detached, false);
});

Deno.test("shortBranchName: strips refs/heads/ only", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: "simple", input: "refs/heads/main", expected: "main" },
    { name: "with slashes", input: "refs/heads/a/b/c", expected: "a/b/c" },
    {
      name: "a branch literally named refs/heads/x",
      input: "refs/heads/refs/heads/x",
      expected: "refs/heads/x",
    },
    {
      name: "remote ref unchanged",
      input: "refs/remotes/origin/main",
      expected: "refs/remotes/origin/main",
    },
    { name: "tag unchanged", input: "refs/tags/v1", expected: "refs/tags/v1" },
    { name: "already short", input: "main", expected: "main" },
    {
      name: "prefix without slash",
      input: "refs/headsx",
      expected: "refs/headsx",
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(shortBranchName(input), expected, name);
  }
});
