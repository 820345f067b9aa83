/**
 * The worktree cleanup summary as lines of text, shared by the terminal
 * output and the session Markdown. Pure: no I/O.
 *
 * @module
 */

import type { OrphanOutcome, PruneSummary, WorktreeOutcome } from "../types.ts";
import { displayPath } from "./escape.ts";

/** Formats a byte count for people: `0 B`, `12.3 KB`, `4.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let index = 0;
  // Choose the unit after rounding, so 999,999 bytes reads "1.0 MB".
  while (Number(value.toFixed(1)) >= 1000 && index < units.length - 1) {
    value /= 1000;
    index++;
  }
  return `${value.toFixed(1)} ${units[index]}`;
}

function reasonText(outcome: WorktreeOutcome | OrphanOutcome): string {
  return displayPath(outcome.reasons.map((r) => r.message).join("; "));
}

/** Whether the summary has anything to say. */
export function hasCleanupActivity(summary: PruneSummary): boolean {
  return summary.worktrees.length > 0 || summary.orphans.length > 0 ||
    summary.orphan_sweep_skipped !== null || summary.skipped !== null ||
    summary.trash.emptied.length > 0 || summary.trash.remaining.length > 0 ||
    summary.trash.restored.length > 0;
}

/**
 * The summary lines, without a heading. Preserved entries are followed by
 * indented `path: reason` lines with paths relative to the repository root.
 */
export function pruneSummaryLines(summary: PruneSummary): string[] {
  const lines: string[] = [];
  if (summary.skipped) {
    lines.push(`Skipped: ${displayPath(summary.skipped)}`);
    return lines;
  }
  const dry = summary.dry_run;
  const removed = summary.worktrees.filter((w) =>
    w.action === "pruned" || w.action === "would-prune"
  );
  const kept = summary.worktrees.filter((w) => w.action === "preserved");
  const admin = summary.worktrees.filter((w) => w.action === "admin-pruned");
  if (removed.length > 0 || dry) {
    lines.push(
      `${dry ? "Would prune" : "Pruned"} ${removed.length} stale worktree(s)`,
    );
    if (dry) {
      for (const w of removed) {
        lines.push(
          `  ${displayPath(w.relative_path)}: ${
            w.integration_check
              ? `integrated (${w.integration_check})`
              : "clean, nothing unique"
          }`,
        );
      }
    }
  }
  if (admin.length > 0) {
    lines.push(
      `${
        dry ? "Would clean" : "Cleaned"
      } ${admin.length} registration(s) whose directory was gone`,
    );
  }
  if (kept.length > 0) {
    lines.push(`Preserved ${kept.length} worktree(s) with unsaved work`);
    for (const w of kept) {
      lines.push(`  ${displayPath(w.relative_path)}: ${reasonText(w)}`);
    }
  }
  for (const w of summary.worktrees) {
    for (const note of w.notes) {
      lines.push(
        `  note: ${displayPath(w.relative_path)}: ${displayPath(note)}`,
      );
    }
  }
  if (summary.orphan_sweep_skipped) {
    lines.push(
      `Orphan sweep skipped: ${displayPath(summary.orphan_sweep_skipped)}`,
    );
  }
  const swept = summary.orphans.filter((o) => o.action !== "preserved");
  const keptOrphans = summary.orphans.filter((o) => o.action === "preserved");
  const dirs = (n: number) => n === 1 ? "directory" : "directories";
  if (swept.length > 0) {
    lines.push(
      `${dry ? "Would sweep" : "Swept"} ${swept.length} orphaned ${
        dirs(swept.length)
      }`,
    );
    if (dry) {
      for (const o of swept) lines.push(`  ${displayPath(o.relative_path)}`);
    }
  }
  if (keptOrphans.length > 0) {
    lines.push(
      `Preserved ${keptOrphans.length} orphaned ${
        dirs(keptOrphans.length)
      } with unsaved work`,
    );
    for (const o of keptOrphans) {
      lines.push(`  ${displayPath(o.relative_path)}: ${reasonText(o)}`);
    }
  }
  if (summary.trash.emptied.length > 0) {
    lines.push(
      `Finished removing ${summary.trash.emptied.length} item(s) left by an interrupted run`,
    );
  }
  if (summary.trash.restored.length > 0) {
    lines.push(
      `Moved back ${summary.trash.restored.length} item(s) an interrupted run had left in the trash: they hold work`,
    );
  }
  if (summary.trash.remaining.length > 0) {
    lines.push(
      `Could not finish removing ${summary.trash.remaining.length} item(s) left by an interrupted run:`,
    );
    for (const p of summary.trash.remaining) lines.push(`  ${displayPath(p)}`);
  }
  if (summary.bytes_reclaimed > 0) {
    lines.push(
      `${dry ? "Would reclaim" : "Reclaimed"} ${
        formatBytes(summary.bytes_reclaimed)
      }`,
    );
  }
  for (const note of summary.notes) lines.push(`Note: ${displayPath(note)}`);
  return lines;
}
