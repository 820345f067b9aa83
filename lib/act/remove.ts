/**
 * Removal under `.claude/worktrees/`. Every removal first moves the
 * directory into a trash folder inside `.claude/worktrees/`, checks it again
 * there, and only then deletes it: the check and the delete act on a path
 * nobody else uses, and an interrupted run leaves either a whole worktree
 * or a trash entry the next run finishes.
 *
 * @module
 */

import {
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  writeFile,
} from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isStrictlyInside } from "../decide/containment.ts";
import { describeGitFailure, type GitResult, runGit } from "../gather/git.ts";
import { parsePorcelainV2, statusArgs } from "../gather/status_parse.ts";
import {
  isolatedEnv,
  readGitFile,
  statusFailure,
} from "../gather/worktree_facts.ts";
import { errnoCode } from "./write.ts";

/** The trash folder's name inside `.claude/worktrees/`. */
export const TRASH_NAME = ".mpm-trash";

/** Where removals happen. */
export interface RemovalContext {
  /** The main worktree's root, where git runs. */
  mainRoot: string;
  /** The repository's common git directory (worktree registrations). */
  commonDir: string;
  /** Real path of `.claude/worktrees`. */
  worktreesDirReal: string;
  /** Device of `.claude/worktrees`. */
  worktreesDev: number;
}

/** The outcome of one removal. */
export type RemovalResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks, on the file system as it is now, that `path` is a real directory
 * (not a symlink) strictly inside `root` and on the same device.
 *
 * @returns why it is not, or `undefined` when it is.
 */
export async function checkContained(
  path: string,
  root: string,
  dev: number,
): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    return `cannot read it: ${(error as Error).message}`;
  }
  if (info.isSymbolicLink()) return "it became a symlink";
  if (!info.isDirectory()) return "it is not a directory";
  if (info.dev !== dev) return "it is on another file system";
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    return `cannot resolve it: ${(error as Error).message}`;
  }
  return isStrictlyInside(root, real)
    ? undefined
    : `it resolves outside '${root}'`;
}

function trashDir(ctx: RemovalContext): string {
  return join(ctx.worktreesDirReal, TRASH_NAME);
}

async function ensureTrash(ctx: RemovalContext): Promise<string> {
  const dir = trashDir(ctx);
  await mkdir(dir, { recursive: true });
  const problem = await checkContained(
    dir,
    ctx.worktreesDirReal,
    ctx.worktreesDev,
  );
  if (problem) throw new Error(`trash folder '${dir}' is unsafe: ${problem}`);
  return dir;
}

/**
 * Checks `path` right before it moves and picks its place in the trash.
 */
async function trashSlotFor(
  ctx: RemovalContext,
  path: string,
  kind: TrashKind,
): Promise<
  { ok: true; trash: string; trashPath: string } | {
    ok: false;
    reason: string;
  }
> {
  const problem = await checkContained(
    path,
    ctx.worktreesDirReal,
    ctx.worktreesDev,
  );
  if (problem) {
    return { ok: false, reason: `containment check failed: ${problem}` };
  }
  try {
    const trash = await ensureTrash(ctx);
    return {
      ok: true,
      trash,
      trashPath: join(trash, trashNameFor(path, kind)),
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** What a trash entry was: a registered worktree or a swept orphan. */
export type TrashKind = "worktree" | "orphan";

function trashNameFor(path: string, kind: TrashKind): string {
  return `${basename(path)}~${Date.now().toString(36)}${
    Math.random().toString(36).slice(2, 8)
  }.${kind}`;
}

/** The kind recorded in a trash entry's name, if any. */
export function trashKind(trashEntry: string): TrashKind | undefined {
  const match = /~[0-9a-z]+\.(worktree|orphan)$/.exec(trashEntry);
  return match ? match[1] as TrashKind : undefined;
}

/** The original name of a trash entry. */
export function originalName(trashEntry: string): string {
  const tilde = trashEntry.lastIndexOf("~");
  return tilde > 0 ? trashEntry.slice(0, tilde) : trashEntry;
}

/** Runs a git command that changes worktrees, from the main worktree. */
type WorktreeGit = (args: string[], cwd?: string) => Promise<GitResult>;

function worktreeGit(ctx: RemovalContext): WorktreeGit {
  return async (args, cwd = ctx.mainRoot) => {
    const result = await runGit(args, { cwd, readOnly: false });
    // Parallel worktree commands in one repository can see another's admin
    // folder vanish mid-read ("Invalid path"); that is no refusal: retry once.
    return result.code !== 0 && /Invalid path/.test(result.stderr)
      ? await runGit(args, { cwd, readOnly: false })
      : result;
  };
}

/** Whether anything, even a dangling symlink, is at `path`. */
function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/**
 * The worktree path an admin folder's `gitdir` file records (its `.git`
 * file's path), or `""` when it records nothing or cannot be read.
 */
function recordedGitdir(adminDir: string): Promise<string> {
  return readFile(join(adminDir, "gitdir"), "utf8").then(
    (text) => text.replace(/\r?\n$/, ""),
    () => "",
  );
}

/**
 * Removes a registered worktree with `git worktree remove` (never
 * `--force`), after moving it into the trash with `git worktree move`.
 * If git refuses, the worktree is moved back and git's reason returned.
 */
export async function removeRegisteredWorktree(
  ctx: RemovalContext,
  path: string,
): Promise<RemovalResult> {
  const slot = await trashSlotFor(ctx, path, "worktree");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  const git = worktreeGit(ctx);
  const moved = await git(["worktree", "move", path, trashPath]);
  if (moved.code !== 0 && !await movedAnyway(path, trashPath, git)) {
    return { ok: false, reason: `git refused: ${describeGitFailure(moved)}` };
  }
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  const removed = after
    ? undefined
    : await git(["worktree", "remove", trashPath]);
  if (removed?.code === 0) return { ok: true };
  // A Ctrl-C reaches git too and can stop its removal part way, leaving a
  // worktree that only lacks tracked files: finish it as recovery would.
  // Anything else it holds makes git refuse again, and it goes back.
  if (!after && await finishWorktreeRemoval(trashPath, ctx, git)) {
    return { ok: true };
  }
  const why = after
    ? `containment check failed: ${after}`
    : `git refused: ${describeGitFailure(removed!)}`;
  const back = await git(["worktree", "move", trashPath, path]);
  if (back.code === 0) return { ok: false, reason: why };
  // git may have dropped the registration before failing part way: put the
  // directory back where it was, so what is left of it stays in sight.
  try {
    await rename(trashPath, path);
    return { ok: false, reason: `${why}; what is left was put back` };
  } catch {
    return {
      ok: false,
      reason: `${why}; it was left at '${trashPath}' (${
        describeGitFailure(back)
      })`,
    };
  }
}

/**
 * Whether a failed `git worktree move` moved the folder after all: git
 * renames first and records the new place after, so a Ctrl-C that reached
 * git in between leaves the folder in the trash under its old registration.
 * The trash path is then recorded with `git worktree repair`; if that
 * fails, the folder is put back where git still expects it.
 */
async function movedAnyway(
  path: string,
  trashPath: string,
  git: WorktreeGit,
): Promise<boolean> {
  if (await exists(path) || !await exists(trashPath)) return false;
  if ((await git(["worktree", "repair", trashPath])).code === 0) return true;
  await rename(trashPath, path).catch(() => {});
  return false;
}

/** Cleans the registration of a worktree whose directory is already gone. */
export async function removeMissingWorktree(
  ctx: RemovalContext,
  path: string,
): Promise<RemovalResult> {
  const result = await runGit(["worktree", "remove", path], {
    cwd: ctx.mainRoot,
    readOnly: false,
  });
  return result.code === 0
    ? { ok: true }
    : { ok: false, reason: `git refused: ${describeGitFailure(result)}` };
}

/**
 * Sweeps an orphaned directory: moves it into the trash, checks it there,
 * then deletes it. An empty plain directory is removed with `rmdir`, which
 * refuses if anything appeared in the meantime.
 */
export async function sweepOrphan(
  ctx: RemovalContext,
  path: string,
  kind: "plain" | "clone",
  recheck?: (trashPath: string) => Promise<string | undefined>,
): Promise<RemovalResult> {
  const slot = await trashSlotFor(ctx, path, "orphan");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  try {
    await rename(path, trashPath);
  } catch (error) {
    return { ok: false, reason: `cannot move it: ${(error as Error).message}` };
  }
  const restore = async (why: string): Promise<RemovalResult> => {
    try {
      await rename(trashPath, path);
      return { ok: false, reason: why };
    } catch {
      return { ok: false, reason: `${why}; it was left at '${trashPath}'` };
    }
  };
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) return await restore(`containment check failed: ${after}`);
  if (kind === "plain") {
    try {
      await rmdir(trashPath);
      return { ok: true };
    } catch (error) {
      const code = errnoCode(error);
      return await restore(
        code === "ENOTEMPTY" || code === "EEXIST"
          ? "content appeared during cleanup"
          : `cannot remove it: ${(error as Error).message}`,
      );
    }
  }
  const problem = recheck ? await recheck(trashPath) : undefined;
  if (problem) return await restore(problem);
  try {
    await rm(trashPath, { recursive: true });
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: `removal failed part way: ${
        (error as Error).message
      }; the rest is in '${trashPath}' and the next run finishes it`,
    };
  }
}

/** What became of the entries an interrupted run left in the trash. */
export interface TrashRecovery {
  /** Entries whose removal was finished. */
  emptied: string[];
  /** Entries moved back to `.claude/worktrees/` because they hold work. */
  restored: string[];
  /** Entries left in the trash, to look at by hand. */
  remaining: string[];
}

/**
 * Finishes what an interrupted run left in the trash.
 *
 * - A registered worktree is removed with git. If git refuses only because
 *   tracked files are missing (a removal killed part way), those files are
 *   restored from git first and the removal is finished; if it holds any
 *   other change, it is moved back whole. One whose folder is already gone
 *   has just its registration removed.
 * - A worktree whose move into the trash was cut short (git names its old
 *   path, or nothing) is recorded in the trash with `git worktree repair`,
 *   then handled as a registered one.
 * - A swept orphan (judged disposable before it moved) is deleted.
 * - Anything else, such as a worktree git unregistered before failing, is
 *   never deleted: it is moved back, or left and reported.
 */
export async function recoverTrash(
  ctx: RemovalContext,
  registeredInTrash: ReadonlySet<string>,
): Promise<TrashRecovery> {
  const dir = trashDir(ctx);
  const result: TrashRecovery = { emptied: [], restored: [], remaining: [] };
  const git = worktreeGit(ctx);
  for (const path of registeredInTrash) {
    // Killed after deleting the folder, before deleting its registration:
    // nothing is left on disk, so only the registration goes.
    if (await exists(path)) continue;
    const cleaned = await git(["worktree", "remove", path]);
    (cleaned.code === 0 ? result.emptied : result.remaining).push(path);
  }
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return result;
  }
  const trashProblem = await checkContained(
    dir,
    ctx.worktreesDirReal,
    ctx.worktreesDev,
  );
  if (trashProblem) {
    result.remaining = names.map((n) => join(dir, n));
    return result;
  }
  for (const name of names) {
    const entry = join(dir, name);
    const home = join(ctx.worktreesDirReal, originalName(name));
    const registered = registeredInTrash.has(entry) ||
      (trashKind(name) === "worktree" &&
        await registrationLost(entry, ctx.commonDir) &&
        (await git(["worktree", "repair", entry])).code === 0);
    if (registered) {
      if (await finishWorktreeRemoval(entry, ctx, git)) {
        result.emptied.push(entry);
        continue;
      }
      const back = await git(["worktree", "move", entry, home]);
      (back.code === 0 ? result.restored : result.remaining).push(entry);
      continue;
    }
    let info;
    try {
      info = await lstat(entry);
    } catch {
      result.remaining.push(entry);
      continue;
    }
    if (
      trashKind(name) === "orphan" && info.isDirectory() &&
      !info.isSymbolicLink()
    ) {
      try {
        await rm(entry, { recursive: true });
        result.emptied.push(entry);
      } catch {
        result.remaining.push(entry);
      }
      continue;
    }
    if (info.isDirectory() && !info.isSymbolicLink()) {
      // An empty directory holds nothing to lose, whatever it was.
      try {
        await rmdir(entry);
        result.emptied.push(entry);
        continue;
      } catch {
        // Not empty: it goes back below.
      }
    }
    try {
      await lstat(home);
      result.remaining.push(entry);
    } catch {
      try {
        await rename(entry, home);
        result.restored.push(entry);
      } catch {
        result.remaining.push(entry);
      }
    }
  }
  if (result.remaining.length === 0) await rmdir(dir).catch(() => {});
  return result;
}

/**
 * Whether a trash entry is a worktree git has lost track of while it moved
 * into the trash. `git worktree move` renames the folder first and then
 * rewrites its registration (truncate, then write), so a kill in between
 * leaves the registration naming the old path, or nothing at all. The
 * entry's own `.git` file still names its admin folder; when that folder
 * exists and its registration names no folder that exists (so no live
 * worktree is claimed), `git worktree repair` can record the trash path.
 */
async function registrationLost(
  entry: string,
  commonDir: string,
): Promise<boolean> {
  const adminDir = await readGitFile(join(entry, ".git"));
  if (!adminDir) return false;
  const [adminReal, adminRoot] = await Promise.all([
    realpath(adminDir).catch(() => undefined),
    realpath(join(commonDir, "worktrees")).catch(() => undefined),
  ]);
  if (!adminReal || !adminRoot || !isStrictlyInside(adminRoot, adminReal)) {
    return false;
  }
  const recorded = await recordedGitdir(adminReal);
  if (recorded === join(entry, ".git")) return false;
  if (recorded === "") return true;
  return !await exists(dirname(recorded));
}

/**
 * Removes a registered worktree from the trash, restoring tracked files a
 * killed removal deleted when that is the only change.
 */
async function finishWorktreeRemoval(
  entry: string,
  ctx: RemovalContext,
  git: WorktreeGit,
): Promise<boolean> {
  if ((await git(["worktree", "remove", entry])).code === 0) return true;
  let adminDir = await readGitFile(join(entry, ".git"));
  if (!adminDir) {
    // A killed removal may have deleted the .git file first.
    adminDir = await restoreGitFile(entry, ctx.commonDir);
    if (!adminDir) return false;
    if ((await git(["worktree", "remove", entry])).code === 0) return true;
  }
  // Judged by its own repository only: a folder whose .git is broken must
  // never be read as part of the enclosing one.
  const env = isolatedEnv(adminDir, entry);
  const status = await runGit(statusArgs({ renames: false }), {
    cwd: entry,
    env,
  });
  if (statusFailure(status)) return false;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout);
  } catch {
    return false;
  }
  const onlyDeleted = parsed.staged.length === 0 &&
    parsed.untracked.length === 0 && parsed.conflicted.length === 0 &&
    parsed.modified.length > 0 &&
    parsed.modified.every((e) => e.worktree === "D");
  if (!onlyDeleted) return false;
  const restored = await runGit(["checkout", "--", "."], {
    cwd: entry,
    env,
    readOnly: false,
  });
  if (restored.code !== 0) return false;
  return (await git(["worktree", "remove", entry])).code === 0;
}

/**
 * Writes a worktree's missing `.git` file again from its registration, as
 * `git worktree repair` run in the main worktree would, but for this one
 * worktree only (`repair <path>` cannot: it needs the file it would fix).
 *
 * @returns the worktree's admin folder, or `undefined` when no
 * registration names the folder.
 */
async function restoreGitFile(
  entry: string,
  commonDir: string,
): Promise<string | undefined> {
  const adminRoot = join(commonDir, "worktrees");
  const dotGit = join(entry, ".git");
  for (const id of await readdir(adminRoot).catch(() => [] as string[])) {
    const adminDir = join(adminRoot, id);
    if (await recordedGitdir(adminDir) !== dotGit) continue;
    try {
      await writeFile(dotGit, `gitdir: ${adminDir}\n`, { flag: "wx" });
      return adminDir;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Removes the trash folder when it is empty. */
export async function removeEmptyTrash(ctx: RemovalContext): Promise<void> {
  await rmdir(trashDir(ctx)).catch(() => {});
}
