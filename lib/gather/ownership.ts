/**
 * Checks who owns a repository before any git call opens it. git refuses a
 * repository owned by another user unless the user's `safe.directory`
 * allows it, because its config can run programs; setting `GIT_DIR` skips
 * that refusal, so this tool checks ownership itself.
 *
 * @module
 */

import { lstat, mkdtemp, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import process from "node:process";
import { runGit } from "./git.ts";

let safeDirs: Promise<string[]> | undefined;

/** The user's `safe.directory` values (global and system config). */
export function safeDirectories(): Promise<string[]> {
  safeDirs ??= runGit(
    ["config", "--get-all", "safe.directory"],
    // Outside any repository, so only the user's and system config count.
    { cwd: tmpdir(), env: { GIT_CEILING_DIRECTORIES: tmpdir() } },
  ).then((r) =>
    r.code === 0 ? r.stdout.split("\n").filter((l) => l !== "") : []
  );
  return safeDirs;
}

/** Whether `safe.directory` values allow `path` (exact, `*`, or `dir/*`). */
export function allowedBySafeDirectory(
  path: string,
  values: readonly string[],
): boolean {
  let allowed = false;
  for (const value of values) {
    if (value === "") allowed = false; // an empty value resets the list
    else if (value === "*" || value === path) allowed = true;
    else if (value.endsWith("/*") && path.startsWith(value.slice(0, -1))) {
      allowed = true;
    }
  }
  return allowed;
}

let ownUid: Promise<number | undefined> | undefined;

/**
 * This process's user id. Deno asks `--allow-sys` for getuid and all
 * permissions for `/proc/self`, so the last resort is the owner of a
 * folder this process creates (and removes) in the temp folder.
 */
export function currentUid(): Promise<number | undefined> {
  ownUid ??= (async () => {
    try {
      const uid = process.getuid?.();
      if (uid !== undefined) return uid;
    } catch {
      // not allowed: try the next way
    }
    const probe = await lstat("/proc/self").catch(() => undefined);
    if (probe) return probe.uid;
    const dir = await mkdtemp(join(tmpdir(), "mpm-session-uid-"));
    try {
      return (await lstat(dir)).uid;
    } finally {
      await rmdir(dir).catch(() => {});
    }
  })().catch(() => undefined);
  return ownUid;
}

/**
 * The first of `paths` owned by another user and not allowed by the user's
 * `safe.directory`, or `undefined` when all are the user's. A path that
 * cannot be read is skipped here; the caller's own reads report it.
 */
export async function foreignOwned(
  paths: readonly string[],
): Promise<string | undefined> {
  if (process.platform === "win32") return undefined; // no owner ids
  const uid = await currentUid();
  if (uid === undefined) {
    throw new Error("cannot tell which user runs this process");
  }
  for (const path of paths) {
    const info = await lstat(path).catch(() => undefined);
    if (!info || info.uid === uid) continue;
    if (allowedBySafeDirectory(path, await safeDirectories())) continue;
    return path;
  }
  return undefined;
}
