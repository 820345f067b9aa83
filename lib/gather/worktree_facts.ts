/**
 * Gathers the facts the cleanup decides on, for registered worktrees and
 * for orphaned directories. Every git call judges a directory by its own
 * repository only: `GIT_DIR` is set and `GIT_CEILING_DIRECTORIES` stops git
 * from falling through to the enclosing repository.
 *
 * @module
 */

import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { mountPoints } from "./nested.ts";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type {
  ChangeCounts,
  OrphanFacts,
  WorktreeFacts,
} from "../decide/classify.ts";
import { hasChanges, isDisposableIgnored } from "../decide/classify.ts";
import {
  isSameOrInside,
  isStrictlyInside,
  TRASH_NAME,
} from "../decide/containment.ts";
import { describeGitFailure, type GitResult, runGit } from "./git.ts";
import { integrationOf, knownIntegration, type RefFacts } from "./branches.ts";
import type { IntegrationMemo } from "./integration_memo.ts";
import { uniqueIgnoredFiles } from "./ignored.ts";
import { gatherContents } from "./contents.ts";
import { type HiddenConfig, isCaseSensitive } from "./hidden_changes.ts";
import { foreignOwned } from "./ownership.ts";
import { isToolSessionFile } from "../decide/tool_files.ts";
import {
  isProcessAlive,
  pidFromLockReason,
  type ProcessCwds,
  processesInside,
} from "./processes.ts";
import { operationInProgress } from "./repo.ts";
import {
  type ParsedStatus,
  parsePorcelainV2,
  statusArgs,
  type StatusArgsOptions,
} from "./status_parse.ts";
import { shortBranchName, type WorktreeRecord } from "./worktree_list_parse.ts";
import {
  pickWitness,
  takeWitness,
  type Witness,
  witnessHolds,
  type WitnessKind,
  type WitnessPlace,
  type WitnessStore,
} from "./witnesses.ts";

/** What every fact-gathering call shares. */
export interface GatherContext {
  /** The main worktree's root. */
  mainRoot: string;
  /** `.claude/worktrees` as written (for paths whose directory is gone). */
  worktreesDir: string;
  /** Real path of `.claude/worktrees`. */
  worktreesDirReal: string;
  /** Device of `.claude/worktrees`, to notice mount points. */
  worktreesDev: number;
  /** Real path of the directory the command runs in. */
  cwdReal: string;
  /** Branch facts for the whole repository, or the error reading them. */
  refs: RefFacts | Error;
  /** Branch tips known not to be integrated, and those found now. */
  integrationMemo?: IntegrationMemo;
  /** Process working directories, read on first call. */
  processes: () => Promise<ProcessCwds>;
  /** Ignored names that count as rebuildable caches. */
  disposableIgnored: readonly string[];
  /**
   * Whether enough statuses run at once to keep every core busy. git's own
   * threads for reading the index then only compete with each other.
   */
  manyStatusesAtOnce?: boolean;
  /**
   * Witnesses of changes seen in earlier runs, and those found now; with
   * `commonDir`. Unset where nothing may be taken for granted.
   */
  witnesses?: WitnessStore;
  /** The repository's common git directory, for witnesses. */
  commonDir?: string;
  /**
   * The config hidden changes depend on, read once for every worktree;
   * unset where worktrees may read different values (each is then asked).
   */
  sharedConfig?: HiddenConfig;
  /**
   * The mount table, read once for the judgements that share this context;
   * a context made for a re-check leaves it unset to read it afresh.
   */
  mountTable?: Promise<string[]>;
  /**
   * Whether the walk of a candidate counts its bytes (for the report);
   * unset counts them.
   */
  measureBytes?: boolean;
}

/** The mount points of the system, read once per context. */
export function mountTableOf(ctx: GatherContext): Promise<string[]> {
  ctx.mountTable ??= mountPoints();
  return ctx.mountTable;
}

/**
 * The status every worktree and clone is judged by, plus `extra`. Ahead
 * and behind come from one for-each-ref for all branches instead; renames
 * are not needed to tell whether anything changed.
 */
function statusArgsFor(
  ctx: GatherContext,
  extra: StatusArgsOptions = {},
  caseSensitive = true,
): string[] {
  return [
    ...(ctx.manyStatusesAtOnce ? ["-c", "core.preloadIndex=false"] : []),
    // On a file system that tells case apart, core.ignoreCase=true makes
    // status take an untracked 'F1.TXT' for the tracked 'f1.txt'.
    ...(caseSensitive ? ["-c", "core.ignoreCase=false"] : []),
    ...statusArgs({
      branch: true,
      aheadBehind: false,
      ignored: true,
      renames: false,
      ...extra,
    }),
  ];
}

/**
 * Environment that makes git judge `workTree` by its own repository only:
 * `GIT_DIR` is explicit and git never looks above the folder's parent.
 */
export function isolatedEnv(
  gitDir: string,
  workTree: string,
): Record<string, string> {
  return {
    GIT_DIR: gitDir,
    GIT_WORK_TREE: workTree,
    GIT_CEILING_DIRECTORIES: dirname(workTree),
  };
}

function counts(status: ParsedStatus): ChangeCounts {
  return {
    staged: status.staged.length,
    modified: status.modified.length,
    untracked: status.untracked.length,
    conflicted: status.conflicted.length,
  };
}

/**
 * Why a status cannot be trusted, if it cannot. git reports some problems
 * (a folder it cannot open) only as a warning on stderr and still exits 0,
 * so anything on stderr makes the status unknown.
 */
export function statusFailure(status: GitResult): string | undefined {
  if (status.code !== 0) {
    return `git status failed: ${describeGitFailure(status)}`;
  }
  if (status.stderr.trim() !== "") {
    return `git status warned: ${describeGitFailure(status)}`;
  }
  return undefined;
}

/**
 * The status without the tool's own session files (`.claude-mpm/`, written
 * by older versions): untracked or ignored, they are disposable. An
 * ignored folder is dropped only when every file in it is one of them.
 */
async function withoutToolFiles(
  root: string,
  parsed: ParsedStatus,
): Promise<ParsedStatus> {
  const ignored: string[] = [];
  for (const p of parsed.ignored) {
    if (
      p.endsWith("/") && p.startsWith(".claude-mpm/") || p === ".claude-mpm/"
    ) {
      const files = await listFiles(join(root, p), p).catch(() => undefined);
      if (files && files.every(isToolSessionFile)) continue;
    } else if (isToolSessionFile(p)) continue;
    ignored.push(p);
  }
  return {
    ...parsed,
    untracked: parsed.untracked.filter((p) => !isToolSessionFile(p)),
    ignored,
  };
}

/** Files below `dir` (named `rel/...`), at most 1000; symlinks count as files. */
async function listFiles(dir: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  const stack: [string, string][] = [[dir, rel.replace(/\/$/, "")]];
  while (stack.length > 0) {
    const [abs, r] = stack.pop()!;
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      if (out.length > 1000) throw new Error("too many files");
      if (entry.isDirectory()) {
        stack.push([join(abs, entry.name), `${r}/${entry.name}`]);
      } else out.push(`${r}/${entry.name}`);
    }
  }
  return out;
}

/** Reads the `gitdir:` line of a `.git` file. */
export function readGitFile(dotGit: string): Promise<string | undefined> {
  return Promise.resolve(readGitFileSync(dotGit));
}

/**
 * {@link readGitFile}, synchronously: it is read for every worktree on
 * every run, and a read this small costs less than its promise.
 */
export function readGitFileSync(dotGit: string): string | undefined {
  try {
    const text = readFileSync(dotGit, "utf8");
    if (!text.startsWith("gitdir: ")) return undefined;
    // Only the final newline ends the path: a path may hold newlines.
    const target = text.slice("gitdir: ".length).replace(/\r?\n$/, "");
    if (target === "") return undefined;
    return isAbsolute(target) ? target : resolve(dirname(dotGit), target);
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether a worktree has initialised submodules. */
async function hasInitialisedSubmodules(
  root: string,
  gitDir: string,
): Promise<boolean> {
  if (await exists(join(gitDir, "modules"))) return true;
  let text: string;
  try {
    text = await readFile(join(root, ".gitmodules"), "utf8");
  } catch {
    return false;
  }
  const paths = [...text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)].map((m) =>
    m[1]
  );
  for (const path of paths) {
    if (await exists(join(root, path, ".git"))) return true;
  }
  return false;
}

/** Gathers the facts for one registered worktree. */
export async function gatherWorktreeFacts(
  ctx: GatherContext,
  record: WorktreeRecord,
): Promise<WorktreeFacts> {
  const path = record.path;
  const branch = record.branchRef ? shortBranchName(record.branchRef) : null;
  const facts: WorktreeFacts = {
    path,
    branch,
    detached: record.detached,
    missing: false,
    isSymlink: false,
    contained: isStrictlyInside(ctx.worktreesDir, resolve(path)),
    isCurrent: false,
    errors: [],
  };
  if (record.undecodable) {
    // The path shown is escaped and names no real folder: never read it.
    facts.errors.push(
      "its path or branch name is not valid UTF-8 (shown escaped): kept, never guessed at",
    );
    facts.deepChecksSkipped = true;
    return facts;
  }
  if (record.lockReason !== undefined) {
    facts.lockReason = record.lockReason;
    const pid = pidFromLockReason(record.lockReason);
    if (pid !== undefined && !isProcessAlive(pid)) facts.stalePid = pid;
  }
  let info;
  try {
    // Synchronous, as the next few: they run for every worktree.
    info = lstatSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") {
      facts.missing = true;
      if (record.detached && record.head) {
        facts.unreferencedCommits = await unreferenced(
          ctx.mainRoot,
          record.head,
        );
      } else {
        facts.unreferencedCommits = false;
      }
      return facts;
    }
    facts.errors.push(`cannot read the directory: ${(error as Error).message}`);
    return facts;
  }
  if (info.isSymbolicLink()) {
    facts.isSymlink = true;
    return facts;
  }
  let real: string;
  try {
    real = realpathSync(path);
    facts.contained = isStrictlyInside(ctx.worktreesDirReal, real);
    facts.isCurrent = isSameOrInside(real, ctx.cwdReal);
  } catch (error) {
    facts.errors.push(`cannot resolve the path: ${(error as Error).message}`);
    return facts;
  }
  if (
    info.dev !== ctx.worktreesDev || (await mountTableOf(ctx)).includes(real)
  ) {
    facts.errors.push("is on another file system (a mount point)");
  }
  if (facts.contained) {
    const rel = relative(ctx.worktreesDirReal, real).split(sep);
    // The tool's trash holds its entries side by side: an entry judged
    // again there is not enclosed by the trash folder.
    const inTrash = rel.length === 2 && rel[0] === TRASH_NAME;
    if (rel.length > 1 && !inTrash) {
      facts.enclosedBy = join(ctx.worktreesDir, rel[0]);
    }
  }
  if (
    facts.enclosedBy !== undefined ||
    facts.lockReason !== undefined || facts.isCurrent || !facts.contained
  ) {
    // Each of these keeps the worktree whatever its contents hold, and the
    // status of a large worktree is the costliest fact to read.
    facts.deepChecksSkipped = true;
    return facts;
  }
  const witnessed = heldWitness(ctx, record);
  if (witnessed !== undefined) {
    // The change seen last run is still there exactly as git saw it: it
    // keeps the worktree, so its status and contents need not be read.
    facts.witness = { kind: witnessed.kind, path: witnessed.path };
    facts.deepChecksSkipped = true;
    return facts;
  }
  if (branch !== null && !facts.detached) {
    if (ctx.refs instanceof Error) {
      facts.errors.push(`cannot read branches: ${ctx.refs.message}`);
    } else if (await branchKeepsIt(ctx, ctx.refs, branch, facts)) {
      // Unpushed or unintegrated commits keep the worktree as surely as a
      // lock does, and learning that costs at most two small git calls
      // (none once the memo knows the tip); its status would cost more.
      facts.deepChecksSkipped = true;
      return facts;
    }
  }
  // Read once per run, and only when a worktree gets this far.
  facts.processes = processesInside(await ctx.processes(), real);
  if ((facts.processes?.length ?? 0) > 0) {
    facts.deepChecksSkipped = true;
    return facts;
  }
  const gitDir = await readGitFile(join(path, ".git"));
  if (!gitDir) {
    facts.errors.push("its .git file is missing or unreadable");
    return facts;
  }
  // Before any git call opens it: GIT_DIR skips git's own owner check.
  facts.foreignOwner = await foreignOwned([path, join(path, ".git"), gitDir]);
  if (facts.foreignOwner !== undefined) {
    facts.deepChecksSkipped = true;
    return facts;
  }
  const env = isolatedEnv(gitDir, path);
  const caseSensitive = await isCaseSensitive(path);
  const [status, operation, submodules, unref] = await Promise.all([
    runGit(statusArgsFor(ctx, {}, caseSensitive), { cwd: path, env }),
    operationInProgress(gitDir).catch(() => undefined),
    hasInitialisedSubmodules(path, gitDir).catch(() => undefined),
    facts.detached || branch === null
      ? (record.head
        ? unreferenced(ctx.mainRoot, record.head)
        : Promise.resolve(undefined))
      : Promise.resolve(undefined),
  ]);
  facts.operation = operation;
  facts.submodules = submodules;
  facts.unreferencedCommits = unref;
  const statusProblem = statusFailure(status);
  if (statusProblem) {
    facts.errors.push(statusProblem);
  } else {
    try {
      const parsed = await withoutToolFiles(
        path,
        parsePorcelainV2(status.stdout, { expectBranchHeaders: true }),
      );
      facts.changes = counts(parsed);
      facts.uniqueIgnored = await uniqueIgnoredFiles(
        path,
        ctx.mainRoot,
        parsed.ignored,
        ctx.disposableIgnored,
      ).catch(() => undefined);
      rememberWitness(ctx, record, gitDir, parsed, facts.uniqueIgnored);
    } catch (error) {
      facts.errors.push((error as Error).message);
    }
  }
  if (keptByStatus(facts)) {
    // Status is read first because it alone keeps most worktrees with
    // work; what it does not show could only add reasons to keep.
    facts.contentsSkipped = true;
    return facts;
  }
  const contents = await gatherContents(path, {
    gitDir,
    env,
    refsRepo: ctx.mainRoot,
    head: record.head,
    config: ctx.sharedConfig,
    mounts: mountTableOf(ctx),
    measure: ctx.measureBytes ?? true,
  });
  facts.contents = contents.contents;
  facts.errors.push(...contents.errors);
  return facts;
}

/**
 * Whether what was read with the status (changes, unique ignored files,
 * submodules, an operation in progress) keeps the worktree for certain.
 * Unknown facts do not count: they keep it too, but the contents are
 * still read so the report can tell all that was found.
 */
function keptByStatus(facts: WorktreeFacts): boolean {
  const changed = facts.changes !== undefined && hasChanges(facts.changes);
  return changed || (facts.uniqueIgnored?.length ?? 0) > 0 ||
    facts.submodules === true ||
    (facts.operation !== undefined && facts.operation !== null);
}

function witnessPlace(
  ctx: GatherContext,
  worktree: string,
  gitDir: string,
): WitnessPlace | undefined {
  if (ctx.commonDir === undefined) return undefined;
  return {
    worktree,
    gitDir,
    commonDir: ctx.commonDir,
    mainRoot: ctx.mainRoot,
  };
}

/**
 * The witness remembered for this worktree, when it still holds; it is
 * carried into the witnesses this run found.
 */
function heldWitness(
  ctx: GatherContext,
  record: WorktreeRecord,
): Witness | undefined {
  const store = ctx.witnesses;
  const witness = store?.known.get(record.path);
  if (!store || !witness || !record.head) return undefined;
  // Names counted as caches in this run are not work, whatever was seen.
  if (
    witness.kind === "ignored" &&
    isDisposableIgnored(witness.path, ctx.disposableIgnored)
  ) return undefined;
  const gitDir = readGitFileSync(join(record.path, ".git"));
  if (!gitDir) return undefined;
  const place = witnessPlace(ctx, record.path, gitDir);
  if (!place || !witnessHolds(witness, place, record.head)) {
    return undefined;
  }
  store.found.set(record.path, witness);
  return witness;
}

/**
 * After a full check kept the worktree for a change, remembers one path
 * that showed it. Only a change of the status, or an ignored file found
 * nowhere else, is remembered: what the other checks found is read afresh.
 */
function rememberWitness(
  ctx: GatherContext,
  record: WorktreeRecord,
  gitDir: string,
  parsed: ParsedStatus,
  uniqueIgnored: string[] | undefined,
): void {
  const store = ctx.witnesses;
  const place = witnessPlace(ctx, record.path, gitDir);
  if (!store || !place || !record.head) return;
  let seen: { kind: WitnessKind; path: string } | undefined = pickWitness(
    parsed,
  );
  // A folder's lstat does not change when a file deep inside it does.
  const file = uniqueIgnored?.find((p) => !p.endsWith("/"));
  if (seen === undefined && file !== undefined) {
    seen = { kind: "ignored", path: file };
  }
  if (seen === undefined || seen.path.endsWith("/")) return;
  const witness = takeWitness(place, record.head, seen.kind, seen.path);
  if (witness) store.found.set(record.path, witness);
}

/**
 * Reads the branch's upstream and integration into `facts`, cheapest
 * first, and says whether they alone keep the worktree.
 */
async function branchKeepsIt(
  ctx: GatherContext,
  refs: RefFacts,
  branch: string,
  facts: WorktreeFacts,
): Promise<boolean> {
  const upstream = refs.branches.get(branch)?.upstream;
  facts.upstream = upstream;
  const known = await knownIntegration(refs, branch, ctx.integrationMemo);
  if (upstream && !upstream.gone && (upstream.ahead ?? 0) > 0) {
    // Kept already: the git calls for integration would change nothing.
    if (known === undefined) facts.integrationSkipped = true;
    else facts.integration = known;
    return true;
  }
  facts.integration = known !== undefined ? known : await integrationOf(
    ctx.mainRoot,
    refs,
    branch,
    ctx.integrationMemo,
  );
  return facts.integration === null;
}

/** Whether `sha` holds commits no branch, tag or remote-tracking ref holds. */
async function unreferenced(
  cwd: string,
  sha: string,
): Promise<boolean | undefined> {
  // Not --all: that counts every worktree's HEAD, this one's included.
  const result = await runGit(
    ["rev-list", "-n", "1", sha, "--not", "--branches", "--tags", "--remotes"],
    { cwd },
  );
  if (result.code !== 0) return undefined;
  return result.stdout.trim() !== "";
}

/** Gathers the facts for one child of `.claude/worktrees/` no worktree owns. */
export async function gatherOrphanFacts(
  ctx: GatherContext,
  path: string,
  options: { undecodable?: boolean } = {},
): Promise<OrphanFacts> {
  const facts: OrphanFacts = {
    path,
    kind: "plain",
    otherFilesystem: false,
    errors: [],
  };
  if (options.undecodable) {
    // `path` shows the name escaped; it names no real folder.
    facts.errors.push(
      "its name is not valid UTF-8 (shown escaped): kept, never guessed at",
    );
    return facts;
  }
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    facts.errors.push(`cannot read it: ${(error as Error).message}`);
    return facts;
  }
  if (info.isSymbolicLink()) return { ...facts, kind: "symlink" };
  if (!info.isDirectory()) return { ...facts, kind: "file" };
  facts.otherFilesystem = info.dev !== ctx.worktreesDev ||
    (await mountTableOf(ctx)).includes(
      await realpath(path).catch(() => path),
    );
  let dotGit;
  try {
    dotGit = await lstat(join(path, ".git"));
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") {
      facts.errors.push(`cannot read it: ${(error as Error).message}`);
      return facts;
    }
  }
  if (!dotGit) {
    try {
      facts.empty = (await readdir(path)).length === 0;
    } catch {
      facts.empty = undefined;
    }
    return facts;
  }
  if (!dotGit.isDirectory()) {
    facts.kind = "git-file";
    const target = dotGit.isFile()
      ? await readGitFile(join(path, ".git"))
      : undefined;
    if (target) {
      const check = await runGit(["rev-parse", "--git-dir"], {
        cwd: path,
        env: isolatedEnv(target, path),
      });
      facts.gitReadable = check.code === 0;
    } else {
      facts.gitReadable = false;
    }
    return facts;
  }
  facts.kind = "clone";
  await gatherCloneFacts(ctx, path, facts);
  return facts;
}

async function gatherCloneFacts(
  ctx: GatherContext,
  path: string,
  facts: OrphanFacts,
): Promise<void> {
  const gitDir = join(path, ".git");
  facts.foreignOwner = await foreignOwned([path, gitDir]);
  if (facts.foreignOwner !== undefined) return;
  const env = isolatedEnv(gitDir, path);
  const caseSensitive = await isCaseSensitive(path);
  const remotes = await trustedRemotes(ctx, path, env);
  const [status, unpushed, operation, nested, contents, borrowedBy] =
    await Promise.all([
      runGit(statusArgsFor(ctx, { stash: true }, caseSensitive), {
        cwd: path,
        env,
      }),
      // Every commit reachable from any of its refs (notes and stash too),
      // its HEAD or its reflogs must be on a remote-tracking ref of a remote
      // outside .claude/worktrees/; the outer repository does not count.
      remotes instanceof Error ? Promise.resolve(remotes) : runGit([
        "rev-list",
        "-n",
        "1",
        "--ignore-missing",
        "--all",
        "--reflog",
        ...(remotes.length > 0 ? ["--not"] : []),
        ...remotes.map((r) => `--remotes=${r}`),
      ], { cwd: path, env }),
      operationInProgress(gitDir).catch(() => undefined),
      Promise.all([
        readdir(join(gitDir, "worktrees")).then(
          (n) => n.length > 0,
          () => false,
        ),
        stat(join(gitDir, "modules")).then(() => true, () => false),
      ]).then(([a, b]) => a || b, () => undefined),
      gatherContents(path, { gitDir, env, mounts: mountTableOf(ctx) }),
      borrowersOf(ctx, path).catch(() => undefined),
    ]);
  facts.operation = operation;
  facts.nested = nested;
  facts.contents = contents.contents;
  facts.errors.push(...contents.errors);
  facts.borrowedBy = borrowedBy;
  if (unpushed instanceof Error) {
    facts.errors.push(unpushed.message);
  } else if (unpushed.code === 0) {
    facts.unpushedCommits = unpushed.stdout.trim() !== "";
  } else {
    facts.errors.push(
      `cannot compare with its remotes: ${describeGitFailure(unpushed)}`,
    );
  }
  const statusProblem = statusFailure(status);
  if (statusProblem) {
    facts.errors.push(statusProblem);
    return;
  }
  try {
    const parsed = parsePorcelainV2(status.stdout, {
      expectBranchHeaders: true,
    });
    facts.changes = counts(parsed);
    facts.stashCount = parsed.stashCount;
    facts.uniqueIgnored = await uniqueIgnoredFiles(
      path,
      ctx.mainRoot,
      parsed.ignored,
      ctx.disposableIgnored,
    ).catch(() => undefined);
  } catch (error) {
    facts.errors.push((error as Error).message);
  }
}

/**
 * The clone's remotes whose URL lives outside `.claude/worktrees/`: only
 * their remote-tracking refs prove a commit exists elsewhere.
 */
async function trustedRemotes(
  ctx: GatherContext,
  path: string,
  env: Record<string, string>,
): Promise<string[] | Error> {
  const result = await runGit(
    ["config", "-z", "--get-regexp", "^remote\\..*\\.url$"],
    { cwd: path, env },
  );
  if (result.code === 1) return []; // no remote at all
  if (result.code !== 0) {
    return new Error(`cannot read its remotes: ${describeGitFailure(result)}`);
  }
  const out: string[] = [];
  for (const record of result.stdout.split("\0")) {
    const newline = record.indexOf("\n");
    if (newline < 0) continue;
    const name = record.slice("remote.".length, newline - ".url".length);
    const url = record.slice(newline + 1);
    if (!/^[A-Za-z0-9._-]+$/.test(name)) continue; // not a safe pattern
    if (!await urlInside(url, path, ctx.worktreesDirReal)) out.push(name);
  }
  return out;
}

/** Whether a remote URL names a local folder inside `worktreesDir`. */
async function urlInside(
  url: string,
  clone: string,
  worktreesDir: string,
): Promise<boolean> {
  let local: string | undefined;
  if (url.startsWith("file://")) local = decodeURIComponent(url.slice(7));
  else if (isAbsolute(url) || url.startsWith(".")) local = resolve(clone, url);
  else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !/^[^/]+:/.test(url)) {
    local = resolve(clone, url); // a bare relative path
  }
  if (local === undefined) return false; // a network remote
  const real = await realpath(local).catch(() => resolve(local!));
  return isSameOrInside(worktreesDir, real);
}

const alternatesCache = new WeakMap<GatherContext, Promise<string[]>>();

/**
 * Object folders every known repository borrows: the main repository's
 * and each clone's under `.claude/worktrees/` (`objects/info/alternates`).
 * A repository elsewhere on disk that borrows from a clone cannot be known.
 */
function knownAlternates(ctx: GatherContext): Promise<string[]> {
  let found = alternatesCache.get(ctx);
  if (!found) {
    found = (async () => {
      const dotGit = join(ctx.mainRoot, ".git");
      const mainGit = (await lstat(dotGit).catch(() => undefined))
          ?.isDirectory()
        ? dotGit
        : await readGitFile(dotGit);
      const repos = mainGit ? [mainGit] : [];
      const names = await readdir(ctx.worktreesDirReal).catch(() => []);
      for (const name of names) {
        repos.push(join(ctx.worktreesDirReal, name, ".git"));
      }
      const out: string[] = [];
      for (const repo of repos) {
        const objects = join(repo, "objects");
        const text = await readFile(
          join(objects, "info", "alternates"),
          "utf8",
        ).catch(() => "");
        for (const line of text.split("\n")) {
          if (line === "" || line.startsWith("#")) continue;
          out.push(`${repo}\0${resolve(objects, line)}`);
        }
      }
      return out;
    })();
    alternatesCache.set(ctx, found);
  }
  return found;
}

/** Repositories whose alternates point into the clone at `path`. */
async function borrowersOf(
  ctx: GatherContext,
  path: string,
): Promise<string[]> {
  const real = await realpath(path);
  const out: string[] = [];
  for (const entry of await knownAlternates(ctx)) {
    const [repo, target] = entry.split("\0");
    if (isSameOrInside(real, repo)) continue; // its own
    const targetReal = await realpath(target).catch(() => target);
    if (isSameOrInside(real, targetReal)) out.push(repo);
  }
  return out;
}
