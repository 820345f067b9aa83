/**
 * Finds the real main worktree. git 2.39 lists the git folder itself as the
 * main worktree of a repository made with `--separate-git-dir` and of a
 * submodule checkout, and `core.worktree` can move it elsewhere; cleaning
 * relative to the wrong folder would find nothing and say nothing.
 *
 * @module
 */

import { lstat, realpath } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runGit } from "./git.ts";
import { readGitFile } from "./worktree_facts.ts";

/** The main worktree's root, or why it cannot be found. */
export type MainWorktree = { root: string } | { problem: string };

async function real(path: string): Promise<string | undefined> {
  return await realpath(path).catch(() => undefined);
}

/** Whether `root`'s `.git` (folder or file) is the repository at `commonDir`. */
export async function isMainOf(
  root: string,
  commonDir: string,
): Promise<boolean> {
  const dotGit = join(root, ".git");
  const info = await lstat(dotGit).catch(() => undefined);
  if (!info) return false;
  const target = info.isDirectory()
    ? dotGit
    : info.isFile()
    ? await readGitFile(dotGit)
    : undefined;
  if (!target) return false;
  const [a, b] = await Promise.all([real(target), real(commonDir)]);
  return a !== undefined && a === b;
}

/**
 * Finds the main worktree from what `git worktree list` names first
 * (`listed`), the worktree the command runs in (`topLevel`) and the common
 * git folder. `core.worktree` is read from the config file itself, so no
 * repository is opened.
 */
export async function findMainWorktree(
  listed: string,
  topLevel: string,
  commonDir: string,
  coreWorktree?: string,
): Promise<MainWorktree> {
  coreWorktree ??= await readCoreWorktree(commonDir);
  if (coreWorktree !== "") {
    const root = resolve(commonDir, coreWorktree);
    if (await isMainOf(root, commonDir)) return { root };
    return {
      problem:
        `core.worktree names '${root}', whose .git does not lead back to '${commonDir}': the main worktree cannot be told, so nothing was cleaned`,
    };
  }
  if (await isMainOf(listed, commonDir)) return { root: listed };
  if (await real(listed) === await real(commonDir)) {
    // A separate git folder or a submodule: only the worktree the command
    // runs in can prove it is the main one.
    if (await isMainOf(topLevel, commonDir)) return { root: topLevel };
    return {
      problem:
        `git lists the git folder '${listed}' as the main worktree (a --separate-git-dir repository or a submodule): run the cleanup from the main worktree`,
    };
  }
  return { root: listed };
}

/**
 * `core.worktree` of the repository at `commonDir`, read from its config
 * file alone (no repository is opened), or `""` when unset. Independent of
 * the worktree list, so callers read both at once.
 */
export async function readCoreWorktree(commonDir: string): Promise<string> {
  const configured = await runGit(
    ["config", "--file", join(commonDir, "config"), "--get", "core.worktree"],
    { cwd: commonDir },
  );
  return configured.code === 0 ? configured.stdout.replace(/\n$/, "") : "";
}
