/**
 * The worktree cleanup report as lines of text, shared by the terminal
 * output and the session Markdown: one line per removed, swept, cleaned or
 * kept entry and per branch deleted or kept, kept entries grouped by reason
 * with one next step each, every line fitted to a width. Pure: no I/O.
 *
 * @module
 */

import type {
  OrphanOutcome,
  PruneSummary,
  Reason,
  WorktreeOutcome,
} from "../types.ts";
import { displayPath } from "./escape.ts";
import {
  cutAtWord,
  DEFAULT_WIDTH,
  fitEntry,
  plural,
  shellQuote,
} from "./fit.ts";
import { groupKept, type KeptGroupRow } from "./kept_groups.ts";

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

/** Entries listed per group before `… and K more`. */
export const GROUP_LIMIT = 10;

/** The command that lists every worktree, named when a group is cut. */
export const LIST_COMMAND = "mpm-session worktrees";

/** How {@link pruneSummaryLines} lays the report out. */
export interface CleanupTextOptions {
  /** Characters per line, indent included; default 80. */
  width?: number;
  /** Entries shown per group; default {@link GROUP_LIMIT}. */
  limit?: number;
  /** No `Reclaimed` line below this many bytes; default 1 (any). */
  minReclaimedBytes?: number;
}

/** Whether the summary has anything to say. */
export function hasCleanupActivity(summary: PruneSummary): boolean {
  return summary.worktrees.length > 0 || summary.orphans.length > 0 ||
    summary.orphan_sweep_skipped !== null || summary.skipped !== null ||
    summary.trash.emptied.length > 0 || summary.trash.remaining.length > 0 ||
    summary.trash.restored.length > 0;
}

interface Entry {
  label: string;
  detail: string;
}

/** A heading, then one fitted line per entry, cut after `limit` entries. */
function block(
  heading: string | string[],
  entries: readonly Entry[],
  width: number,
  limit: number,
  more: string,
): string[] {
  if (entries.length === 0) return [];
  const labelWidth = Math.max(...entries.map((e) => e.label.length));
  const shown = entries.length > limit ? entries.slice(0, limit) : entries;
  const lines = [
    ...(typeof heading === "string" ? [cutAtWord(heading, width)] : heading),
    ...shown.map((e) => fitEntry("  ", e.label, e.detail, width, labelWidth)),
  ];
  if (shown.length < entries.length) {
    lines.push(
      cutAtWord(`  … and ${entries.length - shown.length} more${more}`, width),
    );
  }
  return lines;
}

interface Noun {
  one: string;
  many: string;
}

const WORKTREE: Noun = { one: "worktree", many: "worktrees" };
const ORPHAN: Noun = {
  one: "orphaned directory",
  many: "orphaned directories",
};

/**
 * `Kept 2 worktrees locked by git (next: git worktree unlock PATH):` when
 * that fits, else the heading and the next step on a line of its own. The
 * next step names the path when the group has one entry.
 */
/** A group phrase written for many, said of one entry. */
function singularPhrase(phrase: string): string {
  return phrase
    .replace(/^that are symlinks/, "that is a symlink")
    .replace(
      /^that are files, not directories/,
      "that is a file, not a directory",
    )
    .replace(/^that belong /, "that belongs ")
    .replace(/ of their own$/, " of its own");
}

function keptHeading(
  verb: string,
  noun: Noun,
  count: number,
  row: KeptGroupRow,
  defaultBranch: string | undefined,
  onlyPath: string | undefined,
  width: number,
): string[] {
  const phrase = (count === 1 ? singularPhrase(row.phrase) : row.phrase)
    .replaceAll("DEFAULT", defaultBranch ?? "the default branch");
  const head = `${verb} ${plural(count, noun.one, noun.many)} ${phrase}`;
  const nexts = onlyPath === undefined
    ? [row.next]
    : [row.next.replaceAll("PATH", shellQuote(onlyPath)), row.next];
  for (const next of nexts) {
    const line = `${head} (next: ${next}):`;
    if (line.length <= width) return [line];
  }
  // A command is never cut: one that is too long overflows the line.
  const next = nexts.find((n) => `  next: ${n}`.length <= width) ??
    nexts.at(-1)!;
  return [cutAtWord(`${head}:`, width), `  next: ${next}`];
}

/**
 * What to say about one kept entry under its group's heading: its own
 * reason shortened to what the heading does not already say, then any
 * other reasons whole; the branch when nothing else is left to say.
 */
export function keptDetail(
  entry: { reasons: Reason[]; branch?: string | null },
  row: KeptGroupRow,
): string {
  const parts: string[] = [];
  for (const r of entry.reasons) {
    if (r.code !== row.code || row.wholeReason) {
      parts.push(r.message);
      continue;
    }
    const afterColon = /^[^:]*: (.+)$/s.exec(r.message)?.[1];
    const inParens = /\(([^()]+)\)$/.exec(r.message)?.[1];
    const specific = afterColon ?? inParens;
    if (specific) parts.unshift(specific);
    else if (row.showBranch && entry.branch) {
      parts.unshift(`branch ${entry.branch}`);
    } else parts.unshift(r.message);
  }
  return displayPath(parts.join("; "));
}

function removedDetail(w: WorktreeOutcome): string {
  const why = w.integration_check
    ? `integrated (${w.integration_check})`
    : "clean, nothing unique";
  return w.bytes_reclaimed > 0
    ? `${why}, ${formatBytes(w.bytes_reclaimed)}`
    : why;
}

function orphanDetail(o: OrphanOutcome): string {
  const kind = o.kind === "plain" ? "empty directory" : o.kind;
  return o.bytes_reclaimed > 0
    ? `${kind}, ${formatBytes(o.bytes_reclaimed)}`
    : kind;
}

/** Why `git branch -d` refused, without the repeated `branch 'x' kept:`. */
function refusal(w: WorktreeOutcome): string {
  return displayPath(
    (w.branch_note ?? "git refused").replace(
      /^branch '.*' (?:kept|would be kept): /s,
      "",
    ),
  );
}

/**
 * The fix for a branch `git branch -d` refused: `git branch -D` only where
 * the branch was proven integrated, otherwise a look at what it holds.
 */
export function branchFix(w: WorktreeOutcome): string {
  const name = shellQuote(w.branch ?? "");
  return w.integration_check
    ? `integrated (${w.integration_check}): git branch -D ${name}`
    : `not proven integrated: git log --oneline ${name}`;
}

/**
 * The report lines, without a heading: what went, the branches deleted or
 * kept, what stayed grouped by reason with the next step, the orphan sweep,
 * leftovers of interrupted runs, the space reclaimed and notes.
 */
export function pruneSummaryLines(
  summary: PruneSummary,
  options: CleanupTextOptions = {},
): string[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const limit = options.limit ?? GROUP_LIMIT;
  const lines: string[] = [];
  if (summary.skipped) {
    lines.push(cutAtWord(`Skipped: ${displayPath(summary.skipped)}`, width));
    return lines;
  }
  const dry = summary.dry_run;
  const listMore = `: ${LIST_COMMAND}`;
  const removed = summary.worktrees.filter((w) =>
    w.action === "pruned" || w.action === "would-prune"
  );
  const kept = summary.worktrees.filter((w) => w.action === "preserved");
  const admin = summary.worktrees.filter((w) => w.action === "admin-pruned");
  const path = (x: { relative_path: string }) => displayPath(x.relative_path);
  lines.push(...block(
    `${dry ? "Would remove" : "Removed"} ${
      plural(removed.length, "worktree")
    }:`,
    removed.map((w) => ({ label: path(w), detail: removedDetail(w) })),
    width,
    limit,
    dry ? listMore : "",
  ));
  const deleted = removed.filter((w) => w.branch && w.branch_deleted === true);
  const refused = removed.filter((w) => w.branch && w.branch_deleted === false);
  lines.push(...block(
    `${dry ? "Would delete" : "Deleted"} ${
      plural(deleted.length, "branch", "branches")
    }:`,
    deleted.map((w) => ({ label: displayPath(w.branch!), detail: "" })),
    width,
    limit,
    "",
  ));
  lines.push(...block(
    `${dry ? "Would keep" : "Kept"} ${
      plural(refused.length, "branch", "branches")
    } git branch -d ${dry ? "would refuse" : "refused"} to delete:`,
    refused.map((w) => ({
      label: displayPath(w.branch!),
      detail: `${branchFix(w)}; ${refusal(w)}`,
    })),
    width,
    limit,
    "",
  ));
  lines.push(...block(
    `${dry ? "Would clean" : "Cleaned"} ${
      plural(admin.length, "registration")
    } whose directory was gone:`,
    admin.map((w) => ({ label: path(w), detail: "" })),
    width,
    limit,
    "",
  ));
  const verbKept = dry ? "Would keep" : "Kept";
  // Kept entries, worktrees or orphans, grouped by reason: one block each.
  const keptBlocks = <T extends WorktreeOutcome | OrphanOutcome>(
    entries: T[],
    noun: Noun,
  ) =>
    groupKept(entries).flatMap((group) =>
      block(
        keptHeading(
          verbKept,
          noun,
          group.entries.length,
          group.row,
          summary.default_branch?.name,
          group.entries.length === 1
            ? group.entries[0].relative_path
            : undefined,
          width,
        ),
        group.entries.map((x) => ({
          label: path(x),
          detail: keptDetail(x, group.row),
        })),
        width,
        limit,
        listMore,
      )
    );
  lines.push(...keptBlocks(kept, WORKTREE));
  for (const w of summary.worktrees) {
    for (const note of w.notes) {
      lines.push(cutAtWord(`Note: ${path(w)}: ${displayPath(note)}`, width));
    }
  }
  if (summary.orphan_sweep_skipped) {
    lines.push(cutAtWord(
      `Orphan sweep skipped: ${displayPath(summary.orphan_sweep_skipped)}`,
      width,
    ));
  }
  const swept = summary.orphans.filter((o) => o.action !== "preserved");
  const keptOrphans = summary.orphans.filter((o) => o.action === "preserved");
  lines.push(...block(
    `${dry ? "Would sweep" : "Swept"} ${
      plural(swept.length, ORPHAN.one, ORPHAN.many)
    }:`,
    swept.map((o) => ({ label: path(o), detail: orphanDetail(o) })),
    width,
    limit,
    dry ? listMore : "",
  ));
  lines.push(...keptBlocks(keptOrphans, ORPHAN));
  const item = (n: number) => plural(n, "item");
  const trash = summary.trash;
  lines.push(...block(
    `${dry ? "Would finish removing" : "Finished removing"} ${
      item(trash.emptied.length)
    } left by an interrupted run:`,
    trash.emptied.map((p) => ({ label: displayPath(p), detail: "" })),
    width,
    limit,
    "",
  ));
  lines.push(...block(
    dry
      ? `Would move back ${
        item(trash.restored.length)
      } this tool cannot show it put in the trash:`
      : `Moved back ${
        item(trash.restored.length)
      } an interrupted run had left in the trash (they hold work):`,
    trash.restored.map((p) => ({ label: displayPath(p), detail: "" })),
    width,
    limit,
    "",
  ));
  lines.push(...block(
    dry
      ? `Would judge again ${
        item(trash.remaining.length)
      } an interrupted run left in the trash:`
      : `Could not finish removing ${
        item(trash.remaining.length)
      } left by an interrupted run:`,
    trash.remaining.map((p) => ({ label: displayPath(p), detail: "" })),
    width,
    limit,
    "",
  ));
  if (
    summary.bytes_reclaimed > 0 &&
    summary.bytes_reclaimed >= (options.minReclaimedBytes ?? 1)
  ) {
    lines.push(
      `${dry ? "Would reclaim" : "Reclaimed"} ${
        formatBytes(summary.bytes_reclaimed)
      }`,
    );
  }
  for (const note of summary.notes) {
    lines.push(cutAtWord(`Note: ${displayPath(note)}`, width));
  }
  return lines;
}
