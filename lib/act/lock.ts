/**
 * A lock that keeps two cleanups from acting on the same worktrees: a file
 * created exclusively in the tool's state folder (`<common dir>/mpm-session/`),
 * holding the owner's pid. The lock file of older versions
 * (`<common dir>/mpm-session-prune.lock`) still counts while its owner runs.
 * A lock whose process is gone is taken over, with a warning.
 *
 * @module
 */

import { hostname } from "node:os";
import { lstat, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import process from "node:process";
import { isProcessAlive } from "../gather/processes.ts";
import { createFileExclusive } from "./write.ts";
import { UserError } from "../errors.ts";
import { ensureStateDir, STATE_DIR_NAME } from "./state.ts";

/** The lock file's path relative to the common git directory. */
export const PRUNE_LOCK_NAME = `${STATE_DIR_NAME}/prune.lock`;

/** Where versions before the state folder kept the lock. */
export const LEGACY_PRUNE_LOCK_NAME = "mpm-session-prune.lock";

/** A held lock. */
export interface HeldLock {
  /** Releases the lock; safe to call twice. */
  release(): Promise<void>;
  /** Set when a stale lock was taken over. */
  warning?: string;
  /**
   * Whether it was taken at the first try, no other cleanup (of this or an
   * older version) holding it: then nothing another cleanup did can have
   * happened since {@link cleanupLockPresent} last said no.
   */
  firstTry: boolean;
}

/**
 * Whether a cleanup lock (of this or an older version) exists now. A run
 * that sees none, then lists the worktrees, then takes the lock at the
 * first try, knows no other cleanup changed the list in between.
 */
export async function cleanupLockPresent(commonDir: string): Promise<boolean> {
  const present = (name: string) =>
    lstat(join(commonDir, name)).then(() => true, () => false);
  const [current, legacy] = await Promise.all([
    present(PRUNE_LOCK_NAME),
    present(LEGACY_PRUNE_LOCK_NAME),
  ]);
  return current || legacy;
}

/** This machine's name, without needing Deno's `--allow-sys`. */
function hostName(): string {
  try {
    return hostname();
  } catch {
    return process.env.HOSTNAME || "unknown";
  }
}

/** What a lock file says. */
interface LockOwner {
  version?: number;
  pid: number;
  host: string;
  started: string;
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8"));
    return typeof value?.pid === "number" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the cleanup lock, waiting up to `waitMs` for another run to finish.
 *
 * @returns the held lock, or the owner's pid when another cleanup is running.
 */
export async function acquirePruneLock(
  commonDir: string,
  waitMs = 3000,
): Promise<HeldLock | { busyPid: number | undefined }> {
  const path = join(commonDir, PRUNE_LOCK_NAME);
  const me: LockOwner = {
    version: 1,
    pid: process.pid,
    host: hostName(),
    started: new Date().toISOString(),
  };
  const deadline = Date.now() + waitMs;
  let warning: string | undefined;
  let firstTry = true;
  for (;; firstTry = false) {
    let created: boolean;
    const legacy = await readOwner(join(commonDir, LEGACY_PRUNE_LOCK_NAME));
    if (
      legacy && legacy.host === me.host && legacy.pid !== me.pid &&
      isProcessAlive(legacy.pid)
    ) {
      // An older version is cleaning this repository right now.
      if (Date.now() >= deadline) return { busyPid: legacy.pid };
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      await ensureStateDir(commonDir);
      created = await createFileExclusive(path, JSON.stringify(me) + "\n");
    } catch (error) {
      throw new UserError(
        `Cannot take the cleanup lock '${path}': ${
          (error as Error).message
        }: check that the git directory is writable`,
      );
    }
    if (created) {
      let released = false;
      return {
        warning,
        firstTry,
        release: async () => {
          if (released) return;
          released = true;
          const owner = await readOwner(path);
          if (owner?.pid === me.pid && owner.started === me.started) {
            await unlink(path).catch(() => {});
          }
        },
      };
    }
    const owner = await readOwner(path);
    const stale = owner !== undefined && owner.host === me.host &&
      !isProcessAlive(owner.pid);
    if (stale) {
      // Move the stale file aside first so two runs cannot both take it.
      const aside = `${path}.stale-${process.pid}-${Date.now()}`;
      try {
        await rename(path, aside);
        const movedOwner = await readOwner(aside);
        await unlink(aside).catch(() => {});
        if (movedOwner?.pid === owner.pid) {
          warning =
            `Took over a stale cleanup lock left by process ${owner.pid}, which no longer runs`;
        }
      } catch {
        // Someone else moved it first; try again.
      }
      continue;
    }
    if (Date.now() >= deadline) return { busyPid: owner?.pid };
    await new Promise((r) => setTimeout(r, 100));
  }
}
