/**
 * Reads the removal journal, `<common dir>/mpm-session/journal.jsonl`: one
 * line per worktree or clone the cleanup deleted, with the rescue refs
 * that keep its commits for `restore`. Damaged lines are skipped.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { JournalEntry } from "../types.ts";

export type { JournalEntry };

/** The journal's file name in the state folder. */
export const JOURNAL_NAME = "journal.jsonl";

/** The folder, relative to the common git directory, that holds the journal. */
export const JOURNAL_DIR = "mpm-session";

/** The journal's path for the repository whose common git directory is `commonDir`. */
export function journalPath(commonDir: string): string {
  return join(commonDir, JOURNAL_DIR, JOURNAL_NAME);
}

/** The journal's entries, oldest first. */
export async function readJournal(commonDir: string): Promise<JournalEntry[]> {
  const text = await readFile(journalPath(commonDir), "utf8").catch(() => "");
  const out: JournalEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (
        typeof entry.path === "string" && typeof entry.time === "string" &&
        typeof entry.rescue_prefix === "string"
      ) {
        out.push({
          ...entry,
          refs: entry.refs ?? {},
          facts: entry.facts ?? {},
        });
      }
    } catch {
      // A damaged line loses that entry's listing, not its rescue refs.
    }
  }
  return out;
}
