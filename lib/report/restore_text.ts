/**
 * The text of `restore --list`: every removal the journal records, newest
 * first, one line each, fitted to the terminal width.
 *
 * @module
 */

import type { JournalEntry } from "../types.ts";
import { displayPath } from "./escape.ts";
import { fitEntry, plural } from "./fit.ts";
import { formatAge } from "./time.ts";

/** The lines `restore --list` prints. */
export function renderRestoreList(
  entries: readonly JournalEntry[],
  nowMs: number,
  width: number,
): string {
  if (entries.length === 0) {
    return "Nothing to restore: the journal records no removal\n";
  }
  const names = entries.map((e) => displayPath(e.name));
  const labelWidth = Math.max(...names.map((n) => n.length));
  const lines = entries.map((e, i) => {
    const at = e.branch ? `branch ${displayPath(e.branch)}` : "detached";
    const head = e.head ? ` at ${e.head.slice(0, 12)}` : "";
    const kind = e.kind === "clone" ? ", a clone (refs only)" : "";
    const age = formatAge(nowMs - Date.parse(e.time));
    return fitEntry(
      "  ",
      names[i],
      `removed ${age}, ${at}${head}${kind}`,
      width,
      labelWidth,
    );
  });
  return [
    `${plural(entries.length, "removal")} recorded, newest first:`,
    ...lines,
    "Bring one back with: mpm-session restore NAME",
  ].join("\n") + "\n";
}
