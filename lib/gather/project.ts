/**
 * Finds the project a command works on: the top level of the git worktree
 * it runs in, or the given folder when that is not inside git.
 *
 * @module
 */

import { realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
import process from "node:process";
import { UserError } from "../errors.ts";
import { GitNotFoundError } from "./git.ts";
import { locateRepo, type RepoLocation } from "./repo.ts";

/** The project a command works on. */
export interface Project {
  /** Where session files go: the worktree top level, or the folder. */
  root: string;
  /** The directory the command was pointed at, resolved. */
  workingDirectory: string;
  /** The repository, when the folder is inside one. */
  repo?: RepoLocation;
  /** Set when git is not installed, so git facts could not be read. */
  gitMissing?: boolean;
}

/**
 * Resolves `projectPath` (or the current directory) to a project.
 *
 * @throws {UserError} when the path does not exist or is not a folder.
 */
export async function resolveProject(projectPath?: string): Promise<Project> {
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
  const workingDirectory = await realpath(given);
  try {
    const repo = await locateRepo(workingDirectory);
    if (repo) return { root: repo.topLevel, workingDirectory, repo };
  } catch (error) {
    if (!(error instanceof GitNotFoundError)) throw error;
    return { root: workingDirectory, workingDirectory, gitMissing: true };
  }
  return { root: workingDirectory, workingDirectory };
}
