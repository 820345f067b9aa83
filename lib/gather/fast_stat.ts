/**
 * Synchronous `lstat` for walks over many entries. Deno's own call is
 * several times cheaper than its `node:fs` one, and a synchronous call a
 * fraction of an asynchronous one (no promise, no queued operation), which
 * matters at tens of thousands of files. Callers release the event loop
 * once per folder, not once per entry.
 *
 * @module
 */

import type { Buffer } from "node:buffer";
import { lstatSync } from "node:fs";

/** What a walk needs of an entry. */
export interface FastStat {
  /** Whether it is a folder (never through a symlink). */
  isDirectory: boolean;
  /** Size in bytes. */
  size: number;
  /** Modification time in milliseconds since the epoch. */
  mtimeMs: number;
  /** Its device. */
  dev: number;
  /** Its mode bits. */
  mode: number;
  /** Its owner's user id. */
  uid: number;
}

const denoLstat = typeof Deno !== "undefined"
  ? (path: string): FastStat => {
    const info = Deno.lstatSync(path);
    return {
      isDirectory: info.isDirectory,
      size: info.size,
      mtimeMs: info.mtime?.getTime() ?? 0,
      dev: info.dev,
      mode: info.mode ?? 0,
      uid: info.uid ?? -1,
    };
  }
  : undefined;

/**
 * `lstat` of `path`, never following a symlink. A path given as bytes (a
 * name that is not UTF-8) goes through `node:fs`, which keeps them.
 *
 * @throws when the entry cannot be read.
 */
export function lstatFast(path: string | Buffer): FastStat {
  if (typeof path === "string" && denoLstat) return denoLstat(path);
  const info = lstatSync(path);
  return {
    isDirectory: info.isDirectory(),
    size: info.size,
    mtimeMs: info.mtimeMs,
    dev: info.dev,
    mode: info.mode,
    uid: info.uid,
  };
}
