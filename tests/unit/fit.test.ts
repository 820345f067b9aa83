/**
 * Unit tests for the pure text-fitting helpers: plurals, cutting at a
 * word, shortening in the middle, one-line entries, terminal width; the
 * reason-group table; and the times shown to people.
 *
 * @module
 */

import { REASON_CODES } from "../../lib/types.ts";
import assert from "node:assert/strict";
import {
  cutAtWord,
  fitEntry,
  plural,
  shellQuote,
  shortenMiddle,
  terminalWidth,
} from "../../lib/report/fit.ts";
import {
  DEFAULT_KEPT_GROUP,
  groupKept,
  KEPT_GROUPS,
  keptGroupOf,
} from "../../lib/report/kept_groups.ts";
import { formatAge, pausedLine } from "../../lib/report/time.ts";
import type { Reason } from "../../lib/types.ts";

Deno.test("plural: the noun agrees with the count", () => {
  const cases: [number, string, string | undefined, string][] = [
    [0, "worktree", undefined, "0 worktrees"],
    [1, "worktree", undefined, "1 worktree"],
    [2, "worktree", undefined, "2 worktrees"],
    [1, "branch", "branches", "1 branch"],
    [3, "branch", "branches", "3 branches"],
    [1, "orphaned directory", "orphaned directories", "1 orphaned directory"],
  ];
  for (const [n, one, many, expected] of cases) {
    assert.equal(plural(n, one, many), expected);
  }
});

Deno.test("cutAtWord: cuts at a space, never inside a word unless it must", () => {
  const cases: { text: string; max: number; expected: string }[] = [
    { text: "short", max: 10, expected: "short" },
    { text: "exactly ten", max: 11, expected: "exactly ten" },
    { text: "has uncommitted changes", max: 18, expected: "has uncommitted…" },
    { text: "a, b; c: d", max: 6, expected: "a, b…" },
    { text: "supercalifragilistic", max: 8, expected: "superca…" },
    { text: "anything", max: 1, expected: "…" },
    { text: "anything", max: 0, expected: "" },
  ];
  for (const { text, max, expected } of cases) {
    const out = cutAtWord(text, max);
    assert.equal(out, expected, `${text} @${max}`);
    assert.ok(out.length <= max);
  }
});

Deno.test("shortenMiddle: keeps the start and the name", () => {
  const cases: { path: string; max: number; expected: string }[] = [
    { path: ".claude/worktrees/a", max: 30, expected: ".claude/worktrees/a" },
    {
      path: ".claude/worktrees/agent-0123456789",
      max: 21,
      expected: ".claude/wo…0123456789",
    },
    { path: "abcdef", max: 3, expected: "a…f" },
  ];
  for (const { path, max, expected } of cases) {
    const out = shortenMiddle(path, max);
    assert.equal(out, expected);
    assert.ok(out.length <= max);
  }
});

Deno.test("fitEntry: one line within the width for any label and detail", () => {
  const labels = ["a", ".claude/worktrees/x", "p".repeat(200)];
  const details = ["", "1 untracked", "word ".repeat(50).trim()];
  for (const width of [30, 40, 80, 120, 200]) {
    for (const label of labels) {
      for (const detail of details) {
        const line = fitEntry("  ", label, detail, width, 20);
        assert.ok(!line.includes("\n"));
        assert.ok(line.length <= width, `${width}: ${line}`);
        assert.ok(line.startsWith("  "));
      }
    }
  }
  assert.equal(
    fitEntry("  ", "a", "b", 80, 5),
    "  a      b",
    "labels pad to the column",
  );
});

Deno.test("terminalWidth: terminal columns, else COLUMNS, else 80", () => {
  assert.equal(terminalWidth(132, { COLUMNS: "40" }), 132);
  assert.equal(terminalWidth(undefined, { COLUMNS: "120" }), 120);
  assert.equal(terminalWidth(undefined, { COLUMNS: "wide" }), 80);
  assert.equal(terminalWidth(undefined, { COLUMNS: "0" }), 80);
  assert.equal(terminalWidth(undefined, {}), 80);
});

Deno.test("shellQuote: safe paths stay bare, others are single-quoted", () => {
  assert.equal(shellQuote(".claude/worktrees/a1"), ".claude/worktrees/a1");
  assert.equal(shellQuote("with space"), "'with space'");
  assert.equal(shellQuote("it's"), "'it'\\''s'");
});

const r = (code: string): Reason => ({
  // deno-lint-ignore no-explicit-any
  code: code as any,
  message: code,
});

Deno.test("keptGroupOf: the first row in table order wins; unknown codes go to the default", () => {
  const cases: { codes: string[]; expected: string }[] = [
    { codes: ["dirty"], expected: "dirty" },
    { codes: ["dirty", "locked"], expected: "locked" },
    {
      codes: ["not-integrated", "unpushed-commits"],
      expected: "unpushed-commits",
    },
    { codes: ["recently-active"], expected: "recently-active" },
    { codes: ["in-use-by-claude", "locked"], expected: "in-use-by-claude" },
    { codes: ["a-code-from-tomorrow"], expected: DEFAULT_KEPT_GROUP.code },
    { codes: [], expected: DEFAULT_KEPT_GROUP.code },
  ];
  for (const { codes, expected } of cases) {
    assert.equal(keptGroupOf(codes.map(r)).code, expected, codes.join(","));
  }
});

Deno.test("KEPT_GROUPS: one row per code, each with a phrase and a next step", () => {
  const codes = KEPT_GROUPS.map((row) => row.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const row of KEPT_GROUPS) {
    assert.ok(row.phrase.length > 0 && row.next.length > 0, row.code);
    assert.doesNotMatch(row.phrase, /unsaved work/);
  }
  assert.match(
    KEPT_GROUPS.find((row) => row.code === "locked")!.phrase,
    /^locked/,
    "a lock is called a lock",
  );
  const known = new Set<string>(REASON_CODES);
  for (const code of codes) assert.ok(known.has(code), `no such code: ${code}`);
  for (const code of REASON_CODES) {
    assert.ok(codes.includes(code), `reason '${code}' has no group row`);
  }
});

Deno.test("groupKept: groups in table order, default last, entries in order", () => {
  const entries = [
    { id: 1, reasons: [r("dirty")] },
    { id: 2, reasons: [r("brand-new")] },
    { id: 3, reasons: [r("locked")] },
    { id: 4, reasons: [r("dirty")] },
  ];
  assert.deepEqual(
    groupKept(entries).map((g) => [g.row.code, g.entries.map((e) => e.id)]),
    [["locked", [3]], ["dirty", [1, 4]], [DEFAULT_KEPT_GROUP.code, [2]]],
  );
});

Deno.test("formatAge: real words and plurals", () => {
  const cases: [number, string][] = [
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 minute ago"],
    [5 * 60_000, "5 minutes ago"],
    [3600_000, "1 hour ago"],
    [47 * 3600_000, "47 hours ago"],
    [2 * 86400_000, "2 days ago"],
    [21 * 86400_000, "3 weeks ago"],
    [90 * 86400_000, "3 months ago"],
    [800 * 86400_000, "2 years ago"],
    [-5000, "just now"],
  ];
  for (const [ms, expected] of cases) assert.equal(formatAge(ms), expected);
});

Deno.test("pausedLine: how long ago and the local time, the year only when it differs", () => {
  // The runtime's zone decides local time; compute the expected parts the same way.
  const paused = new Date(2026, 10, 27, 17, 45); // Fri 27 Nov 2026, local
  const now = paused.getTime() + 2 * 86400_000 + 3600_000;
  assert.equal(
    pausedLine(paused.toISOString(), now),
    "Paused 2 days ago (Fri 27 Nov 17:45, local time)",
  );
  const nextYear = new Date(2027, 0, 3).getTime();
  assert.match(
    pausedLine(paused.toISOString(), nextYear),
    /\(Fri 27 Nov 2026 17:45, local time\)$/,
  );
  assert.equal(pausedLine("not a date", now), "Paused at not a date");
});
