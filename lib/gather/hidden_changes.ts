/**
 * Finds the changes `git status` does not show: index entries flagged
 * assume-unchanged or skip-worktree (every entry under `core.ignoreStat`)
 * whose file differs from the index, and tracked files under a filter whose
 * bytes on disk differ from what a checkout of the index would write. Each
 * step is one git call for the whole worktree, never one per file.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeGitFailure, runGit, splitNul } from "./git.ts";

/** Files under a smudge filter compared one git call each, at most. */
export const MAX_SMUDGE_CALLS = 200;

/** One index entry as `git ls-files -v -s -z` lists it. */
export interface IndexEntry {
  /** The tag letter (`H`, `S`, `h`, ...). */
  tag: string;
  /** The file mode, such as `100644`. */
  mode: string;
  /** The blob id. */
  blob: string;
  /** The merge stage. */
  stage: string;
  /** The path relative to the worktree root. */
  path: string;
}

/**
 * Parses `git ls-files -v -s -z` output. `wanted`, when given, picks the
 * entries worth parsing by their tag and mode: a worktree's index holds
 * thousands, of which the checks need only the flagged few.
 */
export function parseLsFilesVerbose(
  text: string,
  wanted?: (tag: string, mode: string) => boolean,
): IndexEntry[] {
  const entries: IndexEntry[] = [];
  // Records are found in place, not split out: an index of thousands of
  // entries then costs no string for each one that is not wanted.
  for (let start = 0; start < text.length;) {
    let end = text.indexOf("\0", start);
    if (end < 0) end = text.length;
    // Skipped only when shaped as an entry ("T MMMMMM <id> S\t"): anything
    // else is parsed below, and refused.
    const tab = text.indexOf("\t", start);
    const shaped = text[start + 1] === " " && text[start + 8] === " " &&
      tab < end && tab > start + 10;
    if (
      wanted && shaped &&
      !wanted(text[start], text.slice(start + 2, start + 8))
    ) {
      start = end + 1;
      continue;
    }
    const record = text.slice(start, end);
    start = end + 1;
    const m = /^(\S) (\d+) ([0-9a-f]+) (\d)\t([\s\S]*)$/.exec(record);
    if (!m) throw new Error(`cannot parse git ls-files output: '${record}'`);
    entries.push({
      tag: m[1],
      mode: m[2],
      blob: m[3],
      stage: m[4],
      path: m[5],
    });
  }
  return entries;
}

/**
 * Whether git does not compare the entry's file with the index: it is
 * flagged assume-unchanged (lower-case tag) or skip-worktree (`S`), or
 * `core.ignoreStat` is set.
 */
export function isFlagged(entry: IndexEntry, ignoreStat: boolean): boolean {
  return ignoreStat || isFlaggedTag(entry.tag);
}

/** Whether an `ls-files -v` tag marks assume-unchanged or skip-worktree. */
function isFlaggedTag(tag: string): boolean {
  return tag === "S" || tag !== tag.toUpperCase();
}

/** The config values this module needs, from `git config -z --list`. */
export interface HiddenConfig {
  /** `core.ignoreStat`. */
  ignoreStat: boolean;
  /** Names of filters that have a clean, smudge or process command. */
  filters: string[];
  /** Names of filters whose checkout runs a program (smudge or process). */
  smudging: string[];
}

/** Parses `git config -z --list` output into {@link HiddenConfig}. */
export function parseConfigList(text: string): HiddenConfig {
  let ignoreStat = false;
  const filters = new Set<string>();
  const smudging = new Set<string>();
  for (const record of splitNul(text)) {
    const newline = record.indexOf("\n");
    const key = newline < 0 ? record : record.slice(0, newline);
    const value = newline < 0 ? "true" : record.slice(newline + 1);
    const lower = key.toLowerCase();
    if (lower === "core.ignorestat") {
      ignoreStat = ["true", "yes", "on", "1"].includes(value.toLowerCase());
    }
    const m = /^filter\.(.+)\.(clean|smudge|process)$/i.exec(key);
    if (m && value !== "") {
      filters.add(m[1]);
      if (m[2].toLowerCase() !== "clean") smudging.add(m[1]);
    }
  }
  return { ignoreStat, filters: [...filters], smudging: [...smudging] };
}

/** Parses `git check-attr -z filter` output into path → filter name. */
export function parseCheckAttr(text: string): Map<string, string> {
  const parts = splitNul(text);
  const out = new Map<string, string>();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const value = parts[i + 2];
    if (value !== "unspecified" && value !== "unset") {
      out.set(parts[i], value);
    }
  }
  return out;
}

/** Splits `git cat-file --batch` output into one content per input line. */
export function parseCatFileBatch(bytes: Uint8Array): (Buffer | null)[] {
  const buf = Buffer.from(bytes);
  const out: (Buffer | null)[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const end = buf.indexOf(0x0a, offset);
    if (end < 0) throw new Error("cannot parse git cat-file output");
    const header = buf.subarray(offset, end).toString("utf8");
    offset = end + 1;
    const m = /^\S+ \S+ (\d+)$/.exec(header);
    if (!m) {
      out.push(null); // "<name> missing" or "ambiguous"
      continue;
    }
    const size = Number(m[1]);
    out.push(buf.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}

/** The hidden changes of one worktree, or the reason they are unknown. */
export interface HiddenChanges {
  /** Paths whose content exists only on disk though status is silent. */
  paths: string[];
  /**
   * Its index's gitlinks (submodule entries, any stage), read from the same
   * listing: `git worktree remove` refuses a worktree with any.
   */
  gitlinks: string[];
}

/**
 * The config every linked worktree of the repository at `mainRoot` reads,
 * from one call for all of them, or `undefined` when worktrees may read
 * different values: `extensions.worktreeConfig` gives each its own file
 * and `includeIf` conditions depend on the worktree's git folder or
 * branch. Then each worktree is asked on its own.
 */
export async function sharedHiddenConfig(
  mainRoot: string,
): Promise<HiddenConfig | undefined> {
  const list = (args: string[]) =>
    runGit(["config", "-z", "--list", ...args], { cwd: mainRoot });
  const raw = await list(["--no-includes"]);
  // No config at all is exit code 1 with empty output.
  if (raw.code !== 0 && raw.code !== 1) return undefined;
  let includes = false;
  for (const record of splitNul(raw.code === 0 ? raw.stdout : "")) {
    const key = record.split("\n", 1)[0].toLowerCase();
    if (key.startsWith("includeif.")) return undefined;
    if (key === "extensions.worktreeconfig") return undefined;
    if (key.startsWith("include.")) includes = true;
  }
  if (!includes) return parseConfigList(raw.code === 0 ? raw.stdout : "");
  const full = await list([]);
  if (full.code !== 0 && full.code !== 1) return undefined;
  return parseConfigList(full.code === 0 ? full.stdout : "");
}

/**
 * Finds the hidden changes of the worktree at `root`, whose git is reached
 * through `env` (see `isolatedEnv`). `config`, when given, is what
 * {@link sharedHiddenConfig} read for every worktree; otherwise the
 * worktree's own config is read.
 *
 * @throws when git fails; the caller treats that as unknown.
 */
export async function hiddenChanges(
  root: string,
  env: Record<string, string>,
  config?: HiddenConfig,
): Promise<HiddenChanges> {
  const git = async (args: string[], stdin?: string) => {
    const result = await runGit(args, { cwd: root, env, stdin });
    if (result.code !== 0) {
      throw new Error(`git ${args[0]} failed: ${describeGitFailure(result)}`);
    }
    return result;
  };
  const [list, settings] = await Promise.all([
    git(["ls-files", "-z", "-v", "-s"]),
    config ?? runGit(["config", "-z", "--list"], { cwd: root, env }).then((
      own,
    ) =>
      // No config at all is exit code 1 with empty output.
      parseConfigList(own.code === 0 ? own.stdout : "")
    ),
  ]);
  // Without a filter or core.ignoreStat only flagged entries and gitlinks
  // matter; every other one is left unparsed.
  const everyEntry = settings.ignoreStat || settings.filters.length > 0;
  const listed = parseLsFilesVerbose(
    list.stdout,
    everyEntry
      ? undefined
      : (tag, mode) => isFlaggedTag(tag) || mode === "160000",
  );
  const gitlinks = listed.filter((e) => e.mode === "160000").map((e) => e.path);
  const entries = listed.filter((e) => e.stage === "0" && e.mode !== "160000");
  const hidden = new Set<string>();
  let filterOf = new Map<string, string>();
  const smudgingFilter = (e: IndexEntry) =>
    settings.smudging.includes(filterOf.get(e.path) ?? "");

  // Flagged entries: git never looks at their files, so compare content.
  const flagged: IndexEntry[] = [];
  for (const e of entries.filter((e) => isFlagged(e, settings.ignoreStat))) {
    let info;
    try {
      info = await lstat(join(root, e.path));
    } catch {
      // Absent: sparse checkout left it out, or it was deleted; the index
      // still holds its content, so nothing exists only here.
      continue;
    }
    if (e.mode === "120000" ? !info.isSymbolicLink() : !info.isFile()) {
      hidden.add(e.path);
    } else if (info.isSymbolicLink()) {
      hidden.add(e.path); // a symlink's target is not hashed; keep it
    } else flagged.push(e);
  }

  // Filtered entries: status compares the clean output, which can hide
  // bytes that exist only in this file.
  let filtered: IndexEntry[] = [];
  if (settings.filters.length > 0 && entries.length > 0) {
    const attrs = await git(
      ["check-attr", "-z", "--stdin", "filter"],
      entries.map((e) => `${e.path}\0`).join(""),
    );
    filterOf = parseCheckAttr(attrs.stdout);
    filtered = entries.filter((e) =>
      e.mode !== "120000" && settings.filters.includes(filterOf.get(e.path)!) &&
      !hidden.has(e.path)
    );
  }

  if (flagged.length > 0) {
    const hashes = await git(
      ["hash-object", "--no-filters", "--stdin-paths"],
      flagged.map((e) => `${e.path}\n`).join(""),
    );
    const lines = hashes.stdout.split("\n");
    flagged.forEach((e, i) => {
      if (lines[i] !== e.blob) {
        // Raw bytes differ from the blob; a filter or line-ending rule may
        // explain it, so such a file is judged like a filtered one below.
        if (!filtered.includes(e)) filtered.push(e);
      }
    });
  }

  if (filtered.length > 0) {
    // What a checkout of the index would write. git 2.39 cannot smudge in
    // `cat-file --batch --filters` ("missing path"), so blobs without a
    // smudging filter come from one batch call and the rare smudged ones
    // one call each, up to a bound.
    const smudged = filtered.filter((e) => smudgingFilter(e));
    const plain = filtered.filter((e) => !smudgingFilter(e));
    if (smudged.length > MAX_SMUDGE_CALLS) {
      throw new Error(
        `more than ${MAX_SMUDGE_CALLS} files under a smudge filter; not compared`,
      );
    }
    const expected = new Map<IndexEntry, Buffer | null>();
    if (plain.length > 0) {
      const batch = await git(
        ["cat-file", "--batch"],
        plain.map((e) => `${e.blob}\n`).join(""),
      );
      const contents = parseCatFileBatch(
        batch.stdoutBytes ?? new Uint8Array(),
      );
      plain.forEach((e, i) => expected.set(e, contents[i] ?? null));
    }
    for (const e of smudged) {
      const one = await git([
        "cat-file",
        "--filters",
        `--path=${e.path}`,
        e.blob,
      ]);
      expected.set(e, Buffer.from(one.stdoutBytes ?? new Uint8Array()));
    }
    await Promise.all(filtered.map(async (e) => {
      let actual: Buffer | undefined;
      try {
        actual = await readFile(join(root, e.path));
      } catch {
        return; // gone: the index holds it
      }
      const want = expected.get(e);
      if (!want || !actual.equals(want)) hidden.add(e.path);
    }));
  }
  return { paths: [...hidden].sort(), gitlinks };
}

/**
 * Whether the file system holding `root` tells names apart by case: its
 * `.git` entry is not found as `.GIT`. On such a file system
 * `core.ignoreCase=true` is wrong, and status must run without it.
 */
export async function isCaseSensitive(root: string): Promise<boolean> {
  const [lower, upper] = await Promise.all([
    lstat(join(root, ".git")).catch(() => undefined),
    lstat(join(root, ".GIT")).catch(() => undefined),
  ]);
  if (!lower) return true;
  if (!upper) return true;
  return lower.ino !== upper.ino || lower.dev !== upper.dev;
}
