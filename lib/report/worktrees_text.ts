/**
 * The worktrees view as a table for people: one line per entry, fitted to
 * the terminal width, and a summary line with totals. Pure: no I/O.
 *
 * @module
 */

import type { WorktreeEntry, WorktreeList } from "../types.ts";
import type { Colors } from "./color.ts";
import { displayPath } from "./escape.ts";
import { cutAtWord, DEFAULT_WIDTH, plural, shortenMiddle } from "./fit.ts";
import { formatBytes } from "./prune_text.ts";
import { formatAge } from "./time.ts";

/** What a cleanup would do, in words: `would go`, `kept: dirty, locked`. */
export function stateText(entry: WorktreeEntry): string {
  switch (entry.state) {
    case "would-remove":
      return "would go";
    case "would-clean":
      return "would go (directory gone)";
    case "would-sweep":
      return "would go (orphan)";
    case "kept": {
      const codes = [...new Set(entry.reasons.map((r) => r.code))];
      return codes.length > 0 ? `kept: ${codes.join(", ")}` : "kept";
    }
  }
}

const HEADER = ["NAME", "BRANCH", "ACTIVE", "SIZE", "CHECK", "STATE"];

/**
 * The table and its summary line. Columns are as wide as their content;
 * when the line is too wide, names and branches are shortened in the
 * middle and the state (last) is cut at a word.
 */
export function renderWorktrees(
  list: WorktreeList,
  c: Colors,
  nowMs: number = Date.now(),
  width: number = DEFAULT_WIDTH,
): string {
  if (list.skipped) return `Skipped: ${displayPath(list.skipped)}\n`;
  if (list.worktrees.length === 0) {
    return "No agent worktrees under .claude/worktrees/\n";
  }
  const rows = list.worktrees.map((e) => [
    displayPath(e.name),
    displayPath(e.branch ?? "-"),
    e.last_activity_at
      ? formatAge(nowMs - Date.parse(e.last_activity_at))
      : "-",
    e.size_bytes === null ? "-" : formatBytes(e.size_bytes),
    e.integration_check ?? "-",
    stateText(e),
  ]);
  const widths = HEADER.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length))
  );
  // Shrink names and branches (not below 12) until the state fits whole.
  const fixed = () => widths.slice(0, 5).reduce((n, w) => n + w + 2, 0);
  const stateRoom = () => width - fixed();
  while (stateRoom() < widths[5]) {
    const i = widths[0] >= widths[1] ? 0 : 1;
    if (widths[i] <= 12) break;
    widths[i]--;
  }
  const fit = (r: string[]) =>
    r.map((cell, i) =>
      i === 5
        ? cutAtWord(cell, Math.max(stateRoom(), 4))
        : (i < 2 ? shortenMiddle(cell, widths[i]) : cell).padEnd(widths[i])
    ).join("  ").trimEnd();
  const lines = [c.bold(fit(HEADER)), ...rows.map(fit)];
  const t = list.totals;
  lines.push(
    "",
    cutAtWord(
      `${plural(t.count, "entry", "entries")}: ${t.would_go} would go${
        t.would_go > 0 ? ` (${formatBytes(t.reclaimable_bytes)})` : ""
      }, ${t.kept} kept${
        t.would_go > 0 ? "; remove them with: mpm-session prune" : ""
      }`,
      width,
    ),
  );
  for (const note of list.notes) {
    lines.push(cutAtWord(`Note: ${displayPath(note)}`, width));
  }
  return lines.join("\n") + "\n";
}
