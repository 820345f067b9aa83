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

Deno.test("pruneSummaryLines: exact wording for each kind of outcome", () => {
  const cases: { name: string; input: PruneSummary; expected: string[] }[] = [
    { name: "nothing happened", input: pruneSummary(), expected: [] },
    {
      name: "skipped says why and nothing else",
      input: pruneSummary({
        skipped: "another cleanup holds the lock",
        worktrees: [worktreeOutcome("a1")],
      }),
      expected: ["Skipped: another cleanup holds the lock"],
    },
    {
      name: "pruned",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a1"), worktreeOutcome("a2")],
      }),
      expected: ["Pruned 2 stale worktree(s)"],
    },
    {
      name: "preserved with reasons joined by '; '",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a1"),
          worktreeOutcome("a2", { action: "preserved", reasons: [DIRTY] }),
          worktreeOutcome("a3", {
            action: "preserved",
            reasons: [LOCKED, DIRTY],
          }),
        ],
      }),
      expected: [
        "Pruned 1 stale worktree(s)",
        "Preserved 2 worktree(s) with unsaved work",
        `  .claude/worktrees/a2: ${DIRTY.message}`,
        `  .claude/worktrees/a3: ${LOCKED.message}; ${DIRTY.message}`,
      ],
    },
    {
      name: "only preserved: no 'Pruned 0' line",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a2", { action: "preserved", reasons: [DIRTY] }),
        ],
      }),
      expected: [
        "Preserved 1 worktree(s) with unsaved work",
        `  .claude/worktrees/a2: ${DIRTY.message}`,
      ],
    },
    {
      name: "admin-pruned registrations",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("gone", {
            action: "admin-pruned",
            integration_check: null,
          }),
        ],
      }),
      expected: ["Cleaned 1 registration(s) whose directory was gone"],
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
        "Preserved 1 worktree(s) with unsaved work",
        `  .claude/worktrees/a3: ${LOCKED.message}`,
        "  note: .claude/worktrees/a3: stale lock: process 4242 no longer runs",
      ],
    },
    {
      name: "swept one orphaned directory (singular)",
      input: pruneSummary({ orphans: [orphanOutcome("o1")] }),
      expected: ["Swept 1 orphaned directory"],
    },
    {
      name: "swept several orphaned directories (plural)",
      input: pruneSummary({
        orphans: [
          orphanOutcome("o1"),
          orphanOutcome("o2"),
          orphanOutcome("o3"),
        ],
      }),
      expected: ["Swept 3 orphaned directories"],
    },
    {
      name: "preserved orphans, singular and with reasons",
      input: pruneSummary({
        orphans: [orphanOutcome("notes", {
          action: "preserved",
          reasons: [{
            code: "not-empty",
            message: "plain directory with content (not a git checkout)",
          }],
        })],
      }),
      expected: [
        "Preserved 1 orphaned directory with unsaved work",
        "  .claude/worktrees/notes: plain directory with content (not a git checkout)",
      ],
    },
    {
      name: "preserved orphans, plural",
      input: pruneSummary({
        orphans: [
          orphanOutcome("l", {
            kind: "symlink",
            action: "preserved",
            reasons: [{ code: "symlink", message: "is a symlink" }],
          }),
          orphanOutcome("f", {
            kind: "file",
            action: "preserved",
            reasons: [{ code: "not-a-directory", message: "is a file" }],
          }),
        ],
      }),
      expected: [
        "Preserved 2 orphaned directories with unsaved work",
        "  .claude/worktrees/l: is a symlink",
        "  .claude/worktrees/f: is a file",
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
      name: "trash emptied and remaining",
      input: pruneSummary({
        trash: {
          emptied: ["a", "b"],
          restored: [],
          remaining: [".claude/worktrees/.trash-1"],
        },
      }),
      expected: [
        "Finished removing 2 item(s) left by an interrupted run",
        "Could not finish removing 1 item(s) left by an interrupted run:",
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
        "Pruned 1 stale worktree(s)",
        "Reclaimed 12.3 KB",
        "Note: /proc is not readable",
      ],
    },
    {
      name: "zero bytes are not mentioned",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a1")],
        bytes_reclaimed: 0,
      }),
      expected: ["Pruned 1 stale worktree(s)"],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(pruneSummaryLines(input), expected, name);
  }
});

Deno.test("pruneSummaryLines: dry runs say 'Would' and list what would go", () => {
  const cases: { name: string; input: PruneSummary; expected: string[] }[] = [
    {
      name: "dry run with nothing to do still says so",
      input: pruneSummary({ dry_run: true }),
      expected: ["Would prune 0 stale worktree(s)"],
    },
    {
      name: "would prune, with the reason each may go",
      input: pruneSummary({
        dry_run: true,
        worktrees: [
          worktreeOutcome("a1", {
            action: "would-prune",
            integration_check: "tree-equal",
          }),
          worktreeOutcome("a2", {
            action: "would-prune",
            integration_check: null,
            branch: null,
          }),
        ],
      }),
      expected: [
        "Would prune 2 stale worktree(s)",
        "  .claude/worktrees/a1: integrated (tree-equal)",
        "  .claude/worktrees/a2: clean, nothing unique",
      ],
    },
    {
      name: "would clean registrations, would sweep, would reclaim",
      input: pruneSummary({
        dry_run: true,
        worktrees: [worktreeOutcome("gone", { action: "admin-pruned" })],
        orphans: [
          orphanOutcome("o1", { action: "would-sweep" }),
          orphanOutcome("o2", { action: "would-sweep" }),
        ],
        bytes_reclaimed: 3_000_000,
      }),
      expected: [
        "Would prune 0 stale worktree(s)",
        "Would clean 1 registration(s) whose directory was gone",
        "Would sweep 2 orphaned directories",
        "  .claude/worktrees/o1",
        "  .claude/worktrees/o2",
        "Would reclaim 3.0 MB",
      ],
    },
    {
      name: "one orphan: singular",
      input: pruneSummary({
        dry_run: true,
        orphans: [orphanOutcome("o1", { action: "would-sweep" })],
      }),
      expected: [
        "Would prune 0 stale worktree(s)",
        "Would sweep 1 orphaned directory",
        "  .claude/worktrees/o1",
      ],
    },
    {
      name: "preserved wording is the same in a dry run",
      input: pruneSummary({
        dry_run: true,
        worktrees: [
          worktreeOutcome("a2", { action: "preserved", reasons: [DIRTY] }),
        ],
      }),
      expected: [
        "Would prune 0 stale worktree(s)",
        "Preserved 1 worktree(s) with unsaved work",
        `  .claude/worktrees/a2: ${DIRTY.message}`,
      ],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(pruneSummaryLines(input), expected, name);
  }
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
    "Would prune 1 stale worktree(s)",
    "  .claude/worktrees/a\\nb\\u001b[2J: integrated (ancestor)",
    "Would sweep 1 orphaned directory",
    "  .claude/worktrees/t\\tab",
    "Could not finish removing 1 item(s) left by an interrupted run:",
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
