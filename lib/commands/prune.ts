/**
 * `prune`: remove the agent worktrees and orphaned directories under
 * `.claude/worktrees/` that are provably disposable, and say why the rest
 * stay. Gather facts, decide with pure rules, act, report.
 *
 * @module
 */

import { lstat, readdir, realpath } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import { UserError } from "../errors.ts";
import {
  classifyOrphan,
  classifyWorktree,
  DEFAULT_DISPOSABLE_IGNORED,
  type OrphanFacts,
  type WorktreeFacts,
} from "../decide/classify.ts";
import {
  childrenOwned,
  isPlainSegment,
  isStrictlyInside,
} from "../decide/containment.ts";
import { findMainWorktree } from "../gather/main_worktree.ts";
import { gatherRefFacts, type RefFacts } from "../gather/branches.ts";
import {
  defaultKeyOf,
  INTEGRATION_MEMO_NAME,
  type IntegrationMemo,
  loadIntegrationMemo,
  memoChanged,
  serializeIntegrationMemo,
} from "../gather/integration_memo.ts";
import { directorySize } from "../gather/disk_usage.ts";
import { describeGitFailure, runGit } from "../gather/git.ts";
import { readProcessCwds } from "../gather/processes.ts";
import { resolveProject } from "../gather/project.ts";
import {
  type GatherContext,
  gatherOrphanFacts,
  gatherWorktreeFacts,
  isolatedEnv,
  statusFailure,
} from "../gather/worktree_facts.ts";
import {
  escapeInvalidUtf8,
  parseWorktreeList,
  type WorktreeRecord,
} from "../gather/worktree_list_parse.ts";
import { parsePorcelainV2 } from "../gather/status_parse.ts";
import { FULL_STATUS_ARGS } from "../gather/repo.ts";
import { acquirePruneLock, PRUNE_LOCK_NAME } from "../act/lock.ts";
import { writeFileAtomic } from "../act/write.ts";
import {
  recoverTrash,
  type RemovalContext,
  removeEmptyTrash,
  removeMissingWorktree,
  removeRegisteredWorktree,
  sweepOrphan,
  TRASH_NAME,
} from "../act/remove.ts";
import { defaultConcurrency, mapPool } from "../pool.ts";
import type {
  OrphanOutcome,
  PruneSummary,
  Reason,
  WorktreeOutcome,
} from "../types.ts";

/** Options for {@link prune}. */
export interface PruneOptions {
  /** A folder inside the repository; defaults to the current directory. */
  projectPath?: string;
  /** Decide and report, but change nothing. */
  dryRun?: boolean;
  /** Also delete each removed worktree's branch with `git branch -d`. */
  deleteBranches?: boolean;
  /** Ignored names that count as rebuildable caches; replaces the default list. */
  disposableIgnored?: readonly string[];
  /** Extra ignored names added to the default list. */
  extraDisposableIgnored?: readonly string[];
  /** Parallel git calls at most. */
  concurrency?: number;
  /** How long to wait for another cleanup to finish (ms). */
  lockWaitMs?: number;
  /** Called as work completes, for progress output. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Aborting stops new removals; removals under way finish. */
  signal?: AbortSignal;
}

/** The folder, relative to the main worktree, that holds agent worktrees. */
export const WORKTREES_DIR = join(".claude", "worktrees");

/** An empty report. */
export function emptySummary(dryRun: boolean): PruneSummary {
  return {
    pruned_count: 0,
    preserved_count: 0,
    admin_pruned: 0,
    worktrees: [],
    orphans_swept: 0,
    orphans_preserved: 0,
    orphans: [],
    orphan_sweep_skipped: null,
    dry_run: dryRun,
    default_branch: null,
    bytes_reclaimed: 0,
    skipped: null,
    trash: { emptied: [], restored: [], remaining: [] },
    notes: [],
  };
}

function finish(summary: PruneSummary): PruneSummary {
  summary.pruned_count =
    summary.worktrees.filter((w) =>
      w.action === "pruned" || w.action === "would-prune"
    ).length;
  summary.preserved_count =
    summary.worktrees.filter((w) => w.action === "preserved").length;
  summary.admin_pruned =
    summary.worktrees.filter((w) => w.action === "admin-pruned").length;
  summary.orphans_swept =
    summary.orphans.filter((o) => o.action !== "preserved").length;
  summary.orphans_preserved =
    summary.orphans.filter((o) => o.action === "preserved").length;
  summary.bytes_reclaimed = [...summary.worktrees, ...summary.orphans].reduce(
    (n, x) => n + (x.action === "preserved" ? 0 : x.bytes_reclaimed),
    0,
  );
  return summary;
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch {
    return undefined;
  }
}

/**
 * Cleans up `.claude/worktrees/` of the repository containing `projectPath`.
 *
 * @throws {UserError} when the path is not inside a git repository.
 */
export async function prune(options: PruneOptions = {}): Promise<PruneSummary> {
  const dryRun = options.dryRun ?? false;
  const summary = emptySummary(dryRun);
  const project = await resolveProject(options.projectPath);
  if (project.gitMissing) {
    throw new UserError(
      "Cannot prune worktrees: 'git' was not found on PATH: install git or add it to PATH",
    );
  }
  if (!project.repo) {
    throw new UserError(
      `Cannot prune worktrees in '${project.workingDirectory}': not inside a git repository`,
    );
  }
  const repo = project.repo;
  const listed = await listWorktrees(repo.topLevel);
  if (typeof listed === "string") return listFailed(summary, listed);
  let records = listed;
  const main = records[0];
  if (!main || main.bare) {
    summary.skipped = "the repository has no main worktree (it is bare)";
    return finish(summary);
  }
  const found = await findMainWorktree(
    main.path,
    repo.topLevel,
    repo.commonDir,
  );
  if ("problem" in found) {
    summary.skipped = found.problem;
    summary.orphan_sweep_skipped = found.problem;
    return finish(summary);
  }
  const mainRoot = found.root;
  main.path = mainRoot;
  const worktreesDir = join(mainRoot, WORKTREES_DIR);
  const dirInfo = await lstatOrUndefined(worktreesDir);
  const claudeInfo = await lstatOrUndefined(join(mainRoot, ".claude"));
  if (claudeInfo?.isSymbolicLink() || dirInfo?.isSymbolicLink()) {
    summary.skipped =
      "'.claude' or '.claude/worktrees' is a symlink: it is never followed, so nothing was cleaned";
    return finish(summary);
  }
  const ourMissing = records.slice(1).filter((r) =>
    isStrictlyInside(worktreesDir, resolve(r.path))
  );
  if (!dirInfo || !dirInfo.isDirectory()) {
    if (ourMissing.length === 0) return finish(summary);
  }

  const lock = dryRun
    ? undefined
    : await acquirePruneLock(repo.commonDir, options.lockWaitMs);
  if (lock && "busyPid" in lock) {
    summary.skipped = `another cleanup is already running${
      lock.busyPid ? ` (pid ${lock.busyPid})` : ""
    }: try again when it finishes, or delete '${
      join(repo.commonDir, PRUNE_LOCK_NAME)
    }' if no cleanup is running`;
    return finish(summary);
  }
  if (lock?.warning) summary.notes.push(lock.warning);
  // Branch facts hardly depend on the worktree list (only through the main
  // worktree's branch, the last fallback for the default branch): read
  // them while the list is read again, and again should that branch change.
  const readRefs = (record: WorktreeRecord) =>
    gatherRefFacts(
      mainRoot,
      record.branchRef?.replace(/^refs\/heads\//, ""),
    ).catch((error: Error) => error);
  let refs = readRefs(main);
  try {
    if (lock) {
      // Another run may have finished while we waited: act on the list as
      // it is now, never on the one read before the lock was ours.
      const fresh = await listWorktrees(repo.topLevel);
      if (typeof fresh === "string") return listFailed(summary, fresh);
      fresh[0].path = mainRoot;
      if (fresh[0].branchRef !== main.branchRef) refs = readRefs(fresh[0]);
      records = fresh;
    }
    return await pruneLocked(options, summary, records, refs, {
      mainRoot,
      worktreesDir,
      cwd: project.workingDirectory,
      worktreesDev: dirInfo?.isDirectory() ? dirInfo.dev : undefined,
      commonDir: repo.commonDir,
    });
  } finally {
    await lock?.release();
  }
}

/** The report when the worktrees could not be listed: nothing was judged. */
function listFailed(summary: PruneSummary, why: string): PruneSummary {
  summary.skipped = why;
  summary.orphan_sweep_skipped = why;
  return finish(summary);
}

/** The registered worktrees, main first, or why they could not be listed. */
async function listWorktrees(
  cwd: string,
): Promise<WorktreeRecord[] | string> {
  const list = await runGit(["worktree", "list", "--porcelain", "-z"], { cwd });
  if (list.code !== 0) {
    return `git worktree list failed: ${describeGitFailure(list)}`;
  }
  const records = parseWorktreeList(list.stdoutBytes ?? list.stdout);
  return records.length > 0
    ? records
    : "git worktree list failed: it listed no worktrees";
}

/** Where a cleanup works. */
interface Place {
  /** The main worktree's root. */
  mainRoot: string;
  /** `<mainRoot>/.claude/worktrees`. */
  worktreesDir: string;
  /** The directory the command runs in. */
  cwd: string;
  /** Device of `.claude/worktrees`; `undefined` when it is not a folder. */
  worktreesDev: number | undefined;
  /** The repository's common git directory. */
  commonDir: string;
}

async function pruneLocked(
  options: PruneOptions,
  summary: PruneSummary,
  records: WorktreeRecord[],
  refsRead: Promise<RefFacts | Error>,
  { mainRoot, worktreesDir, cwd, worktreesDev, commonDir }: Place,
): Promise<PruneSummary> {
  const dryRun = summary.dry_run;
  const limit = options.concurrency ?? defaultConcurrency();
  const progress = options.onProgress ?? (() => {});
  const worktreesDirReal = worktreesDev === undefined
    ? worktreesDir
    : await realpath(worktreesDir);
  const removal: RemovalContext = {
    mainRoot,
    commonDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1,
  };
  const rel = (p: string) => relative(mainRoot, p) || ".";
  const trashDir = join(worktreesDirReal, TRASH_NAME);

  // An interrupted earlier run may have left entries in the trash.
  const inTrash = records.filter((r) =>
    isStrictlyInside(trashDir, resolve(r.path))
  );
  if (!dryRun && worktreesDev !== undefined) {
    summary.trash = await recoverTrash(
      removal,
      new Set(inTrash.map((r) => resolve(r.path))),
    );
    if (summary.trash.emptied.length + summary.trash.restored.length > 0) {
      // Recovery removed or moved worktrees: judge the list as it is now.
      const relisted = await listWorktrees(mainRoot);
      if (typeof relisted === "string") return listFailed(summary, relisted);
      records = relisted;
    }
  } else if (worktreesDev !== undefined) {
    summary.trash.remaining = (await readdir(trashDir).catch(() => [])).map(
      (n) => join(trashDir, n),
    );
  }
  const candidates = records.slice(1).filter((r) =>
    !r.bare && isStrictlyInside(worktreesDir, resolve(r.path)) &&
    !isStrictlyInside(trashDir, resolve(r.path)) &&
    !isStrictlyInside(join(worktreesDir, TRASH_NAME), resolve(r.path))
  );

  // Processes are read after the list, so none can start in a worktree
  // listed after they were read.
  const [refs, processes, cwdReal] = await Promise.all([
    refsRead,
    readProcessCwds(),
    realpath(cwd).catch(() => cwd),
  ]);
  if (!processes.available) summary.notes.push(processes.reason);
  let integrationMemo: IntegrationMemo | undefined;
  if (!(refs instanceof Error) && refs.defaultBranch) {
    summary.default_branch = {
      name: refs.defaultBranch.name,
      refs: refs.defaultBranch.refs,
    };
    integrationMemo = await loadIntegrationMemo(
      commonDir,
      defaultKeyOf(refs.defaultBranch.refs, refs.defaultBranch.shas),
    );
  }
  const disposableIgnored = [
    ...(options.disposableIgnored ?? DEFAULT_DISPOSABLE_IGNORED),
    ...(options.extraDisposableIgnored ?? []),
  ];
  const ctx: GatherContext = {
    mainRoot,
    worktreesDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1,
    cwdReal,
    refs,
    integrationMemo,
    processes,
    disposableIgnored,
    manyStatusesAtOnce: candidates.length >= availableParallelism(),
  };

  // Orphans: children of .claude/worktrees/ that no registered worktree owns.
  let orphanPaths: string[] = [];
  const undecodable = new Set<string>();
  if (worktreesDev !== undefined) {
    const registered = records.map((r) => resolve(r.path));
    const registeredReal = await Promise.all(
      registered.map((p) => realpath(p).catch(() => p)),
    );
    const owned = new Set([
      ...childrenOwned(worktreesDir, [...registered, ...registeredReal]),
      ...childrenOwned(worktreesDirReal, [...registered, ...registeredReal]),
    ]);
    // As bytes: a name that is not UTF-8 must not decode into another one.
    const raw = await readdir(worktreesDir, { encoding: "buffer" }).catch(
      () => [] as Uint8Array[],
    );
    const names = raw.map((n) => {
      const shown = escapeInvalidUtf8(n);
      // Deno's node:fs decodes names lossily (U+FFFD) even as buffers.
      if (shown.includes("\\x") || shown.includes("\uFFFD")) {
        undecodable.add(join(worktreesDir, shown));
      }
      return shown;
    });
    orphanPaths = names.filter((n) =>
      n !== TRASH_NAME && !owned.has(n) &&
      // An undecodable name is listed (escaped) and kept, never dropped.
      (isPlainSegment(n) || undecodable.has(join(worktreesDir, n)))
    ).map((n) => join(worktreesDir, n));
  }

  const total = candidates.length + orphanPaths.length;
  let done = 0;
  const tick = () => progress("checking", ++done, total);
  const [worktreeFacts, orphanFacts] = await Promise.all([
    mapPool(candidates, async (record) => {
      const facts = await gatherWorktreeFacts(ctx, record).catch((
        error: Error,
      ): WorktreeFacts => ({
        path: record.path,
        branch: null,
        detached: record.detached,
        missing: false,
        isSymlink: false,
        contained: true,
        isCurrent: false,
        errors: [error.message],
      }));
      tick();
      return facts;
    }, limit),
    mapPool(orphanPaths, async (path) => {
      const facts = await gatherOrphanFacts(ctx, path, {
        undecodable: undecodable.has(path),
      }).catch((
        error: Error,
      ): OrphanFacts => ({
        path,
        kind: "plain",
        otherFilesystem: false,
        errors: [error.message],
      }));
      tick();
      return facts;
    }, limit),
  ]);

  if (!dryRun && integrationMemo && memoChanged(integrationMemo)) {
    // Only saves time next run: a memo that cannot be written is no loss.
    await writeFileAtomic(
      join(commonDir, INTEGRATION_MEMO_NAME),
      serializeIntegrationMemo(integrationMemo),
    ).catch(() => {});
  }

  const interrupted = () => options.signal?.aborted ?? false;
  const interruptedReason: Reason = {
    code: "interrupted",
    message: "cleanup was interrupted before reaching it",
  };
  let acted = 0;
  const actTotal = worktreeFacts.length + orphanFacts.length;
  const actTick = () => {
    acted++;
    if (!dryRun) progress("cleaning", acted, actTotal);
  };

  const worktreeOutcomes = await mapPool(worktreeFacts, async (facts) => {
    const decision = classifyWorktree(facts);
    const outcome: WorktreeOutcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      branch: facts.branch,
      action: "preserved",
      reasons: decision.reasons,
      integration_check: facts.integration ?? null,
      bytes_reclaimed: 0,
      notes: decision.notes,
    };
    if (decision.action === "preserve") {
      actTick();
      return outcome;
    }
    if (decision.action === "admin-prune") {
      outcome.action = "admin-pruned";
      if (!dryRun) {
        if (interrupted()) {
          outcome.action = "preserved";
          outcome.reasons = [interruptedReason];
        } else {
          const result = await removeMissingWorktree(removal, facts.path);
          if (!result.ok) {
            outcome.action = "preserved";
            outcome.reasons = [{ code: "git-refused", message: result.reason }];
          }
        }
      }
      actTick();
      return outcome;
    }
    outcome.bytes_reclaimed = await directorySize(facts.path);
    if (dryRun) {
      outcome.action = "would-prune";
    } else if (interrupted()) {
      outcome.reasons = [interruptedReason];
      outcome.bytes_reclaimed = 0;
    } else {
      const result = await removeRegisteredWorktree(removal, facts.path);
      if (result.ok) {
        outcome.action = "pruned";
        if (options.deleteBranches && facts.branch) {
          await deleteBranch(mainRoot, facts.branch, outcome);
        }
      } else {
        outcome.reasons = [{ code: "git-refused", message: result.reason }];
        outcome.bytes_reclaimed = 0;
      }
    }
    actTick();
    return outcome;
  }, limit);

  const orphanOutcomes = await mapPool(orphanFacts, async (facts) => {
    const decision = classifyOrphan(facts);
    const outcome: OrphanOutcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      kind: facts.kind,
      action: "preserved",
      reasons: decision.reasons,
      bytes_reclaimed: 0,
    };
    if (
      decision.action === "sweep" &&
      (facts.kind === "plain" || facts.kind === "clone")
    ) {
      outcome.bytes_reclaimed = facts.kind === "plain"
        ? 0
        : await directorySize(facts.path);
      if (dryRun) {
        outcome.action = "would-sweep";
      } else if (interrupted()) {
        outcome.reasons = [interruptedReason];
        outcome.bytes_reclaimed = 0;
      } else {
        const result = await sweepOrphan(
          removal,
          facts.path,
          facts.kind,
          (trashPath) => recheckClone(trashPath),
        );
        if (result.ok) outcome.action = "swept";
        else {
          outcome.reasons = [{ code: "git-refused", message: result.reason }];
          outcome.bytes_reclaimed = 0;
        }
      }
    } else if (decision.action === "sweep") {
      outcome.reasons = [{ code: "unknown", message: "unexpected kind" }];
    }
    actTick();
    return outcome;
  }, limit);

  if (!dryRun && worktreesDev !== undefined) await removeEmptyTrash(removal);
  summary.worktrees = worktreeOutcomes;
  summary.orphans = orphanOutcomes;
  return finish(summary);
}

/** Re-checks a clone after it moved into the trash, right before deletion. */
async function recheckClone(trashPath: string): Promise<string | undefined> {
  const status = await runGit([...FULL_STATUS_ARGS], {
    cwd: trashPath,
    env: isolatedEnv(join(trashPath, ".git"), trashPath),
  });
  const problem = statusFailure(status);
  if (problem) return `${problem} (on re-check)`;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout, { expectBranchHeaders: true });
  } catch (error) {
    return `git status unreadable on re-check: ${(error as Error).message}`;
  }
  const changed = parsed.staged.length + parsed.modified.length +
    parsed.untracked.length + parsed.conflicted.length + parsed.stashCount;
  return changed > 0 ? "changes appeared during cleanup" : undefined;
}

async function deleteBranch(
  mainRoot: string,
  branch: string,
  outcome: WorktreeOutcome,
): Promise<void> {
  const result = await runGit(["branch", "-d", branch], {
    cwd: mainRoot,
    readOnly: false,
  });
  outcome.branch_deleted = result.code === 0;
  if (result.code !== 0) {
    outcome.branch_note = `branch '${branch}' kept: git refused: ${
      describeGitFailure(result)
    }`;
  }
}
