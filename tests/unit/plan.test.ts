/**
 * Table-driven tests of the cleanup plan (`lib/decide/plan.ts`) and of the
 * removal messages that never pass on git's `--force` hint.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { OrphanFacts, WorktreeFacts } from "../../lib/decide/classify.ts";
import {
  type MissingFacts,
  planCleanup,
  planTrashEntry,
  type RefusalFacts,
  type WorktreeCandidate,
} from "../../lib/decide/plan.ts";
import { refusalMessage } from "../../lib/act/remove.ts";
import type { ReasonCode } from "../../lib/types.ts";
import { NO_CONTENTS } from "./_fixtures.ts";

const ROOT = "/repo/.claude/worktrees";
const NOW = Date.parse("2026-01-10T12:00:00Z");
const HOUR = 3600_000;

/** Facts of a clean, integrated worktree the rules would remove. */
function removable(
  name: string,
  over: Partial<WorktreeFacts> = {},
): WorktreeFacts {
  return {
    path: `${ROOT}/${name}`,
    branch: name,
    detached: false,
    missing: false,
    isSymlink: false,
    contained: true,
    isCurrent: false,
    changes: { staged: 0, modified: 0, untracked: 0, conflicted: 0 },
    uniqueIgnored: [],
    submodules: false,
    operation: null,
    processes: [],
    upstream: null,
    integration: "ancestor",
    contents: { ...NO_CONTENTS },
    errors: [],
    ...over,
  };
}

const OK_REFUSAL: RefusalFacts = { pointsBack: true, gitlinks: [] };
const GONE: MissingFacts = {
  worktreesDirMissing: false,
  stagedOnlyCopy: false,
};

interface Row {
  name: string;
  candidate: WorktreeCandidate;
  registered?: string[];
  minAgeMs?: number;
  action: "remove" | "admin-prune" | "keep";
  codes: ReasonCode[];
}

const rows: Row[] = [
  {
    name: "clean and integrated: removed",
    candidate: {
      facts: removable("a"),
      refusal: OK_REFUSAL,
      lastActivityMs: NOW - 48 * HOUR,
    },
    action: "remove",
    codes: [],
  },
  {
    name: "what git would refuse on was not read: kept",
    candidate: { facts: removable("a") },
    action: "keep",
    codes: ["unknown"],
  },
  {
    name: ".git file does not point back: kept, as git would refuse",
    candidate: {
      facts: removable("a"),
      refusal: { pointsBack: false, gitlinks: [] },
    },
    action: "keep",
    codes: ["unreadable-git"],
  },
  {
    name: "gitlink in the index: kept",
    candidate: {
      facts: removable("a"),
      refusal: { pointsBack: true, gitlinks: ["sub"] },
    },
    action: "keep",
    codes: ["submodules"],
  },
  {
    name: "gitlinks unknown: kept",
    candidate: { facts: removable("a"), refusal: { pointsBack: true } },
    action: "keep",
    codes: ["unknown"],
  },
  {
    name: "another registered worktree inside: kept",
    candidate: { facts: removable("a"), refusal: OK_REFUSAL },
    registered: ["/repo", `${ROOT}/a`, `${ROOT}/a/inner`],
    action: "keep",
    codes: ["nested-worktree"],
  },
  {
    name: "younger than min-age: recently-active",
    candidate: {
      facts: removable("a"),
      refusal: OK_REFUSAL,
      lastActivityMs: NOW - HOUR,
    },
    minAgeMs: 2 * HOUR,
    action: "keep",
    codes: ["recently-active"],
  },
  {
    name: "older than min-age: removed",
    candidate: {
      facts: removable("a"),
      refusal: OK_REFUSAL,
      lastActivityMs: NOW - 3 * HOUR,
    },
    minAgeMs: 2 * HOUR,
    action: "remove",
    codes: [],
  },
  {
    name: "min-age set, activity unknown: kept",
    candidate: { facts: removable("a"), refusal: OK_REFUSAL },
    minAgeMs: HOUR,
    action: "keep",
    codes: ["unknown"],
  },
  {
    name: "min-age 0: activity does not matter",
    candidate: {
      facts: removable("a"),
      refusal: OK_REFUSAL,
      lastActivityMs: NOW,
    },
    action: "remove",
    codes: [],
  },
  {
    name: "dirty: kept by classify, refusal facts add nothing new",
    candidate: {
      facts: removable("a", {
        changes: { staged: 0, modified: 1, untracked: 0, conflicted: 0 },
      }),
    },
    action: "keep",
    codes: ["dirty"],
  },
  {
    name: "folder really gone: admin-prune",
    candidate: { facts: removable("a", { missing: true }), missing: GONE },
    action: "admin-prune",
    codes: [],
  },
  {
    name: "folder gone, missing facts not read: kept",
    candidate: { facts: removable("a", { missing: true }) },
    action: "keep",
    codes: ["unknown"],
  },
  {
    name: ".claude/worktrees missing: needs-repair",
    candidate: {
      facts: removable("a", { missing: true }),
      missing: { ...GONE, worktreesDirMissing: true },
    },
    action: "keep",
    codes: ["needs-repair"],
  },
  {
    name: "renamed by hand: needs-repair naming the new folder",
    candidate: {
      facts: removable("a", { missing: true }),
      missing: { ...GONE, renamedTo: `${ROOT}/b` },
    },
    action: "keep",
    codes: ["needs-repair"],
  },
  {
    name: "index holds the only copy of staged content: kept",
    candidate: {
      facts: removable("a", { missing: true }),
      missing: { ...GONE, stagedOnlyCopy: true },
    },
    action: "keep",
    codes: ["staged-only-copy"],
  },
  {
    name: "index unknown: kept",
    candidate: {
      facts: removable("a", { missing: true }),
      missing: { worktreesDirMissing: false },
    },
    action: "keep",
    codes: ["unknown"],
  },
];

for (const row of rows) {
  Deno.test(`plan: ${row.name}`, () => {
    const plan = planCleanup({
      worktrees: [row.candidate],
      registeredPaths: row.registered ?? ["/repo", row.candidate.facts.path],
      orphans: [],
      nowMs: NOW,
      minAgeMs: row.minAgeMs ?? 0,
    });
    assert.equal(plan.worktrees.length, 1);
    const [p] = plan.worktrees;
    assert.equal(p.action, row.action);
    assert.deepEqual(p.reasons.map((r) => r.code), row.codes);
    for (const r of p.reasons) assert.ok(r.message.length > 0);
  });
}

Deno.test("plan: a renamed folder's reason says to run git worktree repair on it, quoted", () => {
  const plan = planCleanup({
    worktrees: [{
      facts: removable("a", { missing: true }),
      missing: { ...GONE, renamedTo: `${ROOT}/b c` },
    }],
    registeredPaths: [],
    orphans: [],
    nowMs: NOW,
    minAgeMs: 0,
  });
  assert.match(
    plan.worktrees[0].reasons[0].message,
    /git worktree repair '\/repo\/\.claude\/worktrees\/b c'/,
  );
});

Deno.test("plan: held-back paths are kept with their reasons, whatever the rules say", () => {
  const orphan: OrphanFacts = {
    path: `${ROOT}/o`,
    kind: "plain",
    otherFilesystem: false,
    empty: true,
    errors: [],
  };
  const held = new Map([[`${ROOT}/o`, [{
    code: "not-put-in-trash-by-tool" as const,
    message: "m",
  }]]]);
  const plan = planCleanup({
    worktrees: [],
    registeredPaths: [],
    orphans: [orphan, { ...orphan, path: `${ROOT}/p` }],
    nowMs: NOW,
    minAgeMs: 0,
    heldBack: held,
  });
  assert.deepEqual(plan.orphans.map((o) => o.action), ["keep", "sweep"]);
  assert.deepEqual(plan.orphans[0].reasons.map((r) => r.code), [
    "not-put-in-trash-by-tool",
  ]);
});

Deno.test("plan: orphans are planned as classify decides, unexpected kinds never swept", () => {
  const base: OrphanFacts = {
    path: `${ROOT}/o`,
    kind: "plain",
    otherFilesystem: false,
    empty: true,
    errors: [],
  };
  const plan = planCleanup({
    worktrees: [],
    registeredPaths: [],
    orphans: [base, { ...base, empty: false }, { ...base, kind: "symlink" }],
    nowMs: NOW,
    minAgeMs: 0,
  });
  assert.deepEqual(plan.orphans.map((o) => o.action), [
    "sweep",
    "keep",
    "keep",
  ]);
});

const trashRows: {
  name: string;
  facts: Parameters<typeof planTrashEntry>[0];
  action: "delete" | "back";
  codes: ReasonCode[];
}[] = [
  {
    name: "recorded, passes every rule",
    facts: { path: "x", proven: true, empty: false, reasons: [] },
    action: "delete",
    codes: [],
  },
  {
    name: "not recorded",
    facts: { path: "x", proven: false, empty: false, reasons: [] },
    action: "back",
    codes: ["not-put-in-trash-by-tool"],
  },
  {
    name: "recorded, fails a rule",
    facts: {
      path: "x",
      proven: true,
      empty: false,
      reasons: [{ code: "dirty", message: "d" }],
    },
    action: "back",
    codes: ["dirty"],
  },
  {
    name: "empty folder, unrecorded: nothing to lose",
    facts: { path: "x", proven: false, empty: true, reasons: [] },
    action: "delete",
    codes: [],
  },
];
for (const row of trashRows) {
  Deno.test(`trash plan: ${row.name}`, () => {
    const planned = planTrashEntry(row.facts);
    assert.equal(planned.action, row.action);
    assert.deepEqual(planned.reasons.map((r) => r.code), row.codes);
  });
}

const hints: [string, string][] = [
  [
    "fatal: '.claude/worktrees/a' contains modified or untracked files, use --force to delete it",
    "'.claude/worktrees/a' contains modified or untracked files",
  ],
  [
    "fatal: cannot remove a locked working tree, lock reason: busy\nuse 'remove -f -f' to override or unlock first",
    "cannot remove a locked working tree, lock reason: busy",
  ],
  ["fatal: 'x' is not a working tree", "'x' is not a working tree"],
];
for (const [stderr, expected] of hints) {
  Deno.test(`refusal message without --force advice: ${expected}`, () => {
    const message = refusalMessage(
      { code: 128, stdout: "", stderr, timedOut: false } as never,
    );
    assert.equal(message, expected);
    assert.doesNotMatch(message, /force|-f -f/);
  });
}
