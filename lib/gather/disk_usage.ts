/**
 * Measures how many bytes a directory tree holds, without following
 * symlinks, so the cleanup can say how much space it reclaimed.
 *
 * @module
 */

import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Sums the sizes of every entry below `path` (symlinks count as themselves).
 * Unreadable entries count as zero: this is a report, not a safety check.
 */
export async function directorySize(path: string): Promise<number> {
  let total = 0;
  const pending: string[] = [path];
  while (pending.length > 0) {
    const batch = pending.splice(0, 64);
    await Promise.all(batch.map(async (dir) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      await Promise.all(entries.map(async (entry) => {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          pending.push(full);
          return;
        }
        try {
          total += (await lstat(full)).size;
        } catch {
          // Gone or unreadable: nothing to count.
        }
      }));
    }));
  }
  return total;
}
