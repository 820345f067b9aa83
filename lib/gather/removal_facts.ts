/**
 * Facts the plan needs beyond the rules of `worktree_facts.ts`: where each
 * registration's admin folder is, what `git worktree remove` would refuse
 * on (a `.git` file that does not point back, gitlinks in the index), and
 * whether a registration whose folder is gone may really be dropped.
 *
 * @module
 */

import { lstatSync, readFileSync } from "node:fs";
import { readdir, readFile, realpath } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runGit } from "./git.ts";
import { readGitFile } from "./worktree_facts.ts";

/** Reads an admin folder's `gitdir` file: the `.git` file it names. */
export function recordedGitdir(adminDir: string): Promise<string> {
  return Promise.resolve(recordedGitdirSync(adminDir));
}

/**
 * {@link recordedGitdir}, synchronously: it is read for every registered
 * worktree on every run, and a small read costs less than its promise.
 */
export function recordedGitdirSync(adminDir: string): string {
  try {
    return readFileSync(join(adminDir, "gitdir"), "utf8").replace(
      /\r?\n$/,
      "",
    );
  } catch {
    return "";
  }
}

/**
 * Maps each worktree folder a registration names to its admin folder in
 * `<common dir>/worktrees/`.
 */
export async function readAdminDirs(
  commonDir: string,
): Promise<Map<string, string>> {
  const root = join(commonDir, "worktrees");
  const ids = await readdir(root).catch(() => [] as string[]);
  const out = new Map<string, string>();
  for (const id of ids) {
    const adminDir = join(root, id);
    const dotGit = recordedGitdirSync(adminDir);
    if (dotGit.endsWith("/.git")) {
      out.set(resolve(dotGit.slice(0, -"/.git".length)), adminDir);
    }
  }
  return out;
}

async function same(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [ra, rb] = await Promise.all([
    realpath(a).catch(() => undefined),
    realpath(b).catch(() => undefined),
  ]);
  return ra !== undefined && ra === rb;
}

/**
 * Whether `worktreePath/.git` names `adminDir` and `adminDir/gitdir` names
 * that `.git` file back: without both, `git worktree remove` refuses.
 */
export async function gitFilePointsBack(
  worktreePath: string,
  adminDir: string | undefined,
): Promise<boolean> {
  if (!adminDir) return false;
  const dotGit = join(worktreePath, ".git");
  const named = await readGitFile(dotGit);
  if (!named || !await same(named, adminDir)) return false;
  const back = await recordedGitdir(adminDir);
  return back !== "" && await same(back, dotGit);
}

/**
 * The gitlinks (submodule entries) in a worktree's index, or `undefined`
 * when the index cannot be read. git refuses to remove a worktree with any.
 */
export async function indexGitlinks(
  worktreePath: string,
  adminDir: string,
): Promise<string[] | undefined> {
  const result = await runGit(["ls-files", "--stage", "-z"], {
    cwd: worktreePath,
    env: {
      GIT_DIR: adminDir,
      GIT_WORK_TREE: worktreePath,
      GIT_CEILING_DIRECTORIES: resolve(worktreePath, ".."),
    },
  });
  if (result.code !== 0) return undefined;
  const out: string[] = [];
  for (const entry of result.stdout.split("\0")) {
    if (entry.startsWith("160000 ")) out.push(entry.split("\t", 2)[1] ?? "");
  }
  return out;
}

/**
 * Whether the index of a registration whose folder is gone holds staged
 * content that differs from its HEAD; `undefined` when it cannot be told.
 */
export async function stagedOnlyCopy(
  mainRoot: string,
  adminDir: string | undefined,
): Promise<boolean | undefined> {
  if (!adminDir) return undefined;
  const hasIndex = await readFile(join(adminDir, "index")).then(
    () => true,
    (e) => (e as { code?: string }).code === "ENOENT" ? false : undefined,
  );
  if (hasIndex === false) return false;
  if (hasIndex === undefined) return undefined;
  const env = { GIT_DIR: adminDir };
  const head = await runGit(["rev-parse", "-q", "--verify", "HEAD"], {
    cwd: mainRoot,
    env,
  });
  if (head.code !== 0) {
    // Unborn HEAD: any index entry is content found nowhere else.
    const files = await runGit(["ls-files", "--cached", "-z"], {
      cwd: mainRoot,
      env,
    });
    return files.code === 0 ? files.stdout !== "" : undefined;
  }
  const diff = await runGit(
    ["diff-index", "--cached", "--quiet", "HEAD", "--"],
    {
      cwd: mainRoot,
      env,
    },
  );
  return diff.code === 0 ? false : diff.code === 1 ? true : undefined;
}

/**
 * Which folders under `.claude/worktrees/` were renamed by hand from a
 * registered worktree: their `.git` file names an admin folder.
 *
 * @returns admin folder (real path) to the folder that names it.
 */
export async function renamedFolders(
  folders: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(folders.map(async (folder) => {
    const named = await readGitFile(join(folder, ".git"));
    if (!named) return;
    const real = await realpath(named).catch(() => undefined);
    if (real) out.set(real, folder);
  }));
  return out;
}

/** A registered worktree moved by hand to another folder under `.claude/worktrees/`. */
export interface HandMoved {
  /** The folder its registration names, which is gone. */
  registered: string;
  /** The folder it is in now, whose `.git` file names its admin folder. */
  folder: string;
  /** Its admin folder in `<common dir>/worktrees/`. */
  adminDir: string;
}

/**
 * The registered worktrees under `worktreesDir` whose folder is gone while
 * another folder there names their admin folder in its `.git` file: moved
 * or renamed by hand, so `git worktree repair FOLDER` records where they
 * are. A registration two folders name is left alone.
 */
export async function handMovedWorktrees(
  registered: readonly string[],
  worktreesDir: string,
  commonDir: string,
): Promise<HandMoved[]> {
  const missing = registered.filter(lstatMissing);
  // Nearly always every folder is there: then nothing else is read.
  if (missing.length === 0) return [];
  const [adminDirs, names] = await Promise.all([
    readAdminDirs(commonDir),
    readdir(worktreesDir).catch(() => [] as string[]),
  ]);
  const gone = missing.flatMap((path) => {
    const adminDir = adminDirs.get(resolve(path));
    return adminDir ? [{ path, adminDir }] : [];
  });
  if (gone.length === 0) return [];
  const taken = new Set(registered.map((p) => resolve(p)));
  const folders = names.map((n) => join(worktreesDir, n)).filter((f) =>
    !taken.has(resolve(f))
  );
  const claims = new Map<string, string[]>();
  await Promise.all(folders.map(async (folder) => {
    const named = await readGitFile(join(folder, ".git"));
    const real = named && await realpath(named).catch(() => undefined);
    if (real) claims.set(real, [...(claims.get(real) ?? []), folder]);
  }));
  const out: HandMoved[] = [];
  for (const { path, adminDir } of gone) {
    const real = await realpath(adminDir).catch(() => undefined);
    const folders = real ? claims.get(real) ?? [] : [];
    // Two folders naming one registration: which is the worktree is a
    // person's call, so neither is repaired.
    if (folders.length === 1) {
      out.push({ registered: path, folder: folders[0], adminDir: real! });
    }
  }
  return out;
}

/**
 * Whether nothing is at `path`. Synchronous: it runs for every registered
 * worktree on every run, and one `lstat` costs less than its promise.
 */
function lstatMissing(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "ENOENT";
  }
}
