/**
 * Facts about the repository a command runs in: where its root and git
 * directories are, and the state saved with a session.
 *
 * @module
 */

import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { UserError } from "../errors.ts";
import { describeGitFailure, gitOk, type GitResult, runGit } from "./git.ts";
import {
  type ParsedStatus,
  parsePorcelainV2,
  statusArgs,
} from "./status_parse.ts";
import { parseWorktreeList } from "./worktree_list_parse.ts";
import {
  type CommitInfo,
  type GitContext,
  type GitStatusSnapshot,
  MAX_LISTED_PATHS,
} from "../types.ts";

/** Where a repository's pieces are. */
export interface RepoLocation {
  /** Top level of the worktree the command runs in. */
  topLevel: string;
  /** This worktree's git directory. */
  gitDir: string;
  /** The git directory shared by all worktrees. */
  commonDir: string;
}

/**
 * Locates the repository containing `cwd`.
 *
 * @returns `undefined` when `cwd` is not inside a git worktree.
 */
export async function locateRepo(
  cwd: string,
): Promise<RepoLocation | undefined> {
  const flags = ["--show-toplevel", "--git-dir", "--git-common-dir"];
  const ask = (...asked: string[]) =>
    runGit(["rev-parse", "--path-format=absolute", ...asked], { cwd });
  const all = await ask(...flags);
  if (all.code !== 0 && /detected dubious ownership/.test(all.stderr)) {
    // Not "no repository": one owned by another user, which git (and this
    // tool) will not open.
    throw new UserError(
      `Cannot use the repository at '${cwd}': it is owned by another user: run the command as its owner, or trust it with 'git config --global --add safe.directory ${cwd}'`,
    );
  }
  if (all.code !== 0) return undefined;
  let paths = all.stdout.split("\n");
  if (paths.at(-1) === "") paths.pop();
  if (paths.length !== flags.length) {
    // A path holds a newline, so the lines cannot be told apart: ask for
    // each path on its own.
    const each = await Promise.all(flags.map((flag) => ask(flag)));
    if (each.some((r) => r.code !== 0)) return undefined;
    paths = each.map((r: GitResult) => r.stdout.replace(/\n$/, ""));
  }
  const [topLevel, gitDir, commonDir] = paths;
  if (!topLevel || !gitDir || !commonDir) return undefined;
  return {
    topLevel,
    gitDir: resolve(cwd, gitDir),
    commonDir: resolve(cwd, commonDir),
  };
}

/** Names an operation in progress in a git directory, if any. */
export async function operationInProgress(
  gitDir: string,
): Promise<string | null> {
  const markers: [string, string][] = [
    ["rebase-merge", "rebase"],
    ["rebase-apply", "rebase"],
    ["MERGE_HEAD", "merge"],
    ["CHERRY_PICK_HEAD", "cherry-pick"],
    ["REVERT_HEAD", "revert"],
    ["BISECT_LOG", "bisect"],
  ];
  const found = await Promise.all(
    markers.map(([name]) => exists(join(gitDir, name))),
  );
  const index = found.findIndex(Boolean);
  return index < 0 ? null : markers[index][1];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The status `pause` records: branch headers, stash and renames. */
export const FULL_STATUS_ARGS: readonly string[] = statusArgs({
  branch: true,
  stash: true,
});

/**
 * Folders of a project that are not the person's work: agent worktrees and
 * this tool's own session files. The snapshot leaves them out even when the
 * repository does not ignore them, so they never show as untracked files.
 */
export const SNAPSHOT_EXCLUDED_DIRS: readonly string[] = [
  ".claude/worktrees",
  ".claude-mpm",
];

/**
 * The status saved with a session: {@link FULL_STATUS_ARGS} limited by
 * pathspec to the person's files. `top` makes the pathspecs relative to
 * the worktree root whatever the working directory (porcelain paths are
 * relative to the root anyway), so it can run before the root is known.
 */
export const SNAPSHOT_STATUS_ARGS: readonly string[] = [
  // The stash is counted from its reflog instead (see stashCount): the
  // status then need not walk it.
  ...statusArgs({ branch: true }),
  "--",
  ":(top)",
  ...SNAPSHOT_EXCLUDED_DIRS.map((dir) => `:(top,exclude)${dir}`),
];

/** Pathspec magic must work even when the caller's environment turns it off. */
const PATHSPEC_ENV = { GIT_LITERAL_PATHSPECS: "0" };

const FIELD = "\x1f";
const RECORD = "\x1e";

/** Reads the last `count` commits of HEAD. */
export async function recentCommits(
  cwd: string,
  count = 5,
): Promise<CommitInfo[]> {
  const output = await gitOk(
    [
      "log",
      `-${count}`,
      "--no-color",
      `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`,
    ],
    { cwd },
  );
  return parseCommitLog(output);
}

/** Parses the output of the `log` format used by {@link recentCommits}. */
export function parseCommitLog(output: string): CommitInfo[] {
  return output.split(RECORD).map((r) => r.replace(/^\n/, "")).filter((r) =>
    r.length > 0
  ).map((record) => {
    const [sha, author, timestamp, message] = record.split(FIELD);
    return { sha, author, timestamp, message: message ?? "" };
  });
}

/** Turns a parsed status into the saved snapshot, capping each list. */
export function statusSnapshot(status: ParsedStatus): GitStatusSnapshot {
  const cap = (paths: string[]) => paths.slice(0, MAX_LISTED_PATHS);
  const stagedPaths = status.staged.map((e) => e.path);
  const unstagedPaths = status.modified.map((e) => e.path);
  const modified = [...new Set([...stagedPaths, ...unstagedPaths])];
  return {
    clean: stagedPaths.length + unstagedPaths.length +
        status.untracked.length + status.conflicted.length === 0,
    modified_files: cap(modified),
    untracked_files: cap(status.untracked),
    staged_files: cap(stagedPaths),
    unstaged_files: cap(unstagedPaths),
    conflicted_files: cap(status.conflicted),
    counts: {
      modified: modified.length,
      staged: stagedPaths.length,
      unstaged: unstagedPaths.length,
      untracked: status.untracked.length,
      conflicted: status.conflicted.length,
    },
    truncated: [modified, status.untracked, status.conflicted].some((l) =>
      l.length > MAX_LISTED_PATHS
    ),
  };
}

/** The git context of a directory that is not a repository. */
export function emptyGitContext(errors: string[] = []): GitContext {
  return {
    is_git_repo: false,
    branch: null,
    head: null,
    detached: false,
    upstream: null,
    ahead: null,
    behind: null,
    recent_commits: [],
    status: statusSnapshot({
      stashCount: 0,
      staged: [],
      modified: [],
      untracked: [],
      conflicted: [],
      ignored: [],
    }),
    stash_count: 0,
    operation_in_progress: null,
    worktree_count: 0,
    errors,
  };
}

/**
 * The git context when git could not be asked at all: nothing is known, so
 * nothing is claimed clean.
 */
export function unknownGitContext(): GitContext {
  const context = emptyGitContext();
  context.status.clean = false;
  return context;
}

function failure(what: string, result: GitResult): string {
  return `Cannot read ${what}: ${describeGitFailure(result)}`;
}

/**
 * How many stash entries there are: the lines of the stash's reflog, which
 * is what `git status --show-stash` counts, read without a git call. When
 * the file is there but cannot be read, `git stash list` is asked.
 *
 * @returns the count, or why it could not be read.
 */
export async function stashCount(
  commonDir: string,
  cwd: string,
): Promise<number | string> {
  try {
    const text = await readFile(
      join(commonDir, "logs", "refs", "stash"),
      "utf8",
    );
    return text.split("\n").filter((line) => line !== "").length;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return 0;
  }
  const list = await runGit(["stash", "list", "-z"], { cwd });
  if (list.code !== 0) return failure("stash list", list);
  return list.stdout.split("\0").filter((e) => e !== "").length;
}

/**
 * The calls of {@link captureGitContext} that need only a folder inside
 * the worktree, started at once: the status of a large worktree is most of
 * a pause, so it runs while the repository is still being located.
 */
export interface EarlyGitCapture {
  /** The snapshot status. */
  status: Promise<GitResult>;
  /** The recent commits, or why they could not be read. */
  commits: Promise<
    { ok: true; list: CommitInfo[] } | { ok: false; error: Error }
  >;
  /** `git worktree list --porcelain -z`. */
  worktreeList: Promise<GitResult>;
}

/**
 * Starts the calls of {@link captureGitContext} that need no more than a
 * folder inside the worktree. Outside a repository they fail, and nothing
 * is made of them: await {@link settleEarly} before giving up on them.
 */
export function startGitCapture(folder: string): EarlyGitCapture {
  // Never rejected: git may be missing, which the caller learns anyway.
  const failed = (error: Error): GitResult => ({
    code: 128,
    stdout: "",
    stderr: error.message,
    timedOut: false,
  });
  return {
    status: runGit([...SNAPSHOT_STATUS_ARGS], {
      cwd: folder,
      env: PATHSPEC_ENV,
    }).catch(failed),
    commits: recentCommits(folder).then(
      (list) => ({ ok: true as const, list }),
      (error: Error) => ({ ok: false as const, error }),
    ),
    worktreeList: runGit(["worktree", "list", "--porcelain", "-z"], {
      cwd: folder,
    }).catch(failed),
  };
}

/** Waits for early calls nobody will read, so no git is left running. */
export async function settleEarly(early: EarlyGitCapture): Promise<void> {
  await Promise.all([early.status, early.commits, early.worktreeList]);
}

/**
 * Captures the git state saved with a session. Independent calls run in
 * parallel; a fact that cannot be read is recorded in `errors`, never
 * thrown. `early` holds those already started in a folder of the same
 * worktree ({@link startGitCapture}).
 */
export async function captureGitContext(
  repo: RepoLocation,
  early: EarlyGitCapture = startGitCapture(repo.topLevel),
): Promise<GitContext> {
  const [statusResult, commits, worktrees, operation, stash] = await Promise
    .all([
      early.status,
      early.commits,
      early.worktreeList,
      operationInProgress(repo.gitDir),
      stashCount(repo.commonDir, repo.topLevel),
    ]);
  const context = emptyGitContext();
  context.is_git_repo = true;
  context.operation_in_progress = operation;
  if (statusResult.code === 0) {
    try {
      const status = parsePorcelainV2(statusResult.stdout, {
        expectBranchHeaders: true,
      });
      context.branch = status.branch ?? null;
      context.head = status.head ?? null;
      context.detached = status.branch === undefined;
      context.upstream = status.upstream ?? null;
      context.ahead = status.ahead ?? null;
      context.behind = status.behind ?? null;
      if (typeof stash === "number") context.stash_count = stash;
      else context.errors.push(stash);
      context.status = statusSnapshot(status);
    } catch (error) {
      context.errors.push(`Cannot read status: ${(error as Error).message}`);
    }
  } else {
    context.errors.push(failure("status", statusResult));
  }
  // A status that could not be read is not a clean one.
  if (context.errors.some((e) => e.startsWith("Cannot read status"))) {
    context.status.clean = false;
  }
  const statusRead = !context.errors.some((e) =>
    e.startsWith("Cannot read status")
  );
  if (commits.ok) {
    context.recent_commits = commits.list;
  } else if (context.head !== null || !statusRead) {
    // An unborn branch has no log; that is not an error.
    context.errors.push(`Cannot read recent commits: ${commits.error.message}`);
  }
  if (worktrees.code === 0) {
    context.worktree_count = parseWorktreeList(worktrees.stdout).length;
  } else {
    context.errors.push(failure("worktree list", worktrees));
  }
  return context;
}
