/**
 * Parses `git status --porcelain=v2 -z --branch --show-stash` output into
 * plain data, and builds the arguments that ask for it. Pure: no I/O.
 *
 * @module
 */

/** What a status is asked to report beyond the changed paths. */
export interface StatusArgsOptions {
  /** `# branch.*` headers (`--branch`). */
  branch?: boolean;
  /** Ahead and behind counts in the headers; off saves a history walk. */
  aheadBehind?: boolean;
  /** The `# stash` header (`--show-stash`). */
  stash?: boolean;
  /** Ignored paths (`--ignored=matching`). */
  ignored?: boolean;
  /** Rename detection; off reports a rename as a deletion and an addition. */
  renames?: boolean;
}

/**
 * Arguments for a `git status` that hides nothing a person could lose:
 * porcelain v2, NUL-separated, and every untracked file (a user's
 * `status.showUntrackedFiles=no` must not hide any).
 */
export function statusArgs(options: StatusArgsOptions = {}): string[] {
  return [
    "status",
    "--porcelain=v2",
    "-z",
    "--untracked-files=all",
    ...(options.branch ? ["--branch"] : []),
    ...(options.branch && options.aheadBehind === false
      ? ["--no-ahead-behind"]
      : []),
    ...(options.stash ? ["--show-stash"] : []),
    ...(options.ignored ? ["--ignored=matching"] : []),
    ...(options.renames === false ? ["--no-renames"] : []),
  ];
}

/** One path reported by git status. */
export interface StatusEntry {
  /** The path, relative to the worktree root. */
  path: string;
  /** The source path of a rename or copy. */
  origPath?: string;
  /** Index (staged) status letter; `.` when unchanged. */
  index: string;
  /** Worktree (unstaged) status letter; `.` when unchanged. */
  worktree: string;
}

/** A parsed git status. */
export interface ParsedStatus {
  /** The HEAD commit; `undefined` on an unborn branch. */
  head?: string;
  /** The branch name; `undefined` when HEAD is detached. */
  branch?: string;
  /** The upstream branch, such as `origin/main`. */
  upstream?: string;
  /** Commits ahead of the upstream. */
  ahead?: number;
  /** Commits behind the upstream. */
  behind?: number;
  /** Number of stash entries (requires `--show-stash`). */
  stashCount: number;
  /** Paths with staged changes. */
  staged: StatusEntry[];
  /** Paths with unstaged changes to tracked files. */
  modified: StatusEntry[];
  /** Untracked paths. */
  untracked: string[];
  /** Paths with unresolved merge conflicts. */
  conflicted: string[];
  /** Ignored paths (requires `--ignored`). */
  ignored: string[];
}

/** Whether a status shows any change a person could lose. */
export function isDirty(status: ParsedStatus): boolean {
  return status.staged.length > 0 || status.modified.length > 0 ||
    status.untracked.length > 0 || status.conflicted.length > 0;
}

/** Options for {@link parsePorcelainV2}. */
export interface ParseStatusOptions {
  /**
   * The output came from `status --branch`, so the `# branch.oid` and
   * `# branch.head` headers must be there. Real git always prints them;
   * output without them is not a status and must not pass for a clean one.
   */
  expectBranchHeaders?: boolean;
}

/**
 * Parses NUL-separated porcelain v2 output.
 *
 * @throws {Error} when a record is not porcelain v2, or when expected
 * branch headers are missing.
 */
export function parsePorcelainV2(
  output: string,
  options: ParseStatusOptions = {},
): ParsedStatus {
  const status: ParsedStatus = {
    stashCount: 0,
    staged: [],
    modified: [],
    untracked: [],
    conflicted: [],
    ignored: [],
  };
  const records = output.split("\0");
  let sawOid = false;
  let sawHead = false;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record === "") continue;
    const kind = record[0];
    if (kind === "#") {
      if (record.startsWith("# branch.oid ")) sawOid = true;
      if (record.startsWith("# branch.head ")) sawHead = true;
      parseHeader(record, status);
    } else if (kind === "1") {
      addChange(status, fields(record, 9), undefined);
    } else if (kind === "2") {
      // The original path follows in the next NUL-separated record.
      addChange(status, fields(record, 10), records[++i]);
    } else if (kind === "u") {
      status.conflicted.push(fields(record, 11)[10]);
    } else if (kind === "?") {
      status.untracked.push(record.slice(2));
    } else if (kind === "!") {
      status.ignored.push(record.slice(2));
    } else {
      throw new Error(
        `Cannot parse git status: unexpected record '${record.slice(0, 40)}'`,
      );
    }
  }
  if (options.expectBranchHeaders && !(sawOid && sawHead)) {
    throw new Error(
      "Cannot parse git status: the branch headers are missing",
    );
  }
  return status;
}

/** Splits a record into `count` space-separated fields; the last keeps spaces. */
function fields(record: string, count: number): string[] {
  const parts: string[] = [];
  let rest = record;
  for (let i = 0; i < count - 1; i++) {
    const space = rest.indexOf(" ");
    if (space < 0) {
      throw new Error(
        `Cannot parse git status: short record '${record.slice(0, 40)}'`,
      );
    }
    parts.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  parts.push(rest);
  return parts;
}

function addChange(
  status: ParsedStatus,
  parts: string[],
  origPath: string | undefined,
): void {
  const [indexLetter, worktreeLetter] = parts[1];
  const entry: StatusEntry = {
    path: parts[parts.length - 1],
    index: indexLetter,
    worktree: worktreeLetter,
    ...(origPath === undefined ? {} : { origPath }),
  };
  if (indexLetter !== ".") status.staged.push(entry);
  if (worktreeLetter !== ".") status.modified.push(entry);
}

function parseHeader(record: string, status: ParsedStatus): void {
  const [, key, ...rest] = record.split(" ");
  const value = rest.join(" ");
  switch (key) {
    case "branch.oid":
      if (value !== "(initial)") status.head = value;
      break;
    case "branch.head":
      if (value !== "(detached)") status.branch = value;
      break;
    case "branch.upstream":
      status.upstream = value;
      break;
    case "branch.ab": {
      const match = /^\+(\d+) -(\d+)$/.exec(value);
      if (match) {
        status.ahead = Number(match[1]);
        status.behind = Number(match[2]);
      }
      break;
    }
    case "stash":
      status.stashCount = Number(value) || 0;
      break;
  }
}
