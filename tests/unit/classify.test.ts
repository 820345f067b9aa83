/**
 * Unit tests for `lib/decide/classify.ts`: every reason a registered
 * worktree or an orphaned directory is preserved, the "unknown means
 * preserve" rule, which ignored files are disposable, and the order of
 * the integration checks.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type ChangeCounts,
  classifyOrphan,
  classifyWorktree,
  DEFAULT_DISPOSABLE_IGNORED,
  describeChanges,
  firstIntegrationCheck,
  hasChanges,
  isDisposableIgnored,
  type OrphanFacts,
  type WorktreeFacts,
} from "../../lib/decide/classify.ts";
import type { IntegrationCheck, ReasonCode } from "../../lib/types.ts";
import { NO_CONTENTS } from "./_fixtures.ts";

const NO_CHANGES: ChangeCounts = {
  staged: 0,
  modified: 0,
  untracked: 0,
  conflicted: 0,
};

/** A worktree on branch `a1` with every fact known and nothing to keep. */

function removable(overrides: Partial<WorktreeFacts> = {}): WorktreeFacts {
  return {
    path: "/repo/.claude/worktrees/a1",
    branch: "a1",
    detached: false,
    missing: false,
    isSymlink: false,
    contained: true,
    isCurrent: false,
    changes: { ...NO_CHANGES },
    uniqueIgnored: [],
    submodules: false,
    operation: null,
    processes: [],
    upstream: { name: "origin/a1", gone: false, ahead: 0 },
    integration: "ancestor",
    unreferencedCommits: false,
    contents: { ...NO_CONTENTS },
    errors: [],
    ...overrides,
  };
}

interface WorktreeCase {
  name: string;
  input: Partial<WorktreeFacts>;
  expected: {
    action: "remove" | "admin-prune" | "preserve";
    codes: ReasonCode[];
    messages?: RegExp[];
    notes?: RegExp[];
  };
}

function checkWorktree({ name, input, expected }: WorktreeCase): void {
  const decision = classifyWorktree(removable(input));
  assert.equal(decision.action, expected.action, `${name}: action`);
  assert.deepEqual(
    decision.reasons.map((r) => r.code),
    expected.codes,
    `${name}: codes`,
  );
  for (const r of decision.reasons) {
    assert.ok(r.message.trim().length > 0, `${name}: ${r.code} has a message`);
  }
  (expected.messages ?? []).forEach((pattern, i) => {
    assert.match(
      decision.reasons[i]?.message ?? "",
      pattern,
      `${name}: message ${i}`,
    );
  });
  assert.equal(
    decision.notes.length,
    expected.notes?.length ?? 0,
    `${name}: note count`,
  );
  (expected.notes ?? []).forEach((pattern, i) => {
    assert.match(decision.notes[i], pattern, `${name}: note ${i}`);
  });
  if (expected.action !== "preserve") {
    assert.deepEqual(decision.reasons, [], `${name}: no reasons when it goes`);
  }
}

Deno.test("classifyWorktree: a clean, contained, integrated worktree is removed", () => {
  const cases: WorktreeCase[] = [
    {
      name: "all facts good",
      input: {},
      expected: { action: "remove", codes: [] },
    },
    {
      name: "integrated by tree-equal",
      input: { integration: "tree-equal" },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "integrated by three-dot diff",
      input: { integration: "three-dot-diff-empty" },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "integrated by merge-adds-nothing",
      input: { integration: "merge-adds-nothing" },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "branch without an upstream: push state does not matter",
      input: { upstream: null },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "upstream gone on the remote: ahead count is not checked",
      input: { upstream: { name: "origin/a1", gone: true, ahead: undefined } },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "upstream gone with commits ahead is not 'unpushed'",
      input: { upstream: { name: "origin/a1", gone: true, ahead: 3 } },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "processes unknown: reported once for the run, not per worktree",
      input: { processes: undefined },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "detached HEAD whose commits are all referenced",
      input: {
        branch: null,
        detached: true,
        unreferencedCommits: false,
        upstream: undefined,
        integration: undefined,
      },
      expected: { action: "remove", codes: [] },
    },
    {
      name: "unborn branch (branch null, not detached) is judged like detached",
      input: {
        branch: null,
        detached: false,
        unreferencedCommits: false,
        upstream: undefined,
        integration: undefined,
      },
      expected: { action: "remove", codes: [] },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test("classifyWorktree: each known fact that forbids removal gives its reason code", () => {
  const cases: WorktreeCase[] = [
    {
      name: "not contained",
      input: { contained: false },
      expected: {
        action: "preserve",
        codes: ["containment"],
        messages: [/not strictly inside \.claude\/worktrees\//],
      },
    },
    {
      name: "symlink",
      input: { isSymlink: true },
      expected: {
        action: "preserve",
        codes: ["symlink"],
        messages: [/symlink/],
      },
    },
    {
      name: "current worktree",
      input: { isCurrent: true },
      expected: {
        action: "preserve",
        codes: ["current-worktree"],
        messages: [/running inside it/],
      },
    },
    {
      name: "locked with a reason",
      input: { lockReason: "agent a1 is working" },
      expected: {
        action: "preserve",
        codes: ["locked"],
        messages: [/^locked by git: agent a1 is working$/],
      },
    },
    {
      name: "locked without a reason",
      input: { lockReason: "" },
      expected: {
        action: "preserve",
        codes: ["locked"],
        messages: [/^locked by git$/],
      },
    },
    {
      name:
        "locked by a process that no longer runs: stale lock note, still preserved",
      input: { lockReason: "agent (pid 4242)", stalePid: 4242 },
      expected: {
        action: "preserve",
        codes: ["locked"],
        notes: [
          /^stale lock: process 4242 no longer runs; unlock with 'git worktree unlock'/,
        ],
      },
    },
    {
      name: "dirty: staged",
      input: { changes: { ...NO_CHANGES, staged: 2 } },
      expected: {
        action: "preserve",
        codes: ["dirty"],
        messages: [/\(2 staged\)/],
      },
    },
    {
      name: "dirty: every kind of change is described",
      input: {
        changes: { staged: 1, modified: 2, untracked: 3, conflicted: 4 },
      },
      expected: {
        action: "preserve",
        codes: ["dirty"],
        messages: [/\(4 conflicted, 1 staged, 2 modified, 3 untracked\)/],
      },
    },
    {
      name: "dirty: untracked only",
      input: { changes: { ...NO_CHANGES, untracked: 1 } },
      expected: {
        action: "preserve",
        codes: ["dirty"],
        messages: [/\(1 untracked\)/],
      },
    },
    {
      name: "unique ignored files: up to three named",
      input: { uniqueIgnored: [".env", "notes.txt"] },
      expected: {
        action: "preserve",
        codes: ["unique-ignored-files"],
        messages: [/: '\.env', 'notes\.txt'$/],
      },
    },
    {
      name: "unique ignored files: more than three are counted",
      input: { uniqueIgnored: ["a", "b", "c", "d", "e"] },
      expected: {
        action: "preserve",
        codes: ["unique-ignored-files"],
        messages: [/'a', 'b', 'c' and 2 more$/],
      },
    },
    {
      name: "submodules",
      input: { submodules: true },
      expected: { action: "preserve", codes: ["submodules"] },
    },
    {
      name: "operation in progress",
      input: { operation: "rebase" },
      expected: {
        action: "preserve",
        codes: ["operation-in-progress"],
        messages: [/^a rebase is in progress$/],
      },
    },
    {
      name: "one process running inside",
      input: { processes: [77] },
      expected: {
        action: "preserve",
        codes: ["process-running"],
        messages: [/^in use by 1 process \(pid 77\)$/],
      },
    },
    {
      name: "many processes: counted, first three pids shown",
      input: { processes: [1, 2, 3, 4] },
      expected: {
        action: "preserve",
        codes: ["process-running"],
        // The plural itself is checked by the ignored test below.
        messages: [/^in use by 4 \w+ \(pid 1, 2, 3\)$/],
      },
    },
    {
      name: "unpushed commits: one",
      input: { upstream: { name: "origin/a1", gone: false, ahead: 1 } },
      expected: {
        action: "preserve",
        codes: ["unpushed-commits"],
        messages: [/^branch has 1 commit not pushed to origin\/a1$/],
      },
    },
    {
      name: "unpushed commits: several",
      input: { upstream: { name: "origin/a1", gone: false, ahead: 5 } },
      expected: {
        action: "preserve",
        codes: ["unpushed-commits"],
        messages: [/^branch has 5 commits not pushed/],
      },
    },
    {
      name: "not integrated",
      input: { integration: null },
      expected: {
        action: "preserve",
        codes: ["not-integrated"],
        messages: [/not merged into the default branch/],
      },
    },
    {
      name: "detached HEAD with unreferenced commits",
      input: { branch: null, detached: true, unreferencedCommits: true },
      expected: {
        action: "preserve",
        codes: ["unreferenced-commits"],
        messages: [
          /^detached HEAD holds commits no branch, tag or remote holds$/,
        ],
      },
    },
    {
      name: "detached but branch name given: still judged by its HEAD",
      input: { detached: true, unreferencedCommits: true, integration: null },
      expected: { action: "preserve", codes: ["unreferenced-commits"] },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test("classifyWorktree: an unknown fact preserves with code 'unknown'", () => {
  const cases: WorktreeCase[] = [
    {
      name: "status unknown",
      input: { changes: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/status could not be read/],
      },
    },
    {
      name: "ignored files unknown",
      input: { uniqueIgnored: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/ignored files/],
      },
    },
    {
      name: "submodules unknown",
      input: { submodules: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/submodules/],
      },
    },
    {
      name: "operation unknown",
      input: { operation: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/operations in progress/],
      },
    },
    {
      name: "upstream unknown",
      input: { upstream: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/upstream could not be checked/],
      },
    },
    {
      name: "push state unknown",
      input: { upstream: { name: "origin/a1", gone: false, ahead: undefined } },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/push state/],
      },
    },
    {
      name: "integration unknown",
      input: { integration: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/merge status/],
      },
    },
    {
      name: "detached HEAD commits unknown",
      input: { branch: null, detached: true, unreferencedCommits: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/commits of its HEAD/],
      },
    },
    {
      name: "gather errors become one unknown each, in order",
      input: { errors: ["Cannot read x", "Cannot read y"] },
      expected: {
        action: "preserve",
        codes: ["unknown", "unknown"],
        messages: [/^Cannot read x$/, /^Cannot read y$/],
      },
    },
    {
      name: "everything unknown",
      input: {
        changes: undefined,
        uniqueIgnored: undefined,
        submodules: undefined,
        operation: undefined,
        processes: undefined,
        upstream: undefined,
        integration: undefined,
        unreferencedCommits: undefined,
      },
      expected: {
        action: "preserve",
        codes: [
          "unknown",
          "unknown",
          "unknown",
          "unknown",
          "unknown",
          "unknown",
        ],
      },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test("classifyWorktree: a skipped integration check adds no 'unknown' of its own", () => {
  const cases: WorktreeCase[] = [
    {
      name: "dirty worktree whose integration was not checked",
      input: {
        changes: { ...NO_CHANGES, modified: 1 },
        integration: undefined,
        integrationSkipped: true,
      },
      expected: { action: "preserve", codes: ["dirty"] },
    },
    {
      name: "locked worktree whose integration was not checked",
      input: {
        lockReason: "busy",
        integration: undefined,
        integrationSkipped: true,
      },
      expected: { action: "preserve", codes: ["locked"] },
    },
    {
      name: "unpushed worktree whose integration was not checked",
      input: {
        upstream: { name: "origin/a1", gone: false, ahead: 1 },
        integration: undefined,
        integrationSkipped: true,
      },
      expected: { action: "preserve", codes: ["unpushed-commits"] },
    },
    {
      name:
        "status unknown and integration skipped: one unknown, for the status",
      input: {
        changes: undefined,
        integration: undefined,
        integrationSkipped: true,
      },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/status could not be read/],
      },
    },
    {
      name: "a known 'not integrated' still counts when the flag is set",
      input: {
        changes: { ...NO_CHANGES, untracked: 1 },
        integration: null,
        integrationSkipped: true,
      },
      expected: { action: "preserve", codes: ["dirty", "not-integrated"] },
    },
    {
      name: "without the flag an unknown integration is reported",
      input: {
        changes: { ...NO_CHANGES, modified: 1 },
        integration: undefined,
      },
      expected: { action: "preserve", codes: ["dirty", "unknown"] },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test({
  name:
    "classifyWorktree: a skipped integration check alone never allows removal",
  fn: () => {
    const decision = classifyWorktree(
      removable({ integration: undefined, integrationSkipped: true }),
    );
    assert.equal(decision.action, "preserve");
    assert.deepEqual(decision.reasons.map((r) => r.code), ["unknown"]);
  },
});

Deno.test("classifyWorktree: skipped deep checks add no 'unknown' when a cheap fact keeps the worktree", () => {
  // What gatherWorktreeFacts leaves unread when it skips the deep checks.
  const skipped = (o: Partial<WorktreeFacts>): Partial<WorktreeFacts> => ({
    changes: undefined,
    uniqueIgnored: undefined,
    submodules: undefined,
    operation: undefined,
    upstream: undefined,
    integration: undefined,
    unreferencedCommits: undefined,
    deepChecksSkipped: true,
    ...o,
  });
  const cases: WorktreeCase[] = [
    {
      name: "locked",
      input: skipped({ lockReason: "agent busy" }),
      expected: {
        action: "preserve",
        codes: ["locked"],
        messages: [/^locked by git: agent busy$/],
      },
    },
    {
      name: "locked by a dead process keeps its stale-lock note",
      input: skipped({ lockReason: "pid 7", stalePid: 7 }),
      expected: {
        action: "preserve",
        codes: ["locked"],
        notes: [/^stale lock: process 7 no longer runs/],
      },
    },
    {
      name: "in use by a process",
      input: skipped({ processes: [42] }),
      expected: {
        action: "preserve",
        codes: ["process-running"],
        messages: [/^in use by 1 process \(pid 42\)$/],
      },
    },
    {
      name: "the command's own worktree",
      input: skipped({ isCurrent: true }),
      expected: { action: "preserve", codes: ["current-worktree"] },
    },
    {
      name: "not contained",
      input: skipped({ contained: false }),
      expected: { action: "preserve", codes: ["containment"] },
    },
    {
      name: "errors read before the skip are still reported",
      input: skipped({ lockReason: "", errors: ["is on another file system"] }),
      expected: { action: "preserve", codes: ["locked", "unknown"] },
    },
    {
      name: "detached and locked: no 'unknown' for its unread commits",
      input: skipped({ lockReason: "", detached: true, branch: null }),
      expected: { action: "preserve", codes: ["locked"] },
    },
    {
      name: "unpushed commits known, the rest unread",
      input: skipped({
        upstream: { name: "origin/a1", gone: false, ahead: 3 },
        integrationSkipped: true,
      }),
      expected: {
        action: "preserve",
        codes: ["unpushed-commits"],
        messages: [/^branch has 3 commits not pushed to origin\/a1$/],
      },
    },
    {
      name: "known not integrated (from the memo), the rest unread",
      input: skipped({ integration: null }),
      expected: { action: "preserve", codes: ["not-integrated"] },
    },
    {
      name: "unpushed and not integrated",
      input: skipped({
        upstream: { name: "origin/a1", gone: false, ahead: 1 },
        integration: null,
      }),
      expected: {
        action: "preserve",
        codes: ["unpushed-commits", "not-integrated"],
      },
    },
    {
      name: "a gone upstream is no unpushed reason",
      input: skipped({
        upstream: { name: "origin/a1", gone: true, ahead: 4 },
        integration: "ancestor",
      }),
      expected: { action: "preserve", codes: ["unknown"] },
    },
    {
      name: "an integrated branch alone never allows removal when skipped",
      input: skipped({ integration: "merge-adds-nothing" }),
      expected: { action: "preserve", codes: ["unknown"] },
    },
    {
      name: "the flag alone never allows removal",
      input: skipped({}),
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/its contents were not checked/],
      },
    },
    {
      name: "the flag alone, with every deep fact clean, still preserves",
      input: { deepChecksSkipped: true },
      expected: { action: "preserve", codes: ["unknown"] },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test({
  name: "classifyWorktree: several processes are described as 'processes'",
  fn: () => {
    const decision = classifyWorktree(removable({ processes: [1, 2, 3, 4] }));
    assert.equal(
      decision.reasons[0].message,
      "in use by 4 processes (pid 1, 2, 3)",
    );
  },
});

Deno.test("classifyWorktree: contents left unread because the status keeps it add no reason, and never allow removal", () => {
  const unread = { contentsSkipped: true, contents: undefined };
  const cases: WorktreeCase[] = [
    {
      name: "a change keeps it; the contents add nothing",
      input: { ...unread, changes: { ...NO_CHANGES, untracked: 1 } },
      expected: { action: "preserve", codes: ["dirty"] },
    },
    {
      name: "a unique ignored file keeps it",
      input: { ...unread, uniqueIgnored: [".env"] },
      expected: { action: "preserve", codes: ["unique-ignored-files"] },
    },
    {
      name: "an operation in progress keeps it",
      input: { ...unread, operation: "rebase" },
      expected: { action: "preserve", codes: ["operation-in-progress"] },
    },
    {
      name: "the flag alone, with every other fact clean, still preserves",
      input: unread,
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/its contents were not checked/],
      },
    },
    {
      name: "without the flag, unread contents are unknown",
      input: {
        contents: undefined,
        changes: { ...NO_CHANGES, modified: 1 },
      },
      expected: { action: "preserve", codes: ["dirty", "unknown"] },
    },
  ];
  cases.forEach(checkWorktree);
});

Deno.test("classifyWorktree: every reason is reported, in rule order", () => {
  checkWorktree({
    name: "all at once",
    input: {
      contained: false,
      isSymlink: true,
      isCurrent: true,
      lockReason: "x",
      stalePid: 9,
      changes: { ...NO_CHANGES, modified: 1 },
      uniqueIgnored: ["secret.key"],
      submodules: true,
      operation: "merge",
      processes: [5],
      upstream: { name: "origin/a1", gone: false, ahead: 2 },
      integration: null,
      errors: ["Cannot read z"],
    },
    expected: {
      action: "preserve",
      codes: [
        "containment",
        "symlink",
        "current-worktree",
        "locked",
        "dirty",
        "unique-ignored-files",
        "submodules",
        "operation-in-progress",
        "process-running",
        "unpushed-commits",
        "not-integrated",
        "unknown",
      ],
      notes: [/stale lock: process 9/],
    },
  });
});

Deno.test("classifyWorktree: a missing directory is admin-pruned unless something says otherwise", () => {
  const missing = (o: Partial<WorktreeFacts>): Partial<WorktreeFacts> => ({
    missing: true,
    // Facts about the contents cannot be read once the directory is gone.
    changes: undefined,
    uniqueIgnored: undefined,
    submodules: undefined,
    operation: undefined,
    processes: undefined,
    upstream: undefined,
    integration: undefined,
    unreferencedCommits: undefined,
    ...o,
  });
  const cases: WorktreeCase[] = [
    {
      name: "missing branch worktree: contents facts are not needed",
      input: missing({}),
      expected: { action: "admin-prune", codes: [] },
    },
    {
      name:
        "missing branch worktree with a not-integrated branch: the branch is kept by git anyway",
      input: missing({ integration: null }),
      expected: { action: "admin-prune", codes: [] },
    },
    {
      name: "missing detached worktree, HEAD referenced",
      input: missing({
        branch: null,
        detached: true,
        unreferencedCommits: false,
      }),
      expected: { action: "admin-prune", codes: [] },
    },
    {
      name: "missing detached worktree, HEAD unknown",
      input: missing({ branch: null, detached: true }),
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/directory is gone and its HEAD could not be checked/],
      },
    },
    {
      name: "missing detached worktree, HEAD holds unreferenced commits",
      input: missing({
        branch: null,
        detached: true,
        unreferencedCommits: true,
      }),
      expected: {
        action: "preserve",
        codes: ["unreferenced-commits"],
        messages: [/directory is gone but its detached HEAD holds commits/],
      },
    },
    {
      name: "missing but locked",
      input: missing({ lockReason: "on a removable drive" }),
      expected: { action: "preserve", codes: ["locked"] },
    },
    {
      name:
        "missing but locked by a dead process: preserved with a stale-lock note",
      input: missing({ lockReason: "pid 31337", stalePid: 31337 }),
      expected: {
        action: "preserve",
        codes: ["locked"],
        notes: [/process 31337 no longer runs/],
      },
    },
    {
      name: "missing with a gather error",
      input: missing({ errors: ["Cannot read worktree admin dir"] }),
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/admin dir/],
      },
    },
    {
      name: "missing and not contained",
      input: missing({ contained: false }),
      expected: { action: "preserve", codes: ["containment"] },
    },
  ];
  cases.forEach(checkWorktree);
});

/** An orphaned clone with every fact known and nothing to keep. */
function sweepable(overrides: Partial<OrphanFacts> = {}): OrphanFacts {
  return {
    path: "/repo/.claude/worktrees/old",
    kind: "clone",
    otherFilesystem: false,
    changes: { ...NO_CHANGES },
    stashCount: 0,
    uniqueIgnored: [],
    unpushedCommits: false,
    operation: null,
    nested: false,
    contents: { ...NO_CONTENTS },
    borrowedBy: [],
    errors: [],
    ...overrides,
  };
}

interface OrphanCase {
  name: string;
  input: Partial<OrphanFacts>;
  expected: {
    action: "sweep" | "preserve";
    codes: ReasonCode[];
    messages?: RegExp[];
  };
}

function checkOrphan({ name, input, expected }: OrphanCase): void {
  const decision = classifyOrphan(sweepable(input));
  assert.equal(decision.action, expected.action, `${name}: action`);
  assert.deepEqual(
    decision.reasons.map((r) => r.code),
    expected.codes,
    `${name}: codes`,
  );
  (expected.messages ?? []).forEach((pattern, i) => {
    assert.match(
      decision.reasons[i]?.message ?? "",
      pattern,
      `${name}: message ${i}`,
    );
  });
}

Deno.test("classifyOrphan: symlinks, files and mount points are always preserved", () => {
  const cases: OrphanCase[] = [
    {
      name: "symlink",
      input: { kind: "symlink" },
      expected: {
        action: "preserve",
        codes: ["symlink"],
        messages: [/never followed/],
      },
    },
    {
      name: "symlink on another file system: symlink wins",
      input: { kind: "symlink", otherFilesystem: true },
      expected: { action: "preserve", codes: ["symlink"] },
    },
    {
      name: "file",
      input: { kind: "file" },
      expected: {
        action: "preserve",
        codes: ["not-a-directory"],
        messages: [/is a file/],
      },
    },
    {
      name: "plain empty directory on another file system",
      input: { kind: "plain", empty: true, otherFilesystem: true },
      expected: {
        action: "preserve",
        codes: ["other-filesystem"],
        messages: [/mount point/],
      },
    },
    {
      name: "clean clone on another file system",
      input: { otherFilesystem: true },
      expected: { action: "preserve", codes: ["other-filesystem"] },
    },
    {
      name: "symlink with a gather error: both reported",
      input: { kind: "symlink", errors: ["Cannot lstat"] },
      expected: { action: "preserve", codes: ["symlink", "unknown"] },
    },
  ];
  cases.forEach(checkOrphan);
});

Deno.test("classifyOrphan: plain directories are swept only when known to be empty", () => {
  const cases: OrphanCase[] = [
    {
      name: "empty",
      input: { kind: "plain", empty: true },
      expected: { action: "sweep", codes: [] },
    },
    {
      name: "not empty",
      input: { kind: "plain", empty: false },
      expected: {
        action: "preserve",
        codes: ["not-empty"],
        messages: [/plain directory with content/],
      },
    },
    {
      name: "contents unknown",
      input: { kind: "plain", empty: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/contents could not be read/],
      },
    },
    {
      name: "empty but with a gather error",
      input: { kind: "plain", empty: true, errors: ["Cannot stat"] },
      expected: { action: "preserve", codes: ["unknown"] },
    },
  ];
  cases.forEach(checkOrphan);
});

Deno.test("classifyOrphan: a directory with a .git file is never swept", () => {
  const cases: OrphanCase[] = [
    {
      name: "readable: a worktree of another repository",
      input: { kind: "git-file", gitReadable: true },
      expected: {
        action: "preserve",
        codes: ["foreign-worktree"],
        messages: [/another repository/],
      },
    },
    {
      name: "unreadable",
      input: { kind: "git-file", gitReadable: false },
      expected: {
        action: "preserve",
        codes: ["unreadable-git"],
        messages: [/git cannot read/],
      },
    },
    {
      name: "readability unknown counts as unreadable",
      input: { kind: "git-file", gitReadable: undefined },
      expected: { action: "preserve", codes: ["unreadable-git"] },
    },
  ];
  cases.forEach(checkOrphan);
});

Deno.test("classifyOrphan: a clone is swept only when clean and fully known", () => {
  const cases: OrphanCase[] = [
    {
      name: "clean clone",
      input: {},
      expected: { action: "sweep", codes: [] },
    },
    {
      name: "dirty",
      input: { changes: { ...NO_CHANGES, modified: 3, untracked: 1 } },
      expected: {
        action: "preserve",
        codes: ["dirty"],
        messages: [/\(3 modified, 1 untracked\)/],
      },
    },
    {
      name: "one stash entry",
      input: { stashCount: 1 },
      expected: {
        action: "preserve",
        codes: ["stash"],
        messages: [/^has 1 stash entry$/],
      },
    },
    {
      name: "several stash entries",
      input: { stashCount: 3 },
      expected: {
        action: "preserve",
        codes: ["stash"],
        messages: [/^has 3 stash entries$/],
      },
    },
    {
      name: "unique ignored files",
      input: { uniqueIgnored: [".env"] },
      expected: {
        action: "preserve",
        codes: ["unique-ignored-files"],
        messages: [/'\.env'/],
      },
    },
    {
      name: "unpushed commits",
      input: { unpushedCommits: true },
      expected: {
        action: "preserve",
        codes: ["unpushed-commits"],
        messages: [/remote-tracking/],
      },
    },
    {
      name: "operation in progress",
      input: { operation: "cherry-pick" },
      expected: {
        action: "preserve",
        codes: ["operation-in-progress"],
        messages: [/^a cherry-pick is in progress$/],
      },
    },
    {
      name: "nested worktrees or submodules",
      input: { nested: true },
      expected: { action: "preserve", codes: ["nested-worktrees"] },
    },
    {
      name: "status unknown",
      input: { changes: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/status/],
      },
    },
    {
      name: "stash unknown",
      input: { stashCount: undefined },
      expected: { action: "preserve", codes: ["unknown"], messages: [/stash/] },
    },
    {
      name: "ignored files unknown",
      input: { uniqueIgnored: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/ignored files/],
      },
    },
    {
      name: "unpushed commits unknown",
      input: { unpushedCommits: undefined },
      expected: { action: "preserve", codes: ["unknown"] },
    },
    {
      name: "operation unknown",
      input: { operation: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/operations/],
      },
    },
    {
      name: "nested unknown",
      input: { nested: undefined },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/nested/],
      },
    },
    {
      name: "a gather error",
      input: { errors: ["Cannot read HEAD"] },
      expected: {
        action: "preserve",
        codes: ["unknown"],
        messages: [/^Cannot read HEAD$/],
      },
    },
    {
      name: "everything wrong: every reason in rule order",
      input: {
        changes: { ...NO_CHANGES, staged: 1 },
        stashCount: 2,
        uniqueIgnored: ["x"],
        unpushedCommits: true,
        operation: "bisect",
        nested: true,
        errors: ["e"],
      },
      expected: {
        action: "preserve",
        codes: [
          "dirty",
          "stash",
          "unique-ignored-files",
          "unpushed-commits",
          "operation-in-progress",
          "nested-worktrees",
          "unknown",
        ],
      },
    },
  ];
  cases.forEach(checkOrphan);
});

Deno.test("describeChanges and hasChanges: conflicted, staged, modified, untracked; zeros left out", () => {
  const cases: {
    name: string;
    input: ChangeCounts;
    expected: [string, boolean];
  }[] = [
    { name: "none", input: NO_CHANGES, expected: ["", false] },
    {
      name: "one kind",
      input: { ...NO_CHANGES, modified: 7 },
      expected: ["7 modified", true],
    },
    {
      name: "all kinds in fixed order",
      input: { staged: 1, modified: 2, untracked: 3, conflicted: 4 },
      expected: ["4 conflicted, 1 staged, 2 modified, 3 untracked", true],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(describeChanges(input), expected[0], name);
    assert.equal(hasChanges(input), expected[1], name);
  }
});

Deno.test("isDisposableIgnored: rebuildable caches are disposable; anything else is not", () => {
  const cases: { name: string; input: string; expected: boolean }[] = [
    { name: "node_modules folder", input: "node_modules", expected: true },
    {
      name: "node_modules with trailing slash",
      input: "node_modules/",
      expected: true,
    },
    {
      name:
        "a file listed inside node_modules: the folder is not ignored whole",
      input: "node_modules/dax/mod.ts",
      expected: false,
    },
    {
      name: "nested node_modules ignored as a whole",
      input: "packages/web/node_modules/",
      expected: true,
    },
    {
      name: "an ignored file in a tracked build/ folder",
      input: "build/release-notes.md",
      expected: false,
    },
    {
      name: "a folder named like a suffix pattern",
      input: "x.pyc/",
      expected: false,
    },
    {
      name: "__pycache__ file",
      input: "src/__pycache__/mod.cpython-312.pyc",
      expected: true,
    },
    { name: "*.pyc anywhere", input: "src/pkg/mod.pyc", expected: true },
    { name: "*.pyo", input: "mod.pyo", expected: true },
    { name: "*.tsbuildinfo", input: "tsconfig.tsbuildinfo", expected: true },
    { name: "target", input: "target/", expected: true },
    { name: ".venv", input: ".venv/", expected: true },
    { name: "a file inside .venv", input: ".venv/bin/python", expected: false },
    { name: ".DS_Store", input: "docs/.DS_Store", expected: true },
    { name: ".env is not disposable", input: ".env", expected: false },
    {
      name: "nested .env is not disposable",
      input: "config/.env",
      expected: false,
    },
    {
      name: ".env.local is not disposable",
      input: ".env.local",
      expected: false,
    },
    { name: "a private key", input: "secrets/id_rsa", expected: false },
    {
      name: "name that only contains a listed name",
      input: "node_modules_backup/x",
      expected: false,
    },
    {
      name: "listed name as a suffix of a segment",
      input: "my-dist/x",
      expected: false,
    },
    { name: "*.pyc must be a suffix", input: "notes.pyc.txt", expected: false },
    { name: "case matters", input: "Node_Modules/x", expected: false },
    { name: "empty path", input: "", expected: false },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isDisposableIgnored(input), expected, name);
  }
});

Deno.test("isDisposableIgnored: a custom list replaces the default one", () => {
  const custom = ["generated", "*.log"];
  const cases: { name: string; input: string; expected: boolean }[] = [
    { name: "listed folder", input: "a/generated/", expected: true },
    { name: "listed suffix", input: "logs/app.log", expected: true },
    {
      name: "default name no longer disposable",
      input: "node_modules/x",
      expected: false,
    },
    {
      name: "default suffix no longer disposable",
      input: "x.pyc",
      expected: false,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isDisposableIgnored(input, custom), expected, name);
  }
  assert.equal(
    isDisposableIgnored("node_modules/x", []),
    false,
    "empty list: nothing",
  );
});

Deno.test("DEFAULT_DISPOSABLE_IGNORED: never lists files that hold secrets or work", () => {
  for (
    const risky of [
      ".env",
      ".envrc",
      ".git",
      "*.key",
      "*.pem",
      ".idea",
      ".vscode",
      "*",
    ]
  ) {
    assert.equal(DEFAULT_DISPOSABLE_IGNORED.includes(risky), false, risky);
  }
});

Deno.test("firstIntegrationCheck: cheapest check first; undefined when a needed fact is unknown", () => {
  const cases: {
    name: string;
    input: Parameters<typeof firstIntegrationCheck>[0];
    expected: IntegrationCheck | null | undefined;
  }[] = [
    {
      name: "ancestor wins over everything",
      input: {
        ancestor: true,
        treeEqual: true,
        threeDotEmpty: true,
        mergeAddsNothing: true,
      },
      expected: "ancestor",
    },
    {
      name: "ancestor needs no further facts",
      input: { ancestor: true, treeEqual: false },
      expected: "ancestor",
    },
    {
      name: "tree-equal is next",
      input: {
        ancestor: false,
        treeEqual: true,
        threeDotEmpty: true,
        mergeAddsNothing: true,
      },
      expected: "tree-equal",
    },
    {
      name: "tree-equal needs no further facts",
      input: { ancestor: false, treeEqual: true },
      expected: "tree-equal",
    },
    {
      name: "three-dot diff unknown: undefined",
      input: { ancestor: false, treeEqual: false },
      expected: undefined,
    },
    {
      name: "three-dot diff unknown even if merge adds nothing: undefined",
      input: { ancestor: false, treeEqual: false, mergeAddsNothing: true },
      expected: undefined,
    },
    {
      name: "three-dot diff empty",
      input: {
        ancestor: false,
        treeEqual: false,
        threeDotEmpty: true,
        mergeAddsNothing: false,
      },
      expected: "three-dot-diff-empty",
    },
    {
      name: "three-dot diff empty needs no merge fact",
      input: { ancestor: false, treeEqual: false, threeDotEmpty: true },
      expected: "three-dot-diff-empty",
    },
    {
      name: "merge fact unknown: undefined",
      input: { ancestor: false, treeEqual: false, threeDotEmpty: false },
      expected: undefined,
    },
    {
      name: "merge adds nothing",
      input: {
        ancestor: false,
        treeEqual: false,
        threeDotEmpty: false,
        mergeAddsNothing: true,
      },
      expected: "merge-adds-nothing",
    },
    {
      name: "nothing holds: null (not integrated)",
      input: {
        ancestor: false,
        treeEqual: false,
        threeDotEmpty: false,
        mergeAddsNothing: false,
      },
      expected: null,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(firstIntegrationCheck(input), expected, name);
  }
});
