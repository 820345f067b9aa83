/**
 * `prune`: remove the agent worktrees and orphaned directories under
 * `.claude/worktrees/` that are provably disposable, and say why the rest
 * stay. Gather facts, decide with pure rules, act, report.
 *
 * @module
 */

import {
  lstat,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rmdir,
} from "node:fs/promises";
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { UserError } from "../errors.ts";
import {
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
import { findMainWorktree, readCoreWorktree } from "../gather/main_worktree.ts";
import { gatherRefFacts, type RefFacts } from "../gather/branches.ts";
import {
  defaultKeyOf,
  INTEGRATION_MEMO_NAME,
  type IntegrationMemo,
  loadIntegrationMemo,
  memoChanged,
  serializeIntegrationMemo,
} from "../gather/integration_memo.ts";
import { settleClaudeLocks } from "../gather/claude_lock.ts";
import { directorySize } from "../gather/disk_usage.ts";
import {
  type HiddenConfig,
  sharedHiddenConfig,
} from "../gather/hidden_changes.ts";
import { readHeadFiles } from "../gather/head_file.ts";
import { describeGitFailure, runGit } from "../gather/git.ts";
import {
  type ProcessCwds,
  processReader,
  readProcessCwds,
} from "../gather/processes.ts";
import { locateProject } from "../gather/project.ts";
import {
  type GatherContext,
  gatherOrphanFacts,
  gatherWorktreeFacts,
  isolatedEnv,
  readGitFile,
} from "../gather/worktree_facts.ts";
import {
  escapeInvalidUtf8,
  parseWorktreeList,
  type WorktreeRecord,
} from "../gather/worktree_list_parse.ts";
import { newestActivityMs } from "../gather/activity.ts";
import {
  gitFilePointsBack,
  type HandMoved,
  handMovedWorktrees,
  indexGitlinks,
  readAdminDirs,
  renamedFolders,
  stagedOnlyCopy,
} from "../gather/removal_facts.ts";
import {
  planCleanup,
  planOrphan,
  planWorktree,
  type RefusalFacts,
  type WorktreeCandidate,
} from "../decide/plan.ts";
import {
  appendJournal,
  DEFAULT_RESCUE_DAYS,
  expireRescueRefs,
  rescueClone,
  rescueName,
  rescuePrefix,
  rescueWorktree,
} from "../act/rescue.ts";
import {
  clearTrashManifest,
  readTrashManifest,
  trashKey,
} from "../act/trash_manifest.ts";
import { ensureStateDir, stateDir } from "../act/state.ts";
import {
  loadWitnesses,
  serializeWitnesses,
  witnessesChanged,
  witnessesPath,
  type WitnessStore,
} from "../gather/witnesses.ts";
import {
  acquirePruneLock,
  cleanupLockPresent,
  PRUNE_LOCK_NAME,
} from "../act/lock.ts";
import { writeFileAtomic } from "../act/write.ts";
import {
  checkContained,
  originalName,
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
  /**
   * Keep worktrees whose newest activity (admin folder, index, HEAD,
   * top-level entries) is younger than this, as `recently-active`; 0 (the
   * default) keeps none for their age.
   */
  minAgeMs?: number;
  /** Days rescue refs of removed worktrees are kept (default 30). */
  rescueDays?: number;
  /**
   * Called right after a worktree or orphan moved into the trash, before
   * it is judged again there. A test seam for races: whatever changes it
   * makes must be found by the check that follows.
   */
  onMovedToTrash?: (trashPath: string) => void | Promise<void>;
  /** Keep Claude Code's stale worktree locks instead of unlocking them. */
  keepStaleLocks?: boolean;
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
  const project = await locateProject(options.projectPath);
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
  // Looked at before the list is read: see the list read again below.
  const lockBeforeList = !dryRun && await cleanupLockPresent(repo.commonDir);
  const [listed, coreWorktree] = await Promise.all([
    listWorktrees(repo.topLevel),
    readCoreWorktree(repo.commonDir),
  ]);
  if (typeof listed === "string") return listFailed(summary, listed);
  let records = listed;
  const main = records[0];
  if (!main || main.bare) {
    summary.skipped = "the repository has no main worktree (it is bare)";
    return finish(summary);
  }
  // Branch facts hardly depend on the worktree list (only through the main
  // worktree's branch, the last fallback for the default branch), and
  // neither they nor the config depend on which worktree asks: they are
  // read while the main worktree is found and the lock is taken.
  const readRefs = (record: WorktreeRecord) =>
    gatherRefFacts(
      repo.topLevel,
      record.branchRef?.replace(/^refs\/heads\//, ""),
    ).catch((error: Error) => error);
  let refs = readRefs(main);
  const early = {
    config: sharedHiddenConfig(repo.topLevel).catch(() => undefined),
    // Read by dry runs too; only a real run writes them.
    witnesses: loadWitnesses(stateDir(repo.commonDir)),
  };
  /** Ends the run before judging, once the reads started are done. */
  const stop = async () => {
    await Promise.allSettled([refs, early.config, early.witnesses]);
    return finish(summary);
  };
  const found = await findMainWorktree(
    main.path,
    repo.topLevel,
    repo.commonDir,
    coreWorktree,
  );
  if ("problem" in found) {
    summary.skipped = found.problem;
    summary.orphan_sweep_skipped = found.problem;
    return await stop();
  }
  const mainRoot = found.root;
  main.path = mainRoot;
  const worktreesDir = join(mainRoot, WORKTREES_DIR);
  const dirInfo = await lstatOrUndefined(worktreesDir);
  const claudeInfo = await lstatOrUndefined(join(mainRoot, ".claude"));
  if (claudeInfo?.isSymbolicLink() || dirInfo?.isSymbolicLink()) {
    summary.skipped =
      "'.claude' or '.claude/worktrees' is a symlink: it is never followed, so nothing was cleaned";
    return await stop();
  }
  const ourMissing = records.slice(1).filter((r) =>
    isStrictlyInside(worktreesDir, resolve(r.path))
  );
  if (!dirInfo || !dirInfo.isDirectory()) {
    if (ourMissing.length === 0) return await stop();
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
    return await stop();
  }
  if (lock?.warning) summary.notes.push(lock.warning);
  // Expired rescue refs go while the worktrees are judged (only their age
  // counts), and before anything is removed.
  const expiring = lock
    ? expireRescueRefs(
      mainRoot,
      options.rescueDays ?? DEFAULT_RESCUE_DAYS,
      Date.now(),
      repo.commonDir,
    ).catch(() => 0)
    : Promise.resolve(0);
  try {
    if (lock && (lockBeforeList || !lock.firstTry)) {
      // Another run may have finished while we waited: act on the list as
      // it is now, never on the one read before the lock was ours. With no
      // lock before the list and ours at the first try, no cleanup ran in
      // between, and the list read is the list now.
      const fresh = await listWorktrees(repo.topLevel);
      if (typeof fresh === "string") return listFailed(summary, fresh);
      fresh[0].path = mainRoot;
      if (fresh[0].branchRef !== main.branchRef) refs = readRefs(fresh[0]);
      records = fresh;
    }
    return await pruneLocked(options, summary, records, refs, expiring, early, {
      mainRoot,
      worktreesDir,
      cwd: project.workingDirectory,
      worktreesDev: dirInfo?.isDirectory() ? dirInfo.dev : undefined,
      commonDir: repo.commonDir,
    });
  } finally {
    await expiring;
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

/** What a cleanup starts reading before it holds the lock. */
interface EarlyReads {
  /** The config hidden changes depend on, when one read serves all. */
  config: Promise<HiddenConfig | undefined>;
  /** The witnesses of earlier runs. */
  witnesses: Promise<WitnessStore>;
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
  expiring: Promise<number>,
  early: EarlyReads,
  { mainRoot, worktreesDir, cwd, worktreesDev, commonDir }: Place,
): Promise<PruneSummary> {
  const dryRun = summary.dry_run;
  const limit = options.concurrency ?? defaultConcurrency();
  const progress = options.onProgress ?? (() => {});
  const nowMs = Date.now();
  const minAgeMs = options.minAgeMs ?? 0;
  const worktreesDirReal = worktreesDev === undefined
    ? worktreesDir
    : await realpath(worktreesDir);
  const removal: RemovalContext = {
    mainRoot,
    commonDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1,
    onMovedToTrash: options.onMovedToTrash,
  };
  const rel = (p: string) => relative(mainRoot, p) || ".";
  const trashDir = join(worktreesDirReal, TRASH_NAME);

  const [refs, cwdReal, witnesses, sharedConfig] = await Promise.all([
    refsRead,
    realpath(cwd).catch(() => cwd),
    early.witnesses,
    early.config,
  ]);
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
    // Read when first needed: by recovery of the trash, or by a judgement
    // (the reader is made again once the list is final, below).
    processes: processReader(),
    disposableIgnored,
    manyStatusesAtOnce: false,
    witnesses,
    commonDir,
    sharedConfig,
    // A real run measures what goes where it goes: in the trash.
    measureBytes: dryRun,
  };
  const safety: Safety = {
    ctx,
    mainRoot,
    commonDir,
    nowMs,
    lastRescue: new Map(),
    measured: new Map(),
  };

  // An interrupted earlier run may have left entries in the trash.
  const inTrash = records.filter((r) =>
    isStrictlyInside(trashDir, resolve(r.path))
  );
  const heldBack = new Map<string, Reason[]>();
  if (!dryRun && worktreesDev !== undefined) {
    if (inTrash.length > 0 || await lstatOrUndefined(trashDir)) {
      // Recovery may delete what is in the trash: its rescue refs are
      // written only once the expired ones are gone.
      await expiring;
    }
    const recovery = await recoverTrash(
      removal,
      new Set(inTrash.map((r) => resolve(r.path))),
      {
        judge: (entry, kind) =>
          kind === "worktree"
            ? judgeWorktreeInTrash(safety, entry)
            : judgeOrphanInTrash(safety, entry),
        beforeDelete: (entry, kind) =>
          kind === "worktree"
            ? rescueBeforeDelete(safety, entry, undefined)
            : rescueOrphanBeforeDelete(safety, entry),
      },
    );
    summary.trash = {
      emptied: recovery.emptied,
      restored: recovery.restored,
      remaining: recovery.remaining,
    };
    summary.notes.push(...recovery.notes);
    for (const [home, reasons] of recovery.movedBack) {
      // The rules judge what went back afresh below and keep it again for
      // the same facts; what no rule of theirs sees keeps it here.
      const held = reasons.filter((r) => HELD_BACK.has(r.code));
      if (held.length === 0) continue;
      heldBack.set(home, held);
      heldBack.set(join(worktreesDir, basename(home)), held);
    }
    if (recovery.emptied.length + recovery.restored.length > 0) {
      // Recovery removed or moved worktrees: judge the list as it is now.
      const relisted = await listWorktrees(mainRoot);
      if (typeof relisted === "string") return listFailed(summary, relisted);
      records = relisted;
    }
    if (!await lstatOrUndefined(trashDir)) await clearTrashManifest(commonDir);
  } else if (worktreesDev !== undefined) {
    const names = await readdir(trashDir).catch(() => [] as string[]);
    const unsafe = names.length > 0 &&
      await checkContained(trashDir, worktreesDirReal, worktreesDev);
    const manifest = await readTrashManifest(commonDir);
    for (const name of names) {
      const entry = join(trashDir, name);
      const info = unsafe ? undefined : await lstatOrUndefined(entry);
      // As the real run will: an empty folder goes, what the tool cannot
      // show it put there goes back, the rest is judged again.
      if (
        info?.isDirectory() &&
        (await readdir(entry).catch(() => [undefined])).length === 0
      ) summary.trash.emptied.push(entry);
      else if (info && !manifest.has(trashKey(name, info.ino))) {
        summary.trash.restored.push(entry);
      } else summary.trash.remaining.push(entry);
    }
    const left = summary.trash.remaining.length +
      summary.trash.restored.length;
    if (left > 0) {
      // Finishing the trash may first restore files a killed removal
      // deleted, so a dry run cannot judge it as the real run will.
      summary.notes.push(
        `${left} ${
          left === 1 ? "entry" : "entries"
        } in '${trashDir}' left by an interrupted run: the next real run deletes each only if this tool put it there and every rule still lets it go, and moves the rest back`,
      );
    }
  }
  // A worktree moved by hand within .claude/worktrees/ is repaired, then
  // judged like any other; a dry run judges it as the repair leaves it.
  const repaired = await repairHandMoved(records, {
    dryRun,
    mainRoot,
    worktreesDir,
    commonDir,
    notes: summary.notes,
    rel,
  });
  records = repaired.records;
  const candidates = records.slice(1).filter((r) =>
    !r.bare && isStrictlyInside(worktreesDir, resolve(r.path)) &&
    !isStrictlyInside(trashDir, resolve(r.path)) &&
    !isStrictlyInside(join(worktreesDir, TRASH_NAME), resolve(r.path))
  );
  // Claude Code's locks whose owner is gone are unlocked before judging.
  const claudeLocks = await settleClaudeLocks(candidates, {
    mainRoot,
    dryRun,
    keepStaleLocks: options.keepStaleLocks,
  });
  // Processes are read after the list, so none can start in a worktree
  // listed after they were read; and only when a judgement needs them.
  let processesRead: Promise<ProcessCwds> | undefined;
  ctx.processes = () => (processesRead ??= readProcessCwds());
  ctx.manyStatusesAtOnce = candidates.length >= availableParallelism();

  // Orphans: children of .claude/worktrees/ that no registered worktree owns.
  let orphanPaths: string[] = [];
  const undecodable = new Set<string>();
  if (worktreesDev !== undefined) {
    const registered = records.map((r) => resolve(r.path));
    // Synchronous: one per registered worktree, each cheaper than a promise.
    const registeredReal = registered.map((p) => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    });
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
  const [adminDirs, renamed] = await Promise.all([
    readAdminDirs(commonDir),
    // A dry run leaves the trash as it is; a registration whose folder
    // waits there is not gone (the real run moves the folder back first).
    renamedFolders(
      dryRun
        ? [
          ...orphanPaths,
          ...summary.trash.remaining,
          ...summary.trash.restored,
        ]
        : orphanPaths,
    ),
  ]);
  safety.adminDirs = adminDirs;

  const total = candidates.length + orphanPaths.length;
  let done = 0;
  const tick = () => progress("checking", ++done, total);
  const [worktreeCandidates, orphanFacts] = await Promise.all([
    mapPool(claudeLocks.records, async (record): Promise<WorktreeCandidate> => {
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
      const adminDir = adminDirs.get(resolve(record.path)) ??
        repaired.pending.get(resolve(record.path));
      const candidate: WorktreeCandidate = { facts };
      if (facts.missing) {
        const adminReal = adminDir
          ? await realpath(adminDir).catch(() => adminDir)
          : undefined;
        const renamedTo = adminReal ? renamed.get(adminReal) : undefined;
        candidate.missing = {
          worktreesDirMissing: worktreesDev === undefined,
          renamedTo,
          stagedOnlyCopy: await stagedOnlyCopy(mainRoot, adminDir),
        };
        if (renamedTo !== undefined) {
          // The folder it was renamed to is an orphan to the list: say why
          // it stays in words that lead to the fix.
          heldBack.set(renamedTo, [{
            code: "needs-repair",
            message: `a registered worktree renamed by hand from '${
              rel(record.path)
            }': run 'git worktree repair' in it`,
          }]);
        }
      } else {
        candidate.lastActivityMs = newestActivityMs(
          record.path,
          adminDir,
        );
        if (classifyWorktree(facts).action === "remove") {
          const refusal = await refusalFacts(
            record.path,
            adminDir,
            facts.contents?.gitlinks,
          );
          // The repair a real run makes first points it back.
          if (repaired.pending.has(resolve(record.path))) {
            refusal.pointsBack = true;
          }
          candidate.refusal = refusal;
        }
      }
      tick();
      return candidate;
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
  const processes = await processesRead;
  if (processes && !processes.available) summary.notes.push(processes.reason);
  const recordOf = new Map(candidates.map((r) => [r.path, r]));

  if (!dryRun && integrationMemo && memoChanged(integrationMemo)) {
    // Only saves time next run: a memo that cannot be written is no loss.
    await ensureStateDir(commonDir).then(() =>
      writeFileAtomic(
        join(commonDir, INTEGRATION_MEMO_NAME),
        serializeIntegrationMemo(integrationMemo),
      )
    ).catch(() => {});
  }
  if (!dryRun && witnessesChanged(witnesses)) {
    // Only the witnesses of worktrees kept in this run are written: those
    // of removed worktrees, or of changes that went, are dropped. Like the
    // memo, they only save time.
    await ensureStateDir(commonDir).then(() =>
      writeFileAtomic(
        witnessesPath(stateDir(commonDir)),
        serializeWitnesses(witnesses),
      )
    ).catch(() => {});
  }

  // The plan: what a dry run reports and a real run executes.
  const plan = planCleanup({
    worktrees: worktreeCandidates,
    registeredPaths: records.map((r) => resolve(r.path)),
    orphans: orphanFacts,
    nowMs,
    minAgeMs,
    heldBack,
  });
  // Every removal goes through the trash: one the tool cannot use (a
  // symlink, a file, another device) keeps them all, in both runs alike.
  const anyRemoval = [...plan.worktrees, ...plan.orphans].some((p) =>
    p.action === "remove" || p.action === "sweep"
  );
  const unsafeTrash = worktreesDev === undefined || !anyRemoval
    ? undefined
    : await lstatOrUndefined(trashDir)
    ? await checkContained(trashDir, worktreesDirReal, worktreesDev) ??
      await notWritable(trashDir)
    : await notWritable(worktreesDirReal);
  if (unsafeTrash !== undefined) {
    const why: Reason = {
      code: "unsafe-trash",
      message: `trash folder '${trashDir}' is unsafe: ${unsafeTrash}`,
    };
    for (const p of [...plan.worktrees, ...plan.orphans]) {
      if (p.action !== "remove" && p.action !== "sweep") continue;
      p.action = "keep";
      p.reasons.push(why);
    }
  }

  const interrupted = () => options.signal?.aborted ?? false;
  const interruptedReason: Reason = {
    code: "interrupted",
    message: "cleanup was interrupted before reaching it",
  };
  let acted = 0;
  const actTotal = plan.worktrees.length + plan.orphans.length;
  const actTick = () => {
    acted++;
    if (!dryRun) progress("cleaning", acted, actTotal);
  };

  await expiring;
  const worktreeOutcomes = await mapPool(plan.worktrees, async (planned) => {
    const facts = planned.facts;
    const outcome: WorktreeOutcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      branch: facts.branch,
      action: "preserved",
      reasons: planned.reasons,
      integration_check: facts.integration ?? null,
      bytes_reclaimed: 0,
      notes: planned.notes,
      last_activity_at: planned.lastActivityMs === undefined
        ? null
        : new Date(planned.lastActivityMs).toISOString(),
    };
    if (planned.action === "keep") {
      actTick();
      return outcome;
    }
    if (planned.action === "admin-prune") {
      outcome.action = "admin-pruned";
      if (!dryRun) {
        if (interrupted()) {
          outcome.action = "preserved";
          outcome.reasons = [interruptedReason];
        } else {
          const result = await removeMissingWorktree(removal, facts.path);
          if (!result.ok) {
            outcome.action = "preserved";
            outcome.reasons = [{ code: result.code, message: result.reason }];
          }
        }
      }
      actTick();
      return outcome;
    }
    const record = recordOf.get(facts.path)!;
    if (dryRun) {
      // The walk of its contents measured it.
      outcome.bytes_reclaimed = facts.contents?.bytes ??
        await directorySize(facts.path);
      outcome.action = "would-prune";
      if (options.deleteBranches && facts.branch) {
        await predictBranchDelete(mainRoot, facts.branch, outcome);
      }
    } else if (interrupted()) {
      outcome.reasons = [interruptedReason];
      outcome.bytes_reclaimed = 0;
    } else {
      const result = await removeRegisteredWorktree(removal, facts.path, {
        recheck: async (trashPath) => {
          const r = await recheckWorktree(safety, record, trashPath);
          // What the walk of its judgement in the trash measured is what
          // goes.
          outcome.bytes_reclaimed = safety.measured.get(trashPath) ??
            await directorySize(trashPath);
          return r;
        },
        beforeDelete: async (trashPath) => {
          const r = await rescueBeforeDelete(safety, trashPath, {
            record,
            facts,
            lastActivityMs: planned.lastActivityMs,
            originalPath: facts.path,
          });
          if (!r) outcome.rescue_ref = safety.lastRescue.get(trashPath);
          return r;
        },
      });
      if (result.ok) {
        outcome.action = "pruned";
        if (options.deleteBranches && facts.branch) {
          await deleteBranch(mainRoot, facts.branch, outcome);
        }
      } else {
        outcome.reasons = [{ code: result.code, message: result.reason }];
        outcome.bytes_reclaimed = 0;
      }
    }
    actTick();
    return outcome;
  }, limit);
  worktreeOutcomes.forEach(claudeLocks.annotate);

  const orphanOutcomes = await mapPool(plan.orphans, async (planned) => {
    const facts = planned.facts;
    const outcome: OrphanOutcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      kind: facts.kind,
      action: "preserved",
      reasons: planned.reasons,
      bytes_reclaimed: 0,
    };
    if (
      planned.action === "sweep" &&
      (facts.kind === "plain" || facts.kind === "clone")
    ) {
      outcome.bytes_reclaimed = facts.kind === "plain"
        ? 0
        : await directorySize(facts.path); // its .git folder included
      if (dryRun) {
        outcome.action = "would-sweep";
      } else if (interrupted()) {
        outcome.reasons = [interruptedReason];
        outcome.bytes_reclaimed = 0;
      } else {
        const kind = facts.kind;
        const result = await sweepOrphan(removal, facts.path, kind, {
          recheck: (trashPath) => recheckOrphan(safety, trashPath),
          beforeDelete: (trashPath) =>
            kind === "clone"
              ? rescueOrphanBeforeDelete(safety, trashPath, facts.path)
              : Promise.resolve(undefined),
        });
        if (result.ok) outcome.action = "swept";
        else {
          outcome.reasons = [{ code: result.code, message: result.reason }];
          outcome.bytes_reclaimed = 0;
        }
      }
    }
    actTick();
    return outcome;
  }, limit);

  if (!dryRun && worktreesDev !== undefined) {
    await removeEmptyTrash(removal);
    if (!await lstatOrUndefined(trashDir)) await clearTrashManifest(commonDir);
  }
  summary.worktrees = worktreeOutcomes;
  summary.orphans = orphanOutcomes;
  return finish(summary);
}

/** What {@link repairHandMoved} needs. */
interface RepairPlace {
  dryRun: boolean;
  mainRoot: string;
  worktreesDir: string;
  commonDir: string;
  /** The run's notes, where each repair is said. */
  notes: string[];
  /** A path as the report shows it. */
  rel: (path: string) => string;
}

/**
 * Records where hand-moved worktrees are (`git worktree repair FOLDER`) so
 * the cleanup judges them by every rule at their real place. A dry run
 * changes nothing: it lists each as the repair would leave it, and the
 * folders whose repair is pending, with their admin folders, come back in
 * `pending`. A repair git refuses leaves the registration as it is, kept
 * as `needs-repair`.
 */
async function repairHandMoved(
  records: WorktreeRecord[],
  place: RepairPlace,
): Promise<{ records: WorktreeRecord[]; pending: Map<string, string> }> {
  const pending = new Map<string, string>();
  // Only registrations of .claude/worktrees/ itself: one elsewhere is a
  // person's worktree, whatever a folder here claims.
  const moved = await handMovedWorktrees(
    records.slice(1).map((r) => r.path).filter((p) =>
      isStrictlyInside(place.worktreesDir, resolve(p))
    ),
    place.worktreesDir,
    place.commonDir,
  );
  if (moved.length === 0) return { records, pending };
  const said = (m: HandMoved, verb: string) =>
    place.notes.push(
      `${verb} '${place.rel(m.folder)}': the worktree registered at '${
        place.rel(m.registered)
      }' was moved there by hand (git worktree repair)`,
    );
  if (!place.dryRun) {
    let any = false;
    for (const m of moved) {
      const result = await runGit(["worktree", "repair", m.folder], {
        cwd: place.mainRoot,
        readOnly: false,
      });
      if (result.code === 0) {
        any = true;
        said(m, "repaired");
      }
    }
    if (!any) return { records, pending };
    const relisted = await listWorktrees(place.mainRoot);
    // The list read before the repair no longer describes the repository.
    if (typeof relisted === "string") throw new Error(relisted);
    return { records: relisted, pending };
  }
  const byPath = new Map(moved.map((m) => [resolve(m.registered), m]));
  const out = await Promise.all(records.map(async (r) => {
    const m = byPath.get(resolve(r.path));
    if (!m) return r;
    const now = await currentRecord(m.folder, m.adminDir, place.commonDir);
    if (typeof now === "string") return r;
    pending.set(resolve(m.folder), m.adminDir);
    said(m, "would repair");
    return now;
  }));
  return { records: out, pending };
}

/**
 * Why this user cannot create or move entries in `dir`, if so. Tried for
 * real with an empty folder made and removed at once: `access()` needs the
 * user id, which Deno's narrow permissions do not grant.
 */
async function notWritable(dir: string): Promise<string | undefined> {
  try {
    await rmdir(await mkdtemp(join(dir, ".mpm-probe-")));
    return undefined;
  } catch (error) {
    return `cannot write in '${dir}': ${(error as Error).message}`;
  }
}

/** Reasons a trash entry went back that the rules alone would not repeat. */
const HELD_BACK: ReadonlySet<string> = new Set([
  "not-put-in-trash-by-tool",
  "git-refused",
  "rescue-failed",
]);

/** What the checks in the trash share. */
interface Safety {
  ctx: GatherContext;
  mainRoot: string;
  commonDir: string;
  nowMs: number;
  /** Worktree folder to admin folder, read before acting. */
  adminDirs?: Map<string, string>;
  /** Trash path to the rescue ref saved for it. */
  lastRescue: Map<string, string>;
  /** Trash path to the bytes its judgement there measured. */
  measured: Map<string, number>;
}

/** What `git worktree remove` would refuse on, for the plan. */
async function refusalFacts(
  path: string,
  adminDir: string | undefined,
  knownGitlinks?: string[],
): Promise<RefusalFacts> {
  if (!adminDir) return { pointsBack: false, gitlinks: [] };
  const [pointsBack, gitlinks] = await Promise.all([
    gitFilePointsBack(path, adminDir),
    // The listing its hidden changes were read from holds them already.
    knownGitlinks ?? indexGitlinks(path, adminDir),
  ]);
  return { pointsBack, gitlinks };
}

/** The admin folder a worktree's `.git` file names, when it names one back. */
async function adminDirOf(path: string): Promise<string | undefined> {
  const named = await readGitFile(join(path, ".git"));
  return named && await gitFilePointsBack(path, named) ? named : undefined;
}

/** The reason in a worktree's `locked` file; `undefined` when unlocked. */
async function lockReasonOf(adminDir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(adminDir, "locked"), "utf8")).trim();
  } catch {
    return undefined;
  }
}

/**
 * The worktree as git would list it now, read from its admin folder: its
 * HEAD (branch or commit) and its lock. From the files where they are
 * plain, else one `rev-parse`; never a whole list.
 */
async function currentRecord(
  path: string,
  adminDir: string,
  commonDir: string,
): Promise<WorktreeRecord | string> {
  const [files, lockReason] = await Promise.all([
    readHeadFiles(adminDir, commonDir),
    lockReasonOf(adminDir),
  ]);
  if (files) {
    return {
      path,
      head: files.sha,
      branchRef: files.branchRef,
      detached: files.branchRef === undefined,
      bare: false,
      lockReason,
    };
  }
  const head = await runGit(
    ["rev-parse", "HEAD", "--symbolic-full-name", "HEAD"],
    { cwd: path, env: isolatedEnv(adminDir, path) },
  );
  const [sha, symbolic] = head.stdout.split("\n");
  const unborn = head.code !== 0;
  let branchRef: string | undefined;
  if (unborn) {
    const ref = await runGit(["symbolic-ref", "-q", "HEAD"], {
      cwd: path,
      env: isolatedEnv(adminDir, path),
    });
    if (ref.code !== 0) {
      return `cannot read its HEAD: ${describeGitFailure(head)}`;
    }
    branchRef = ref.stdout.trim();
  } else if (symbolic && symbolic !== "HEAD") branchRef = symbolic;
  return {
    path,
    head: unborn ? undefined : sha,
    branchRef,
    detached: !unborn && branchRef === undefined,
    bare: false,
    lockReason,
  };
}

function changed(reasons: readonly Reason[]): Reason {
  return {
    code: "changed-during-cleanup",
    message: `changed during cleanup, so it was put back whole: ${
      reasons.map((r) => r.message).join("; ")
    }`,
  };
}

/**
 * Judges a worktree again in the trash, with every rule, right before it
 * is deleted. A different HEAD or branch tip than was judged counts as a
 * change too: the branch facts read before do not describe it.
 */
async function recheckWorktree(
  safety: Safety,
  judged: WorktreeRecord,
  trashPath: string,
): Promise<Reason | undefined> {
  const reasons = await judgeWorktreeAt(safety, trashPath, judged);
  return reasons.length > 0 ? changed(reasons) : undefined;
}

async function judgeWorktreeAt(
  safety: Safety,
  path: string,
  judged: WorktreeRecord | undefined,
): Promise<Reason[]> {
  const adminDir = await adminDirOf(path);
  if (!adminDir) {
    return [{
      code: "unreadable-git",
      message: "its .git file does not name an admin folder that names it back",
    }];
  }
  const record = await currentRecord(path, adminDir, safety.commonDir);
  if (typeof record === "string") return [{ code: "unknown", message: record }];
  if (
    judged &&
    (record.head !== judged.head || record.branchRef !== judged.branchRef)
  ) {
    return [{ code: "unknown", message: "its HEAD moved" }];
  }
  const refs = safety.ctx.refs;
  if (
    record.branchRef && !(refs instanceof Error) &&
    refs.branches.get(record.branchRef.replace(/^refs\/heads\//, ""))?.sha !==
      record.head
  ) {
    return [{ code: "unknown", message: "its branch moved" }];
  }
  const facts = await gatherWorktreeFacts(freshContext(safety), record).catch((
    error: Error,
  ): WorktreeFacts => ({
    path,
    branch: null,
    detached: record.detached,
    missing: false,
    isSymlink: false,
    contained: true,
    isCurrent: false,
    errors: [error.message],
  }));
  if (facts.contents?.bytes !== undefined) {
    safety.measured.set(path, facts.contents.bytes);
  }
  const planned = planWorktree(
    {
      facts,
      refusal: await refusalFacts(path, adminDir, facts.contents?.gitlinks),
    },
    [],
    safety.nowMs,
    0,
  );
  return planned.action === "remove"
    ? []
    : planned.reasons.length > 0
    ? planned.reasons
    : [{ code: "unknown", message: "it may no longer be removed" }];
}

/**
 * The context a judgement in the trash reads its facts with: no witness
 * stands in for a status (witnesses only ever keep, but the entry in the
 * trash is not where they were seen), and the mount table is read afresh.
 */
function freshContext(safety: Safety): GatherContext {
  return {
    ...safety.ctx,
    witnesses: undefined,
    mountTable: undefined,
    measureBytes: true,
  };
}

/** Judges a registered worktree found in the trash by an earlier run. */
function judgeWorktreeInTrash(
  safety: Safety,
  entry: string,
): Promise<Reason[]> {
  return judgeWorktreeAt(safety, entry, undefined);
}

/** Judges an orphan found in the trash, or moved there, by every rule. */
async function judgeOrphanInTrash(
  safety: Safety,
  entry: string,
): Promise<Reason[]> {
  const facts = await gatherOrphanFacts(freshContext(safety), entry).catch((
    error: Error,
  ): OrphanFacts => ({
    path: entry,
    kind: "plain",
    otherFilesystem: false,
    errors: [error.message],
  }));
  return planOrphan(facts).reasons;
}

async function recheckOrphan(
  safety: Safety,
  trashPath: string,
): Promise<Reason | undefined> {
  const reasons = await judgeOrphanInTrash(safety, trashPath);
  return reasons.length > 0 ? changed(reasons) : undefined;
}

/** What the journal says about a worktree being removed. */
interface Judged {
  record: WorktreeRecord;
  facts: WorktreeFacts;
  lastActivityMs?: number;
  originalPath: string;
}

/**
 * Saves a worktree's HEAD and own refs as rescue refs and journals the
 * removal, right before deletion. A failure keeps the worktree.
 */
async function rescueBeforeDelete(
  safety: Safety,
  trashPath: string,
  judged: Judged | undefined,
): Promise<Reason | undefined> {
  const adminDir = await adminDirOf(trashPath);
  if (!adminDir) {
    return { code: "rescue-failed", message: "cannot find its admin folder" };
  }
  const name = originalName(basename(trashPath));
  const record = judged?.record ??
    await currentRecord(trashPath, adminDir, safety.commonDir);
  const branch = typeof record === "string" || !record.branchRef
    ? null
    : record.branchRef.replace(/^refs\/heads\//, "");
  try {
    const rescue = await rescueWorktree(
      safety.mainRoot,
      trashPath,
      adminDir,
      branch,
      rescuePrefix(rescueName(name), Date.now()),
      safety.commonDir,
    );
    const facts = judged?.facts;
    await appendJournal(safety.commonDir, {
      v: 1,
      time: new Date().toISOString(),
      kind: "worktree",
      name,
      path: judged?.originalPath ?? join(safety.ctx.worktreesDir, name),
      branch,
      head: rescue.head,
      rescue_prefix: rescue.prefix,
      refs: rescue.refs,
      facts: {
        integration_check: facts?.integration ?? null,
        upstream: facts?.upstream ?? null,
        changes: facts?.changes ?? null,
        unique_ignored: facts?.uniqueIgnored ?? null,
        last_activity_at: judged?.lastActivityMs === undefined
          ? null
          : new Date(judged.lastActivityMs).toISOString(),
        rechecked_in_trash: true,
      },
    });
    if (rescue.head) safety.lastRescue.set(trashPath, `${rescue.prefix}/HEAD`);
    return undefined;
  } catch (error) {
    return rescueFailed(error);
  }
}

/** Why nothing may be deleted: the way back could not be saved. */
function rescueFailed(error: unknown): Reason {
  return {
    code: "rescue-failed",
    message: `cannot save a way back: ${(error as Error).message}`,
  };
}

/** Saves a clone's refs and objects in rescue refs before it is deleted. */
async function rescueOrphanBeforeDelete(
  safety: Safety,
  trashPath: string,
  originalPath?: string,
): Promise<Reason | undefined> {
  const dotGit = await lstatOrUndefined(join(trashPath, ".git"));
  if (!dotGit?.isDirectory()) return undefined; // Nothing of git to save.
  const name = originalName(basename(trashPath));
  try {
    const rescue = await rescueClone(
      safety.mainRoot,
      trashPath,
      rescuePrefix(rescueName(name), Date.now()),
    );
    await appendJournal(safety.commonDir, {
      v: 1,
      time: new Date().toISOString(),
      kind: "clone",
      name,
      path: originalPath ?? join(safety.ctx.worktreesDir, name),
      branch: null,
      head: rescue.head,
      rescue_prefix: rescue.prefix,
      refs: rescue.refs,
      facts: { rechecked_in_trash: true },
    });
    return undefined;
  } catch (error) {
    return rescueFailed(error);
  }
}

/**
 * What `git branch -d` will do, for the dry run: it deletes a branch that
 * its upstream holds, or, without an upstream, the HEAD of the main
 * worktree it runs in.
 */
async function predictBranchDelete(
  mainRoot: string,
  branch: string,
  outcome: WorktreeOutcome,
): Promise<void> {
  const ref = `refs/heads/${branch}`;
  const upstream = await runGit(
    [
      "rev-parse",
      "--verify",
      "-q",
      "--symbolic-full-name",
      `${ref}@{upstream}`,
    ],
    { cwd: mainRoot },
  );
  const into = upstream.code === 0 && upstream.stdout.trim()
    ? upstream.stdout.trim()
    : "HEAD";
  const merged = await runGit(["merge-base", "--is-ancestor", ref, into], {
    cwd: mainRoot,
  });
  outcome.branch_deleted = merged.code === 0;
  if (merged.code !== 0) {
    outcome.branch_note =
      `branch '${branch}' would be kept: git branch -d would refuse: it is not fully merged into '${into}'`;
  }
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
