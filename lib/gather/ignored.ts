/**
 * Finds the ignored files in a worktree that exist nowhere else: not a
 * rebuildable cache and not an identical copy of the main worktree's file.
 * `git worktree remove` deletes ignored files silently, so these decide.
 *
 * @module
 */

import { lstat, open, readlink, realpath } from "node:fs/promises";
import { join } from "node:path";
import { isDisposableIgnored } from "../decide/classify.ts";
import { isPlainSegment, isSameOrInside } from "../decide/containment.ts";

/** Files larger than this are not compared byte by byte; they count as unique. */
const MAX_COMPARE_BYTES = 64 * 1024 * 1024;

async function sameContent(
  a: string,
  b: string,
  size: number,
): Promise<boolean> {
  if (size > MAX_COMPARE_BYTES) return false;
  const [ha, hb] = await Promise.all([open(a, "r"), open(b, "r")]);
  try {
    const chunk = 64 * 1024;
    const ba = new Uint8Array(chunk);
    const bb = new Uint8Array(chunk);
    for (let offset = 0; offset < size; offset += chunk) {
      const [ra, rb] = await Promise.all([
        ha.read(ba, 0, chunk, offset),
        hb.read(bb, 0, chunk, offset),
      ]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      for (let i = 0; i < ra.bytesRead; i++) if (ba[i] !== bb[i]) return false;
      if (ra.bytesRead === 0) break;
    }
    return true;
  } finally {
    await Promise.all([ha.close(), hb.close()]);
  }
}

/** Whether `relPath` in `root` is a file identical to the same path in `mainRoot`. */
async function isCopyOfMain(
  root: string,
  mainRoot: string,
  relPath: string,
): Promise<boolean> {
  if (!relPath.split("/").every(isPlainSegment)) return false;
  const here = join(root, relPath);
  const there = join(mainRoot, relPath);
  let a, b;
  try {
    [a, b] = await Promise.all([lstat(here), lstat(there)]);
  } catch {
    return false;
  }
  // The same file reached twice (a symlinked parent in the main worktree
  // leading back into this one) is no copy.
  if (a.dev === b.dev && a.ino === b.ino) return false;
  const [realHere, realThere] = await Promise.all([
    realpath(root),
    realpath(there).catch(() => undefined),
  ]);
  if (realThere === undefined || isSameOrInside(realHere, realThere)) {
    return false;
  }
  if (a.isSymbolicLink() && b.isSymbolicLink()) {
    return await readlink(here) === await readlink(there);
  }
  if (!a.isFile() || !b.isFile() || a.size !== b.size) return false;
  return await sameContent(here, there, a.size);
}

/**
 * The ignored paths (as git status lists them, directories ending in `/`)
 * that would be lost with `root`.
 *
 * @throws when a file cannot be read; the caller treats that as unknown.
 */
export async function uniqueIgnoredFiles(
  root: string,
  mainRoot: string,
  ignored: readonly string[],
  disposable: readonly string[],
): Promise<string[]> {
  const unique: string[] = [];
  for (const path of ignored) {
    if (isDisposableIgnored(path, disposable)) continue;
    if (path.endsWith("/")) {
      unique.push(path);
      continue;
    }
    if (!await isCopyOfMain(root, mainRoot, path)) unique.push(path);
  }
  return unique;
}
