/**
 * Unit tests for the pure parts of `lib/gather/repo.ts`: parsing the
 * `git log` record format, turning a parsed status into the saved snapshot
 * (capped at MAX_LISTED_PATHS with full counts and a truncated flag), and
 * the git context of a directory that is not a repository.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  emptyGitContext,
  parseCommitLog,
  statusSnapshot,
} from "../../lib/gather/repo.ts";
import type {
  ParsedStatus,
  StatusEntry,
} from "../../lib/gather/status_parse.ts";
import { type CommitInfo, MAX_LISTED_PATHS } from "../../lib/types.ts";

const F = "\x1f";
const R = "\x1e";
const SHA1 = "1111111111111111111111111111111111111111";
const SHA2 = "2222222222222222222222222222222222222222";

Deno.test("parseCommitLog: one CommitInfo per record, newline between records ignored", () => {
  const cases: { name: string; input: string; expected: CommitInfo[] }[] = [
    { name: "empty output", input: "", expected: [] },
    { name: "only a newline", input: "\n", expected: [] },
    {
      name: "one commit",
      input:
        `${SHA1}${F}Ada Lovelace${F}2024-01-02T03:04:05+00:00${F}Fix the parser${R}\n`,
      expected: [{
        sha: SHA1,
        author: "Ada Lovelace",
        timestamp: "2024-01-02T03:04:05+00:00",
        message: "Fix the parser",
      }],
    },
    {
      name: "two commits, as git log prints them",
      input: `${SHA2}${F}B${F}2024-01-03T00:00:00Z${F}second${R}\n` +
        `${SHA1}${F}A${F}2024-01-02T00:00:00Z${F}first${R}\n`,
      expected: [
        {
          sha: SHA2,
          author: "B",
          timestamp: "2024-01-03T00:00:00Z",
          message: "second",
        },
        {
          sha: SHA1,
          author: "A",
          timestamp: "2024-01-02T00:00:00Z",
          message: "first",
        },
      ],
    },
    {
      name: "unicode, quotes and markup in the subject are kept",
      input: `${SHA1}${F}Zoë${F}t${F}Add "ünï" <b>*x*</b> 😀${R}`,
      expected: [{
        sha: SHA1,
        author: "Zoë",
        timestamp: "t",
        message: 'Add "ünï" <b>*x*</b> 😀',
      }],
    },
    {
      name: "empty subject",
      input: `${SHA1}${F}A${F}t${F}${R}`,
      expected: [{ sha: SHA1, author: "A", timestamp: "t", message: "" }],
    },
    {
      name: "missing subject field becomes an empty message",
      input: `${SHA1}${F}A${F}t${R}`,
      expected: [{ sha: SHA1, author: "A", timestamp: "t", message: "" }],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(parseCommitLog(input), expected, name);
  }
});

function status(overrides: Partial<ParsedStatus> = {}): ParsedStatus {
  return {
    stashCount: 0,
    staged: [],
    modified: [],
    untracked: [],
    conflicted: [],
    ignored: [],
    ...overrides,
  };
}

function entries(
  prefix: string,
  n: number,
  index = "M",
  worktree = ".",
): StatusEntry[] {
  return Array.from(
    { length: n },
    (_, i) => ({ path: `${prefix}${i}`, index, worktree }),
  );
}

function paths(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

Deno.test("statusSnapshot: lists, counts and the clean flag", () => {
  const both: StatusEntry = { path: "both.ts", index: "M", worktree: "M" };
  const cases: {
    name: string;
    input: ParsedStatus;
    expected: ReturnType<typeof statusSnapshot>;
  }[] = [
    {
      name: "nothing is clean",
      input: status(),
      expected: {
        clean: true,
        modified_files: [],
        untracked_files: [],
        staged_files: [],
        unstaged_files: [],
        conflicted_files: [],
        counts: {
          modified: 0,
          staged: 0,
          unstaged: 0,
          untracked: 0,
          conflicted: 0,
        },
        truncated: false,
      },
    },
    {
      name: "ignored files and stashes do not make it dirty",
      input: status({
        ignored: ["node_modules/"],
        stashCount: 2,
        branch: "main",
      }),
      expected: {
        clean: true,
        modified_files: [],
        untracked_files: [],
        staged_files: [],
        unstaged_files: [],
        conflicted_files: [],
        counts: {
          modified: 0,
          staged: 0,
          unstaged: 0,
          untracked: 0,
          conflicted: 0,
        },
        truncated: false,
      },
    },
    {
      name: "a path both staged and unstaged is one modified file",
      input: status({
        staged: [both, { path: "staged.ts", index: "A", worktree: "." }],
        modified: [both, { path: "unstaged.ts", index: ".", worktree: "M" }],
        untracked: ["new.txt"],
        conflicted: ["c.txt"],
      }),
      expected: {
        clean: false,
        modified_files: ["both.ts", "staged.ts", "unstaged.ts"],
        untracked_files: ["new.txt"],
        staged_files: ["both.ts", "staged.ts"],
        unstaged_files: ["both.ts", "unstaged.ts"],
        conflicted_files: ["c.txt"],
        counts: {
          modified: 3,
          staged: 2,
          unstaged: 2,
          untracked: 1,
          conflicted: 1,
        },
        truncated: false,
      },
    },
    {
      name: "a rename lists its new path only",
      input: status({
        staged: [{
          path: "new.ts",
          origPath: "old.ts",
          index: "R",
          worktree: ".",
        }],
      }),
      expected: {
        clean: false,
        modified_files: ["new.ts"],
        untracked_files: [],
        staged_files: ["new.ts"],
        unstaged_files: [],
        conflicted_files: [],
        counts: {
          modified: 1,
          staged: 1,
          unstaged: 0,
          untracked: 0,
          conflicted: 0,
        },
        truncated: false,
      },
    },
    {
      name: "untracked only is not clean",
      input: status({ untracked: ["u"] }),
      expected: {
        clean: false,
        modified_files: [],
        untracked_files: ["u"],
        staged_files: [],
        unstaged_files: [],
        conflicted_files: [],
        counts: {
          modified: 0,
          staged: 0,
          unstaged: 0,
          untracked: 1,
          conflicted: 0,
        },
        truncated: false,
      },
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(statusSnapshot(input), expected, name);
  }
});

Deno.test("statusSnapshot: each list stops at MAX_LISTED_PATHS; counts stay exact; truncated says so", () => {
  const N = MAX_LISTED_PATHS;
  const cases: {
    name: string;
    input: ParsedStatus;
    expected: {
      lengths: Record<string, number>;
      counts: Record<string, number>;
      truncated: boolean;
    };
  }[] = [
    {
      name: "exactly the limit of untracked is not truncated",
      input: status({ untracked: paths("u", N) }),
      expected: {
        lengths: { untracked_files: N },
        counts: { untracked: N },
        truncated: false,
      },
    },
    {
      name: "one over the limit of untracked is truncated",
      input: status({ untracked: paths("u", N + 1) }),
      expected: {
        lengths: { untracked_files: N },
        counts: { untracked: N + 1 },
        truncated: true,
      },
    },
    {
      name: "50,000 untracked",
      input: status({ untracked: paths("u", 50_000) }),
      expected: {
        lengths: { untracked_files: N },
        counts: { untracked: 50_000 },
        truncated: true,
      },
    },
    {
      name: "too many conflicted",
      input: status({ conflicted: paths("c", N + 5) }),
      expected: {
        lengths: { conflicted_files: N },
        counts: { conflicted: N + 5 },
        truncated: true,
      },
    },
    {
      name: "too many staged: staged and modified lists capped",
      input: status({ staged: entries("s", N + 2) }),
      expected: {
        lengths: { staged_files: N, modified_files: N, unstaged_files: 0 },
        counts: { staged: N + 2, modified: N + 2 },
        truncated: true,
      },
    },
    {
      name: "too many unstaged",
      input: status({ modified: entries("m", N + 1, ".", "M") }),
      expected: {
        lengths: { unstaged_files: N, modified_files: N },
        counts: { unstaged: N + 1, modified: N + 1 },
        truncated: true,
      },
    },
    {
      name: "staged and unstaged each within the limit but together over it",
      input: status({
        staged: entries("s", 300),
        modified: entries("m", 300, ".", "M"),
      }),
      expected: {
        lengths: { staged_files: 300, unstaged_files: 300, modified_files: N },
        counts: { staged: 300, unstaged: 300, modified: 600 },
        truncated: true,
      },
    },
    {
      name: "the same paths staged and unstaged stay within the limit",
      input: status({
        staged: entries("p", N, "M", "M"),
        modified: entries("p", N, "M", "M"),
      }),
      expected: {
        lengths: { staged_files: N, unstaged_files: N, modified_files: N },
        counts: { staged: N, unstaged: N, modified: N },
        truncated: false,
      },
    },
  ];
  for (const { name, input, expected } of cases) {
    const snap = statusSnapshot(input) as unknown as Record<string, unknown> & {
      counts: Record<string, number>;
      truncated: boolean;
    };
    for (const [key, length] of Object.entries(expected.lengths)) {
      assert.equal((snap[key] as string[]).length, length, `${name}: ${key}`);
    }
    for (const [key, count] of Object.entries(expected.counts)) {
      assert.equal(snap.counts[key], count, `${name}: counts.${key}`);
    }
    assert.equal(snap.truncated, expected.truncated, `${name}: truncated`);
    assert.equal(snap.clean, false, `${name}: not clean`);
  }
});

Deno.test("statusSnapshot: the kept paths are the first ones, in order", () => {
  const snap = statusSnapshot(
    status({ untracked: paths("u", MAX_LISTED_PATHS + 10) }),
  );
  assert.deepEqual(snap.untracked_files, paths("u", MAX_LISTED_PATHS));
});

Deno.test("emptyGitContext: not a repository, clean, with the given errors", () => {
  const context = emptyGitContext(["Cannot find git"]);
  assert.equal(context.is_git_repo, false);
  assert.equal(context.branch, null);
  assert.equal(context.head, null);
  assert.equal(context.detached, false);
  assert.equal(context.status.clean, true);
  assert.equal(context.worktree_count, 0);
  assert.deepEqual(context.recent_commits, []);
  assert.deepEqual(context.errors, ["Cannot find git"]);
  assert.deepEqual(emptyGitContext().errors, []);
});
