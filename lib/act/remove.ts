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
  unlink,
  writeFile,
} from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Reason, ReasonCode } from "../types.ts";
import { isStrictlyInside, TRASH_NAME } from "../decide/containment.ts";
import { isToolSessionFile } from "../decide/tool_files.ts";
import {
  describeGitFailure,
  type GitResult,
  runGit,
  splitNul,
} from "../gather/git.ts";
import { parsePorcelainV2, statusArgs } from "../gather/status_parse.ts";
import {
  isolatedEnv,
  readGitFile,
  statusFailure,
} from "../gather/worktree_facts.ts";
import { errnoCode } from "./write.ts";
import {
  readTrashManifest,
  recordTrashEntry,
  trashKey,
} from "./trash_manifest.ts";

export { TRASH_NAME };

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
  /**
   * Called right after an entry moved into the trash, before it is checked
   * again there. A test seam: tests change the entry here to play a race.
   */
  onMovedToTrash?: (trashPath: string) => void | Promise<void>;
}

/** The outcome of one removal. */
export type RemovalResult = { ok: true } | {
  ok: false;
  /** Why it was kept, as a reason code. */
  code: ReasonCode;
  /** One line for people. */
  reason: string;
};

/** Checks run on an entry in the trash, right before it is deleted. */
export interface RemovalChecks {
  /** Judges it again by every rule; a reason keeps it (it goes back whole). */
  recheck?: (trashPath: string) => Promise<Reason | undefined>;
  /** Saves a way back (rescue refs, journal); a reason keeps it. */
  beforeDelete?: (trashPath: string) => Promise<Reason | undefined>;
}

function failed(code: ReasonCode, reason: string): RemovalResult {
  return { ok: false, code, reason };
}

/**
 * git's message for a refusal, without its advice to use `--force`: this
 * tool never forces, and neither should a person who has not looked.
 */
export function refusalMessage(result: GitResult): string {
  return describeGitFailure(result)
    .replace(
      /[,;]?\s*use (--force|'?(remove|move) -f -f'?)[^,;]*/gi,
      "",
    )
    .replace(/\s+$/, "");
}

function gitRefused(result: GitResult): RemovalResult {
  return failed("git-refused", `git refused: ${refusalMessage(result)}`);
}

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
  | { ok: true; trash: string; trashPath: string }
  | (RemovalResult & {
    ok: false;
  })
> {
  const problem = await checkContained(
    path,
    ctx.worktreesDirReal,
    ctx.worktreesDev,
  );
  if (problem) {
    return {
      ok: false,
      code: "containment",
      reason: `containment check failed: ${problem}`,
    };
  }
  let trash;
  try {
    trash = await ensureTrash(ctx);
  } catch (error) {
    return {
      ok: false,
      code: "unsafe-trash",
      reason: (error as Error).message,
    };
  }
  const name = trashNameFor(path, kind);
  try {
    // Recorded before the move (a rename keeps the inode), so an
    // interrupted move still leaves the proof the next run needs.
    const ino = (await lstat(path)).ino;
    await recordTrashEntry(ctx.commonDir, name, ino, path);
  } catch (error) {
    return {
      ok: false,
      code: "move-failed",
      reason: `cannot record it in the trash manifest: ${
        (error as Error).message
      }`,
    };
  }
  return { ok: true, trash, trashPath: join(trash, name) };
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
  checks: RemovalChecks = {},
): Promise<RemovalResult> {
  const slot = await trashSlotFor(ctx, path, "worktree");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  const git = worktreeGit(ctx);
  const moved = await git(["worktree", "move", path, trashPath]);
  if (moved.code !== 0 && !await movedAnyway(path, trashPath, git)) {
    return gitRefused(moved);
  }
  await ctx.onMovedToTrash?.(trashPath);
  let kept: { code: ReasonCode; reason: string } | undefined;
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) {
    kept = {
      code: "containment",
      reason: `containment check failed: ${after}`,
    };
  }
  if (!kept && checks.recheck) {
    const r = await checks.recheck(trashPath);
    if (r) kept = { code: r.code, reason: r.message };
  }
  if (!kept && checks.beforeDelete) {
    const r = await checks.beforeDelete(trashPath);
    if (r) kept = { code: r.code, reason: r.message };
  }
  if (!kept) await dropToolSessionFiles(trashPath);
  const removed = kept
    ? undefined
    : await git(["worktree", "remove", trashPath]);
  if (removed?.code === 0) return { ok: true };
  // A Ctrl-C reaches git too and can stop its removal part way, leaving a
  // worktree that only lacks tracked files: finish it as recovery would.
  // Anything else it holds makes git refuse again, and it goes back.
  if (!kept && await finishWorktreeRemoval(trashPath, ctx, git)) {
    return { ok: true };
  }
  const why = kept ??
    {
      code: "git-refused" as const,
      reason: `git refused: ${refusalMessage(removed!)}`,
    };
  const back = await git(["worktree", "move", trashPath, path]);
  if (back.code === 0) return failed(why.code, why.reason);
  // git may have dropped the registration before failing part way: put the
  // directory back where it was, so what is left of it stays in sight.
  try {
    await rename(trashPath, path);
    return failed(why.code, `${why.reason}; what is left was put back`);
  } catch {
    return failed(
      why.code,
      `${why.reason}; it was left at '${trashPath}' (${
        describeGitFailure(back)
      })`,
    );
  }
}

/**
 * Deletes the session files older versions of this tool wrote inside an
 * agent worktree, once it is judged removable in the trash. They are no
 * one's work (the rules judged them disposable), but untracked files make
 * `git worktree remove` refuse. Only untracked files that
 * {@link isToolSessionFile} names go; a tracked one stays for git to judge.
 */
async function dropToolSessionFiles(trashPath: string): Promise<void> {
  const top = join(trashPath, ".claude-mpm");
  const info = await lstat(top).catch(() => undefined);
  if (!info?.isDirectory()) return;
  const adminDir = await readGitFile(join(trashPath, ".git"));
  if (!adminDir) return;
  const tracked = await runGit(["ls-files", "-z", "--", ".claude-mpm"], {
    cwd: trashPath,
    env: isolatedEnv(adminDir, trashPath),
  });
  if (tracked.code !== 0) return;
  const keep = new Set(splitNul(tracked.stdout));
  for (const dir of [".claude-mpm/sessions", ".claude-mpm"]) {
    const entries = await readdir(join(trashPath, dir), { withFileTypes: true })
      .catch(() => []);
    for (const entry of entries) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isFile() && isToolSessionFile(rel) && !keep.has(rel)) {
        await unlink(join(trashPath, rel)).catch(() => {});
      }
    }
    // Only an empty folder goes: anything else in it stays for git.
    await rmdir(join(trashPath, dir)).catch(() => {});
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
  return result.code === 0 ? { ok: true } : gitRefused(result);
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
  checks: RemovalChecks = {},
): Promise<RemovalResult> {
  const slot = await trashSlotFor(ctx, path, "orphan");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  try {
    await rename(path, trashPath);
  } catch (error) {
    const code = errnoCode(error);
    return failed(
      code === "EEXIST" || code === "ENOTEMPTY" ? "name-taken" : "move-failed",
      `cannot move it into the trash: ${(error as Error).message}`,
    );
  }
  await ctx.onMovedToTrash?.(trashPath);
  const restore = async (
    code: ReasonCode,
    why: string,
  ): Promise<RemovalResult> => {
    try {
      await rename(trashPath, path);
      return failed(code, why);
    } catch {
      return failed(code, `${why}; it was left at '${trashPath}'`);
    }
  };
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) {
    return await restore("containment", `containment check failed: ${after}`);
  }
  if (kind === "plain") {
    try {
      await rmdir(trashPath);
      return { ok: true };
    } catch (error) {
      const code = errnoCode(error);
      return code === "ENOTEMPTY" || code === "EEXIST"
        ? await restore(
          "changed-during-cleanup",
          "content appeared during cleanup",
        )
        : await restore(
          "move-failed",
          `cannot remove it: ${(error as Error).message}`,
        );
    }
  }
  for (const check of [checks.recheck, checks.beforeDelete]) {
    const problem = check ? await check(trashPath) : undefined;
    if (problem) return await restore(problem.code, problem.message);
  }
  try {
    await rm(trashPath, { recursive: true });
    return { ok: true };
  } catch (error) {
    return failed(
      "move-failed",
      `removal failed part way: ${
        (error as Error).message
      }; the rest is in '${trashPath}' and the next run finishes it`,
    );
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
  /** One line per entry moved back: where to, and why. */
  notes: string[];
  /** Where each entry moved back went, with why it went back. */
  movedBack: Map<string, Reason[]>;
}

/** Judges a trash entry again by every rule; reasons keep it. */
export type TrashJudge = (
  entry: string,
  kind: "worktree" | "orphan",
) => Promise<Reason[]>;

/** How {@link recoverTrash} judges and saves what it may delete. */
export interface TrashChecks {
  /** Every rule, run on the entry where it lies. */
  judge?: TrashJudge;
  /** Saves a way back right before deletion; a reason keeps the entry. */
  beforeDelete?: (
    entry: string,
    kind: "worktree" | "orphan",
  ) => Promise<Reason | undefined>;
}

/** A free name under `.claude/worktrees/` for an entry going back. */
async function freeHome(dir: string, name: string): Promise<string> {
  for (let i = 1; i <= 100; i++) {
    const candidate = join(dir, i === 1 ? name : `${name}-${i}`);
    if (!await exists(candidate)) return candidate;
  }
  return join(dir, `${name}-${Date.now().toString(36)}`);
}

function backNote(entry: string, home: string, reasons: Reason[]): string {
  const why = reasons.map((r) => r.message).join("; ");
  return `moved '${basename(entry)}' back from the trash to '${home}'${
    why ? `: ${why}` : ""
  }`;
}

/**
 * Finishes what an interrupted run left in the trash. Nothing is deleted
 * unless the trash manifest shows this tool put it there and every rule,
 * run again where it lies, still lets it go; anything else goes back to
 * `.claude/worktrees/` under a free name (reported in `notes`).
 *
 * - A registered worktree is first made whole: a `.git` file and tracked
 *   files a killed removal deleted are restored from git (nothing else
 *   is touched). Then it is judged and removed with git, or moved back
 *   whole. One whose folder is already gone has just its registration
 *   removed.
 * - A worktree whose move into the trash was cut short (git names its old
 *   path, or nothing) is recorded in the trash with `git worktree repair`,
 *   then handled as a registered one.
 * - A swept orphan is judged again like any orphan, then deleted or moved
 *   back.
 * - An empty folder holds nothing and is removed; anything else is moved
 *   back, or left and reported.
 */
export async function recoverTrash(
  ctx: RemovalContext,
  registeredInTrash: ReadonlySet<string>,
  checks: TrashChecks = {},
): Promise<TrashRecovery> {
  const dir = trashDir(ctx);
  const result: TrashRecovery = {
    emptied: [],
    restored: [],
    remaining: [],
    notes: [],
    movedBack: new Map(),
  };
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
    result.notes.push(
      `trash folder '${dir}' is unsafe (${trashProblem}): nothing in it was touched`,
    );
    return result;
  }
  const manifest = await readTrashManifest(ctx.commonDir);
  const unproven = (): Reason => ({
    code: "not-put-in-trash-by-tool",
    message: "the trash manifest does not show this tool put it there",
  });
  for (const name of names) {
    const entry = join(dir, name);
    let info;
    try {
      info = await lstat(entry);
    } catch {
      result.remaining.push(entry);
      continue;
    }
    const proven = manifest.has(trashKey(name, info.ino));
    const registered = registeredInTrash.has(entry) ||
      (trashKind(name) === "worktree" &&
        await registrationLost(entry, ctx.commonDir) &&
        (await git(["worktree", "repair", entry])).code === 0);
    if (registered) {
      await makeWhole(entry, ctx);
      const reasons = proven ? [] : [unproven()];
      if (checks.judge) reasons.push(...await checks.judge(entry, "worktree"));
      if (reasons.length === 0 && checks.beforeDelete) {
        const r = await checks.beforeDelete(entry, "worktree");
        if (r) reasons.push(r);
      }
      if (reasons.length === 0) {
        const removed = await git(["worktree", "remove", entry]);
        if (removed.code === 0) {
          result.emptied.push(entry);
          continue;
        }
        reasons.push({
          code: "git-refused",
          message: `git refused: ${refusalMessage(removed)}`,
        });
      }
      const home = await freeHome(
        ctx.worktreesDirReal,
        originalName(name),
      );
      const back = await git(["worktree", "move", entry, home]);
      if (back.code === 0) {
        result.restored.push(entry);
        result.notes.push(backNote(entry, home, reasons));
        result.movedBack.set(home, reasons);
      } else result.remaining.push(entry);
      continue;
    }
    const folder = info.isDirectory() && !info.isSymbolicLink();
    if (folder) {
      // An empty directory holds nothing to lose, whatever it was.
      try {
        await rmdir(entry);
        result.emptied.push(entry);
        continue;
      } catch {
        // Not empty: judged below.
      }
    }
    // What the tool cannot show it put here goes back and stays this run.
    const reasons: Reason[] = proven ? [] : [unproven()];
    if (folder && trashKind(name) === "orphan") {
      if (checks.judge) reasons.push(...await checks.judge(entry, "orphan"));
      if (reasons.length === 0 && checks.beforeDelete) {
        const r = await checks.beforeDelete(entry, "orphan");
        if (r) reasons.push(r);
      }
      if (reasons.length === 0) {
        try {
          await rm(entry, { recursive: true });
          result.emptied.push(entry);
        } catch {
          result.remaining.push(entry);
        }
        continue;
      }
    }
    const home = await freeHome(ctx.worktreesDirReal, originalName(name));
    try {
      await rename(entry, home);
      result.restored.push(entry);
      result.notes.push(backNote(entry, home, reasons));
      result.movedBack.set(home, reasons);
    } catch {
      result.remaining.push(entry);
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
  if (!await makeWhole(entry, ctx)) return false;
  return (await git(["worktree", "remove", entry])).code === 0;
}

/**
 * Undoes what a killed `git worktree remove` did to a worktree: writes its
 * `.git` file again and restores deleted tracked files from the index,
 * when those are its only changes. Anything else is left as it is.
 *
 * @returns whether something was restored.
 */
async function makeWhole(
  entry: string,
  ctx: RemovalContext,
): Promise<boolean> {
  let restoredGitFile = false;
  let adminDir = await readGitFile(join(entry, ".git"));
  if (!adminDir) {
    // A killed removal may have deleted the .git file first.
    adminDir = await restoreGitFile(entry, ctx.commonDir);
    if (!adminDir) return false;
    restoredGitFile = true;
  }
  // Judged by its own repository only: a folder whose .git is broken must
  // never be read as part of the enclosing one.
  const env = isolatedEnv(adminDir, entry);
  const status = await runGit(statusArgs({ renames: false }), {
    cwd: entry,
    env,
  });
  if (statusFailure(status)) return restoredGitFile;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout);
  } catch {
    return restoredGitFile;
  }
  const onlyDeleted = parsed.staged.length === 0 &&
    parsed.untracked.length === 0 && parsed.conflicted.length === 0 &&
    parsed.modified.length > 0 &&
    parsed.modified.every((e) => e.worktree === "D");
  if (!onlyDeleted) return restoredGitFile;
  const restored = await runGit(["checkout", "--", "."], {
    cwd: entry,
    env,
    readOnly: false,
  });
  return restored.code === 0 || restoredGitFile;
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
