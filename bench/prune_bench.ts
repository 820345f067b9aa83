/**
 * Benchmark for `prune` and `pause`: how long they take compared, in the
 * same run, with the least git work a shell script needs for the same
 * decisions.
 *
 * For each size it builds one fixture: a repository of F small files
 * committed on `main` and N worktrees under `.claude/worktrees/`, of which
 * 40% are disposable (clean, on a branch at `main`'s tip) and the rest hold
 * work: a modified tracked file, an untracked file, a commit of their own,
 * or (a few) a lock. Then it times four contenders:
 *
 * - floor: the least git work for the same decisions, 4-way parallel:
 *   `git worktree list`, one `for-each-ref --merged`, then `xargs -P 4`
 *   over `git status --porcelain` and `git worktree remove`;
 * - sequential: the same checks as a plain sequential bash loop
 *   (`status`, `merge-base --is-ancestor`, `worktree remove`);
 * - library: `prune()` called in this process;
 * - CLI: `deno run -A cli.ts prune --json` as a separate process (the
 *   figure the targets are about).
 *
 * in two scenarios: "first" (40% to remove) and "steady" (run again when
 * nothing is left to remove). Every run starts from the same state: after a
 * "first" run the removed worktrees are added back with `git worktree add`
 * on their unchanged branches (not timed), and a "steady" run changes
 * nothing. Dirty pages are flushed (`sync`) before every timed run, so the
 * worktrees are on disk as in real use, and the contenders' order rotates
 * with each repetition. After every run the benchmark checks that exactly
 * the disposable worktrees are gone and every other one is intact: a run
 * that leaves a disposable worktree whole is counted as wrong, anything
 * worse (lost work, half-removed folders) stops it.
 *
 * With `--pause-files F` it also times `pause --no-prune-worktrees` on a
 * main worktree of F files against a bare
 * `git status --porcelain=v2 -z --untracked-files=all` there.
 *
 * ```sh
 * deno task bench                        # 100 and 300 of 2,000 files, 50 of 20,000, pause on 50,000; 5 reps
 * deno task bench --quick                # 10 and 100 of 2,000 files, 3 reps, no pause
 * deno task bench --sizes 50x20000 --reps 3
 * ```
 *
 * Options: `--sizes N[xF],…` (N worktrees of a repository of F files;
 * F defaults to `--files`, 2000), `--quick`, `--reps N` (median of N,
 * default 5), `--pause-files F` (0 to skip; default 50000),
 * `--keep` (leave the temporary folder in place), `--no-sync` (do not flush
 * dirty pages to disk before each timed run; removals then only touch the
 * page cache and are several times faster, but far noisier).
 *
 * @module
 */

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { prune } from "../mod.ts";
import type { PruneSummary } from "../mod.ts";
import { gitCallCount } from "../lib/gather/git.ts";
import { seededRandom } from "../tests/prng.ts";

/** This project's root folder. */
const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** GNU time, used to read a child process's peak resident memory. */
const TIME_BIN = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** What one child process produced. */
interface RunResult {
  /** Exit code (-1 when killed by a signal). */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
}

/**
 * Runs a program without a shell and collects its output and wall time.
 *
 * @param cmd the program.
 * @param args its arguments.
 * @param opts working directory, environment (default: inherited) and
 * text for standard input (default: none).
 */
function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; stdin?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? (process.env as Record<string, string>),
      stdio: [opts.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    child.stdout?.on("data", (c: Uint8Array) => out.push(c));
    child.stderr?.on("data", (c: Uint8Array) => err.push(c));
    child.on("error", reject);
    child.on("close", (code: number | null) => {
      const decode = (parts: Uint8Array[]) =>
        new TextDecoder().decode(concat(parts));
      resolve({
        code: code ?? -1,
        stdout: decode(out),
        stderr: decode(err),
        ms: performance.now() - start,
      });
    });
  });
}

/** Joins byte chunks into one array. */
function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * Runs git in `cwd` and returns its standard output.
 *
 * @throws {Error} when git exits non-zero.
 */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await run("git", args, { cwd });
  if (result.code !== 0) {
    throw new Error(
      `git ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}

/**
 * Runs git in `cwd` with `input` on its standard input.
 *
 * @throws {Error} when git exits non-zero.
 */
async function gitStdin(
  cwd: string,
  args: string[],
  input: string,
): Promise<void> {
  const result = await run("git", args, { cwd, stdin: input });
  if (result.code !== 0) {
    throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
  }
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight. On failure
 * it still waits for the calls under way, so no git process outlives it.
 */
async function pool<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await fn(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  const rejected = settled.find((s) => s.status === "rejected");
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
}

/** The median of a non-empty list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What a fixture worktree holds, which decides whether it may go. */
type Kind = "disposable" | "dirty" | "untracked" | "unmerged" | "locked";

/** One worktree of a fixture. */
interface WorktreeSpec {
  /** Folder and branch name, such as `wt-007`. */
  name: string;
  /** Absolute path. */
  path: string;
  /** What it holds. */
  kind: Kind;
}

/** A built fixture. */
interface Fixture {
  /** The main worktree. */
  repo: string;
  /** `<repo>/.claude/worktrees`. */
  worktreesDir: string;
  /** Every worktree, disposable or not. */
  worktrees: WorktreeSpec[];
  /** How long building it took (ms). */
  buildMs: number;
}

/**
 * Chooses the kinds of `n` worktrees: 40% disposable, about 5% (at least
 * one) locked, the rest split in three between a modified tracked file, an
 * untracked file and a commit of their own, shuffled with a fixed seed so
 * every run builds the same fixture.
 */
function chooseKinds(n: number): Kind[] {
  const disposable = Math.round(n * 0.4);
  const locked = Math.min(n - disposable, Math.max(1, Math.round(n * 0.05)));
  const rest = n - disposable - locked;
  const dirty = Math.ceil(rest / 3);
  const untracked = Math.ceil((rest - dirty) / 2);
  const kinds: Kind[] = [
    ...Array<Kind>(disposable).fill("disposable"),
    ...Array<Kind>(locked).fill("locked"),
    ...Array<Kind>(dirty).fill("dirty"),
    ...Array<Kind>(untracked).fill("untracked"),
    ...Array<Kind>(rest - dirty - untracked).fill("unmerged"),
  ];
  const random = seededRandom(n);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds;
}

/** The tracked file a "dirty" worktree modifies. */
const MODIFIED_FILE = join("src", "d000", "f000.txt");

/**
 * Adds one worktree. Parallel `git worktree add` calls can trip over each
 * other's half-written admin folders, so a failure is retried a few times.
 */
async function addWorktree(repo: string, args: string[]): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      await git(repo, "worktree", "add", "-q", ...args);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/**
 * Creates one worktree of the fixture on its branch (already at `main`)
 * and gives it its kind's content.
 */
async function createWorktree(repo: string, wt: WorktreeSpec): Promise<void> {
  const lock = wt.kind === "locked"
    ? ["--lock", "--reason", "bench: an agent is working here"]
    : [];
  await addWorktree(repo, [...lock, wt.path, wt.name]);
  if (wt.kind === "dirty") {
    await writeFile(join(wt.path, MODIFIED_FILE), `work in ${wt.name}\n`);
  } else if (wt.kind === "untracked") {
    await writeFile(join(wt.path, "notes.txt"), `work in ${wt.name}\n`);
  } else if (wt.kind === "unmerged") {
    await writeFile(join(wt.path, "feature.txt"), `feature ${wt.name}\n`);
    await git(wt.path, "add", "feature.txt");
    await git(wt.path, "commit", "-q", "-m", `feature ${wt.name}`);
  }
}

/**
 * Builds a fixture in `root`: a repository with `files` small files
 * committed on `main` and `n` worktrees under `.claude/worktrees/`.
 */
async function buildFixture(
  root: string,
  n: number,
  files: number,
): Promise<Fixture> {
  const start = performance.now();
  const repo = join(root, `repo-${n}`);
  await mkdir(repo, { recursive: true });
  await git(repo, "init", "-q", "-b", "main");
  const perDir = 100;
  for (let d = 0; d * perDir < files; d++) {
    const dir = join(repo, "src", `d${String(d).padStart(3, "0")}`);
    await mkdir(dir, { recursive: true });
    const count = Math.min(perDir, files - d * perDir);
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        writeFile(
          join(dir, `f${String(i).padStart(3, "0")}.txt`),
          `file ${d}/${i}\n`,
        )),
    );
  }
  await git(repo, "add", "-A");
  await git(repo, "commit", "-q", "-m", "initial commit");
  const worktreesDir = join(repo, ".claude", "worktrees");
  await mkdir(worktreesDir, { recursive: true });
  const width = String(n).length;
  const worktrees = chooseKinds(n).map((kind, i): WorktreeSpec => {
    const name = `wt-${String(i).padStart(width, "0")}`;
    return { name, path: join(worktreesDir, name), kind };
  });
  // Branches first, in one git call, so retried adds never race on them.
  const tip = (await git(repo, "rev-parse", "main")).trim();
  const refs = worktrees.map((w) => `create refs/heads/${w.name} ${tip}\n`);
  await gitStdin(repo, ["update-ref", "--stdin"], refs.join(""));
  await pool(worktrees, 4, (wt) => createWorktree(repo, wt));
  return {
    repo,
    worktreesDir,
    worktrees,
    buildMs: performance.now() - start,
  };
}

/** Adds back the disposable worktrees a "first" run removed (not timed). */
async function restoreDisposable(fx: Fixture): Promise<void> {
  const gone = fx.worktrees.filter((w) =>
    w.kind === "disposable" && !existsSync(w.path)
  );
  await pool(gone, 4, (wt) => addWorktree(fx.repo, [wt.path, wt.name]));
}

/**
 * Checks the fixture against what should be there: every worktree when
 * `disposableGone` is false, every non-disposable one when it is true.
 * Also checks that each kept worktree still holds its work.
 *
 * A disposable worktree a tool failed to remove, but left whole and
 * registered, is not fatal: it is returned so the run can be counted as
 * wrong. Anything else out of place (lost work, a half-removed worktree,
 * leftovers in a trash folder) is.
 *
 * @returns the disposable worktrees still in place that should be gone.
 * @throws {Error} describing every other difference found.
 */
async function verify(
  fx: Fixture,
  disposableGone: boolean,
  label: string,
): Promise<WorktreeSpec[]> {
  const list = await git(fx.repo, "worktree", "list", "--porcelain", "-z");
  const registered = new Map<string, { branch?: string; locked: boolean }>();
  let current: { branch?: string; locked: boolean } | undefined;
  for (const field of list.split("\0")) {
    if (field.startsWith("worktree ")) {
      current = { locked: false };
      registered.set(field.slice("worktree ".length), current);
    } else if (field.startsWith("branch ") && current) {
      current.branch = field.slice("branch ".length);
    } else if ((field === "locked" || field.startsWith("locked ")) && current) {
      current.locked = true;
    }
  }
  const problems: string[] = [];
  const leftover: WorktreeSpec[] = [];
  const onDisk = new Set(await readdir(fx.worktreesDir));
  const known = new Set(fx.worktrees.map((w) => w.path));
  for (const path of registered.keys()) {
    if (path.startsWith(fx.worktreesDir + "/") && !known.has(path)) {
      problems.push(`unexpected registration: ${path}`);
    }
  }
  for (const name of onDisk) {
    if (!known.has(join(fx.worktreesDir, name))) {
      problems.push(`unexpected folder: ${join(fx.worktreesDir, name)}`);
    }
  }
  for (const w of fx.worktrees) {
    const r = registered.get(w.path);
    const present = onDisk.has(w.name);
    const shouldGo = disposableGone && w.kind === "disposable";
    if (shouldGo && !r && !present) continue;
    if (!r || !present) {
      problems.push(
        `${w.kind} ${w.path}: ${r ? "registered" : "not registered"}, ${
          present ? "folder present" : "folder missing"
        }`,
      );
      continue;
    }
    if (r.branch !== `refs/heads/${w.name}`) {
      problems.push(`wrong branch in ${w.path}: ${r.branch}`);
    } else if (r.locked !== (w.kind === "locked")) {
      problems.push(`lock state changed: ${w.path}`);
    } else if (
      w.kind === "untracked" && !existsSync(join(w.path, "notes.txt"))
    ) {
      problems.push(`untracked work lost: ${w.path}`);
    } else if (
      w.kind === "dirty" &&
      await readFile(join(w.path, MODIFIED_FILE), "utf8").catch(() => "") !==
        `work in ${w.name}\n`
    ) {
      problems.push(`modified work lost: ${w.path}`);
    } else if (
      w.kind === "unmerged" && !existsSync(join(w.path, "feature.txt"))
    ) {
      problems.push(`committed work missing: ${w.path}`);
    } else if (shouldGo) {
      leftover.push(w);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `verification failed after ${label}:\n  ${problems.join("\n  ")}`,
    );
  }
  return leftover;
}

/** The sequential loop: a plain bash loop with the minimal git calls. */
const SEQUENTIAL_SCRIPT = `#!/usr/bin/env bash
# Removes clean, merged, unlocked worktrees under .claude/worktrees.
# Prints "removed=<n> calls=<git calls>".
set -u
repo=$1
wtdir="$repo/.claude/worktrees"
calls=1
removed=0
list=$(git -C "$repo" worktree list --porcelain) || exit 1
consider() {
  [ -n "$path" ] || return 0
  case "$path" in "$wtdir"/*) ;; *) return 0 ;; esac
  [ "$locked" = 0 ] || return 0
  [ -n "$branch" ] || return 0
  calls=$((calls + 1))
  out=$(git -C "$path" status --porcelain --untracked-files=all) || return 0
  [ -z "$out" ] || return 0
  calls=$((calls + 1))
  git -C "$repo" merge-base --is-ancestor "$branch" main || return 0
  calls=$((calls + 1))
  git -C "$repo" worktree remove "$path" && removed=$((removed + 1))
}
path= branch= locked=0
while IFS= read -r line; do
  case "$line" in
    "worktree "*) path=\${line#worktree }; branch=; locked=0 ;;
    "branch "*) branch=\${line#branch } ;;
    locked | "locked "*) locked=1 ;;
    "") consider; path= ;;
  esac
done <<< "$list"
consider
echo "removed=$removed calls=$calls"
`;

/**
 * The floor: the least git work for the same decisions, 4-way parallel.
 * One \`worktree list\`, one \`for-each-ref --merged\`, then, for every
 * unlocked worktree on a merged branch, \`status\` and (when clean)
 * \`worktree remove\` through \`xargs -P 4\`.
 */
const FLOOR_SCRIPT = `#!/usr/bin/env bash
# Prints "removed=<n> calls=<git calls>".
set -u
repo=$1
wtdir="$repo/.claude/worktrees"
merged=$(git -C "$repo" for-each-ref --format='%(refname)' --merged=main refs/heads) || exit 1
list=$(git -C "$repo" worktree list --porcelain) || exit 1
declare -A ok
while IFS= read -r ref; do [ -n "$ref" ] && ok[$ref]=1; done <<< "$merged"
candidates=()
consider() {
  [ -n "$path" ] || return 0
  case "$path" in "$wtdir"/*) ;; *) return 0 ;; esac
  [ "$locked" = 0 ] && [ -n "$branch" ] && [ -n "\${ok[$branch]:-}" ] && candidates+=("$path")
  return 0
}
path= branch= locked=0
while IFS= read -r line; do
  case "$line" in
    "worktree "*) path=\${line#worktree }; branch=; locked=0 ;;
    "branch "*) branch=\${line#branch } ;;
    locked | "locked "*) locked=1 ;;
    "") consider; path= ;;
  esac
done <<< "$list"
consider
out=
if [ \${#candidates[@]} -gt 0 ]; then
  out=$(printf '%s\\0' "\${candidates[@]}" | xargs -0 -n 1 -P 4 sh -c '
    s=$(git -C "$1" status --porcelain --untracked-files=all) || { echo status; exit 0; }
    [ -z "$s" ] || { echo status; exit 0; }
    if git -C "$0" worktree remove "$1" >/dev/null 2>&1; then echo status removed; else echo status failed; fi
  ' "$repo")
fi
removed=$(grep -c removed <<< "$out")
calls=$(( 2 + $(grep -c status <<< "$out") + removed + $(grep -c failed <<< "$out") ))
echo "removed=$removed calls=$calls"
`;

/** One timed run of one contender. */
interface Sample {
  /** Wall time (ms). */
  ms: number;
  /** Worktrees removed. */
  removed: number;
  /** Git processes started, when known. */
  gitCalls?: number;
  /** Peak resident memory (KiB), when known. */
  peakRssKiB?: number;
  /** What went wrong, when the run did not remove exactly what it should. */
  note?: string;
}

/** Wraps a command in GNU time writing the peak RSS to `rssFile`. */
function timed(cmd: string, args: string[], rssFile: string): string[] {
  return TIME_BIN
    ? [TIME_BIN, "-f", "%M", "-o", rssFile, cmd, ...args]
    : [cmd, ...args];
}

/** Reads the peak RSS GNU time wrote, if any. */
async function readRss(rssFile: string): Promise<number | undefined> {
  if (!TIME_BIN) return undefined;
  const text = await readFile(rssFile, "utf8").catch(() => "");
  const kib = Number(text.trim().split("\n").at(-1));
  return Number.isFinite(kib) && kib > 0 ? kib : undefined;
}

/** Runs one of the bash contenders on the fixture. */
async function runScript(
  fx: Fixture,
  script: string,
  rssFile: string,
): Promise<Sample> {
  const [cmd, ...args] = timed("bash", [script, fx.repo], rssFile);
  const result = await run(cmd, args, { cwd: fx.repo });
  const match = /removed=(\d+) calls=(\d+)/.exec(result.stdout);
  if (result.code !== 0 || !match) {
    throw new Error(`${script} failed (${result.code}): ${result.stderr}`);
  }
  return {
    ms: result.ms,
    removed: Number(match[1]),
    gitCalls: Number(match[2]),
    peakRssKiB: await readRss(rssFile),
  };
}

/** Resets this process's peak RSS counter; false when Linux refuses. */
async function resetPeakRss(): Promise<boolean> {
  try {
    await writeFile("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** This process's peak RSS (KiB) from `/proc/self/status`, if readable. */
async function peakRss(): Promise<number | undefined> {
  const text = await readFile("/proc/self/status", "utf8").catch(() => "");
  const match = /^VmHWM:\s+(\d+) kB/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Compares a summary's counts with the fixture.
 *
 * @returns what is wrong, with the reasons given for disposable worktrees
 * that were kept, or `undefined` when the counts are right.
 */
function checkSummary(
  summary: PruneSummary,
  fx: Fixture,
  removed: number,
): string | undefined {
  const kept = fx.worktrees.filter((w) => w.kind !== "disposable").length;
  if (
    summary.pruned_count === removed && summary.preserved_count === kept &&
    !summary.skipped
  ) {
    return undefined;
  }
  const disposable = new Set(
    fx.worktrees.filter((w) => w.kind === "disposable").map((w) => w.path),
  );
  const why = summary.worktrees.filter((w) =>
    disposable.has(w.path) && w.action === "preserved"
  ).map((w) =>
    `${w.relative_path}: ${w.reasons.map((r) => r.message).join("; ")}`
  );
  return `pruned ${summary.pruned_count} (want ${removed}), preserved ${summary.preserved_count} (want ${kept})${
    summary.skipped ? `, skipped: ${summary.skipped}` : ""
  }${why.length ? ` [${why.join(" | ")}]` : ""}`;
}

/**
 * Runs `prune()` in this process. The peak RSS is how far this process's
 * peak rose above its resident size before the call (Linux only).
 */
async function runLibrary(fx: Fixture, expectRemoved: number): Promise<Sample> {
  const reset = await resetPeakRss();
  const rssBefore = process.memoryUsage().rss / 1024;
  const calls = gitCallCount();
  const start = performance.now();
  const summary = await prune({ projectPath: fx.repo });
  const ms = performance.now() - start;
  const gitCalls = gitCallCount() - calls;
  const hwm = reset ? await peakRss() : undefined;
  return {
    ms,
    note: checkSummary(summary, fx, expectRemoved),
    removed: summary.pruned_count,
    gitCalls,
    peakRssKiB: hwm === undefined
      ? undefined
      : Math.max(0, Math.round(hwm - rssBefore)),
  };
}

/** Runs the CLI as a process: `deno run -A cli.ts prune --json`. */
async function runCli(
  fx: Fixture,
  expectRemoved: number,
  rssFile: string,
  extra: string[] = [],
): Promise<Sample> {
  const [cmd, ...args] = timed(process.execPath, [
    "run",
    "-A",
    "--quiet",
    "--config",
    join(PROJECT_ROOT, "deno.json"),
    join(PROJECT_ROOT, "cli.ts"),
    "prune",
    "--json",
    ...extra,
  ], rssFile);
  const result = await run(cmd, args, { cwd: fx.repo });
  if (result.code !== 0) {
    throw new Error(`CLI failed (${result.code}): ${result.stderr}`);
  }
  const summary = JSON.parse(result.stdout) as PruneSummary;
  return {
    ms: result.ms,
    note: checkSummary(summary, fx, expectRemoved),
    removed: summary.pruned_count,
    peakRssKiB: await readRss(rssFile),
  };
}

/** The contenders, in the order of the first repetition. */
const TOOLS = ["floor", "sequential", "library", "cli"] as const;
/** One contender. */
type Tool = typeof TOOLS[number];
/** The two scenarios. */
type Scenario = "first" | "steady";

/** All samples for one size. */
type Results = Record<Scenario, Record<Tool, Sample[]>>;

/** Where the two bash contenders were written. */
interface Scripts {
  /** The 4-way parallel floor. */
  floor: string;
  /** The sequential loop. */
  sequential: string;
}

/** Empty sample lists for every contender. */
function noSamples(): Record<Tool, Sample[]> {
  return { floor: [], sequential: [], library: [], cli: [] };
}

/** Runs one contender once on the fixture. */
function runTool(
  tool: Tool,
  fx: Fixture,
  expectRemoved: number,
  scripts: Scripts,
  rssFile: string,
): Promise<Sample> {
  switch (tool) {
    case "floor":
      return runScript(fx, scripts.floor, rssFile);
    case "sequential":
      return runScript(fx, scripts.sequential, rssFile);
    case "library":
      return runLibrary(fx, expectRemoved);
    case "cli":
      return runCli(fx, expectRemoved, rssFile);
  }
}

/** Flushes dirty pages to disk so pending writeback does not land in a timed run. */
async function settle(enabled: boolean): Promise<void> {
  if (enabled) await run("sync", []);
}

/**
 * Measures one size: builds the fixture, warms caches with dry runs, then
 * times every contender in both scenarios, rotating the order each
 * repetition so no contender always runs first. With `sync`, dirty pages
 * are flushed before every timed run, so worktrees are on disk as they are
 * in real use rather than only in the page cache.
 */
async function measureSize(
  root: string,
  n: number,
  files: number,
  opts: { reps: number; sync: boolean },
  scripts: Scripts,
): Promise<{ fx: Fixture; results: Results }> {
  const fx = await buildFixture(root, n, files);
  log(
    `  built fixture with ${n} worktrees of ${files} files in ${
      fmtMs(fx.buildMs)
    } ms`,
  );
  await verify(fx, false, "building");
  const disposable = fx.worktrees.filter((w) => w.kind === "disposable").length;
  const rssFile = join(root, "rss.txt");

  // Warm-up: dry runs change nothing but warm the page cache, the JIT and
  // Deno's module cache, so the first timed run is not penalised.
  const warm = await prune({ projectPath: fx.repo, dryRun: true });
  if (warm.pruned_count !== disposable) {
    throw new Error(
      `dry run would prune ${warm.pruned_count}, not ${disposable}`,
    );
  }
  const cliWarm = await run(process.execPath, [
    "run",
    "-A",
    "--quiet",
    "--config",
    join(PROJECT_ROOT, "deno.json"),
    join(PROJECT_ROOT, "cli.ts"),
    "prune",
    "--dry-run",
    "--json",
  ], { cwd: fx.repo });
  if (cliWarm.code !== 0) throw new Error(`CLI dry run: ${cliWarm.stderr}`);
  await verify(fx, false, "dry runs");

  const results: Results = { first: noSamples(), steady: noSamples() };
  const order = (rep: number) =>
    TOOLS.map((_, i) => TOOLS[(i + rep) % TOOLS.length]);
  const record = async (
    scenario: Scenario,
    tool: Tool,
    rep: number,
    expectRemoved: number,
  ) => {
    await settle(opts.sync);
    const sample = await runTool(tool, fx, expectRemoved, scripts, rssFile);
    const label = `${tool} (${scenario}, rep ${rep + 1})`;
    const leftover = await verify(fx, true, label);
    const wrong = [
      ...(sample.note ? [sample.note] : []),
      ...(sample.removed !== expectRemoved
        ? [`removed ${sample.removed}, want ${expectRemoved}`]
        : []),
      ...(leftover.length
        ? [`left ${leftover.map((w) => w.name).join(", ")} in place`]
        : []),
    ];
    sample.note = wrong.length ? wrong.join("; ") : undefined;
    results[scenario][tool].push(sample);
    // Each run's line is whole on its own (memory too): a run cut short
    // still leaves every figure measured so far.
    log(
      `  N=${n} ${scenario.padEnd(6)} rep ${rep + 1} ${tool.padEnd(8)} ${
        fmtMs(sample.ms).padStart(6)
      } ms  ${fmtMiB(sample.peakRssKiB)} MiB${
        sample.note ? `  WRONG: ${sample.note}` : ""
      }`,
    );
  };

  for (let rep = 0; rep < opts.reps; rep++) {
    for (const tool of order(rep)) {
      await restoreDisposable(fx);
      await verify(fx, false, `restoring before ${tool}`);
      await record("first", tool, rep, disposable);
    }
  }
  // Steady state: nothing disposable left. Finish what a wrong run left.
  for (const w of await verify(fx, true, "first-prune runs")) {
    await git(fx.repo, "worktree", "remove", w.path);
  }
  for (let rep = 0; rep < opts.reps; rep++) {
    for (const tool of order(rep)) await record("steady", tool, rep, 0);
  }
  return { fx, results };
}

/** Formats milliseconds for the table. */
function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

/** Formats KiB as MiB, or "-" when unknown. */
function fmtMiB(kib: number | undefined): string {
  return kib === undefined ? "-" : (kib / 1024).toFixed(1);
}

/** Writes progress to standard error, keeping standard output for results. */
function log(line: string): void {
  process.stderr.write(line + "\n");
}

/** Formats rows as a left-aligned text table. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length))
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))
      .join("  ");
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ].join("\n");
}

/** The median of an optional field, or `undefined` when no sample has it. */
function medianOf(
  samples: Sample[],
  pick: (s: Sample) => number | undefined,
): number | undefined {
  const values = samples.map(pick).filter((v): v is number => v !== undefined);
  return values.length ? median(values) : undefined;
}

/** One fixture size: worktrees and files in the repository. */
interface Size {
  /** Worktrees under `.claude/worktrees/`. */
  worktrees: number;
  /** Files committed in the repository. */
  files: number;
}

/** Parsed command-line options. */
interface Options {
  /** Fixture sizes to measure. */
  sizes: Size[];
  /** Repetitions per contender and scenario. */
  reps: number;
  /** Files of the main worktree for the pause measurement; 0 skips it. */
  pauseFiles: number;
  /** Leave the temporary folder in place. */
  keep: boolean;
  /** Flush dirty pages before each timed run. */
  sync: boolean;
}

/**
 * Parses a `--sizes` list such as `100,300,50x20000`.
 *
 * @throws {Error} naming the entry that is not `N` or `NxF`.
 */
export function parseSizes(text: string, files: number): Size[] {
  return text.split(",").map((entry) => {
    const match = /^\s*(\d+)(?:x(\d+))?\s*$/.exec(entry);
    const size = match
      ? { worktrees: Number(match[1]), files: Number(match[2] ?? files) }
      : undefined;
    if (!size || size.worktrees < 1 || size.files < 1) {
      throw new Error(
        `Cannot read size '${entry}': give N or NxF with positive whole numbers, such as 100 or 50x20000`,
      );
    }
    return size;
  });
}

/** Parses the command line. */
function options(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: "string" },
      quick: { type: "boolean" },
      reps: { type: "string" },
      files: { type: "string" },
      "pause-files": { type: "string" },
      keep: { type: "boolean" },
      "no-sync": { type: "boolean" },
    },
  });
  const files = Number(values.files ?? 2000);
  if (!Number.isInteger(files) || files < 1) {
    throw new Error(`--files wants a positive integer, got '${values.files}'`);
  }
  const sizes = parseSizes(
    values.sizes ?? (values.quick ? "10,100" : "100,300,50x20000"),
    files,
  );
  const reps = Number(values.reps ?? (values.quick ? 3 : 5));
  if (!Number.isInteger(reps) || reps < 1) {
    throw new Error(`--reps wants a positive integer, got '${values.reps}'`);
  }
  const pauseFiles = Number(
    values["pause-files"] ?? (values.quick ? 0 : 50_000),
  );
  if (!Number.isInteger(pauseFiles) || pauseFiles < 0) {
    throw new Error(
      `--pause-files wants a whole number, got '${values["pause-files"]}'`,
    );
  }
  return {
    sizes,
    reps,
    pauseFiles,
    keep: values.keep ?? false,
    sync: !values["no-sync"],
  };
}

/** Makes git ignore every machine setting and use a fixed identity. */
async function isolateGit(root: string): Promise<void> {
  const globalConfig = join(root, "gitconfig");
  await writeFile(globalConfig, "");
  Object.assign(process.env, {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_AUTHOR_NAME: "Bench Author",
    GIT_AUTHOR_EMAIL: "author@example.com",
    GIT_COMMITTER_NAME: "Bench Committer",
    GIT_COMMITTER_EMAIL: "committer@example.com",
    CLAUDE_CONFIG_DIR: join(root, "claude-config"),
    NO_COLOR: "1",
  });
}

/** The targets of the speed issue, for the CLI as a process. */
interface Targets {
  /** Largest CLI / floor ratio for a first prune. */
  first: number;
  /** Largest CLI / floor ratio for a steady state, by worktree count. */
  steady: (worktrees: number) => number | undefined;
  /** Largest CLI peak memory (MiB) at 300 worktrees. */
  peakMiBAt300: number;
  /** Largest `pause` / bare status ratio. */
  pause: number;
}

/** CLI ≤ 1.2× the floor first, ≤ 0.6× steady at 100, ≤ 0.5× at 300. */
const TARGETS: Targets = {
  first: 1.2,
  steady: (n) => n >= 300 ? 0.5 : n >= 100 ? 0.6 : undefined,
  peakMiBAt300: 120,
  pause: 1.3,
};

/** The medians of one size and scenario, and the table row showing them. */
function tableRow(size: Size, scenario: Scenario, r: Results[Scenario]) {
  const ms = (t: Tool) => median(r[t].map((s) => s.ms));
  const floor = ms("floor");
  const cli = ms("cli");
  const cliPeak = medianOf(r.cli, (s) => s.peakRssKiB);
  const wrong = TOOLS.map((t) => r[t].filter((s) => s.note).length);
  const calls = (t: Tool) => String(medianOf(r[t], (s) => s.gitCalls) ?? "-");
  const cells = [
    String(size.worktrees),
    String(size.files),
    scenario,
    fmtMs(floor),
    fmtMs(ms("sequential")),
    fmtMs(ms("library")),
    fmtMs(cli),
    (cli / floor).toFixed(2),
    (ms("library") / floor).toFixed(2),
    (cli / ms("sequential")).toFixed(2),
    `${calls("floor")}/${calls("sequential")}/${calls("library")}`,
    fmtMiB(cliPeak),
    fmtMiB(medianOf(r.library, (s) => s.peakRssKiB)),
    wrong.join("/"),
  ];
  return {
    cells,
    ratio: cli / floor,
    cliPeakMiB: cliPeak === undefined ? undefined : cliPeak / 1024,
    ourWrong: wrong[2] + wrong[3],
  };
}

/** Says whether one measured row meets its targets, or `undefined` when none apply. */
function verdictFor(
  size: Size,
  scenario: Scenario,
  row: ReturnType<typeof tableRow>,
): string | undefined {
  const limit = scenario === "first"
    ? TARGETS.first
    : TARGETS.steady(size.worktrees);
  if (limit === undefined) return undefined;
  const parts = [
    `${size.worktrees}x${size.files} ${scenario}: CLI/floor ${
      row.ratio.toFixed(2)
    } (target <= ${limit}) ${
      row.ratio <= limit && row.ourWrong === 0 ? "MET" : "MISSED"
    }`,
  ];
  if (size.worktrees === 300 && row.cliPeakMiB !== undefined) {
    parts.push(
      `peak ${
        row.cliPeakMiB.toFixed(0)
      } MiB (target <= ${TARGETS.peakMiBAt300}) ${
        row.cliPeakMiB <= TARGETS.peakMiBAt300 ? "MET" : "MISSED"
      }`,
    );
  }
  return parts.join("; ");
}

/**
 * Times `pause --no-prune-worktrees` on a main worktree of `files` files
 * (a few of them modified and untracked) against a bare
 * `git status --porcelain=v2 -z --untracked-files=all` there, alternating.
 */
/**
 * Removes a fixture. Deno's recursive `rm` can fail with ENOTEMPTY on a
 * tree of tens of thousands of files; `rm -rf` then finishes it.
 */
async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    const result = await run("rm", ["-rf", path]);
    if (result.code !== 0) {
      throw new Error(`rm -rf '${path}' failed: ${result.stderr}`);
    }
  }
}

async function measurePause(
  root: string,
  files: number,
  opts: { reps: number; sync: boolean; keep: boolean },
  rssFile: string,
): Promise<{ status: Sample[]; pause: Sample[] }> {
  const fx = await buildFixture(root, 0, files);
  log(`  built a main worktree of ${files} files in ${fmtMs(fx.buildMs)} ms`);
  await writeFile(join(fx.repo, MODIFIED_FILE), "changed\n");
  for (let i = 0; i < 5; i++) {
    await writeFile(join(fx.repo, `untracked-${i}.txt`), `${i}\n`);
  }
  const status = ["status", "--porcelain=v2", "-z", "--untracked-files=all"];
  const pause = [
    "run",
    "-A",
    "--quiet",
    "--config",
    join(PROJECT_ROOT, "deno.json"),
    join(PROJECT_ROOT, "cli.ts"),
    "pause",
    "--no-prune-worktrees",
    "--json",
    "-m",
    "benchmark",
  ];
  await git(fx.repo, ...status); // warm the page cache and the index
  const samples = { status: [] as Sample[], pause: [] as Sample[] };
  for (let rep = 0; rep < opts.reps; rep++) {
    const order = rep % 2 === 0
      ? ["status", "pause"] as const
      : ["pause", "status"] as const;
    for (const which of order) {
      await settle(opts.sync);
      const [cmd, ...args] = which === "status"
        ? timed("git", status, rssFile)
        : timed(process.execPath, pause, rssFile);
      const result = await run(cmd, args, { cwd: fx.repo });
      if (result.code !== 0) {
        throw new Error(`${which} failed (${result.code}): ${result.stderr}`);
      }
      samples[which].push({
        ms: result.ms,
        removed: 0,
        peakRssKiB: await readRss(rssFile),
      });
      log(
        `  pause on ${files} files rep ${rep + 1} ${which.padEnd(6)} ${
          fmtMs(result.ms).padStart(6)
        } ms`,
      );
    }
  }
  if (!opts.keep) await removeTree(fx.repo);
  return samples;
}

/** Builds fixtures, runs every measurement and prints the table. */
async function main(): Promise<void> {
  const opts = options();
  const root = await realpath(
    await mkdtemp(join(tmpdir(), "mpm-prune-bench-")),
  );
  try {
    await isolateGit(root);
    const scripts: Scripts = {
      floor: join(root, "floor.sh"),
      sequential: join(root, "sequential.sh"),
    };
    await writeFile(scripts.floor, FLOOR_SCRIPT);
    await writeFile(scripts.sequential, SEQUENTIAL_SCRIPT);
    const gitVersion = (await git(root, "--version")).trim();
    log(
      `prune benchmark: sizes ${
        opts.sizes.map((s) => `${s.worktrees}x${s.files}`).join(",")
      }, ${opts.reps} rep(s), ${gitVersion}, in ${root}`,
    );
    const rows: string[][] = [];
    const runs: string[] = [];
    const notes: string[] = [];
    const verdicts: string[] = [];
    for (const size of opts.sizes) {
      const { fx, results } = await measureSize(
        root,
        size.worktrees,
        size.files,
        opts,
        scripts,
      );
      for (const scenario of ["first", "steady"] as const) {
        const r = results[scenario];
        const row = tableRow(size, scenario, r);
        rows.push(row.cells);
        runs.push(
          `  ${size.worktrees}x${size.files} ${scenario.padEnd(6)} ${
            TOOLS.map((t) => `${t} ${r[t].map((s) => fmtMs(s.ms)).join(", ")}`)
              .join(" | ")
          }`,
        );
        for (const t of TOOLS) {
          for (const s of r[t]) {
            if (s.note) {
              notes.push(
                `  ${size.worktrees}x${size.files} ${scenario} ${t}: ${s.note}`,
              );
            }
          }
        }
        const verdict = verdictFor(size, scenario, row);
        if (verdict) verdicts.push(verdict);
      }
      if (!opts.keep) await removeTree(fx.repo);
    }
    let pauseLine: string | undefined;
    if (opts.pauseFiles > 0) {
      const p = await measurePause(
        root,
        opts.pauseFiles,
        opts,
        join(root, "rss.txt"),
      );
      const status = median(p.status.map((s) => s.ms));
      const pause = median(p.pause.map((s) => s.ms));
      const ratio = pause / status;
      pauseLine = `pause --no-prune-worktrees on ${opts.pauseFiles} files: ${
        fmtMs(pause)
      } ms, bare git status ${fmtMs(status)} ms, ratio ${
        ratio.toFixed(2)
      } (target <= ${TARGETS.pause}) ${
        ratio <= TARGETS.pause ? "MET" : "MISSED"
      }`;
      verdicts.push(pauseLine);
    }
    console.log(
      `\nprune benchmark: median of ${opts.reps} run(s); 40% disposable; ${gitVersion}; ${
        opts.sync ? "sync before each run" : "no sync"
      }`,
    );
    console.log(table([
      "N",
      "files",
      "scenario",
      "floor ms",
      "seq ms",
      "library ms",
      "CLI ms",
      "CLI/floor",
      "lib/floor",
      "CLI/seq",
      "git calls floor/seq/lib",
      "CLI RSS MiB",
      "lib +RSS MiB",
      "wrong f/s/l/c",
    ], rows));
    console.log(
      "first = 40% to remove; steady = nothing left to remove. floor = 4-way parallel least git work; seq = sequential loop. " +
        "After every run the fixture is checked: kept worktrees intact, disposable ones gone ('wrong' counts runs that left a disposable one; anything worse aborts). " +
        "RSS = peak resident memory (GNU time); library = rise of this process's peak during the call.",
    );
    console.log("runs (ms):\n" + runs.join("\n"));
    if (notes.length) console.log("wrong runs:\n" + notes.join("\n"));
    console.log("targets:\n" + verdicts.map((v) => `  ${v}`).join("\n"));
  } finally {
    if (opts.keep) log(`kept ${root}`);
    else {
      await removeTree(root).catch((error) =>
        log(`could not remove ${root}: ${(error as Error).message}`)
      );
    }
  }
}

if (import.meta.main) {
  await main();
}
