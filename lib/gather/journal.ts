/**
 * Reads the removal journal, `<common dir>/mpm-session/journal.jsonl`: one
 * line per worktree or clone the cleanup deleted, with the rescue refs
 * that keep its commits for `restore`. Damaged lines are skipped.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The journal's file name in the state folder. */
export const JOURNAL_NAME = "journal.jsonl";

/** The folder, relative to the common git directory, that holds the journal. */
export const JOURNAL_DIR = "mpm-session";

/** One journal line: a removal and how to undo it. */
export interface JournalEntry {
  /** Format version. */
  v: 1;
  /** When it was removed, ISO time. */
  time: string;
  /** `worktree` (registered) or `clone` (orphan clone). */
  kind: "worktree" | "clone";
  /** Its folder name under `.claude/worktrees/`. */
  name: string;
  /** Its absolute path before removal. */
  path: string;
  /** Its branch short name, `null` when detached or unknown. */
  branch: string | null;
  /** Its HEAD commit, `null` when unborn. */
  head: string | null;
  /** The rescue ref prefix: `refs/mpm-session/rescue/<name>/<stamp>`. */
  rescue_prefix: string;
  /** Each rescued ref (under the prefix) with its commit. */
  refs: Record<string, string>;
  /** The facts that allowed the removal. */
  facts: Record<string, unknown>;
}

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
