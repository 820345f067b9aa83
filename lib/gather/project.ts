/**
 * Finds the project a command works on: the repository's main worktree,
 * whichever of its worktrees or subfolders the command runs in, or the
 * given folder when that is not inside git. Sessions of every worktree live
 * in the main worktree, so the tool never writes inside an agent worktree.
 *
 * @module
 */

import { realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import process from "node:process";
import { UserError } from "../errors.ts";
import { GitNotFoundError, type GitResult, runGit } from "./git.ts";
import { locateRepo, type RepoLocation } from "./repo.ts";
import { parseWorktreeList } from "./worktree_list_parse.ts";

/** The project a command works on. */
export interface Project {
  /**
   * Where session files go: the main worktree of the repository (the top
   * level of the current worktree when the repository is bare), or the
   * folder.
   */
  root: string;
  /** The top level of the worktree the command runs in, or the folder. */
  worktreeRoot: string;
  /** The current branch of that worktree, `null` when detached or unknown. */
  worktreeBranch: string | null;
  /** Every worktree of the repository, the main one first. */
  worktreeRoots: string[];
  /** The directory the command was pointed at, resolved. */
  workingDirectory: string;
  /** The repository, when the folder is inside one. */
  repo?: RepoLocation;
  /** Set when git is not installed, so git facts could not be read. */
  gitMissing?: boolean;
}

/** Where a command was pointed, and the repository there, if any. */
export type ProjectLocation = Pick<
  Project,
  "workingDirectory" | "repo" | "gitMissing"
>;

/**
 * Resolves `projectPath` (or the current directory) to a project.
 *
 * @throws {UserError} when the path does not exist or is not a folder.
 */
export async function resolveProject(projectPath?: string): Promise<Project> {
  return await projectAt(await projectFolder(projectPath));
}

/**
 * The project of the folder `workingDirectory` (a real path, as
 * {@link projectFolder} returns). `worktreeList`, when given, is a
 * `git worktree list --porcelain -z` already started in that folder.
 */
export async function projectAt(
  workingDirectory: string,
  worktreeList?: Promise<GitResult>,
): Promise<Project> {
  const located = await locateAt(workingDirectory);
  const { repo } = located;
  if (repo) return { ...await worktreesOf(repo, worktreeList), ...located };
  return located.gitMissing
    ? { ...notGit(workingDirectory), gitMissing: true }
    : notGit(workingDirectory);
}

/**
 * Resolves `projectPath` (or the current directory) to a folder and the
 * repository there, without listing its worktrees: for commands that list
 * them themselves.
 *
 * @throws {UserError} when the path does not exist or is not a folder.
 */
export async function locateProject(
  projectPath?: string,
): Promise<ProjectLocation> {
  return await locateAt(await projectFolder(projectPath));
}

/**
 * The real path of the folder `projectPath` (or the current directory)
 * names.
 *
 * @throws {UserError} when the path does not exist or is not a folder.
 */
export async function projectFolder(projectPath?: string): Promise<string> {
  const given = resolve(process.cwd(), projectPath ?? ".");
  let info;
  try {
    info = await stat(given);
  } catch {
    throw new UserError(
      `Cannot use project path '${given}': no such directory: check the path or omit it to use the current directory`,
    );
  }
  if (!info.isDirectory()) {
    throw new UserError(
      `Cannot use project path '${given}': not a directory: give the project's folder`,
    );
  }
  return await realpath(given);
}

async function locateAt(workingDirectory: string): Promise<ProjectLocation> {
  try {
    const repo = await locateRepo(workingDirectory);
    return repo ? { workingDirectory, repo } : { workingDirectory };
  } catch (error) {
    if (!(error instanceof GitNotFoundError)) throw error;
    return { workingDirectory, gitMissing: true };
  }
}

function notGit(folder: string): Project {
  return {
    root: folder,
    worktreeRoot: folder,
    worktreeBranch: null,
    worktreeRoots: [folder],
    workingDirectory: folder,
  };
}

/** The main worktree and every other one, from one `git worktree list`. */
async function worktreesOf(
  repo: RepoLocation,
  worktreeList?: Promise<GitResult>,
): Promise<
  Pick<Project, "root" | "worktreeRoot" | "worktreeBranch" | "worktreeRoots">
> {
  const list = await (worktreeList ??
    runGit(["worktree", "list", "--porcelain", "-z"], {
      cwd: repo.topLevel,
    }));
  const records = list.code === 0 ? parseWorktreeList(list.stdout) : [];
  const real = (p: string) => realpath(p).catch(() => p);
  const roots = await Promise.all(
    records.filter((r) => !r.bare).map((r) => real(r.path)),
  );
  const topReal = await real(repo.topLevel);
  const current = records.find((r) =>
    !r.bare && resolve(r.path) === resolve(repo.topLevel)
  );
  const main = records[0];
  let root = topReal;
  if (main && !main.bare) root = await real(main.path);
  else if (!main && repo.commonDir.endsWith("/.git")) {
    // The list could not be read: a `.git` folder's parent is the main worktree.
    root = await real(join(repo.commonDir, ".."));
  }
  const branchRef = current?.branchRef;
  return {
    root,
    worktreeRoot: topReal,
    worktreeBranch: branchRef ? branchRef.replace(/^refs\/heads\//, "") : null,
    worktreeRoots: roots.length > 0 ? roots : [topReal],
  };
}
