/**
 * The cleanup plan: from every gathered fact (registered worktrees,
 * registrations whose folder is gone, orphaned folders, trash entries)
 * the one decision per entry that `prune --dry-run` reports and a real run
 * executes. Pure: no I/O. A real run only departs from the plan when a
 * check right before acting fails or git refuses, and says so with a
 * reason of its own.
 *
 * The plan adds to the rules of `classify.ts` what only the whole picture
 * or the act itself knows: a worktree inside another, what `git worktree
 * remove` would refuse on, how recently a worktree was active, and whether
 * a registration whose folder is missing may really be dropped.
 *
 * @module
 */

import {
  classifyOrphan,
  classifyWorktree,
  type OrphanFacts,
  type WorktreeFacts,
} from "./classify.ts";
import { isStrictlyInside } from "./containment.ts";
import type { Reason, ReasonCode } from "../types.ts";

/** What `git worktree remove` would refuse on, read before acting. */
export interface RefusalFacts {
  /**
   * Whether the worktree's `.git` file names an admin folder whose `gitdir`
   * names this `.git` file back; `undefined` when unknown.
   */
  pointsBack?: boolean;
  /** Gitlinks (mode 160000) in its index; `undefined` when unknown. */
  gitlinks?: string[];
}

/** Facts about a registration whose folder is gone. */
export interface MissingFacts {
  /** `.claude/worktrees/` itself is missing (moved or unmounted parent). */
  worktreesDirMissing: boolean;
  /** A folder under `.claude/worktrees/` whose `.git` file names this registration. */
  renamedTo?: string;
  /**
   * Whether its index holds staged content that differs from its HEAD (the
   * only copy of it); `undefined` when unknown.
   */
  stagedOnlyCopy?: boolean;
}

/** One registered worktree with everything the plan needs. */
export interface WorktreeCandidate {
  /** The facts `classify.ts` judges. */
  facts: WorktreeFacts;
  /** Newest activity (ms since the epoch), when known. */
  lastActivityMs?: number;
  /** Read for worktrees the rules would remove. */
  refusal?: RefusalFacts;
  /** Read for registrations whose folder is gone. */
  missing?: MissingFacts;
}

/** Everything one cleanup decides on. */
export interface PlanInput {
  /** Registered worktrees under `.claude/worktrees/` (not the main one). */
  worktrees: readonly WorktreeCandidate[];
  /** Every registered worktree path, the main one included. */
  registeredPaths: readonly string[];
  /** Orphaned children of `.claude/worktrees/`. */
  orphans: readonly OrphanFacts[];
  /** Now, in ms since the epoch. */
  nowMs: number;
  /** Worktrees active more recently than this are kept (0: none). */
  minAgeMs: number;
  /**
   * Paths kept this run whatever the rules say, with why: entries just
   * moved back from the trash are judged afresh by the next run only.
   */
  heldBack?: ReadonlyMap<string, readonly Reason[]>;
}

/** What the plan does with a registered worktree. */
export type WorktreePlanAction = "remove" | "admin-prune" | "keep";

/** The plan for one registered worktree. */
export interface PlannedWorktree {
  /** The facts it was judged by. */
  facts: WorktreeFacts;
  /** What happens to it. */
  action: WorktreePlanAction;
  /** Why it is kept; empty when it goes. */
  reasons: Reason[];
  /** Notes that do not change the decision. */
  notes: string[];
  /** Newest activity (ms since the epoch), when known. */
  lastActivityMs?: number;
}

/** The plan for one orphaned child. */
export interface PlannedOrphan {
  /** The facts it was judged by. */
  facts: OrphanFacts;
  /** `sweep` or `keep`. */
  action: "sweep" | "keep";
  /** Why it is kept; empty when it goes. */
  reasons: Reason[];
}

/** The whole plan. */
export interface Plan {
  /** One entry per registered worktree, in input order. */
  worktrees: PlannedWorktree[];
  /** One entry per orphan, in input order. */
  orphans: PlannedOrphan[];
}

function reason(code: ReasonCode, message: string): Reason {
  return { code, message };
}

function addOnce(reasons: Reason[], r: Reason): void {
  if (!reasons.some((x) => x.code === r.code && x.message === r.message)) {
    reasons.push(r);
  }
}

/** Formats a duration in ms as `5 minutes`, `3 hours`, `2 days`. */
export function describeAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  if (minutes < 120) return unit(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, "hour");
  return unit(Math.floor(hours / 24), "day");
}

/** The reasons a registration whose folder is gone stays. */
export function missingReasons(path: string, m: MissingFacts): Reason[] {
  const out: Reason[] = [];
  if (m.worktreesDirMissing) {
    out.push(reason(
      "needs-repair",
      `'.claude/worktrees' itself is missing (moved or unmounted?): run 'git worktree repair <new path>' once it is back`,
    ));
  }
  if (m.renamedTo !== undefined) {
    out.push(reason(
      "needs-repair",
      `its folder was renamed to '${m.renamedTo}': run 'git worktree repair ${
        quoteArg(m.renamedTo)
      }'`,
    ));
  }
  if (m.stagedOnlyCopy === undefined) {
    out.push(reason(
      "unknown",
      `folder '${path}' is gone and its index could not be compared with its HEAD`,
    ));
  } else if (m.stagedOnlyCopy) {
    out.push(reason(
      "staged-only-copy",
      "folder is gone but its index holds staged changes found nowhere else: run 'git worktree repair <path>' after putting the folder back",
    ));
  }
  return out;
}

function quoteArg(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path)
    ? path
    : `'${path.replaceAll("'", `'\\''`)}'`;
}

/** The reasons `git worktree remove` would refuse a worktree. */
export function refusalReasons(r: RefusalFacts | undefined): Reason[] {
  const out: Reason[] = [];
  if (r === undefined) return out;
  if (r.pointsBack === undefined) {
    out.push(reason("unknown", "its .git file could not be checked"));
  } else if (!r.pointsBack) {
    out.push(reason(
      "unreadable-git",
      "its .git file does not name an admin folder that names it back (git would refuse)",
    ));
  }
  if (r.gitlinks === undefined) {
    out.push(reason("unknown", "its index could not be checked for gitlinks"));
  } else if (r.gitlinks.length > 0) {
    const shown = r.gitlinks.slice(0, 3).map((g) => `'${g}'`).join(", ");
    out.push(reason(
      "submodules",
      `its index holds submodule entries (gitlinks): ${shown}${
        r.gitlinks.length > 3 ? ` and ${r.gitlinks.length - 3} more` : ""
      }`,
    ));
  }
  return out;
}

/** Plans one registered worktree; `nested` lists worktrees inside it. */
export function planWorktree(
  c: WorktreeCandidate,
  nested: readonly string[],
  nowMs: number,
  minAgeMs: number,
): PlannedWorktree {
  const decision = classifyWorktree(c.facts);
  const reasons = [...decision.reasons];
  const planned: PlannedWorktree = {
    facts: c.facts,
    action: "keep",
    reasons,
    notes: [...decision.notes],
    lastActivityMs: c.lastActivityMs,
  };
  if (decision.action === "admin-prune") {
    for (
      const r of missingReasons(
        c.facts.path,
        c.missing ?? {
          worktreesDirMissing: false,
          stagedOnlyCopy: undefined,
        },
      )
    ) addOnce(reasons, r);
    planned.action = reasons.length === 0 ? "admin-prune" : "keep";
    return planned;
  }
  if (!c.facts.missing) {
    // The walk of its contents may already have named the nested one.
    if (
      nested.length > 0 && !reasons.some((r) => r.code === "nested-worktree")
    ) {
      addOnce(
        reasons,
        reason(
          "nested-worktree",
          `another registered worktree lives inside it: ${
            nested.slice(0, 3).map((n) => `'${n}'`).join(", ")
          }`,
        ),
      );
    }
    if (minAgeMs > 0) {
      if (c.lastActivityMs === undefined) {
        addOnce(
          reasons,
          reason("unknown", "its last activity could not be read"),
        );
      } else if (nowMs - c.lastActivityMs < minAgeMs) {
        addOnce(
          reasons,
          reason(
            "recently-active",
            `active ${
              describeAge(nowMs - c.lastActivityMs)
            } ago (younger than --min-age)`,
          ),
        );
      }
    }
  }
  if (decision.action === "remove") {
    if (c.refusal === undefined && reasons.length === 0) {
      addOnce(
        reasons,
        reason("unknown", "what git would refuse on was not checked"),
      );
    }
    for (const r of refusalReasons(c.refusal)) addOnce(reasons, r);
  }
  planned.action = decision.action === "remove" && reasons.length === 0
    ? "remove"
    : "keep";
  return planned;
}

/** Plans one orphaned child. */
export function planOrphan(facts: OrphanFacts): PlannedOrphan {
  const decision = classifyOrphan(facts);
  const sweepable = facts.kind === "plain" || facts.kind === "clone";
  const reasons = [...decision.reasons];
  if (decision.action === "sweep" && !sweepable) {
    reasons.push(reason("unknown", `unexpected kind '${facts.kind}'`));
  }
  return {
    facts,
    action: reasons.length === 0 ? "sweep" : "keep",
    reasons,
  };
}

/** The registered worktrees strictly inside `path`. */
export function worktreesInside(
  path: string,
  registered: readonly string[],
): string[] {
  return registered.filter((p) => p !== path && isStrictlyInside(path, p));
}

/** Computes the whole plan. */
export function planCleanup(input: PlanInput): Plan {
  const held = input.heldBack ?? new Map<string, readonly Reason[]>();
  const hold = <T extends { action: string; reasons: Reason[] }>(
    path: string,
    planned: T,
  ): T => {
    const why = held.get(path);
    if (!why) return planned;
    for (const r of why) addOnce(planned.reasons, r);
    return { ...planned, action: "keep" };
  };
  return {
    worktrees: input.worktrees.map((c) =>
      hold(
        c.facts.path,
        planWorktree(
          c,
          worktreesInside(c.facts.path, input.registeredPaths),
          input.nowMs,
          input.minAgeMs,
        ),
      )
    ),
    orphans: input.orphans.map((f) => hold(f.path, planOrphan(f))),
  };
}

/** What is known about one entry found in the trash. */
export interface TrashEntryFacts {
  /** Absolute path in the trash. */
  path: string;
  /** Whether the trash manifest records the tool moving it there (name and inode). */
  proven: boolean;
  /** Whether it is an empty directory (nothing to lose). */
  empty: boolean;
  /** What judging it again by every rule found against deleting it. */
  reasons: readonly Reason[];
}

/** The plan for one trash entry. */
export interface PlannedTrashEntry {
  /** `delete` it, or move it `back` to `.claude/worktrees/`. */
  action: "delete" | "back";
  /** Why it goes back; empty when it is deleted. */
  reasons: Reason[];
}

/**
 * Plans one trash entry: deleted only when the tool can show it put it
 * there and every rule still lets it go (an empty folder holds nothing
 * and always may go); anything else goes back.
 */
export function planTrashEntry(f: TrashEntryFacts): PlannedTrashEntry {
  if (f.empty) return { action: "delete", reasons: [] };
  const reasons = [...f.reasons];
  if (!f.proven) {
    reasons.unshift(reason(
      "not-put-in-trash-by-tool",
      "the trash manifest does not show this tool put it there",
    ));
  }
  return { action: reasons.length === 0 ? "delete" : "back", reasons };
}
