/**
 * `worktrees`: every agent worktree and orphaned directory under
 * `.claude/worktrees/`, one line each, with what a cleanup would do and
 * why. Built on the cleanup's dry run, so the view and `prune` cannot
 * disagree. Changes nothing.
 *
 * @module
 */

import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { directorySize } from "../gather/disk_usage.ts";
import { mapPool } from "../pool.ts";
import { prune, type PruneOptions } from "./prune.ts";
import type {
  OrphanOutcome,
  PruneSummary,
  WorktreeEntry,
  WorktreeList,
  WorktreeOutcome,
  WorktreeState,
} from "../types.ts";

export type { WorktreeEntry, WorktreeList, WorktreeState };

/** Options for {@link listWorktrees}. */
export interface ListWorktreesOptions {
  /** A folder inside the repository; defaults to the current directory. */
  projectPath?: string;
  /** Cleanup options that change the judgement (caches, concurrency). */
  pruneOptions?: Omit<PruneOptions, "projectPath" | "dryRun">;
}

/** Kept for reasons that make walking it unsafe or meaningless: no size. */
const UNMEASURED: ReadonlySet<string> = new Set([
  "symlink",
  "not-a-directory",
  "other-filesystem",
  "mount-point",
  "foreign-owner",
  "undecodable-name",
  "containment",
]);

/**
 * Lists every worktree and orphan under `.claude/worktrees/` with what a
 * cleanup would do. Changes nothing: it is `prune({dryRun: true})`.
 *
 * @throws {UserError} when the path is not inside a git repository.
 */
export async function listWorktrees(
  options: ListWorktreesOptions = {},
): Promise<WorktreeList> {
  const summary = await prune({
    ...options.pruneOptions,
    projectPath: options.projectPath,
    dryRun: true,
  });
  return await worktreeListOf(summary);
}

/** The worktrees view of a dry run's report. */
export async function worktreeListOf(
  summary: PruneSummary,
): Promise<WorktreeList> {
  const worktrees = await Promise.all(summary.worktrees.map(fromWorktree));
  const orphans = await Promise.all(summary.orphans.map(fromOrphan));
  const entries = [...worktrees, ...orphans];
  // Kept entries are measured here (a cleanup measures only what goes),
  // except where walking them is unsafe or says nothing.
  await mapPool(
    entries.filter((e) =>
      e.size_bytes === null && e.state === "kept" &&
      !e.reasons.some((r) => UNMEASURED.has(r.code))
    ),
    async (e) => {
      const info = await lstat(e.path).catch(() => undefined);
      if (info?.isDirectory()) {
        e.size_bytes = await directorySize(e.path).catch(() => null);
      }
    },
    4,
  );
  const going = entries.filter((e) => e.state !== "kept");
  return {
    schema_version: 1,
    default_branch: summary.default_branch?.name ?? null,
    worktrees: entries,
    totals: {
      count: entries.length,
      would_go: going.length,
      kept: entries.length - going.length,
      reclaimable_bytes: going.reduce((n, e) => n + (e.size_bytes ?? 0), 0),
    },
    skipped: summary.skipped,
    notes: summary.notes,
  };
}

async function fromWorktree(w: WorktreeOutcome): Promise<WorktreeEntry> {
  const state: WorktreeState = w.action === "preserved"
    ? "kept"
    : w.action === "admin-pruned"
    ? "would-clean"
    : "would-remove";
  const known = w.last_activity_at;
  return {
    name: basename(w.path),
    path: w.path,
    relative_path: w.relative_path,
    kind: "worktree",
    branch: w.branch,
    state,
    reasons: w.reasons,
    last_activity_at: known !== undefined
      ? known
      : state === "would-clean"
      ? null
      : await fallbackActivity(w.path),
    size_bytes: state === "kept" ? null : w.bytes_reclaimed,
    integration_check: w.integration_check,
  };
}

async function fromOrphan(o: OrphanOutcome): Promise<WorktreeEntry> {
  const kept = o.action === "preserved";
  return {
    name: basename(o.path),
    path: o.path,
    relative_path: o.relative_path,
    kind: "orphan",
    branch: null,
    state: kept ? "kept" : "would-sweep",
    reasons: o.reasons,
    last_activity_at: o.kind === "symlink" || o.kind === "file"
      ? await mtimeIso(o.path)
      : await fallbackActivity(o.path),
    size_bytes: kept ? null : o.bytes_reclaimed,
    integration_check: null,
  };
}

async function mtimeMs(path: string): Promise<number | undefined> {
  try {
    return (await lstat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function mtimeIso(path: string): Promise<string | null> {
  const ms = await mtimeMs(path);
  return ms === undefined ? null : new Date(ms).toISOString();
}

/**
 * The newest mtime of a worktree's top-level entries and of its admin
 * folder, index and HEAD; for use until the cleanup reports
 * `last_activity_at` itself. Never follows a symlink out of the folder.
 */
async function fallbackActivity(path: string): Promise<string | null> {
  const candidates = [path];
  try {
    for (const name of await readdir(path)) candidates.push(join(path, name));
  } catch {
    return await mtimeIso(path);
  }
  try {
    const dotGit = await readFile(join(path, ".git"), "utf8");
    const gitDir = /^gitdir: (.+)$/m.exec(dotGit)?.[1];
    if (gitDir) {
      const admin = resolve(path, gitDir.trim());
      candidates.push(admin, join(admin, "index"), join(admin, "HEAD"));
    }
  } catch {
    // A clone or a plain folder: its own entries are all there is.
  }
  const times = await Promise.all(candidates.map(mtimeMs));
  const newest = Math.max(
    ...times.filter((t): t is number => t !== undefined),
  );
  return Number.isFinite(newest) ? new Date(newest).toISOString() : null;
}
