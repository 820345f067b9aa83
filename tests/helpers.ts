/**
 * Test helpers: real git repositories in temporary folders, and the CLI run
 * as a real process under Deno or, with `MPM_TEST_RUNTIME=node`, as the npm
 * bundle under Node. Tests never depend on the machine's git settings.
 *
 * @module
 */

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";

/** The repository root of this project. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Which runtime runs the CLI in end-to-end tests. */
export const RUNTIME: "deno" | "node" = process.env.MPM_TEST_RUNTIME === "node"
  ? "node"
  : "deno";

/** A scratch folder with its own HOME and git config, removed by `cleanup`. */
export interface Sandbox {
  /** The scratch folder. */
  dir: string;
  /** Environment for git and the CLI: no global config, fixed identity. */
  env: Record<string, string>;
  /** Removes the folder. */
  cleanup(): void;
}

/** Creates a sandbox folder with an isolated HOME and git configuration. */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "mpm-session-test-"));
  const home = join(dir, "home");
  mkdirSync(home);
  const globalConfig = join(home, ".gitconfig");
  writeFileSync(globalConfig, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_AUTHOR_NAME: "Test Author",
    GIT_AUTHOR_EMAIL: "author@example.com",
    GIT_COMMITTER_NAME: "Test Committer",
    GIT_COMMITTER_EMAIL: "committer@example.com",
    CLAUDE_CONFIG_DIR: join(home, ".claude"),
    NO_COLOR: "1",
  };
  if (process.env.DENO_DIR) env.DENO_DIR = process.env.DENO_DIR;
  if (process.env.XDG_CACHE_HOME) {
    env.XDG_CACHE_HOME = process.env.XDG_CACHE_HOME;
  } else if (process.env.HOME) {
    env.XDG_CACHE_HOME = join(process.env.HOME, ".cache");
  }
  return {
    dir,
    env,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs git synchronously in `cwd` and returns its trimmed output. */
export function git(
  box: Sandbox,
  cwd: string,
  ...args: string[]
): string {
  return execFileSync("git", args, {
    cwd,
    env: box.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** Creates a repository with one commit on `main` and returns its path. */
export function makeRepo(box: Sandbox, name = "repo"): string {
  const repo = join(box.dir, name);
  mkdirSync(repo, { recursive: true });
  git(box, repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, "README.md"), "# test\n");
  git(box, repo, "add", ".");
  git(box, repo, "commit", "-q", "-m", "initial commit");
  return repo;
}

/** Writes a file, creating folders, and returns its path. */
export function writeFile(path: string, content: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Commits everything in `cwd` with `message`. */
export function commitAll(box: Sandbox, cwd: string, message: string): void {
  // Agent worktrees nested in the repository are never part of its commits.
  git(box, cwd, "add", "-A", "--", ".", ":(exclude).claude/worktrees");
  git(box, cwd, "commit", "-q", "-m", message);
}

/** Adds a worktree under `.claude/worktrees/<name>` on a new branch. */
export function addWorktree(
  box: Sandbox,
  repo: string,
  name: string,
  options: { detach?: boolean; branch?: string } = {},
): string {
  const path = join(repo, ".claude", "worktrees", name);
  if (options.detach) git(box, repo, "worktree", "add", "-q", "--detach", path);
  else {git(
      box,
      repo,
      "worktree",
      "add",
      "-q",
      "-b",
      options.branch ?? name,
      path,
    );}
  return path;
}

/** What a CLI run produced. */
export interface CliResult {
  /** Exit code. */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** The command that starts the CLI under the runtime being tested. */
export function cliCommand(): string[] {
  return RUNTIME === "node"
    ? [
      process.env.MPM_TEST_NODE ?? "node",
      join(PROJECT_ROOT, "dist", "mpm-session.mjs"),
    ]
    : [process.execPath, "run", "-A", "--quiet", join(PROJECT_ROOT, "cli.ts")];
}

/** Runs the CLI as a real process. */
export function runCli(
  box: Sandbox,
  args: string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const [command, ...prefix] = cliCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: options.cwd ?? box.dir,
      env: { ...box.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** Runs the CLI and parses its `--json` output. */
export async function runCliJson<T = Record<string, unknown>>(
  box: Sandbox,
  args: string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
): Promise<{ result: CliResult; json: T }> {
  const result = await runCli(box, [...args, "--json"], options);
  if (result.code !== 0 && result.code !== 3) {
    throw new Error(`CLI failed (${result.code}): ${result.stderr}`);
  }
  return { result, json: JSON.parse(result.stdout) as T };
}

/** Whether a path exists (without following symlinks). */
export function exists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
