/**
 * Why a worktree was kept, as a group a person can act on: a true heading
 * and one next step. One table: a new reason code adds a row; a code with
 * no row falls into a default group. Pure: no I/O.
 *
 * @module
 */

import type { Reason } from "../types.ts";

/** How kept entries with one reason code are headed and what to do next. */
export interface KeptGroupRow {
  /** The reason code this row is for. */
  code: string;
  /**
   * What the kept entries have in common, after `Kept N worktrees`;
   * `DEFAULT` stands for the default branch's name.
   */
  phrase: string;
  /** One next step; `PATH` stands for the entry's path. */
  next: string;
  /** The heading says all the reason says: show the branch instead. */
  showBranch?: boolean;
  /** The heading says too little: show the reason's message whole. */
  wholeReason?: boolean;
}

/**
 * The groups in the order they are shown. An entry with several reasons
 * goes to the first row that names one of them: what blocks every other
 * step (a running process, a lock) comes first.
 */
export const KEPT_GROUPS: readonly KeptGroupRow[] = [
  {
    code: "current-worktree",
    phrase: "in use by this command",
    next: "run mpm-session prune from the main worktree",
  },
  {
    code: "in-use-by-claude",
    phrase: "in use by Claude Code",
    next: "end that Claude Code session, then run mpm-session prune",
  },
  {
    code: "process-running",
    phrase: "in use by a running process",
    next: "stop the process, then run mpm-session prune",
  },
  {
    code: "locked",
    phrase: "locked by git",
    next: "git worktree unlock PATH",
  },
  {
    code: "operation-in-progress",
    phrase: "with a merge or rebase in progress",
    next: "git -C PATH status",
  },
  {
    code: "dirty",
    phrase: "with uncommitted changes",
    next: "git -C PATH status",
  },
  {
    code: "hidden-changes",
    phrase: "with changes git status hides",
    next: "git -C PATH ls-files -v",
  },
  {
    code: "stash",
    phrase: "with stashed changes",
    next: "git -C PATH stash list",
  },
  {
    code: "unpushed-commits",
    phrase: "with unpushed commits",
    next: "git -C PATH push",
  },
  {
    code: "unreferenced-commits",
    phrase: "with commits no branch holds",
    next: "git -C PATH switch -c NEW-BRANCH",
  },
  {
    code: "not-integrated",
    phrase: "not merged into DEFAULT",
    next: "git -C PATH log --oneline -3",
    showBranch: true,
  },
  {
    code: "unique-ignored-files",
    phrase: "with ignored files found nowhere else",
    next: "git -C PATH status --ignored",
  },
  {
    code: "submodules",
    phrase: "with initialised submodules",
    next: "git -C PATH submodule status",
  },
  {
    code: "nested-worktrees",
    phrase: "holding worktrees or submodules of their own",
    next: "git -C PATH worktree list",
  },
  {
    code: "nested-worktree",
    phrase: "holding or inside another worktree",
    next: "git worktree list",
    wholeReason: true,
  },
  {
    code: "private-refs",
    phrase: "with commits only their own refs hold",
    next: "git -C PATH for-each-ref refs/worktree refs/bisect",
  },
  {
    code: "borrowed-objects",
    phrase: "whose objects another repository borrows",
    next: "git repack -a in the repository named",
    wholeReason: true,
  },
  {
    code: "nested-repository",
    phrase: "holding another repository",
    next: "ls -a PATH",
  },
  {
    code: "recently-active",
    phrase: "active recently",
    next: "run mpm-session prune again later",
  },
  {
    code: "symlink",
    phrase: "that are symlinks (never followed)",
    next: "ls -l PATH",
  },
  {
    code: "not-a-directory",
    phrase: "that are files, not directories",
    next: "ls -l PATH",
  },
  {
    code: "other-filesystem",
    phrase: "on another file system (a mount)",
    next: "findmnt PATH",
  },
  { code: "mount-point", phrase: "holding a mount", next: "findmnt -R PATH" },
  {
    code: "foreign-owner",
    phrase: "owned by another user",
    next: "ls -ld PATH",
  },
  {
    code: "containment",
    phrase: "not strictly inside .claude/worktrees/",
    next: "git worktree list",
  },
  {
    code: "not-empty",
    phrase: "with files but no git checkout",
    next: "ls -a PATH",
  },
  {
    code: "foreign-worktree",
    phrase: "that belong to another repository",
    next: "git -C PATH rev-parse --git-common-dir",
  },
  {
    code: "undecodable-name",
    phrase: "with names that are not UTF-8",
    next: "ls -b PATH",
    wholeReason: true,
  },
  {
    code: "needs-repair",
    phrase: "moved or renamed by hand",
    next: "git worktree repair PATH",
    wholeReason: true,
  },
  {
    code: "staged-only-copy",
    phrase: "whose only copy of staged work is git's index",
    next: "git worktree repair, then git -C PATH status",
    wholeReason: true,
  },
  {
    code: "unreadable-git",
    phrase: "with a .git file git cannot read",
    next: "git worktree repair",
  },
  {
    code: "git-refused",
    phrase: "that git refused to remove",
    next: "git -C PATH status",
    wholeReason: true,
  },
  {
    code: "changed-during-cleanup",
    phrase: "that changed during the cleanup (put back whole)",
    next: "git -C PATH status",
    wholeReason: true,
  },
  {
    code: "not-put-in-trash-by-tool",
    phrase: "found in the trash but not put there by this tool",
    next: "ls -a PATH",
    wholeReason: true,
  },
  {
    code: "rescue-failed",
    phrase: "not removed: their rescue refs could not be written",
    next: "check the space and permissions of .git, then mpm-session prune",
    wholeReason: true,
  },
  {
    code: "unsafe-trash",
    phrase: "not removed: the trash folder is unsafe",
    next: "ls -la .claude/worktrees/.mpm-trash",
    wholeReason: true,
  },
  {
    code: "move-failed",
    phrase: "that could not be moved into the trash",
    next: "git -C PATH status",
    wholeReason: true,
  },
  {
    code: "name-taken",
    phrase: "not moved: the name is taken",
    next: "ls -a .claude/worktrees",
    wholeReason: true,
  },
  {
    code: "interrupted",
    phrase: "not reached before the interruption",
    next: "run mpm-session prune again",
  },
  {
    code: "unknown",
    phrase: "that could not be checked",
    next: "git -C PATH status",
    wholeReason: true,
  },
];

/** The group of a reason code no row names. */
export const DEFAULT_KEPT_GROUP: KeptGroupRow = {
  code: "other",
  phrase: "for other reasons",
  next: "git -C PATH status",
  wholeReason: true,
};

const ORDER = new Map(KEPT_GROUPS.map((row, index) => [row.code, index]));

/** The row that heads an entry kept for `reasons`. */
export function keptGroupOf(reasons: readonly Reason[]): KeptGroupRow {
  let best: number | undefined;
  for (const r of reasons) {
    const index = ORDER.get(r.code);
    if (index !== undefined && (best === undefined || index < best)) {
      best = index;
    }
  }
  return best === undefined ? DEFAULT_KEPT_GROUP : KEPT_GROUPS[best];
}

/**
 * Groups kept entries by {@link keptGroupOf}, in table order (the default
 * group last), each group keeping its entries' order.
 */
export function groupKept<T extends { reasons: Reason[] }>(
  entries: readonly T[],
): { row: KeptGroupRow; entries: T[] }[] {
  const groups = new Map<KeptGroupRow, T[]>();
  for (const entry of entries) {
    const row = keptGroupOf(entry.reasons);
    const list = groups.get(row) ?? [];
    list.push(entry);
    groups.set(row, list);
  }
  const rank = (row: KeptGroupRow) => ORDER.get(row.code) ?? KEPT_GROUPS.length;
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map((
    [row, list],
  ) => ({ row, entries: list }));
}
