/**
 * Decides, from gathered facts alone, whether each worktree or orphaned
 * directory under `.claude/worktrees/` may go. Pure: no I/O.
 *
 * The rule is "when in doubt, preserve": a fact that is unknown counts
 * against removal exactly like a fact that forbids it.
 *
 * @module
 */

import type { IntegrationCheck, Reason, ReasonCode } from "../types.ts";

/** Counts of changes in a worktree's own status. */
export interface ChangeCounts {
  /** Staged paths. */
  staged: number;
  /** Unstaged changes to tracked paths. */
  modified: number;
  /** Untracked paths. */
  untracked: number;
  /** Conflicted paths. */
  conflicted: number;
}

/**
 * What a candidate folder holds that its status does not show. Paths are
 * relative to the candidate; names that are not UTF-8 are shown escaped.
 */
export interface ContentFacts {
  /**
   * Tracked files whose content exists only on disk though status is
   * silent: flagged assume-unchanged or skip-worktree (or all under
   * `core.ignoreStat`) and changed, or under a filter and different from
   * what a checkout would write.
   */
  hiddenChanges: string[];
  /** Registered worktrees (of any repository) below it. */
  nestedWorktrees: string[];
  /** Other git repositories or `.git` entries below it. */
  nestedRepositories: string[];
  /** Mount points or folders on another device below it. */
  mounts: string[];
  /** Entries whose name is not valid UTF-8. */
  undecodableNames: string[];
  /**
   * Whether its own refs (`refs/worktree/*`, `refs/bisect/*`) or its HEAD
   * reflog hold a commit no branch, tag or remote-tracking ref holds.
   */
  privateCommits: boolean;
  /** Bytes it holds, from the same walk: what deleting it reclaims. */
  bytes?: number;
  /**
   * The gitlinks of its index, from the same listing as its hidden
   * changes; `undefined` when not read.
   */
  gitlinks?: string[];
}

/** A worktree's upstream, as far as it is known. */
export interface UpstreamFacts {
  /** Upstream ref, such as `origin/a1`. */
  name: string;
  /** Whether the upstream branch was deleted on the remote. */
  gone: boolean;
  /** Commits not pushed; `undefined` when unknown. */
  ahead: number | undefined;
}

/** Everything known about one registered worktree. `undefined` means unknown. */
export interface WorktreeFacts {
  /** Absolute path. */
  path: string;
  /** Branch short name, or `null` when detached or unborn. */
  branch: string | null;
  /** Whether HEAD is detached. */
  detached: boolean;
  /** Whether the directory no longer exists. */
  missing: boolean;
  /** Whether the path is a symlink. */
  isSymlink: boolean;
  /** Whether its real path is strictly inside `.claude/worktrees/`. */
  contained: boolean;
  /** Whether the command itself runs inside it. */
  isCurrent: boolean;
  /** The lock reason when locked (possibly empty). */
  lockReason?: string;
  /** A process named in the lock reason that no longer runs. */
  stalePid?: number;
  /** Change counts, or `undefined` when status failed. */
  changes?: ChangeCounts;
  /** Ignored files that are neither caches nor copies of the main worktree. */
  uniqueIgnored?: string[];
  /** Whether initialised submodules exist. */
  submodules?: boolean;
  /** The operation in progress, or `null`. */
  operation?: string | null;
  /** PIDs of processes with their working directory inside. */
  processes?: number[];
  /** The upstream of its branch, `null` when it has none. */
  upstream?: UpstreamFacts | null;
  /** How its branch is integrated, `null` when it is not. */
  integration?: IntegrationCheck | null;
  /**
   * Set when integration was not checked because another rule already keeps
   * the worktree; an unknown integration then adds no reason of its own.
   */
  integrationSkipped?: boolean;
  /** Whether a detached HEAD holds commits no branch, tag or remote holds. */
  unreferencedCommits?: boolean;
  /** What it holds that status does not show; `undefined` when unknown. */
  contents?: ContentFacts;
  /**
   * The folder under `.claude/worktrees/` it lives inside, when it is not a
   * direct child: deleting either would take the other along.
   */
  enclosedBy?: string;
  /**
   * A path of it (the folder, its `.git` or its git folder) owned by another
   * user and not allowed by `safe.directory`: it is never opened.
   */
  foreignOwner?: string;
  /**
   * Set when the costly checks (status, ignored files, submodules,
   * operations, commits, integration) were not run because a cheap fact
   * already keeps the worktree: it is locked, in use by a process, the
   * command's own or not contained, or its branch has unpushed commits or
   * a tip known not to be integrated. What was not read then adds no
   * reasons of its own; what is known still does.
   */
  deepChecksSkipped?: boolean;
  /**
   * A change remembered from an earlier run that still holds (nothing git's
   * answer for that path depends on has changed): it keeps the worktree
   * without a full status, and `deepChecksSkipped` is set.
   */
  witness?: { kind: WitnessedChange; path: string };
  /**
   * Set when what it holds beyond its status (`contents`) was not read
   * because its status, ignored files, submodules or an operation already
   * keep it: the walk of every folder would change nothing.
   */
  contentsSkipped?: boolean;
  /** Facts that could not be read, one line each. */
  errors: string[];
}

/** What a witness saw: a status change or an ignored file found nowhere else. */
export type WitnessedChange =
  | "conflicted"
  | "staged"
  | "modified"
  | "untracked"
  | "ignored";

/** The reason a witness that still holds gives to keep a worktree. */
export function witnessReason(
  w: { kind: WitnessedChange; path: string },
): Reason {
  // No colon before the path: the report shows what follows one.
  return w.kind === "ignored"
    ? reason(
      "unique-ignored-files",
      `holds ignored files found nowhere else: '${w.path}' (as in the last run)`,
    )
    : reason(
      "dirty",
      `has uncommitted or untracked changes (${w.kind} '${w.path}', as in the last run)`,
    );
}

/** The decision for one worktree. */
export interface WorktreeDecision {
  /** `remove`, `admin-prune` (directory gone) or `preserve`. */
  action: "remove" | "admin-prune" | "preserve";
  /** Why it is kept; empty when it goes. */
  reasons: Reason[];
  /** Notes that do not change the decision. */
  notes: string[];
}

function reason(code: ReasonCode, message: string): Reason {
  return { code, message };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Describes change counts as `2 staged, 1 untracked`. */
export function describeChanges(c: ChangeCounts): string {
  const parts: string[] = [];
  if (c.conflicted) parts.push(`${c.conflicted} conflicted`);
  if (c.staged) parts.push(`${c.staged} staged`);
  if (c.modified) parts.push(`${c.modified} modified`);
  if (c.untracked) parts.push(`${c.untracked} untracked`);
  return parts.join(", ");
}

/** Whether any change is present. */
export function hasChanges(c: ChangeCounts): boolean {
  return c.staged + c.modified + c.untracked + c.conflicted > 0;
}

function listNames(names: string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `'${n}'`).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

function notIntegratedReason(): Reason {
  return reason(
    "not-integrated",
    "branch has commits not merged into the default branch",
  );
}

function unpushedReason(ahead: number, upstream: string): Reason {
  return reason(
    "unpushed-commits",
    `branch has ${plural(ahead, "commit")} not pushed to ${upstream}`,
  );
}

function processReason(pids: number[]): Reason {
  return reason(
    "process-running",
    `in use by ${plural(pids.length, "process", "processes")} (pid ${
      pids.slice(0, 3).join(", ")
    })`,
  );
}

function foreignReason(path: string): Reason {
  return reason(
    "foreign-owner",
    `'${path}' is owned by another user and not allowed by safe.directory (never opened)`,
  );
}

/** The reasons what a candidate holds gives to keep it. */
export function contentReasons(c: ContentFacts | undefined): Reason[] {
  if (c === undefined) {
    return [
      reason("unknown", "contents beyond its status could not be checked"),
    ];
  }
  const out: Reason[] = [];
  if (c.hiddenChanges.length > 0) {
    out.push(reason(
      "hidden-changes",
      `holds changes git status does not show: ${listNames(c.hiddenChanges)}`,
    ));
  }
  if (c.nestedWorktrees.length > 0) {
    out.push(reason(
      "nested-worktree",
      `another worktree lives inside it: ${listNames(c.nestedWorktrees)}`,
    ));
  }
  if (c.nestedRepositories.length > 0) {
    out.push(reason(
      "nested-repository",
      `a git repository lives inside it: ${listNames(c.nestedRepositories)}`,
    ));
  }
  if (c.mounts.length > 0) {
    out.push(reason(
      "mount-point",
      `a mount point lives inside it: ${listNames(c.mounts)}`,
    ));
  }
  if (c.undecodableNames.length > 0) {
    out.push(reason(
      "undecodable-name",
      `holds names that are not UTF-8: ${listNames(c.undecodableNames)}`,
    ));
  }
  if (c.privateCommits) {
    out.push(reason(
      "private-refs",
      "its own refs (refs/worktree, refs/bisect) or HEAD reflog hold commits no branch, tag or remote holds",
    ));
  }
  return out;
}

/** Decides what happens to one registered worktree. */
export function classifyWorktree(f: WorktreeFacts): WorktreeDecision {
  const reasons: Reason[] = [];
  const notes: string[] = [];
  if (!f.contained) {
    reasons.push(
      reason("containment", "not strictly inside .claude/worktrees/"),
    );
  }
  if (f.isSymlink) {
    reasons.push(reason("symlink", "is a symlink (never followed)"));
  }
  if (f.isCurrent) {
    reasons.push(
      reason("current-worktree", "the command is running inside it"),
    );
  }
  if (f.lockReason !== undefined) {
    const why = f.lockReason ? `: ${f.lockReason}` : "";
    reasons.push(reason("locked", `locked by git${why}`));
    if (f.stalePid !== undefined) {
      notes.push(
        `stale lock: process ${f.stalePid} no longer runs; unlock with 'git worktree unlock' if it is no longer needed`,
      );
    }
  }
  if (f.missing) {
    if (f.detached && f.unreferencedCommits !== false) {
      reasons.push(
        f.unreferencedCommits === undefined
          ? reason(
            "unknown",
            "directory is gone and its HEAD could not be checked",
          )
          : reason(
            "unreferenced-commits",
            "directory is gone but its detached HEAD holds commits no branch, tag or remote holds",
          ),
      );
    }
    for (const e of f.errors) reasons.push(reason("unknown", e));
    return reasons.length > 0
      ? { action: "preserve", reasons, notes }
      : { action: "admin-prune", reasons, notes };
  }
  if (f.foreignOwner !== undefined) reasons.push(foreignReason(f.foreignOwner));
  if (f.enclosedBy !== undefined) {
    reasons.push(reason(
      "nested-worktree",
      `lives inside another folder under .claude/worktrees: '${f.enclosedBy}'`,
    ));
  }
  if (f.deepChecksSkipped) {
    if (f.witness !== undefined) reasons.push(witnessReason(f.witness));
    if (f.processes?.length) reasons.push(processReason(f.processes));
    if (!f.detached && f.branch !== null) {
      // Only what is known counts here; what was not read adds nothing.
      const ahead = f.upstream && !f.upstream.gone ? f.upstream.ahead ?? 0 : 0;
      if (ahead > 0) reasons.push(unpushedReason(ahead, f.upstream!.name));
      if (f.integration === null) reasons.push(notIntegratedReason());
    }
    for (const e of f.errors) reasons.push(reason("unknown", e));
    if (reasons.length === 0) {
      // Skipping is only right when a cheap fact keeps the worktree.
      reasons.push(reason("unknown", "its contents were not checked"));
    }
    return { action: "preserve", reasons, notes };
  }
  if (f.changes === undefined) {
    reasons.push(reason("unknown", "status could not be read"));
  } else if (hasChanges(f.changes)) {
    reasons.push(
      reason(
        "dirty",
        `has uncommitted or untracked changes (${describeChanges(f.changes)})`,
      ),
    );
  }
  if (f.uniqueIgnored === undefined) {
    reasons.push(reason("unknown", "ignored files could not be checked"));
  } else if (f.uniqueIgnored.length > 0) {
    reasons.push(
      reason(
        "unique-ignored-files",
        `holds ignored files found nowhere else: ${listNames(f.uniqueIgnored)}`,
      ),
    );
  }
  if (f.submodules === undefined) {
    reasons.push(reason("unknown", "submodules could not be checked"));
  } else if (f.submodules) {
    reasons.push(reason("submodules", "contains initialised submodules"));
  }
  if (f.operation === undefined) {
    reasons.push(
      reason("unknown", "operations in progress could not be checked"),
    );
  } else if (f.operation !== null) {
    reasons.push(
      reason("operation-in-progress", `a ${f.operation} is in progress`),
    );
  }
  if (!f.contentsSkipped) reasons.push(...contentReasons(f.contents));
  // An unknown process list is reported once for the whole run; the other
  // rules still apply.
  if (f.processes?.length) reasons.push(processReason(f.processes));
  if (f.detached || f.branch === null) {
    if (f.unreferencedCommits === undefined) {
      reasons.push(
        reason("unknown", "commits of its HEAD could not be checked"),
      );
    } else if (f.unreferencedCommits) {
      reasons.push(
        reason(
          "unreferenced-commits",
          "detached HEAD holds commits no branch, tag or remote holds",
        ),
      );
    }
  } else {
    if (f.upstream === undefined) {
      reasons.push(reason("unknown", "upstream could not be checked"));
    } else if (f.upstream !== null && !f.upstream.gone) {
      if (f.upstream.ahead === undefined) {
        reasons.push(reason("unknown", "push state could not be checked"));
      } else if (f.upstream.ahead > 0) {
        reasons.push(unpushedReason(f.upstream.ahead, f.upstream.name));
      }
    }
    if (f.integration === undefined && !f.integrationSkipped) {
      reasons.push(
        reason("unknown", "merge status could not be determined"),
      );
    } else if (f.integration === null) {
      reasons.push(notIntegratedReason());
    }
  }
  for (const e of f.errors) reasons.push(reason("unknown", e));
  if (reasons.length === 0 && f.integrationSkipped) {
    // Skipping is only right when another rule keeps the worktree.
    reasons.push(reason("unknown", "merge status could not be determined"));
  }
  if (reasons.length === 0 && f.contentsSkipped) {
    reasons.push(reason("unknown", "its contents were not checked"));
  }
  return reasons.length > 0
    ? { action: "preserve", reasons, notes }
    : { action: "remove", reasons, notes };
}

/** Everything known about one orphaned child of `.claude/worktrees/`. */
export interface OrphanFacts {
  /** Absolute path. */
  path: string;
  /** What the entry is. */
  kind: "plain" | "clone" | "git-file" | "symlink" | "file";
  /** Whether it sits on another file system than `.claude/worktrees/`. */
  otherFilesystem: boolean;
  /** For a plain directory: whether it is empty; `undefined` when unreadable. */
  empty?: boolean;
  /** For a `.git` file: whether git can read the repository it names. */
  gitReadable?: boolean;
  /** For a clone: its change counts, `undefined` when unknown. */
  changes?: ChangeCounts;
  /** For a clone: stash entries. */
  stashCount?: number;
  /** For a clone: ignored files that exist nowhere else. */
  uniqueIgnored?: string[];
  /** For a clone: whether any commit is on no remote-tracking ref. */
  unpushedCommits?: boolean;
  /** For a clone: an operation in progress, or `null`. */
  operation?: string | null;
  /** For a clone: whether it has worktrees or submodules of its own. */
  nested?: boolean;
  /** For a clone: what it holds that status does not show. */
  contents?: ContentFacts;
  /** A path of it owned by another user (never opened). */
  foreignOwner?: string;
  /** For a clone: repositories whose `objects/info/alternates` borrow its objects. */
  borrowedBy?: string[];
  /** Facts that could not be read. */
  errors: string[];
}

/** The decision for one orphaned directory. */
export interface OrphanDecision {
  /** `sweep` or `preserve`. */
  action: "sweep" | "preserve";
  /** Why it is kept; empty when it goes. */
  reasons: Reason[];
}

/** Decides what happens to one orphaned child. */
export function classifyOrphan(f: OrphanFacts): OrphanDecision {
  const reasons: Reason[] = [];
  const keep = (code: ReasonCode, message: string) =>
    reasons.push(reason(code, message));
  if (f.kind === "symlink") {
    keep("symlink", "is a symlink (never followed)");
  } else if (f.kind === "file") {
    keep("not-a-directory", "is a file, not a directory");
  } else if (f.otherFilesystem) {
    keep("other-filesystem", "is on another file system (a mount point)");
  } else if (f.foreignOwner !== undefined) {
    reasons.push(foreignReason(f.foreignOwner));
  } else if (f.kind === "plain") {
    if (f.empty === undefined) keep("unknown", "contents could not be read");
    else if (!f.empty) {
      keep("not-empty", "plain directory with content (not a git checkout)");
    }
  } else if (f.kind === "git-file") {
    keep(
      f.gitReadable ? "foreign-worktree" : "unreadable-git",
      f.gitReadable
        ? "a worktree of another repository"
        : "has a .git file git cannot read (ambiguous state)",
    );
  } else {
    if (f.changes === undefined) keep("unknown", "status could not be read");
    else if (hasChanges(f.changes)) {
      keep(
        "dirty",
        `has uncommitted or untracked changes (${describeChanges(f.changes)})`,
      );
    }
    if (f.stashCount === undefined) {
      keep("unknown", "stash could not be checked");
    } else if (f.stashCount > 0) {
      keep(
        "stash",
        `has ${plural(f.stashCount, "stash entry", "stash entries")}`,
      );
    }
    if (f.uniqueIgnored === undefined) {
      keep("unknown", "ignored files could not be checked");
    } else if (f.uniqueIgnored.length > 0) {
      keep(
        "unique-ignored-files",
        `holds ignored files found nowhere else: ${listNames(f.uniqueIgnored)}`,
      );
    }
    if (f.unpushedCommits === undefined) {
      keep("unknown", "merge status could not be determined");
    } else if (f.unpushedCommits) {
      keep(
        "unpushed-commits",
        "has commits on none of its remote-tracking branches",
      );
    }
    if (f.operation === undefined) {
      keep("unknown", "operations in progress could not be checked");
    } else if (f.operation !== null) {
      keep("operation-in-progress", `a ${f.operation} is in progress`);
    }
    reasons.push(...contentReasons(f.contents));
    if (f.borrowedBy === undefined) {
      keep(
        "unknown",
        "repositories borrowing its objects could not be checked",
      );
    } else if (f.borrowedBy.length > 0) {
      keep(
        "borrowed-objects",
        `its objects are borrowed by ${
          listNames(f.borrowedBy)
        } (objects/info/alternates)`,
      );
    }
    if (f.nested === undefined) {
      keep("unknown", "nested worktrees could not be checked");
    } else if (f.nested) {
      keep("nested-worktrees", "has worktrees or submodules of its own");
    }
  }
  for (const e of f.errors) keep("unknown", e);
  return reasons.length > 0
    ? { action: "preserve", reasons }
    : { action: "sweep", reasons };
}

/** Names every rebuildable ignored folder or file that may be deleted. */
export const DEFAULT_DISPOSABLE_IGNORED: readonly string[] = [
  "node_modules",
  "target",
  "dist",
  "build",
  "out",
  ".venv",
  "venv",
  "__pycache__",
  ".pytest_cache",
  ".mypy_cache",
  ".ruff_cache",
  ".tox",
  ".nox",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".parcel-cache",
  ".vite",
  ".angular",
  ".gradle",
  ".dart_tool",
  ".cache",
  "coverage",
  ".nyc_output",
  ".deno",
  "zig-cache",
  ".zig-cache",
  ".DS_Store",
  "Thumbs.db",
  "*.pyc",
  "*.pyo",
  "*.tsbuildinfo",
];

/**
 * Whether an ignored path, as `git status --ignored=matching` lists it, is
 * a rebuildable cache: its last segment is a listed name (a folder ignored
 * as a whole is listed as `name/`), or its file name matches a listed
 * `*.ext` pattern. A file merely inside a folder called `build/` (a tracked
 * folder, say) is no cache: only the ignored folder itself makes one.
 */
export function isDisposableIgnored(
  path: string,
  disposable: readonly string[] = DEFAULT_DISPOSABLE_IGNORED,
): boolean {
  const segments = path.split("/").filter((s) => s !== "");
  const names = new Set(disposable.filter((d) => !d.startsWith("*.")));
  const suffixes = disposable.filter((d) => d.startsWith("*.")).map((d) =>
    d.slice(1)
  );
  const last = segments.at(-1) ?? "";
  if (names.has(last)) return true;
  return !path.endsWith("/") &&
    suffixes.some((suffix) => last.endsWith(suffix));
}

/**
 * Which integration check held first, in order of cost: the branch tip is an
 * ancestor of the default branch, its tree equals the default branch's tree,
 * the three-dot diff is empty, or a simulated merge adds nothing.
 */
export function firstIntegrationCheck(results: {
  ancestor: boolean;
  treeEqual: boolean;
  threeDotEmpty?: boolean;
  mergeAddsNothing?: boolean;
}): IntegrationCheck | null | undefined {
  if (results.ancestor) return "ancestor";
  if (results.treeEqual) return "tree-equal";
  if (results.threeDotEmpty === undefined) return undefined;
  if (results.threeDotEmpty) return "three-dot-diff-empty";
  if (results.mergeAddsNothing === undefined) return undefined;
  return results.mergeAddsNothing ? "merge-adds-nothing" : null;
}
