/**
 * `restore`: bring back a worktree the cleanup removed, from the journal
 * and rescue refs it wrote before deleting (`<common dir>/mpm-session/`,
 * `refs/mpm-session/rescue/`), at its old path on its old branch; and
 * `restore --list`: what can be restored, newest first.
 *
 * @module
 */

import { lstat } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { UserError } from "../errors.ts";
import { describeGitFailure, runGit } from "../gather/git.ts";
import { type JournalEntry, readJournal } from "../gather/journal.ts";
import { resolveProject } from "../gather/project.ts";

export type { JournalEntry } from "../gather/journal.ts";

/** Options for {@link listRestorable}. */
export interface RestoreListOptions {
  /** A folder inside the repository; defaults to the current directory. */
  projectPath?: string;
}

/** Options for {@link restore}. */
export interface RestoreOptions extends RestoreListOptions {
  /** The removed worktree's folder name, or its path. */
  target: string;
}

/** What {@link restore} did. */
export interface RestoreResult {
  /** The journal entry restored. */
  entry: JournalEntry;
  /** Where the worktree is again. */
  path: string;
  /** Its branch, `null` when detached. */
  branch: string | null;
  /** The commit it was restored at. */
  head: string;
  /** Whether the branch had to be re-created from the rescue ref. */
  branch_recreated: boolean;
  /** One line for people. */
  message: string;
}

async function repository(projectPath: string | undefined) {
  const project = await resolveProject(projectPath);
  if (project.gitMissing) {
    throw new UserError(
      "Cannot restore: 'git' was not found on PATH: install git or add it to PATH",
    );
  }
  if (!project.repo) {
    throw new UserError(
      `Cannot restore in '${project.workingDirectory}': not inside a git repository`,
    );
  }
  return { project, repo: project.repo };
}

/** The journal of removals, newest first. */
export async function listRestorable(
  options: RestoreListOptions = {},
): Promise<JournalEntry[]> {
  const { repo } = await repository(options.projectPath);
  return (await readJournal(repo.commonDir)).reverse();
}

async function verify(cwd: string, rev: string): Promise<string | undefined> {
  const result = await runGit(
    ["rev-parse", "-q", "--verify", `${rev}^{commit}`],
    { cwd },
  );
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * Re-creates a removed worktree at its old path on its old branch,
 * re-creating the branch from its rescue ref when it is gone.
 *
 * @throws {UserError} when nothing by that name was removed, the path is
 * taken, the branch now points elsewhere, or the rescue ref expired.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const { project, repo } = await repository(options.projectPath);
  const target = options.target;
  const asPath = resolve(project.workingDirectory, target);
  const entries = (await readJournal(repo.commonDir)).reverse();
  const entry = entries.find((e) =>
    e.name === target || e.path === target || resolve(e.path) === asPath
  );
  if (!entry) {
    throw new UserError(
      `Cannot restore '${target}': the journal records no removal of it: run 'mpm-session restore --list'`,
    );
  }
  const cwd = repo.topLevel;
  const shown = relative(cwd, entry.path) || entry.path;
  if (entry.kind !== "worktree") {
    throw new UserError(
      `Cannot restore '${shown}': it was a clone, not a worktree: its refs are kept under '${entry.rescue_prefix}/refs/'`,
    );
  }
  if (await lstat(entry.path).then(() => true, () => false)) {
    throw new UserError(
      `Cannot restore '${shown}': path '${entry.path}' is taken: move it away first`,
    );
  }
  const rescueRef = `${entry.rescue_prefix}/HEAD`;
  const head = await verify(cwd, rescueRef) ??
    (entry.head ? await verify(cwd, entry.head) : undefined);
  if (!head) {
    throw new UserError(
      `Cannot restore '${shown}': its rescue ref '${rescueRef}' is gone (expired?) and its commit is not in the repository`,
    );
  }
  let recreated = false;
  let args: string[];
  if (entry.branch) {
    const now = await verify(cwd, `refs/heads/${entry.branch}`);
    if (now && now !== head) {
      throw new UserError(
        `Cannot restore '${shown}': branch '${entry.branch}' now points elsewhere (${
          now.slice(0, 12)
        }, was ${
          head.slice(0, 12)
        }): restore it by hand with 'git worktree add -b NEW-BRANCH ${entry.path} ${rescueRef}'`,
      );
    }
    recreated = now === undefined;
    args = recreated
      ? ["worktree", "add", "-b", entry.branch, entry.path, head]
      : ["worktree", "add", entry.path, entry.branch];
  } else {
    args = ["worktree", "add", "--detach", entry.path, head];
  }
  const added = await runGit(args, { cwd, readOnly: false });
  if (added.code !== 0) {
    throw new UserError(
      `Cannot restore '${shown}': git refused: ${describeGitFailure(added)}`,
    );
  }
  // Its own refs (refs/worktree/*, refs/bisect/*) went with it: put them
  // back in the new worktree. A failure here loses nothing: the rescue
  // refs stay until they expire.
  const own = Object.entries(entry.refs).filter(([ref]) =>
    /^refs\/(worktree|bisect)\//.test(ref.slice(entry.rescue_prefix.length + 1))
  );
  let ownRestored = 0;
  if (own.length > 0) {
    const put = await runGit(["update-ref", "--stdin"], {
      cwd: entry.path,
      readOnly: false,
      stdin: own.map(([ref, sha]) =>
        `update ${ref.slice(entry.rescue_prefix.length + 1)} ${sha}\n`
      ).join(""),
    });
    if (put.code === 0) ownRestored = own.length;
  }
  const on = entry.branch ? `on branch '${entry.branch}'` : "detached";
  return {
    entry,
    path: entry.path,
    branch: entry.branch,
    head,
    branch_recreated: recreated,
    message: `Restored '${shown}' ${on} at ${head.slice(0, 12)}${
      recreated ? ` (branch re-created from '${rescueRef}')` : ""
    }${
      ownRestored > 0
        ? `, with ${ownRestored} ${
          ownRestored === 1 ? "ref" : "refs"
        } of its own`
        : ""
    }`,
  };
}
