/**
 * Measures how many bytes a directory tree holds, without following
 * symlinks, so the cleanup can say how much space it reclaimed.
 *
 * @module
 */

import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { lstatFast } from "./fast_stat.ts";

/**
 * Sums the sizes of every entry below `path` (symlinks count as themselves,
 * folders as nothing). Unreadable entries count as zero: this is a report,
 * not a safety check.
 *
 * One folder is read at a time and its entries are measured synchronously:
 * memory stays flat however large the tree, and a synchronous `lstat` costs
 * a small fraction of an asynchronous one (no promise, no queued operation). The event loop is released after
 * each folder.
 */
export async function directorySize(path: string): Promise<number> {
  let total = 0;
  const pending: string[] = [path];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        pending.push(full);
        continue;
      }
      try {
        total += lstatFast(full).size;
      } catch {
        // Gone or unreadable: nothing to count.
      }
    }
  }
  return total;
}
