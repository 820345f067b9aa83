/**
 * The last line of defence: before a registered worktree or a clone is
 * deleted, its HEAD and each ref only it holds are saved under
 * `refs/mpm-session/rescue/<name>/<stamp>/…` in the main repository, and
 * a line is appended to the journal (`<common dir>/mpm-session/journal.jsonl`).
 * Rescue refs expire after `rescueDays` (30 by default); each cleanup
 * deletes the expired ones.
 *
 * @module
 */

import { appendFile, readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describeGitFailure, runGit } from "../gather/git.ts";
import { readHeadFiles } from "../gather/head_file.ts";
import { type JournalEntry, journalPath } from "../gather/journal.ts";
import { ensureStateDir, stateDir } from "./state.ts";
import { writeFileAtomic } from "./write.ts";

/** Where rescue refs live. */
export const RESCUE_REF_ROOT = "refs/mpm-session/rescue";

/** Days a rescue ref is kept by default. */
export const DEFAULT_RESCUE_DAYS = 30;

/** A folder name made safe as one ref path component. */
export function rescueName(path: string): string {
  const name = basename(path).replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, "-").replace(/^[.-]+|[.]+$/g, "")
    .replace(/\.lock$/, "-lock");
  return name === "" ? "worktree" : name.slice(0, 100);
}

/**
 * The ref prefix for one removal: `<root>/<name>/<unix seconds>-<random>`.
 * The random part keeps two removals of similar names in one second (`a b`
 * and `a-b` share a safe name) from overwriting each other's refs.
 */
export function rescuePrefix(name: string, nowMs: number): string {
  const unique = Math.random().toString(36).slice(2, 8);
  return `${RESCUE_REF_ROOT}/${name}/${Math.floor(nowMs / 1000)}-${unique}`;
}

/** What a rescue saved. */
export interface Rescue {
  /** The prefix every saved ref starts with. */
  prefix: string;
  /** Saved ref (full name) to commit. */
  refs: Record<string, string>;
  /** The HEAD commit, `null` when unborn. */
  head: string | null;
}

function parseRefs(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) out.set(line.slice(space + 1), line.slice(0, space));
  }
  return out;
}

/**
 * Saves a registered worktree's HEAD, its branch tip and its own refs
 * (`refs/worktree/*`, `refs/bisect/*`, which go with it) as rescue refs.
 *
 * @throws {Error} when they cannot be written: the worktree then stays.
 */
export async function rescueWorktree(
  mainRoot: string,
  worktreePath: string,
  adminDir: string,
  branch: string | null,
  prefix: string,
  commonDir?: string,
): Promise<Rescue> {
  const env = {
    GIT_DIR: adminDir,
    GIT_WORK_TREE: worktreePath,
    GIT_CEILING_DIRECTORIES: dirname(worktreePath),
  };
  const [files, own] = await Promise.all([
    commonDir === undefined
      ? Promise.resolve(undefined)
      : readHeadFiles(adminDir, commonDir),
    perWorktreeRefs(adminDir),
  ]);
  // HEAD from its files where they are plain, as git would read it.
  const sha = files?.sha ?? await headCommit(worktreePath, env);
  const refs: Record<string, string> = {};
  if (sha) {
    refs[`${prefix}/HEAD`] = sha;
    if (branch) refs[`${prefix}/refs/heads/${branch}`] = sha;
  }
  for (const [ref, target] of own) {
    refs[`${prefix}/${ref}`] = target;
  }
  await writeRefs(mainRoot, refs);
  return { prefix, refs, head: sha };
}

/** HEAD's commit as git resolves it; `null` when unborn or unreadable. */
async function headCommit(
  worktreePath: string,
  env: Record<string, string>,
): Promise<string | null> {
  const head = await runGit(["rev-parse", "-q", "--verify", "HEAD^{commit}"], {
    cwd: worktreePath,
    env,
  });
  return head.code === 0 ? head.stdout.trim() : null;
}

/**
 * The worktree's own refs (`refs/worktree/*`, `refs/bisect/*`), read from
 * its admin folder: git keeps them there as loose files and never packs
 * them, and they go when the worktree goes.
 */
async function perWorktreeRefs(
  adminDir: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string, ref: string, depth: number) => {
    if (depth > 20) throw new Error(`refs nested too deep under '${dir}'`);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return;
      throw error;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path, `${ref}/${e.name}`, depth + 1);
      else if (e.isFile()) {
        const text = (await readFile(path, "utf8")).trim();
        if (/^[0-9a-f]{40,64}$/.test(text)) out.set(`${ref}/${e.name}`, text);
      }
    }
  };
  await walk(join(adminDir, "refs", "worktree"), "refs/worktree", 0);
  await walk(join(adminDir, "refs", "bisect"), "refs/bisect", 0);
  return out;
}

async function writeRefs(
  mainRoot: string,
  refs: Record<string, string>,
): Promise<void> {
  const lines = Object.entries(refs).map(([ref, sha]) =>
    `update ${ref} ${sha}\n`
  );
  if (lines.length === 0) return;
  const result = await runGit(["update-ref", "--stdin"], {
    cwd: mainRoot,
    readOnly: false,
    stdin: lines.join(""),
  });
  if (result.code !== 0) {
    throw new Error(`cannot write rescue refs: ${describeGitFailure(result)}`);
  }
}

/**
 * Fetches every ref of a clone (and its HEAD) into the main repository's
 * rescue refs, objects included, so they outlive the clone.
 *
 * @throws {Error} when the fetch fails: the clone then stays.
 */
export async function rescueClone(
  mainRoot: string,
  clonePath: string,
  prefix: string,
): Promise<Rescue> {
  const env = {
    GIT_DIR: `${clonePath}/.git`,
    GIT_CEILING_DIRECTORIES: dirname(clonePath),
  };
  const head = await runGit(["rev-parse", "-q", "--verify", "HEAD^{commit}"], {
    cwd: clonePath,
    env,
  });
  const sha = head.code === 0 ? head.stdout.trim() : null;
  const specs = [`+refs/*:${prefix}/refs/*`];
  if (sha) specs.push(`+HEAD:${prefix}/HEAD`);
  const fetched = await runGit([
    "-c",
    "gc.auto=0",
    "-c",
    "fetch.writeCommitGraph=false",
    "fetch",
    "--quiet",
    "--no-tags",
    "--no-write-fetch-head",
    "--no-recurse-submodules",
    `${clonePath}/.git`,
    ...specs,
  ], { cwd: mainRoot, readOnly: false });
  if (fetched.code !== 0) {
    throw new Error(
      `cannot fetch it into rescue refs: ${describeGitFailure(fetched)}`,
    );
  }
  const listed = await runGit([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    `${prefix}/`,
  ], { cwd: mainRoot });
  return {
    prefix,
    refs: Object.fromEntries(parseRefs(listed.stdout)),
    head: sha,
  };
}

/** Appends one line to the journal, and notes the rescue for expiry. */
export async function appendJournal(
  commonDir: string,
  entry: JournalEntry,
): Promise<void> {
  await ensureStateDir(commonDir);
  await appendFile(journalPath(commonDir), JSON.stringify(entry) + "\n");
  const stamp = stampOf(entry.rescue_prefix.slice(RESCUE_REF_ROOT.length + 1));
  if (stamp !== undefined) await noteRescue(commonDir, stamp);
}

/**
 * When the next expiry can find anything, kept in
 * `<state>/rescue-expiry.json`: the stamp of the oldest rescue ref held
 * (`null` for none) and when that was last read from the refs. Thousands
 * of loose rescue refs make listing them cost tens of milliseconds, so a
 * run lists them only when the oldest may have expired, and at least once
 * a day (a ref an older version wrote is not noted here). A missing or
 * damaged file only means the refs are listed.
 */
interface ExpiryNote {
  oldest: number | null;
  checked: number;
}

const EXPIRY_FILE = "rescue-expiry.json";
const DAY_SECONDS = 86400;

async function readExpiryNote(
  commonDir: string,
): Promise<ExpiryNote | undefined> {
  try {
    const note = JSON.parse(
      await readFile(join(stateDir(commonDir), EXPIRY_FILE), "utf8"),
    );
    const valid = typeof note?.checked === "number" &&
      (note.oldest === null || typeof note.oldest === "number");
    return valid ? note : undefined;
  } catch {
    return undefined;
  }
}

async function writeExpiryNote(
  commonDir: string,
  note: ExpiryNote,
): Promise<void> {
  await ensureStateDir(commonDir);
  await writeFileAtomic(
    join(stateDir(commonDir), EXPIRY_FILE),
    JSON.stringify(note) + "\n",
  );
}

/** A rescue was written now: the oldest held is at most its stamp. */
async function noteRescue(commonDir: string, stamp: number): Promise<void> {
  const note = await readExpiryNote(commonDir);
  if (!note || (note.oldest !== null && note.oldest <= stamp)) return;
  await writeExpiryNote(commonDir, { ...note, oldest: stamp }).catch(() => {});
}

/** The stamp in `<name>/<stamp>-<unique>/...`, seconds since the epoch. */
function stampOf(underRoot: string): number | undefined {
  const segment = underRoot.split("/")[1] ?? "";
  return /^\d+(-|$)/.test(segment) ? parseInt(segment, 10) : undefined;
}

/**
 * Deletes rescue refs older than `days`, by the stamp in their name. With
 * `commonDir`, the refs are listed only when the note of the oldest says
 * one may be due (see {@link ExpiryNote}).
 *
 * @returns how many refs were deleted.
 */
export async function expireRescueRefs(
  mainRoot: string,
  days: number,
  nowMs: number = Date.now(),
  commonDir?: string,
): Promise<number> {
  const now = nowMs / 1000;
  const cutoff = now - days * DAY_SECONDS;
  const note = commonDir === undefined
    ? undefined
    : await readExpiryNote(commonDir);
  if (
    note && note.checked > now - DAY_SECONDS && note.checked <= now &&
    (note.oldest === null || note.oldest >= cutoff)
  ) return 0;
  const listed = await runGit([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    `${RESCUE_REF_ROOT}/`,
  ], { cwd: mainRoot });
  if (listed.code !== 0) return 0;
  const expired: string[] = [];
  let oldest: number | null = null;
  for (const [ref] of parseRefs(listed.stdout)) {
    const stamp = stampOf(ref.slice(RESCUE_REF_ROOT.length + 1));
    if (stamp === undefined) continue;
    if (stamp < cutoff) expired.push(ref);
    else if (oldest === null || stamp < oldest) oldest = stamp;
  }
  let deleted = 0;
  if (expired.length > 0) {
    const result = await runGit(["update-ref", "--stdin"], {
      cwd: mainRoot,
      readOnly: false,
      stdin: expired.map((r) => `delete ${r}\n`).join(""),
    });
    if (result.code !== 0) return 0; // listed again next run
    deleted = expired.length;
  }
  if (commonDir !== undefined) {
    await writeExpiryNote(commonDir, { oldest, checked: Math.floor(now) })
      .catch(() => {});
  }
  return deleted;
}
