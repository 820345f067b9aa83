/**
 * When a worktree was last worked in: the newest modification time of its
 * admin folder, index and HEAD, its own folder and its top-level entries.
 * Cheap (one `readdir` and one `lstat` per entry, no recursion, all
 * synchronous: it runs for every worktree on every run), and what
 * `--min-age` keeps recently active worktrees by.
 *
 * @module
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { lstatFast } from "./fast_stat.ts";

function mtimeOf(path: string): number | undefined {
  try {
    return lstatFast(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The newest activity in a worktree, in milliseconds since the epoch.
 *
 * @param worktreePath the worktree's folder.
 * @param adminDir its admin folder in `<common dir>/worktrees/`, when known.
 * @returns the newest time found, or `undefined` when nothing could be read.
 */
export function newestActivityMs(
  worktreePath: string,
  adminDir: string | undefined,
): number | undefined {
  const paths = [worktreePath];
  if (adminDir) {
    paths.push(adminDir, join(adminDir, "index"), join(adminDir, "HEAD"));
  }
  let names: string[] = [];
  try {
    names = readdirSync(worktreePath);
  } catch {
    // Unreadable: its own folder's time is what is known.
  }
  for (const name of names) paths.push(join(worktreePath, name));
  const times = paths.map(mtimeOf);
  let newest: number | undefined;
  for (const t of times) {
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  }
  return newest;
}
