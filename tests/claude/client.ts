/**
 * The real Claude Code client for the end-to-end tests: a pinned version of
 * `@anthropic-ai/claude-code` (a native binary of some 235 MB, so not a
 * dependency of this package) installed once from npm into a cache folder,
 * and an environment that runs it offline with a throwaway home.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";

/** The client version the tests and the README's facts were checked against. */
export const CLAUDE_CODE_VERSION = "2.1.332";

/** The installed client, or why there is none. */
export interface ClaudeClient {
  /** The `claude` executable, when installed. */
  path?: string;
  /** Its version, when installed. */
  version?: string;
  /** Why it is missing. */
  why?: string;
}

/** The cache folder for the pinned client (honours `XDG_CACHE_HOME`). */
export function clientCacheDir(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cache, "mpm-session-tests", `claude-code-${CLAUDE_CODE_VERSION}`);
}

/**
 * Finds the pinned client in the cache, installing it with npm when it is
 * missing (bounded to ten minutes).
 */
export function claudeClient(): Promise<ClaudeClient> {
  const dir = clientCacheDir();
  const bin = join(dir, "node_modules", ".bin", "claude");
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const install = spawnSync("npm", [
      "install",
      "--prefix",
      dir,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}`,
    ], { encoding: "utf8", timeout: 600_000 });
    if (install.status !== 0 || !existsSync(bin)) {
      return Promise.resolve({
        why:
          `@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION} cannot be installed: ${
            (install.stderr || install.error?.message || "npm failed").trim()
              .split("\n").at(-1)
          }`,
      });
    }
  }
  const version = spawnSync(bin, ["--version"], {
    encoding: "utf8",
    timeout: 60_000,
    env: offlineEnv(join(dir, "home")),
  });
  if (version.status !== 0) {
    return Promise.resolve({
      why: `the installed client does not run: ${
        (version.stderr || version.error?.message || "").trim()
      }`,
    });
  }
  return Promise.resolve({ path: bin, version: version.stdout.trim() });
}

/**
 * An environment that keeps the client offline and away from the user's
 * settings: a temporary home and config folder, a dummy key, and every
 * switch for telemetry, updates and other traffic off.
 */
export function offlineEnv(home: string): Record<string, string> {
  mkdirSync(join(home, ".claude"), { recursive: true });
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, ".claude"),
    ANTHROPIC_API_KEY: "test-key",
    // Nothing listens there: a client that tried the network would fail.
    ANTHROPIC_BASE_URL: "http://127.0.0.1:9",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_ERROR_REPORTING: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
  };
}
