/**
 * Helpers shared by the fault-injection suites: a `git` wrapper that fails,
 * lies, hangs or slows down on chosen subcommands; tmpfs mounts; running the
 * CLI as another user or as a process the test can signal; and checks that
 * every error is one line with no stack trace.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { cliCommand, git, RUNTIME, type Sandbox } from "../helpers.ts";
import {
  type NobodyCli,
  prepareNobodyCli,
  SETPRIV_NOBODY,
} from "./nobody_cli.ts";

/** The real git, resolved once before any test puts a wrapper on PATH. */
export const REAL_GIT: string = (() => {
  try {
    return realpathSync(
      execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" })
        .trim(),
    );
  } catch {
    return "/usr/bin/git";
  }
})();

/** The git timeout every fault test runs with, so nothing hangs for long. */
export const GIT_TIMEOUT_MS = "1500";

/** What the wrapper does when a rule matches. */
export type FaultMode =
  /** Exit 128 with a `fatal:` message. */
  | "fail"
  /** Print garbage (the rule's `output`) on stdout and exit 0. */
  | "garbage"
  /** Print nothing and exit 0. */
  | "empty"
  /** `exec sleep 30`: the call never answers. */
  | "hang"
  /** Sleep `delay` seconds, then run the real git. */
  | "slow"
  /** Die by SIGKILL (as the OOM killer or a stray `kill` would). */
  | "killed";

/** One fault: which git subcommand, where, and what happens. */
export interface GitFault {
  /** `status`, `for-each-ref`, or two words such as `worktree list`. */
  match: string;
  /** What happens. */
  mode: FaultMode;
  /** Only when git runs inside `.claude/worktrees/` (a worktree's own call). */
  onlyInWorktrees?: boolean;
  /** For `garbage`: what to print (printf format, so `\0` works). */
  output?: string;
  /** For `slow`: seconds to wait. */
  delay?: number;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes a `git` wrapper into `<box>/fakebin` and returns the environment
 * that puts it first on PATH. Every rule that fires appends a line to
 * `<box>/fakegit.log`, so a test can prove its fault was really hit.
 */
export function fakeGit(
  box: Sandbox,
  faults: GitFault[],
): Record<string, string> {
  const bin = join(box.dir, "fakebin");
  mkdirSync(bin, { recursive: true });
  const log = join(box.dir, "fakegit.log");
  const rules = faults.map((f) => {
    const where = f.onlyInWorktrees
      ? `case "$here" in */.claude/worktrees/*) ;; *) false ;; esac`
      : "true";
    const action = {
      fail:
        `echo "fatal: injected failure of git $sub" >&2; echo "unexpected line two" >&2; exit 128`,
      garbage: `printf ${shellQuote(f.output ?? "garbage\\0")}; exit 0`,
      empty: "exit 0",
      hang: "exec sleep 30",
      killed: "kill -KILL $$",
      slow: `sleep ${f.delay ?? 0.3}`,
    }[f.mode];
    return `if matches ${shellQuote(f.match)} && { ${where}; }; then
  echo "${f.mode} ${f.match} $here" >> ${shellQuote(log)}
  ${action}
fi`;
  });
  const script = `#!/bin/sh
# Fault-injecting git wrapper written by tests/faults/fault_helpers.ts.
sub=""; sub2=""; skip=0
for a in "$@"; do
  if [ -n "$sub" ]; then sub2="$a"; break; fi
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$a" in
    -c|-C|--git-dir|--work-tree|--namespace|--exec-path) skip=1 ;;
    -*) ;;
    *) sub="$a" ;;
  esac
done
here=$(pwd -P)
matches() { [ "$1" = "$sub" ] || [ "$1" = "$sub $sub2" ]; }
${rules.join("\n")}
exec ${shellQuote(REAL_GIT)} "$@"
`;
  const path = join(bin, "git");
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return {
    PATH: `${bin}:${box.env.PATH}`,
    MPM_GIT_TIMEOUT_MS: GIT_TIMEOUT_MS,
  };
}

/** How many times the wrapper's rules fired, by `mode match`. */
export function faultHits(box: Sandbox): string[] {
  try {
    return readFileSync(join(box.dir, "fakegit.log"), "utf8").split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** A folder holding only the runtime (no git), for a PATH without git. */
export function pathWithoutGit(box: Sandbox): string {
  const bin = join(box.dir, "nogit-bin");
  mkdirSync(bin, { recursive: true });
  const node = process.env.MPM_TEST_NODE ?? "node";
  try {
    const nodePath = realpathSync(
      execFileSync("sh", ["-c", `command -v ${shellQuote(node)}`], {
        encoding: "utf8",
      }).trim(),
    );
    execFileSync("ln", ["-sf", nodePath, join(bin, "node")]);
  } catch {
    // Only the Node runtime needs it; the Deno runtime starts by full path.
  }
  return bin;
}

/** Lines of standard error that look like a stack trace. */
export function stackLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => /^\s{2,}at /.test(l));
}

/** Asserts no stack trace reached standard error. */
export function assertNoStack(stderr: string, what = "stderr"): void {
  assert.deepEqual(
    stackLines(stderr),
    [],
    `${what} has a stack trace:\n${stderr}`,
  );
}

/** Asserts standard error is exactly one `error: …` line, and returns it. */
export function assertOneErrorLine(stderr: string): string {
  assertNoStack(stderr);
  const lines = stderr.split("\n").filter((l) => l !== "");
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0], /^error: /);
  assert.ok(stderr.endsWith("\n"), "the error line ends with a newline");
  return lines[0];
}

/** The worktrees git has registered, as absolute paths (newline-safe). */
export function registered(box: Sandbox, repo: string): string[] {
  const out = execFileSync(
    REAL_GIT,
    ["worktree", "list", "--porcelain", "-z"],
    { cwd: repo, env: box.env, encoding: "utf8" },
  );
  return out.split("\0").filter((f) => f.startsWith("worktree ")).map((f) =>
    f.slice("worktree ".length)
  );
}

/** Every path under `dir`, relative, sorted; `[]` when it does not exist. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!lstatSync(dir).isDirectory()) return ["(a file)"];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      out.push(child);
      let isDir = false;
      try {
        isDir = lstatSync(join(dir, child)).isDirectory();
      } catch {
        isDir = false;
      }
      if (isDir) walk(child);
    }
  };
  walk("");
  return out;
}

/** Adds `count` clean worktrees at main, named `<prefix>00`, `<prefix>01`… */
export function addCleanWorktrees(
  box: Sandbox,
  repo: string,
  count: number,
  prefix = "tmp",
): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${prefix}${String(i).padStart(2, "0")}`;
    git(
      box,
      repo,
      "worktree",
      "add",
      "-q",
      "-b",
      name,
      join(repo, ".claude", "worktrees", name),
    );
    names.push(name);
  }
  return names;
}

/** The outcome of one worktree or orphan in a prune report. */
export interface Outcome {
  path: string;
  relative_path: string;
  action: string;
  reasons: { code: string; message: string }[];
  kind?: string;
}

/** The prune report, as much of it as the tests read. */
export interface Summary {
  pruned_count: number;
  preserved_count: number;
  admin_pruned: number;
  worktrees: Outcome[];
  orphans_swept: number;
  orphans_preserved: number;
  orphans: Outcome[];
  orphan_sweep_skipped: string | null;
  skipped: string | null;
  trash: { emptied: string[]; restored: string[]; remaining: string[] };
  notes: string[];
}

/** The outcome for `.claude/worktrees/<name>`. */
export function outcomeOf(list: Outcome[], name: string): Outcome {
  const rel = join(".claude", "worktrees", name);
  const found = list.find((o) => o.relative_path === rel);
  assert.ok(
    found,
    `no outcome for ${name} in ${
      JSON.stringify(list.map((o) => o.relative_path))
    }`,
  );
  return found;
}

/** The reason codes of an outcome. */
export function codes(o: Outcome): string[] {
  return o.reasons.map((r) => r.code);
}

/** What a spawned CLI produced. */
export interface SpawnResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A CLI process the test controls. */
export interface RunningCli {
  pid: number;
  kill(signal: NodeJS.Signals): void;
  /** Kills its whole process group (the CLI and every git it started). */
  killGroup(signal: NodeJS.Signals): void;
  done: Promise<SpawnResult>;
}

/**
 * Starts the CLI (under the runtime being tested) in its own process group,
 * with `prefix` (such as `setpriv …`) in front when given.
 */
export function spawnCli(
  box: Sandbox,
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    prefix?: string[];
    stdin?: string;
  } = {},
): RunningCli {
  const argv = [...(options.prefix ?? []), ...cliCommand(), ...args];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: options.cwd ?? box.dir,
    env: { ...box.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d) => (stderr += d));
  const done = new Promise<SpawnResult>((resolve, reject) => {
    child.on("error", reject);
    child.on(
      "close",
      (code, signal) =>
        resolve({ code, signal: signal ?? null, stdout, stderr }),
    );
  });
  child.stdin!.end(options.stdin ?? "");
  return {
    pid: child.pid!,
    kill: (signal) => {
      // Not child.kill(): Deno then reports the signal instead of the exit code.
      try {
        process.kill(child.pid!, signal);
      } catch {
        // Already gone.
      }
    },
    killGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    },
    done,
  };
}

/** Runs the CLI to the end (see {@link spawnCli}). */
export function runCliWith(
  box: Sandbox,
  args: string[],
  options: Parameters<typeof spawnCli>[2] = {},
): Promise<SpawnResult> {
  return spawnCli(box, args, options).done;
}

let stdoutFiles = 0;

/**
 * Runs the CLI with its standard output sent to a file instead of a pipe,
 * for output larger than a pipe buffer (see the 64 KiB bug in scale tests).
 */
export async function runCliToFile(
  box: Sandbox,
  args: string[],
  options: Parameters<typeof spawnCli>[2] = {},
): Promise<SpawnResult> {
  const out = join(box.dir, "home", `stdout-${stdoutFiles++}.txt`);
  const redirect = ["sh", "-c", 'o="$1"; shift; exec "$@" >"$o"', "sh", out];
  const result = await spawnCli(box, args, {
    ...options,
    prefix: [...redirect, ...(options.prefix ?? [])],
  }).done;
  return { ...result, stdout: readFileSync(out, "utf8") };
}

/** Waits until `check` holds, polling every `everyMs`; false on timeout. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  everyMs = 5,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

/** PIDs of processes whose working directory is `dir` or inside it. */
export function processesInside(dir: string): number[] {
  const found: number[] = [];
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return found; // No /proc (not Linux): nothing to wait for.
  }
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + "/")) found.push(Number(name));
    } catch {
      // Gone or not ours.
    }
  }
  return found;
}

function probe(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may mount a tmpfs (root in CI). */
export const CAN_MOUNT: boolean = (() => {
  if (process.platform !== "linux") return false;
  const dir = mkdtempSync(join(tmpdir(), "mpm-mount-probe-"));
  try {
    if (!probe("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir])) {
      return false;
    }
    const ro = probe("mount", ["-o", "remount,ro", dir]);
    probe("umount", [dir]);
    return ro;
  } finally {
    try {
      rmdirSync(dir);
    } catch {
      // Still mounted: leave it.
    }
  }
})();

/** Whether setpriv can switch to nobody here (root with setpriv). */
const HAS_SETPRIV_NOBODY: boolean = process.platform === "linux" &&
  process.getuid?.() === 0 &&
  probe("setpriv", [
    "--reuid=65534",
    "--regid=65534",
    "--clear-groups",
    "true",
  ]);

/** How to run the CLI as nobody, even from a checkout nobody cannot read. */
const NOBODY_CLI: NobodyCli | undefined = HAS_SETPRIV_NOBODY
  ? prepareNobodyCli()
  : undefined;
if (NOBODY_CLI && !NOBODY_CLI.ok) {
  console.log(`skip: the tests run as user nobody: ${NOBODY_CLI.why}`);
}

/**
 * Whether the CLI can be run as user nobody (root with setpriv, and a CLI
 * nobody can read).
 */
export const CAN_RUN_AS_NOBODY: boolean = NOBODY_CLI?.ok === true;

/** Mounts a tmpfs of `size` (such as `64k`) at `dir`, creating it. */
export function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
}

/** Remounts the mount at `dir` read-only. */
export function remountReadOnly(dir: string): void {
  execFileSync("mount", ["-o", "remount,ro", dir]);
}

/** Unmounts `dir` if it is mounted; lazily when it is busy. */
export function unmount(dir: string): void {
  if (!probe("umount", [dir])) probe("umount", ["-l", dir]);
}

/**
 * The name of a test that cannot run here: says why, and prints one line
 * explaining the skip when the module loads.
 */
export function skippable(
  name: string,
  available: boolean,
  why: string,
): { name: string; ignore: boolean } {
  if (available) return { name, ignore: false };
  console.log(`skip: ${name}: ${why}`);
  return { name: `${name} [skipped: ${why}]`, ignore: true };
}

/** The prefix that runs a command as nobody, and the env it needs. */
export function asNobody(box: Sandbox): {
  prefix: string[];
  env: Record<string, string>;
} {
  execFileSync("chown", ["-R", "65534:65534", box.dir]);
  const env: Record<string, string> = {
    // Entries nobody cannot search would stop the PATH lookup.
    PATH: "/usr/local/bin:/usr/bin:/bin",
  };
  if (RUNTIME === "deno") {
    const denoDir = join(box.dir, "deno-dir");
    mkdirSync(denoDir, { recursive: true });
    execFileSync("chown", ["65534:65534", denoDir]);
    env.DENO_DIR = denoDir;
    env.XDG_CACHE_HOME = join(box.dir, "home", ".cache");
  }
  return {
    prefix: NOBODY_CLI?.ok ? NOBODY_CLI.prefix : SETPRIV_NOBODY,
    env,
  };
}
