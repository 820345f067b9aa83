/**
 * Witnesses: for a worktree kept because it holds a change, one path that
 * showed the change, remembered so the next cleanup can confirm the change
 * with a few `lstat` calls instead of a full `git status` (and the content
 * checks behind it).
 *
 * A witness is a snapshot of everything git's answer for that path depends
 * on: the worktree's HEAD commit, the `lstat` of its index, of the file,
 * and, for untracked and ignored paths, of every ignore file on the way to
 * it (and, for an ignored file, of the main worktree's copy it was compared
 * with). When all of them are exactly as they were, git would report the
 * path exactly as before, so the worktree still holds the change. Anything
 * else (a different HEAD, a touched index, a missing file) and the witness
 * no longer holds: the worktree gets the full check, as if no witness had
 * been kept.
 *
 * Only "keep" is ever remembered. A stale witness can only keep a worktree
 * one run longer than needed, never remove one, and a dry run reads
 * witnesses but never writes them. The file is a cache: an unreadable,
 * damaged or foreign one is read as empty.
 *
 * @module
 */

import { lstatSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ParsedStatus } from "./status_parse.ts";

/** The witnesses' file name in the tool's state folder. */
export const WITNESSES_FILE = "witnesses.json";

const FORMAT = "mpm-session witnesses v2";

/** The change a witness saw. */
export type WitnessKind =
  | "conflicted"
  | "staged"
  | "modified"
  | "untracked"
  | "ignored";

/** What `lstat` said about one path; `null` when it did not exist. */
export type StatKey = string | null;

/** One remembered witness. */
export interface Witness {
  /** The worktree's HEAD commit when the change was seen. */
  head: string;
  /** The path that showed the change, relative to the worktree, `/`-separated. */
  path: string;
  /** What git reported for it. */
  kind: WitnessKind;
  /**
   * `lstat` keys of everything git's answer depends on, by absolute path:
   * the index, the file, the ignore files, the main worktree's copy.
   */
  keys: Record<string, StatKey>;
}

/** The witnesses one cleanup reads and the ones it learns. */
export interface WitnessStore {
  /** Witnesses read from the state folder, by worktree path. */
  readonly known: ReadonlyMap<string, Witness>;
  /** Witnesses that hold after this run, by worktree path. */
  readonly found: Map<string, Witness>;
}

/** An empty store. */
export function emptyWitnesses(): WitnessStore {
  return { known: new Map(), found: new Map() };
}

/**
 * Picks the path that best witnesses a status's change: a conflict, a
 * staged path, a modified one, an untracked one, in that order (the same
 * order the report names them).
 *
 * @returns `undefined` when the status shows no change.
 */
export function pickWitness(
  status: Pick<
    ParsedStatus,
    "conflicted" | "staged" | "modified" | "untracked"
  >,
): { kind: WitnessKind; path: string } | undefined {
  if (status.conflicted.length) {
    return { kind: "conflicted", path: status.conflicted[0] };
  }
  if (status.staged.length) {
    return { kind: "staged", path: status.staged[0].path };
  }
  if (status.modified.length) {
    return { kind: "modified", path: status.modified[0].path };
  }
  if (status.untracked.length) {
    return { kind: "untracked", path: status.untracked[0] };
  }
  return undefined;
}

/** One line for people: what the witness saw. */
export function describeWitness(w: Witness): string {
  return `${w.kind} '${w.path}'`;
}

/** Whether a relative `/`-separated path stays inside its root. */
function isRelativeInside(path: string): boolean {
  return path !== "" && !path.startsWith("/") &&
    path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

/**
 * The `lstat` key of `path`, `null` when it does not exist. Times are
 * whole milliseconds (modification) and whole seconds (change): what Deno
 * and Node both report, so a witness taken by the Node bundle (the plugin)
 * holds for the Deno CLI and back. A coarser key can only make a witness
 * hold where a finer one would not, and a witness only ever keeps.
 * Synchronous: one `lstat` costs less than the promise around it.
 */
function statKey(path: string): StatKey {
  try {
    const s = lstatSync(path);
    return `${s.dev}:${s.ino}:${s.mode}:${s.size}:${Math.floor(s.mtimeMs)}:${
      Math.floor(s.ctimeMs / 1000)
    }`;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    if ((error as { code?: string }).code === "ENOTDIR") return null;
    throw error;
  }
}

/**
 * The paths whose `lstat` decides whether git would still report `path`
 * of the worktree as `kind`.
 */
function dependencies(
  worktree: string,
  gitDir: string,
  commonDir: string,
  mainRoot: string,
  kind: WitnessKind,
  path: string,
): string[] {
  const file = join(worktree, path.replace(/\/$/, ""));
  const deps = [join(gitDir, "index"), file];
  if (kind === "untracked" || kind === "ignored") {
    // Every .gitignore from the root down to the file's folder, and the
    // repository's own exclude file, can change whether it is ignored.
    const segments = path.replace(/\/$/, "").split("/");
    for (let i = 0; i < segments.length; i++) {
      deps.push(join(worktree, ...segments.slice(0, i), ".gitignore"));
    }
    deps.push(join(commonDir, "info", "exclude"));
  }
  if (kind === "ignored") deps.push(join(mainRoot, path.replace(/\/$/, "")));
  return deps;
}

/** Where one worktree's facts live, for building and checking witnesses. */
export interface WitnessPlace {
  /** The worktree's root. */
  worktree: string;
  /** Its admin folder (`.git/worktrees/<id>`). */
  gitDir: string;
  /** The repository's common git directory. */
  commonDir: string;
  /** The main worktree's root. */
  mainRoot: string;
}

/**
 * Takes a witness of a change just seen by a full check.
 *
 * @returns `undefined` when the path cannot serve as one (it escapes the
 * worktree, or its facts cannot be read).
 */
export function takeWitness(
  place: WitnessPlace,
  head: string,
  kind: WitnessKind,
  path: string,
): Witness | undefined {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) return undefined;
  if (!isRelativeInside(path.replace(/\/$/, ""))) return undefined;
  const deps = dependencies(
    place.worktree,
    place.gitDir,
    place.commonDir,
    place.mainRoot,
    kind,
    path,
  );
  try {
    const keys: Record<string, StatKey> = {};
    for (const dep of deps) keys[dep] = statKey(dep);
    return { head, path, kind, keys };
  } catch {
    return undefined;
  }
}

/**
 * Whether a remembered witness still holds: the worktree's HEAD and every
 * path its answer depends on are exactly as they were.
 */
export function witnessHolds(
  witness: Witness,
  place: WitnessPlace,
  head: string | undefined,
): boolean {
  if (head === undefined || witness.head !== head) return false;
  const expected = dependencies(
    place.worktree,
    place.gitDir,
    place.commonDir,
    place.mainRoot,
    witness.kind,
    witness.path,
  );
  // A witness recorded for another place, or by another version, is stale.
  if (expected.length !== Object.keys(witness.keys).length) return false;
  try {
    for (const dep of expected) {
      if (!(dep in witness.keys)) return false;
      if (statKey(dep) !== witness.keys[dep]) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function isWitness(value: unknown): value is Witness {
  if (typeof value !== "object" || value === null) return false;
  const w = value as Record<string, unknown>;
  const kinds = ["conflicted", "staged", "modified", "untracked", "ignored"];
  return typeof w.head === "string" && typeof w.path === "string" &&
    typeof w.kind === "string" && kinds.includes(w.kind) &&
    typeof w.keys === "object" && w.keys !== null &&
    Object.values(w.keys).every((k) => k === null || typeof k === "string");
}

/** Reads the witnesses' text; anything unexpected gives an empty store. */
export function parseWitnesses(text: string): WitnessStore {
  const store = emptyWitnesses();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return store;
  }
  if (typeof data !== "object" || data === null) return store;
  const record = data as Record<string, unknown>;
  if (record.format !== FORMAT) return store;
  const list = record.witnesses;
  if (typeof list !== "object" || list === null) return store;
  const known = new Map<string, Witness>();
  for (const [worktree, witness] of Object.entries(list)) {
    if (isWitness(witness)) known.set(worktree, witness);
  }
  return { known, found: new Map() };
}

/** The witnesses' text after a run: those that hold now. */
export function serializeWitnesses(store: WitnessStore): string {
  const witnesses = Object.fromEntries(
    [...store.found.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
  );
  return `${JSON.stringify({ format: FORMAT, witnesses })}\n`;
}

/** Whether the run's witnesses differ from the ones read. */
export function witnessesChanged(store: WitnessStore): boolean {
  if (store.found.size !== store.known.size) return true;
  for (const [path, w] of store.found) {
    if (JSON.stringify(store.known.get(path)) !== JSON.stringify(w)) {
      return true;
    }
  }
  return false;
}

/** Loads the witnesses from the state folder; empty when there are none. */
export async function loadWitnesses(stateDir: string): Promise<WitnessStore> {
  const text = await readFile(witnessesPath(stateDir), "utf8").catch(
    () => "",
  );
  return parseWitnesses(text);
}

/** Where the witnesses live in the tool's state folder. */
export function witnessesPath(stateDir: string): string {
  return join(stateDir, WITNESSES_FILE);
}
