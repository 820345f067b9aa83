/**
 * Parses `git worktree list --porcelain -z` into plain data. Pure: no I/O.
 *
 * @module
 */

/** One registered worktree, as git lists it. */
export interface WorktreeRecord {
  /** Absolute path git recorded for the worktree. */
  path: string;
  /** HEAD commit, absent for an unborn branch. */
  head?: string;
  /** Full ref name of the checked-out branch, such as `refs/heads/a1`. */
  branchRef?: string;
  /** Whether HEAD is detached. */
  detached: boolean;
  /** Whether this is a bare repository entry. */
  bare: boolean;
  /** Present when locked; the lock reason, possibly empty. */
  lockReason?: string;
  /** Present when git considers the worktree prunable; git's reason. */
  prunableReason?: string;
}

/** Parses NUL-separated `git worktree list --porcelain -z` output. */
export function parseWorktreeList(output: string): WorktreeRecord[] {
  const records: WorktreeRecord[] = [];
  let current: WorktreeRecord | undefined;
  for (const field of output.split("\0")) {
    if (field === "") {
      current = undefined;
      continue;
    }
    const space = field.indexOf(" ");
    const key = space < 0 ? field : field.slice(0, space);
    const value = space < 0 ? "" : field.slice(space + 1);
    if (key === "worktree") {
      current = { path: value, detached: false, bare: false };
      records.push(current);
      continue;
    }
    if (!current) continue;
    switch (key) {
      case "HEAD":
        current.head = value;
        break;
      case "branch":
        current.branchRef = value;
        break;
      case "detached":
        current.detached = true;
        break;
      case "bare":
        current.bare = true;
        break;
      case "locked":
        current.lockReason = value;
        break;
      case "prunable":
        current.prunableReason = value;
        break;
    }
  }
  return records;
}

/** The short name of a branch ref: `refs/heads/a/b` becomes `a/b`. */
export function shortBranchName(ref: string): string {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}
