/**
 * The trash manifest: a record, in the state folder, of every entry this
 * tool moved into `.claude/worktrees/.mpm-trash/`, keyed by the entry's
 * name and inode. Written before the move (a rename keeps the inode), so
 * an interrupted move still leaves a record. An entry the manifest does
 * not show was not put there by this tool and is never deleted.
 *
 * @module
 */

import { appendFile, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { ensureStateDir, stateDir } from "./state.ts";

/** The manifest's file name in the state folder. */
export const TRASH_MANIFEST_NAME = "trash.jsonl";

/** One manifest line. */
export interface TrashRecord {
  /** Format version. */
  v: 1;
  /** The entry's name in the trash. */
  name: string;
  /** The folder's inode (kept by the rename into the trash). */
  ino: number;
  /** Where it was before. */
  from: string;
  /** When it was recorded, ISO time. */
  at: string;
}

function manifestPath(commonDir: string): string {
  return join(stateDir(commonDir), TRASH_MANIFEST_NAME);
}

/** Appends a record for an entry about to move into the trash. */
export async function recordTrashEntry(
  commonDir: string,
  name: string,
  ino: number,
  from: string,
): Promise<void> {
  await ensureStateDir(commonDir);
  const line: TrashRecord = {
    v: 1,
    name,
    ino,
    from,
    at: new Date().toISOString(),
  };
  await appendFile(manifestPath(commonDir), JSON.stringify(line) + "\n");
}

/** The key of a trash entry in {@link readTrashManifest}'s set. */
export function trashKey(name: string, ino: number): string {
  return `${ino}\0${name}`;
}

/**
 * The entries the manifest records, as {@link trashKey} keys. A damaged
 * line is skipped: its entry is then unproven and goes back, never lost.
 */
export async function readTrashManifest(
  commonDir: string,
): Promise<Set<string>> {
  const text = await readFile(manifestPath(commonDir), "utf8").catch(() => "");
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const r = JSON.parse(line) as Partial<TrashRecord>;
      if (typeof r.name === "string" && typeof r.ino === "number") {
        out.add(trashKey(r.name, r.ino));
      }
    } catch {
      // Skipped: see above.
    }
  }
  return out;
}

/** Forgets every record, once the trash folder itself is gone. */
export async function clearTrashManifest(commonDir: string): Promise<void> {
  await rm(manifestPath(commonDir), { force: true }).catch(() => {});
}
