/**
 * Benchmark for `prune`: how long it takes to clean `.claude/worktrees/`
 * compared with the plainest careful shell script doing the same job.
 *
 * For each size N (default 10, 100 and 300 worktrees) it builds one
 * fixture: a repository with 2,000 small files committed on `main` and N
 * worktrees under `.claude/worktrees/`, of which 40% are disposable (clean,
 * on a branch at `main`'s tip) and the rest hold work (an untracked file,
 * a commit not on `main`, or a lock). Then it times three contenders:
 *
 * - baseline: a sequential bash loop making only the git calls a careful
 *   script needs (`status`, `merge-base --is-ancestor`, `worktree remove`);
 * - library: `prune()` called in this process;
 * - CLI: `deno run -A cli.ts prune --json` as a separate process.
 *
 * in two scenarios: "first" (40% to remove) and "steady" (run again when
 * nothing is left to remove). Every run starts from the same state: after a
 * "first" run the removed worktrees are added back with `git worktree add`
 * on their unchanged branches (not timed), and a "steady" run changes
 * nothing. Dirty pages are flushed (`sync`) before every timed run, so the
 * worktrees are on disk as in real use. After every run the benchmark
 * checks that exactly the disposable worktrees are gone and every other one
 * is intact: a run that leaves a disposable worktree whole is counted as
 * wrong, anything worse (lost work, half-removed folders) stops it.
 *
 * ```sh
 * deno task bench                      # sizes 10,100,300, 3 repetitions
 * deno task bench --quick              # sizes 10,100
 * deno task bench --sizes 50 --reps 5  # custom
 * ```
 *
 * Options: `--sizes a,b,c`, `--quick`, `--reps N` (median of N, default
 * 3), `--files N` (files in the repository, default 2000), `--keep` (leave
 * the temporary folder in place), `--no-sync` (do not flush dirty pages to
 * disk before each timed run; removals then only touch the page cache and
 * are several times faster, but far noisier).
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
type Kind = "disposable" | "dirty" | "unmerged" | "locked";

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
 * one) locked, the rest split between dirty and unmerged, shuffled with a
 * fixed seed so every run builds the same fixture.
 */
function chooseKinds(n: number): Kind[] {
  const disposable = Math.round(n * 0.4);
  const locked = Math.min(n - disposable, Math.max(1, Math.round(n * 0.05)));
  const rest = n - disposable - locked;
  const dirty = Math.ceil(rest / 2);
  const kinds: Kind[] = [
    ...Array<Kind>(disposable).fill("disposable"),
    ...Array<Kind>(locked).fill("locked"),
    ...Array<Kind>(dirty).fill("dirty"),
    ...Array<Kind>(rest - dirty).fill("unmerged"),
  ];
  const random = seededRandom(n);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds;
}

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
    } else if (w.kind === "dirty" && !existsSync(join(w.path, "notes.txt"))) {
      problems.push(`untracked work lost: ${w.path}`);
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

/** The baseline: a sequential bash loop with the minimal git calls. */
const BASELINE_SCRIPT = `#!/usr/bin/env bash
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

/** Runs the bash baseline on the fixture. */
async function runBaseline(
  fx: Fixture,
  script: string,
  rssFile: string,
): Promise<Sample> {
  const [cmd, ...args] = timed("bash", [script, fx.repo], rssFile);
  const result = await run(cmd, args, { cwd: fx.repo });
  const match = /removed=(\d+) calls=(\d+)/.exec(result.stdout);
  if (result.code !== 0 || !match) {
    throw new Error(`baseline failed (${result.code}): ${result.stderr}`);
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
const TOOLS = ["baseline", "library", "cli"] as const;
/** One contender. */
type Tool = typeof TOOLS[number];
/** The two scenarios. */
type Scenario = "first" | "steady";

/** All samples for one size. */
type Results = Record<Scenario, Record<Tool, Sample[]>>;

/** Runs one contender once on the fixture. */
function runTool(
  tool: Tool,
  fx: Fixture,
  expectRemoved: number,
  script: string,
  rssFile: string,
): Promise<Sample> {
  switch (tool) {
    case "baseline":
      return runBaseline(fx, script, rssFile);
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
  opts: { reps: number; files: number; sync: boolean },
  script: string,
): Promise<{ fx: Fixture; results: Results }> {
  const fx = await buildFixture(root, n, opts.files);
  log(`  built fixture with ${n} worktrees in ${fmtMs(fx.buildMs)} ms`);
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

  const results: Results = {
    first: { baseline: [], library: [], cli: [] },
    steady: { baseline: [], library: [], cli: [] },
  };
  const order = (rep: number) =>
    TOOLS.map((_, i) => TOOLS[(i + rep) % TOOLS.length]);
  const record = async (
    scenario: Scenario,
    tool: Tool,
    rep: number,
    expectRemoved: number,
  ) => {
    await settle(opts.sync);
    const sample = await runTool(tool, fx, expectRemoved, script, rssFile);
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
    log(
      `  N=${n} ${scenario.padEnd(6)} rep ${rep + 1} ${tool.padEnd(8)} ${
        fmtMs(sample.ms).padStart(6)
      } ms${sample.note ? `  WRONG: ${sample.note}` : ""}`,
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

/** Parsed command-line options. */
interface Options {
  /** Worktree counts to measure. */
  sizes: number[];
  /** Repetitions per contender and scenario. */
  reps: number;
  /** Files committed in the repository. */
  files: number;
  /** Leave the temporary folder in place. */
  keep: boolean;
  /** Flush dirty pages before each timed run. */
  sync: boolean;
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
      keep: { type: "boolean" },
      "no-sync": { type: "boolean" },
    },
  });
  const sizes = (values.sizes ?? (values.quick ? "10,100" : "10,100,300"))
    .split(",").map((s) => Number(s.trim()));
  const reps = Number(values.reps ?? 3);
  const files = Number(values.files ?? 2000);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error(`--sizes wants positive integers, got '${values.sizes}'`);
  }
  if (!Number.isInteger(reps) || reps < 1) {
    throw new Error(`--reps wants a positive integer, got '${values.reps}'`);
  }
  if (!Number.isInteger(files) || files < 1) {
    throw new Error(`--files wants a positive integer, got '${values.files}'`);
  }
  return {
    sizes,
    reps,
    files,
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

/** One row of the results table, from one size and scenario. */
function tableRow(n: number, scenario: Scenario, r: Results[Scenario]) {
  const base = median(r.baseline.map((s) => s.ms));
  const lib = median(r.library.map((s) => s.ms));
  const cli = median(r.cli.map((s) => s.ms));
  const wrong = TOOLS.map((t) => r[t].filter((s) => s.note).length);
  const cells = [
    String(n),
    scenario,
    fmtMs(base),
    fmtMs(lib),
    fmtMs(cli),
    (lib / base).toFixed(2),
    (cli / base).toFixed(2),
    `${medianOf(r.baseline, (s) => s.gitCalls) ?? "-"}/${
      medianOf(r.library, (s) => s.gitCalls) ?? "-"
    }`,
    fmtMiB(medianOf(r.baseline, (s) => s.peakRssKiB)),
    fmtMiB(medianOf(r.library, (s) => s.peakRssKiB)),
    fmtMiB(medianOf(r.cli, (s) => s.peakRssKiB)),
    wrong.join("/"),
  ];
  return { cells, base, lib, cli, ourWrong: wrong[1] + wrong[2] };
}

/** Builds fixtures, runs every measurement and prints the table. */
async function main(): Promise<void> {
  const opts = options();
  const root = await realpath(
    await mkdtemp(join(tmpdir(), "mpm-prune-bench-")),
  );
  try {
    await isolateGit(root);
    const script = join(root, "baseline.sh");
    await writeFile(script, BASELINE_SCRIPT);
    const gitVersion = (await git(root, "--version")).trim();
    log(
      `prune benchmark: sizes ${
        opts.sizes.join(",")
      }, ${opts.reps} rep(s), ${opts.files} files, ${gitVersion}, in ${root}`,
    );
    const rows: string[][] = [];
    const runs: string[] = [];
    const notes: string[] = [];
    const verdict: string[] = [];
    let ok100: boolean | undefined;
    for (const n of opts.sizes) {
      const { fx, results } = await measureSize(root, n, opts, script);
      for (const scenario of ["first", "steady"] as const) {
        const r = results[scenario];
        const row = tableRow(n, scenario, r);
        rows.push(row.cells);
        runs.push(
          `  N=${n} ${scenario.padEnd(6)} ${
            TOOLS.map((t) => `${t} ${r[t].map((s) => fmtMs(s.ms)).join(", ")}`)
              .join(" | ")
          }`,
        );
        for (const t of TOOLS) {
          for (const s of r[t]) {
            if (s.note) notes.push(`  N=${n} ${scenario} ${t}: ${s.note}`);
          }
        }
        if (n === 100) {
          const lib = row.lib <= row.base && row.ourWrong === 0;
          const cli = row.cli <= row.base && row.ourWrong === 0;
          ok100 = (ok100 ?? true) && lib && cli;
          verdict.push(
            `${scenario}: library ${lib ? "yes" : "NO"} (${
              (row.lib / row.base).toFixed(2)
            }x), CLI ${cli ? "yes" : "NO"} (${
              (row.cli / row.base).toFixed(2)
            }x)`,
          );
        }
      }
      if (!opts.keep) await rm(fx.repo, { recursive: true, force: true });
    }
    console.log(
      `\nprune benchmark: median of ${opts.reps} run(s); ${opts.files} files committed; 40% disposable; ${gitVersion}; ${
        opts.sync ? "sync before each run" : "no sync"
      }`,
    );
    console.log(table([
      "N",
      "scenario",
      "baseline ms",
      "library ms",
      "CLI ms",
      "lib/base",
      "CLI/base",
      "git calls base/lib",
      "base RSS MiB",
      "lib +RSS MiB",
      "CLI RSS MiB",
      "wrong b/l/c",
    ], rows));
    console.log(
      "first = 40% to remove; steady = nothing left to remove. After every run the fixture is checked: " +
        "kept worktrees intact, disposable ones gone ('wrong' counts runs that left a disposable one; anything worse aborts). " +
        "RSS = peak resident memory (GNU time); library = rise of this process's peak during the call.",
    );
    console.log("runs (ms):\n" + runs.join("\n"));
    if (notes.length) console.log("wrong runs:\n" + notes.join("\n"));
    console.log(
      ok100 === undefined
        ? "ours <= baseline at 100 worktrees: not measured (add 100 to --sizes)"
        : `ours <= baseline at 100 worktrees in both scenarios: ${
          ok100 ? "YES" : "NO"
        } (${verdict.join("; ")})`,
    );
  } finally {
    if (opts.keep) log(`kept ${root}`);
    else {
      await rm(root, { recursive: true, force: true }).catch((error) =>
        log(`could not remove ${root}: ${(error as Error).message}`)
      );
    }
  }
}

if (import.meta.main) {
  await main();
}
