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
 * nothing. After every run the benchmark checks that exactly the
 * disposable worktrees are gone and every other one is intact, and stops
 * with an error if not.
 *
 * ```sh
 * deno task bench                      # sizes 10,100,300, 3 repetitions
 * deno task bench --quick              # sizes 10,100
 * deno task bench --sizes 50 --reps 5  # custom
 * ```
 *
 * Options: `--sizes a,b,c`, `--quick`, `--reps N` (median of N, default
 * 3), `--files N` (files in the repository, default 2000), `--keep` (leave
 * the temporary folder in place).
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
 * @param opts working directory and environment (defaults: inherited).
 */
function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? (process.env as Record<string, string>),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    child.stdout.on("data", (c: Uint8Array) => out.push(c));
    child.stderr.on("data", (c: Uint8Array) => err.push(c));
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

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}

/** The median of a non-empty list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A small deterministic random number generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  const random = rng(n);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds;
}

/** Adds one worktree, retrying once (parallel adds can race on a lock). */
async function addWorktree(repo: string, args: string[]): Promise<void> {
  try {
    await git(repo, "worktree", "add", "-q", ...args);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    await git(repo, "worktree", "add", "-q", ...args);
  }
}

/**
 * Creates one worktree of the fixture on a new branch at `main` and gives
 * it its kind's content.
 */
async function createWorktree(repo: string, wt: WorktreeSpec): Promise<void> {
  const lock = wt.kind === "locked"
    ? ["--lock", "--reason", "bench: an agent is working here"]
    : [];
  await addWorktree(repo, [...lock, "-b", wt.name, wt.path, "main"]);
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
 * @throws {Error} describing every difference found.
 */
async function verify(
  fx: Fixture,
  disposableGone: boolean,
  label: string,
): Promise<void> {
  const expected = fx.worktrees.filter((w) =>
    !disposableGone || w.kind !== "disposable"
  );
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
  const ours = [...registered.keys()].filter((p) =>
    p.startsWith(fx.worktreesDir + "/")
  );
  const want = new Set(expected.map((w) => w.path));
  for (const p of ours) {
    if (!want.has(p)) problems.push(`still registered: ${p}`);
  }
  for (const w of expected) {
    const r = registered.get(w.path);
    if (!r) problems.push(`missing registration: ${w.path} (${w.kind})`);
    else if (r.branch !== `refs/heads/${w.name}`) {
      problems.push(`wrong branch in ${w.path}: ${r.branch}`);
    } else if (r.locked !== (w.kind === "locked")) {
      problems.push(`lock state changed: ${w.path}`);
    }
  }
  const onDisk = (await readdir(fx.worktreesDir)).sort();
  const wantNames = expected.map((w) => w.name).sort();
  if (onDisk.join("\n") !== wantNames.join("\n")) {
    const extra = onDisk.filter((n) => !wantNames.includes(n));
    const lacking = wantNames.filter((n) => !onDisk.includes(n));
    problems.push(
      `folders differ: extra [${extra.join(", ")}], missing [${
        lacking.join(", ")
      }]`,
    );
  }
  for (const w of expected) {
    if (w.kind === "dirty" && !existsSync(join(w.path, "notes.txt"))) {
      problems.push(`untracked work lost: ${w.path}`);
    }
    if (w.kind === "unmerged" && !existsSync(join(w.path, "feature.txt"))) {
      problems.push(`committed work missing: ${w.path}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `verification failed after ${label}:\n  ${problems.join("\n  ")}`,
    );
  }
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

/** Checks a summary's counts against the fixture. */
function checkSummary(
  summary: PruneSummary,
  fx: Fixture,
  removed: number,
  label: string,
): void {
  const kept = fx.worktrees.filter((w) => w.kind !== "disposable").length;
  if (
    summary.pruned_count !== removed || summary.preserved_count !== kept ||
    summary.skipped
  ) {
    throw new Error(
      `${label}: pruned ${summary.pruned_count} (want ${removed}), preserved ${summary.preserved_count} (want ${kept}), skipped ${summary.skipped}`,
    );
  }
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
  checkSummary(summary, fx, expectRemoved, "library");
  return {
    ms,
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
  checkSummary(summary, fx, expectRemoved, "CLI");
  return {
    ms: result.ms,
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

/**
 * Measures one size: builds the fixture, warms caches with dry runs, then
 * times every contender in both scenarios, rotating the order each
 * repetition so no contender always runs first.
 */
async function measureSize(
  root: string,
  n: number,
  reps: number,
  files: number,
  script: string,
): Promise<{ fx: Fixture; results: Results }> {
  const fx = await buildFixture(root, n, files);
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

  for (let rep = 0; rep < reps; rep++) {
    for (const tool of order(rep)) {
      await restoreDisposable(fx);
      await verify(fx, false, `restoring before ${tool}`);
      const sample = await runTool(tool, fx, disposable, script, rssFile);
      if (sample.removed !== disposable) {
        throw new Error(`${tool} removed ${sample.removed}, not ${disposable}`);
      }
      await verify(fx, true, `${tool} (first prune, rep ${rep + 1})`);
      results.first[tool].push(sample);
      log(
        `  N=${n} first  rep ${rep + 1} ${tool.padEnd(8)} ${
          fmtMs(sample.ms)
        } ms`,
      );
    }
  }
  for (let rep = 0; rep < reps; rep++) {
    for (const tool of order(rep)) {
      const sample = await runTool(tool, fx, 0, script, rssFile);
      if (sample.removed !== 0) {
        throw new Error(`${tool} removed ${sample.removed} in steady state`);
      }
      await verify(fx, true, `${tool} (steady state, rep ${rep + 1})`);
      results.steady[tool].push(sample);
      log(
        `  N=${n} steady rep ${rep + 1} ${tool.padEnd(8)} ${
          fmtMs(sample.ms)
        } ms`,
      );
    }
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

/** Parses the command line. */
function options(): {
  sizes: number[];
  reps: number;
  files: number;
  keep: boolean;
} {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: "string" },
      quick: { type: "boolean" },
      reps: { type: "string" },
      files: { type: "string" },
      keep: { type: "boolean" },
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
  return { sizes, reps, files, keep: values.keep ?? false };
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
    const verdict = new Map<string, boolean>();
    for (const n of opts.sizes) {
      const { fx, results } = await measureSize(
        root,
        n,
        opts.reps,
        opts.files,
        script,
      );
      for (const scenario of ["first", "steady"] as const) {
        const r = results[scenario];
        const base = median(r.baseline.map((s) => s.ms));
        const lib = median(r.library.map((s) => s.ms));
        const cli = median(r.cli.map((s) => s.ms));
        const calls = `${medianOf(r.baseline, (s) => s.gitCalls) ?? "-"}/${
          medianOf(r.library, (s) => s.gitCalls) ?? "-"
        }`;
        rows.push([
          String(n),
          scenario,
          fmtMs(base),
          fmtMs(lib),
          fmtMs(cli),
          (lib / base).toFixed(2),
          (cli / base).toFixed(2),
          calls,
          fmtMiB(medianOf(r.baseline, (s) => s.peakRssKiB)),
          fmtMiB(medianOf(r.library, (s) => s.peakRssKiB)),
          fmtMiB(medianOf(r.cli, (s) => s.peakRssKiB)),
        ]);
        if (n === 100) {
          verdict.set(`library ${scenario}`, lib <= base);
          verdict.set(`CLI ${scenario}`, cli <= base);
        }
      }
      await rm(fx.repo, { recursive: true, force: true });
    }
    console.log(
      `\nprune benchmark: median of ${opts.reps} run(s); ${opts.files} files per worktree; 40% disposable; ${gitVersion}`,
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
    ], rows));
    console.log(
      "(first = 40% to remove; steady = nothing left to remove. Every run verified: exactly the disposable worktrees removed, the rest intact. " +
        "RSS: peak resident memory via GNU time; library = rise of this process's peak above its size before the call.)",
    );
    if (verdict.size === 0) {
      console.log(
        "ours <= baseline at 100 worktrees: not measured (add 100 to --sizes)",
      );
    } else {
      const all = [...verdict.values()].every(Boolean);
      const parts = [...verdict].map(([k, ok]) => `${k} ${ok ? "yes" : "NO"}`);
      console.log(
        `ours <= baseline at 100 worktrees in both scenarios: ${
          all ? "YES" : "NO"
        } (${parts.join(", ")})`,
      );
    }
  } finally {
    if (opts.keep) log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  await main();
}
