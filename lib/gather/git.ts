/**
 * The one module that runs git. Every git process this tool starts goes
 * through {@link runGit}, which adds the safety flags, the timeout and the
 * environment that keep git from prompting, paging or taking optional locks.
 *
 * git is started with `node:child_process`, which Deno and Node both provide.
 * It reports a git killed by a signal as killed. dax 0.49, which this module
 * used first, reports that as exit code 0, and for this tool a killed
 * `git diff --quiet` or `git worktree remove` must never read as success.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { constants } from "node:os";
import { delimiter, resolve } from "node:path";
import process from "node:process";
import { hasInvalidUtf8 } from "./worktree_list_parse.ts";

/** How long one git call may run before it is killed (milliseconds). */
export const DEFAULT_GIT_TIMEOUT_MS = 60_000;

/** Options for one git call. */
export interface GitCallOptions {
  /** Directory git runs in. */
  cwd: string;
  /**
   * Whether the call only reads. Read-only calls pass
   * `--no-optional-locks` so they never compete with the user's git for
   * `index.lock`. Defaults to `true`.
   */
  readOnly?: boolean;
  /** Extra environment variables for this call. */
  env?: Record<string, string>;
  /** Text written to git's standard input. */
  stdin?: string;
  /** Timeout in milliseconds; defaults to `MPM_GIT_TIMEOUT_MS` or 60 s. */
  timeoutMs?: number;
}

/** What one git call produced. */
export interface GitResult {
  /**
   * The exit code; 124 when the call timed out, 128 + the signal number
   * when git was killed by a signal.
   */
  code: number;
  /** Standard output, decoded as UTF-8. */
  stdout: string;
  /**
   * Standard output as git wrote it. Decoding as UTF-8 turns bytes that are
   * not UTF-8 into U+FFFD, so paths and names that must stay exact are read
   * from here (see {@link hasInvalidUtf8}).
   */
  stdoutBytes?: Uint8Array;
  /** Standard error, decoded as UTF-8. */
  stderr: string;
  /** Whether the call was killed because it ran past its timeout. */
  timedOut: boolean;
}

/** Raised when git cannot be started at all. */
export class GitNotFoundError extends Error {
  constructor() {
    super(
      "Cannot run git: 'git' was not found on PATH: install git or add it to PATH",
    );
    this.name = "GitNotFoundError";
  }
}

/** Raised by {@link gitOk} when git exits non-zero. */
export class GitError extends Error {
  /** The git arguments, for diagnostics. */
  readonly args: readonly string[];
  /** The result git produced. */
  readonly result: GitResult;
  constructor(args: readonly string[], result: GitResult) {
    super(`git ${args[0] ?? ""} failed: ${describeGitFailure(result)}`);
    this.name = "GitError";
    this.args = args;
    this.result = result;
  }
}

/** Summarises why a git call failed, in one line. */
export function describeGitFailure(result: GitResult): string {
  if (result.timedOut) return "timed out";
  const line = result.stderr.split("\n").map((l) => l.trim()).find((l) =>
    l.length > 0
  );
  const text = line?.replace(/^(fatal|error|warning): /, "") ??
    `exit code ${result.code}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function timeoutFromEnv(): number {
  const raw = process.env.MPM_GIT_TIMEOUT_MS;
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(parsed) && parsed > 0
    ? parsed
    : DEFAULT_GIT_TIMEOUT_MS;
}

const BASE_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_PAGER: "cat",
  // Messages are parsed and quoted; keep them in one language.
  LC_ALL: "C",
  LANGUAGE: "C",
};

/**
 * Config every read-only call pins, whatever the repository or the user's
 * global config says: no fsmonitor program and no hooks run (a repository's
 * config can name programs), and status neither trusts a possibly stale
 * untracked cache nor hides untracked files.
 */
export const READ_ONLY_CONFIG: readonly string[] = [
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.untrackedCache=false",
  "-c",
  "status.showUntrackedFiles=all",
];

/** Variables that say where the user's own config lives; kept. */
const USER_CONFIG_VARS = new Set([
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "GIT_CONFIG_NOSYSTEM",
]);

/**
 * The caller's environment without any `GIT_*` variable. git sets
 * `GIT_INDEX_FILE`, `GIT_DIR` and others for hooks, and a caller may set
 * `GIT_OBJECT_DIRECTORY`, `GIT_CONFIG_*` or `GIT_NAMESPACE`; any of them
 * would make git answer about something other than the folder asked about.
 * Only what this module and its callers set on purpose reaches git, and
 * the three variables that say where the user's own config lives
 * (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_SYSTEM`, `GIT_CONFIG_NOSYSTEM`): that
 * config holds the user's `safe.directory`, which must keep working.
 */
export function cleanEnv(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (key.toUpperCase().startsWith("GIT_") && !USER_CONFIG_VARS.has(key)) {
      continue;
    }
    clean[key] = value;
  }
  return clean;
}

export { hasInvalidUtf8 };

let resolvedGit: { pathEnv: string; path: string } | undefined;

/**
 * Finds git on `PATH` ourselves, skipping folders that cannot be searched
 * (a lookup that stops at the first unreadable folder would miss a git
 * further on, as when a hook inherits another user's `PATH`).
 *
 * @throws {GitNotFoundError} when no folder on `PATH` has git.
 */
export async function gitExecutable(): Promise<string> {
  const pathEnv = process.env.PATH ?? "";
  if (resolvedGit?.pathEnv === pathEnv) return resolvedGit.path;
  const windows = process.platform === "win32";
  const name = windows ? "git.exe" : "git";
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === "") continue;
    const candidate = resolve(dir, name);
    try {
      const info = await stat(candidate);
      if (info.isFile() && (windows || (info.mode & 0o111) !== 0)) {
        resolvedGit = { pathEnv, path: candidate };
        return candidate;
      }
    } catch {
      // Missing or unsearchable: try the next folder.
    }
  }
  throw new GitNotFoundError();
}

let gitCalls = 0;

/** How many git processes this process has started (for benchmarks). */
export function gitCallCount(): number {
  return gitCalls;
}

/**
 * Runs git and returns its result; a non-zero exit is not an error here.
 *
 * @throws {GitNotFoundError} when git is not installed.
 */
export async function runGit(
  args: readonly string[],
  options: GitCallOptions,
): Promise<GitResult> {
  const readOnly = options.readOnly ?? true;
  const git = await gitExecutable();
  const argv = [
    ...(readOnly ? ["--no-optional-locks", ...READ_ONLY_CONFIG] : []),
    ...args,
  ];
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv();
  gitCalls++;
  const result = await new Promise<GitResult | Error>((done) => {
    const child = spawn(git, argv, {
      cwd: options.cwd,
      env: {
        ...cleanEnv(),
        ...BASE_ENV,
        ...(readOnly ? { GIT_OPTIONAL_LOCKS: "0" } : {}),
        ...options.env,
      },
      stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    if (options.stdin !== undefined) {
      child.stdin!.on("error", () => {}); // git may exit before reading it all
      child.stdin!.end(options.stdin);
    }
    // A killed git can leave grandchildren holding its pipes open, so the
    // timeout stops waiting instead of waiting for the pipes to close.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      done({ code: 124, stdout: "", stderr: "", timedOut: true });
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      done(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const killed = signal ? `fatal: git was killed by ${signal}\n` : "";
      const out = Buffer.concat(stdout);
      done({
        code: code ?? 128 + (constants.signals[signal!] ?? 0),
        stdout: out.toString("utf8"),
        stdoutBytes: out,
        stderr: Buffer.concat(stderr).toString("utf8") + killed,
        timedOut: false,
      });
    });
  });
  if (!(result instanceof Error)) return result;
  return await launchFailure(result, options.cwd);
}

/**
 * Turns a failure to start git into a result or an error. git itself was
 * found on PATH, so a missing file means the working directory is gone.
 */
async function launchFailure(error: Error, cwd: string): Promise<GitResult> {
  const code = (error as { code?: string }).code;
  const cwdGone = await stat(cwd).then((s) => !s.isDirectory(), () => true);
  if (cwdGone || code === "ENOTDIR") {
    return {
      code: 128,
      stdout: "",
      stderr: `fatal: cannot change to '${cwd}': no such directory`,
      timedOut: false,
    };
  }
  if (code === "ENOENT") throw new GitNotFoundError();
  throw error;
}

/**
 * Runs git and returns its standard output.
 *
 * @throws {GitError} when git exits non-zero.
 */
export async function gitOk(
  args: readonly string[],
  options: GitCallOptions,
): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}

/** Splits NUL-terminated git output into its fields. */
export function splitNul(text: string): string[] {
  const parts = text.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}
