/**
 * Unit tests for `lib/report/prune_text.ts`: the wording of the worktree
 * cleanup summary shared by the terminal and the session Markdown, dry-run
 * wording, and `formatBytes`.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  formatBytes,
  hasCleanupActivity,
  pruneSummaryLines,
} from "../../lib/report/prune_text.ts";
import type { PruneSummary } from "../../lib/types.ts";
import { orphanOutcome, pruneSummary, worktreeOutcome } from "./_fixtures.ts";

// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const DIRTY = {
  code: "dirty" as const,
  message: "has uncommitted or untracked changes (1 modified)",
};
const LOCKED = { code: "locked" as const, message: "locked by git: agent a3" };

Deno.test("formatBytes: bytes below 1000, then one decimal in KB, MB, GB, TB", () => {
  const cases: { name: string; input: number; expected: string }[] = [
    { name: "zero", input: 0, expected: "0 B" },
    { name: "one", input: 1, expected: "1 B" },
    { name: "999", input: 999, expected: "999 B" },
    { name: "1000", input: 1000, expected: "1.0 KB" },
    { name: "1234", input: 1234, expected: "1.2 KB" },
    { name: "12.3 KB", input: 12_345, expected: "12.3 KB" },
    { name: "1 MB", input: 1_000_000, expected: "1.0 MB" },
    { name: "4.5 MB", input: 4_500_000, expected: "4.5 MB" },
    { name: "1 GB", input: 1_000_000_000, expected: "1.0 GB" },
    { name: "1 TB", input: 1e12, expected: "1.0 TB" },
    { name: "beyond TB stays in TB", input: 5e15, expected: "5000.0 TB" },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(formatBytes(input), expected, name);
  }
});

Deno.test({
  name: "formatBytes: values that round up to the next unit use that unit",
  fn: () => {
    const cases: { name: string; input: number; expected: string }[] = [
      { name: "999,999 B", input: 999_999, expected: "1.0 MB" },
      { name: "999,950 B", input: 999_950, expected: "1.0 MB" },
      { name: "999,950,000 B", input: 999_950_000, expected: "1.0 GB" },
    ];
    for (const { name, input, expected } of cases) {
      assert.equal(formatBytes(input), expected, name);
    }
  },
});

Deno.test("hasCleanupActivity: true when any worktree, orphan, skip or trash item is reported", () => {
  const cases: { name: string; input: PruneSummary; expected: boolean }[] = [
    { name: "nothing", input: pruneSummary(), expected: false },
    {
      name: "only notes",
      input: pruneSummary({ notes: ["x"] }),
      expected: false,
    },
    {
      name: "only bytes",
      input: pruneSummary({ bytes_reclaimed: 10 }),
      expected: false,
    },
    {
      name: "a worktree",
      input: pruneSummary({ worktrees: [worktreeOutcome("a")] }),
      expected: true,
    },
    {
      name: "an orphan",
      input: pruneSummary({ orphans: [orphanOutcome("o")] }),
      expected: true,
    },
    {
      name: "orphan sweep skipped",
      input: pruneSummary({ orphan_sweep_skipped: "why" }),
      expected: true,
    },
    {
      name: "skipped",
      input: pruneSummary({ skipped: "why" }),
      expected: true,
    },
    {
      name: "trash emptied",
      input: pruneSummary({
        trash: { emptied: ["t"], restored: [], remaining: [] },
      }),
      expected: true,
    },
    {
      name: "trash remaining",
      input: pruneSummary({
        trash: { emptied: [], restored: [], remaining: ["t"] },
      }),
      expected: true,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(hasCleanupActivity(input), expected, name);
  }
});

Deno.test("pruneSummaryLines: one line per entry, real plurals, no zero lines", () => {
  const cases: { name: string; input: PruneSummary; expected: string[] }[] = [
    { name: "nothing happened", input: pruneSummary(), expected: [] },
    {
      name: "a dry run with nothing to do says nothing",
      input: pruneSummary({ dry_run: true }),
      expected: [],
    },
    {
      name: "skipped says why and nothing else",
      input: pruneSummary({
        skipped: "another cleanup holds the lock",
        worktrees: [worktreeOutcome("a1")],
      }),
      expected: ["Skipped: another cleanup holds the lock"],
    },
    {
      name: "removed: every worktree by name, with its check and size",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a1", { bytes_reclaimed: 12_345 }),
          worktreeOutcome("a22", { integration_check: null }),
        ],
      }),
      expected: [
        "Removed 2 worktrees:",
        "  .claude/worktrees/a1   integrated (ancestor), 12.3 KB",
        "  .claude/worktrees/a22  clean, nothing unique",
      ],
    },
    {
      name: "one removed worktree: singular",
      input: pruneSummary({ worktrees: [worktreeOutcome("a1")] }),
      expected: [
        "Removed 1 worktree:",
        "  .claude/worktrees/a1  integrated (ancestor)",
      ],
    },
    {
      name: "kept: grouped by reason, true headings, one next step each",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a1"),
          worktreeOutcome("a2", { action: "preserved", reasons: [DIRTY] }),
          worktreeOutcome("a3", { action: "preserved", reasons: [LOCKED] }),
          worktreeOutcome("a4", { action: "preserved", reasons: [DIRTY] }),
        ],
      }),
      expected: [
        "Removed 1 worktree:",
        "  .claude/worktrees/a1  integrated (ancestor)",
        "Kept 1 worktree locked by git (next: git worktree unlock .claude/worktrees/a3):",
        "  .claude/worktrees/a3  agent a3",
        "Kept 2 worktrees with uncommitted changes (next: git -C PATH status):",
        "  .claude/worktrees/a2  1 modified",
        "  .claude/worktrees/a4  1 modified",
      ],
    },
    {
      name:
        "a worktree kept for two reasons sits in the first group, both said",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a3", {
          action: "preserved",
          reasons: [DIRTY, LOCKED],
        })],
      }),
      expected: [
        "Kept 1 worktree locked by git (next: git worktree unlock .claude/worktrees/a3):",
        `  .claude/worktrees/a3  agent a3; ${DIRTY.message}`,
      ],
    },
    {
      name: "an unknown reason code falls into a default group",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a5", {
          action: "preserved",
          // deno-lint-ignore no-explicit-any
          reasons: [{ code: "brand-new-code" as any, message: "new fact" }],
        })],
      }),
      expected: [
        "Kept 1 worktree for other reasons (next: git -C .claude/worktrees/a5 status):",
        "  .claude/worktrees/a5  new fact",
      ],
    },
    {
      name: "the default branch is named where the heading needs it",
      input: pruneSummary({
        default_branch: { name: "trunk", refs: ["refs/heads/trunk"] },
        worktrees: [worktreeOutcome("feat", {
          action: "preserved",
          reasons: [{
            code: "not-integrated",
            message: "branch has commits not merged into the default branch",
          }],
        })],
      }),
      expected: [
        "Kept 1 worktree not merged into trunk (next: git -C .claude/worktrees/feat log --oneline -3):",
        "  .claude/worktrees/feat  branch feat",
      ],
    },
    {
      name:
        "branches deleted and kept; -D offered only where integration was proven",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a1", { branch_deleted: true }),
          worktreeOutcome("a2", {
            branch_deleted: false,
            integration_check: "tree-equal",
            branch_note:
              "branch 'a2' kept: git refused: error: the branch 'a2' is not fully merged",
          }),
          worktreeOutcome("a3", {
            branch_deleted: false,
            integration_check: null,
            branch_note: "branch 'a3' kept: git refused: not fully merged",
          }),
        ],
      }),
      expected: [
        "Removed 3 worktrees:",
        "  .claude/worktrees/a1  integrated (ancestor)",
        "  .claude/worktrees/a2  integrated (tree-equal)",
        "  .claude/worktrees/a3  clean, nothing unique",
        "Deleted 1 branch:",
        "  a1",
        "Kept 2 branches git branch -d refused to delete:",
        "  a2  integrated (tree-equal): git branch -D a2; git refused: error: the branch 'a2' is not fully…",
        "  a3  not proven integrated: git log --oneline a3; git refused: not fully merged",
      ],
    },
    {
      name: "cleaned registrations, one line each",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("gone", {
            action: "admin-pruned",
            integration_check: null,
          }),
        ],
      }),
      expected: [
        "Cleaned 1 registration whose directory was gone:",
        "  .claude/worktrees/gone",
      ],
    },
    {
      name: "notes follow the worktree lines",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a3", {
          action: "preserved",
          reasons: [LOCKED],
          notes: ["stale lock: process 4242 no longer runs"],
        })],
      }),
      expected: [
        "Kept 1 worktree locked by git (next: git worktree unlock .claude/worktrees/a3):",
        "  .claude/worktrees/a3  agent a3",
        "Note: .claude/worktrees/a3: stale lock: process 4242 no longer runs",
      ],
    },
    {
      name: "swept orphans by name, plural",
      input: pruneSummary({
        orphans: [orphanOutcome("o1"), orphanOutcome("o2", { kind: "clone" })],
      }),
      expected: [
        "Swept 2 orphaned directories:",
        "  .claude/worktrees/o1  empty directory",
        "  .claude/worktrees/o2  clone",
      ],
    },
    {
      name: "kept orphans grouped by reason",
      input: pruneSummary({
        orphans: [
          orphanOutcome("notes", {
            action: "preserved",
            reasons: [{
              code: "not-empty",
              message: "plain directory with content (not a git checkout)",
            }],
          }),
          orphanOutcome("l", {
            kind: "symlink",
            action: "preserved",
            reasons: [{ code: "symlink", message: "is a symlink" }],
          }),
        ],
      }),
      expected: [
        "Kept 1 orphaned directory that is a symlink (never followed) (next: ls -l .claude/worktrees/l):",
        "  .claude/worktrees/l  is a symlink",
        "Kept 1 orphaned directory with files but no git checkout (next: ls -a .claude/worktrees/notes):",
        "  .claude/worktrees/notes  not a git checkout",
      ],
    },
    {
      name: "orphan sweep skipped",
      input: pruneSummary({
        orphan_sweep_skipped: ".claude/worktrees is a symlink",
      }),
      expected: ["Orphan sweep skipped: .claude/worktrees is a symlink"],
    },
    {
      name: "trash emptied and remaining, by name",
      input: pruneSummary({
        trash: {
          emptied: ["a", "b"],
          restored: [],
          remaining: [".claude/worktrees/.trash-1"],
        },
      }),
      expected: [
        "Finished removing 2 items left by an interrupted run:",
        "  a",
        "  b",
        "Could not finish removing 1 item left by an interrupted run:",
        "  .claude/worktrees/.trash-1",
      ],
    },
    {
      name: "bytes reclaimed and run notes come last",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a1")],
        bytes_reclaimed: 12_345,
        notes: ["/proc is not readable"],
      }),
      expected: [
        "Removed 1 worktree:",
        "  .claude/worktrees/a1  integrated (ancestor)",
        "Reclaimed 12.3 KB",
        "Note: /proc is not readable",
      ],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(pruneSummaryLines(input, { width: 100 }), expected, name);
  }
});

Deno.test("pruneSummaryLines: dry runs say 'Would' and point to the worktrees view", () => {
  const many = Array.from(
    { length: 12 },
    (_, i) =>
      worktreeOutcome(`w${String(i).padStart(2, "0")}`, {
        action: "preserved",
        reasons: [DIRTY],
      }),
  );
  const lines = pruneSummaryLines(
    pruneSummary({
      dry_run: true,
      worktrees: [
        worktreeOutcome("a1", {
          action: "would-prune",
          integration_check: "tree-equal",
        }),
        worktreeOutcome("gone", { action: "admin-pruned" }),
        ...many,
      ],
      orphans: [orphanOutcome("o1", { action: "would-sweep" })],
      bytes_reclaimed: 3_000_000,
    }),
  );
  assert.deepEqual(lines, [
    "Would remove 1 worktree:",
    "  .claude/worktrees/a1  integrated (tree-equal)",
    "Would clean 1 registration whose directory was gone:",
    "  .claude/worktrees/gone",
    "Would keep 12 worktrees with uncommitted changes (next: git -C PATH status):",
    ...many.slice(0, 10).map((w) => `  ${w.relative_path}  1 modified`),
    "  … and 2 more: mpm-session worktrees",
    "Would sweep 1 orphaned directory:",
    "  .claude/worktrees/o1  empty directory",
    "Would reclaim 3.0 MB",
  ]);
});

Deno.test("pruneSummaryLines: every line fits the width; paths shorten in the middle", () => {
  const long = `.claude/worktrees/${"very-long-agent-name-".repeat(5)}end`;
  const summary = pruneSummary({
    worktrees: [
      worktreeOutcome("x", { relative_path: long, bytes_reclaimed: 5_000 }),
      worktreeOutcome("y", {
        action: "preserved",
        reasons: [{
          code: "unique-ignored-files",
          message:
            "holds ignored files found nowhere else: '.env', 'secrets/key.pem', 'local.db', 'cache/x', 'build/output.bin', 'coverage/lcov.info'",
        }],
      }),
    ],
  });
  for (const width of [40, 60, 80, 120]) {
    const lines = pruneSummaryLines(summary, { width });
    for (const line of lines) {
      assert.ok(
        line.length <= width || line.startsWith("  next: "),
        `${width}: ${JSON.stringify(line)}`,
      );
    }
    const entry = lines.find((l) => l.includes("…") && l.includes("end"))!;
    assert.ok(entry.startsWith("  .claude/"), entry);
    assert.ok(/end( |$)/.test(entry), entry);
  }
  const at80 = pruneSummaryLines(summary, { width: 80 });
  const ignored = at80.find((l) => l.startsWith("  .claude/worktrees/y"))!;
  // Cut at a word, never inside one.
  assert.match(ignored, /^ {2}\.claude\/worktrees\/y {2}'\.env', .*[^ ]…$/);
  assert.doesNotMatch(ignored, /'secr…|'loc…/);
});

Deno.test("pruneSummaryLines: no Reclaimed line below minReclaimedBytes", () => {
  const summary = pruneSummary({
    worktrees: [worktreeOutcome("a1")],
    bytes_reclaimed: 999_000,
  });
  assert.ok(pruneSummaryLines(summary).includes("Reclaimed 999.0 KB"));
  assert.ok(
    !pruneSummaryLines(summary, { minReclaimedBytes: 1_000_000 }).some((l) =>
      l.startsWith("Reclaimed")
    ),
  );
});

Deno.test("pruneSummaryLines: paths are shown on one line with controls escaped", () => {
  const lines = pruneSummaryLines(pruneSummary({
    dry_run: true,
    worktrees: [
      worktreeOutcome("x", {
        relative_path: ".claude/worktrees/a\nb\x1b[2J",
        action: "would-prune",
        integration_check: "ancestor",
      }),
    ],
    orphans: [
      orphanOutcome("o", {
        relative_path: ".claude/worktrees/t\tab",
        action: "would-sweep",
      }),
    ],
    trash: { emptied: [], restored: [], remaining: ["/r/.trash\r1"] },
  }));
  assert.deepEqual(lines, [
    "Would remove 1 worktree:",
    "  .claude/worktrees/a\\nb\\u001b[2J  integrated (ancestor)",
    "Would sweep 1 orphaned directory:",
    "  .claude/worktrees/t\\tab  empty directory",
    "Would judge again 1 item an interrupted run left in the trash:",
    "  /r/.trash\\u000d1",
  ]);
});

Deno.test({
  name:
    "pruneSummaryLines: reasons and notes are one line with controls escaped",
  fn: () => {
    const evil = "x\n\x1b[2Jfake line";
    const lines = pruneSummaryLines(pruneSummary({
      worktrees: [worktreeOutcome("a", {
        action: "preserved",
        reasons: [{ code: "locked", message: `locked by git: ${evil}` }],
        notes: [evil],
      })],
      orphans: [orphanOutcome("o", {
        action: "preserved",
        reasons: [{
          code: "unique-ignored-files",
          message: `holds ignored files found nowhere else: '${evil}'`,
        }],
      })],
      orphan_sweep_skipped: evil,
      notes: [evil],
    }));
    for (const line of lines) {
      assert.equal(RAW_CONTROL.test(line), false, JSON.stringify(line));
    }
  },
});

Deno.test("pruneSummaryLines: a next step too long for the line gets its own line, never cut", () => {
  const lines = pruneSummaryLines(
    pruneSummary({
      worktrees: [worktreeOutcome("feature-with-a-long-name", {
        action: "preserved",
        reasons: [{
          code: "unpushed-commits",
          message: "has 2 commits not pushed to 'origin/feature'",
        }],
      })],
    }),
    { width: 50 },
  );
  assert.deepEqual(lines, [
    "Kept 1 worktree with unpushed commits:",
    "  next: git -C PATH push",
    "  .claude/worktr…ith-a-long-name  has 2 commits…",
  ]);
});
