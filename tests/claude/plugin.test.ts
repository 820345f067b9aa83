/**
 * The Claude Code plugin as a git or marketplace install sees it: the
 * tracked Node bundle is current, `plugin/run.sh` runs it with only `node`
 * on PATH and never blocks when nothing can run, and the real client
 * (`@anthropic-ai/claude-code`, pinned, installed into a cache folder, run
 * offline) validates the plugin with `--strict`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { buildBundleText } from "../../scripts/bundle.ts";
import { PROJECT_ROOT, sandbox } from "../helpers.ts";
import { claudeClient, offlineEnv } from "./client.ts";

/** The committed bundle, or `undefined` outside a git checkout. */
function committedBundle(): string | undefined {
  try {
    return execFileSync("git", ["show", "HEAD:plugin/mpm-session.mjs"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

const COMMITTED = committedBundle();

Deno.test({
  name:
    "plugin: the tracked bundle is what the build makes of the committed source",
  ignore: COMMITTED === undefined,
  fn: async () => {
    const fresh = await buildBundleText();
    assert.ok(
      fresh === COMMITTED,
      "plugin/mpm-session.mjs is out of date: run 'deno task bundle' and commit it",
    );
  },
});

function runSh(
  path: string,
  args: string[],
  input?: string,
): { code: number | null; stdout: string; stderr: string; ms: number } {
  const start = performance.now();
  const result = spawnSync("/bin/sh", [
    join(PROJECT_ROOT, "plugin", "run.sh"),
    ...args,
  ], {
    input,
    encoding: "utf8",
    env: { PATH: path, HOME: process.env.HOME ?? "/tmp" },
    timeout: 30_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: performance.now() - start,
  };
}

Deno.test("plugin/run.sh: runs the tracked bundle with only node on PATH, and exits 0 at once with one line when nothing can run", () => {
  const box = sandbox();
  try {
    const onlyNode = join(box.dir, "only-node");
    mkdirSync(onlyNode);
    const node = execFileSync("sh", ["-c", "command -v node"], {
      encoding: "utf8",
    }).trim();
    symlinkSync(node, join(onlyNode, "node"));
    const version = runSh(onlyNode, ["--version"]);
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^mpm-session \d+\.\d+\.\d+/);

    // A hook's event reaches the CLI on stdin: an unknown event is no error.
    const hook = runSh(onlyNode, ["hook"], '{"hook_event_name":"Other"}');
    assert.equal(hook.code, 0, hook.stderr);

    const empty = join(box.dir, "empty");
    mkdirSync(empty);
    // No input: a script that exits without reading it would make writing
    // it fail (EPIPE), which says nothing about the script.
    const nothing = runSh(empty, ["hook"]);
    assert.equal(nothing.code, 0, "a hook never breaks the editor");
    assert.equal(nothing.stdout, "");
    assert.equal(nothing.stderr.trim().split("\n").length, 1, nothing.stderr);
    assert.match(nothing.stderr, /^mpm-session: cannot run/);
    assert.ok(nothing.ms < 1000, `took ${nothing.ms.toFixed(0)} ms`);
  } finally {
    box.cleanup();
  }
});

const client = await claudeClient();

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: plugin validate --strict passes for the plugin and its marketplace`,
  ignore: client.path === undefined,
  fn: () => {
    const box = sandbox();
    try {
      for (const target of [".", ".claude-plugin/marketplace.json"]) {
        const result = spawnSync(
          client.path!,
          ["plugin", "validate", "--strict", target],
          {
            cwd: PROJECT_ROOT,
            encoding: "utf8",
            env: offlineEnv(box.dir),
            timeout: 120_000,
          },
        );
        assert.equal(
          result.status,
          0,
          `${target}: ${result.stdout}\n${result.stderr}`,
        );
        assert.match(result.stdout + result.stderr, /Validation passed/);
      }
    } finally {
      box.cleanup();
    }
  },
});

if (client.path === undefined) {
  console.log(`claude client tests skipped: ${client.why}`);
}

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: a git copy of the tracked files installs as a marketplace plugin whose hook command runs with only node`,
  ignore: client.path === undefined || COMMITTED === undefined,
  fn: () => {
    const box = sandbox();
    try {
      const copy = join(box.dir, "plugin-copy");
      execFileSync(
        "git",
        ["clone", "-q", "--no-hardlinks", PROJECT_ROOT, copy],
        {
          stdio: "ignore",
        },
      );
      const env = offlineEnv(join(box.dir, "home"));
      const claude = (...args: string[]) =>
        spawnSync(client.path!, args, {
          cwd: box.dir,
          encoding: "utf8",
          env,
          timeout: 120_000,
        });
      const added = claude("plugin", "marketplace", "add", copy);
      assert.equal(added.status, 0, added.stdout + added.stderr);
      const installed = claude("plugin", "install", "mpm-session@mpm-session");
      assert.equal(installed.status, 0, installed.stdout + installed.stderr);
      const listed = claude("plugin", "list");
      assert.match(listed.stdout, /mpm-session@mpm-session/);
      // The copy has no dist/ and no node_modules: the tracked bundle runs.
      const onlyNode = join(box.dir, "only-node");
      mkdirSync(onlyNode);
      symlinkSync(
        process.execPath.endsWith("deno")
          ? execFileSync("sh", ["-c", "command -v node"], { encoding: "utf8" })
            .trim()
          : process.execPath,
        join(onlyNode, "node"),
      );
      const run = spawnSync("/bin/sh", [
        join(copy, "plugin", "run.sh"),
        "--version",
      ], {
        encoding: "utf8",
        env: { PATH: onlyNode, HOME: box.dir },
        timeout: 30_000,
      });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^mpm-session /);
    } finally {
      box.cleanup();
    }
  },
});
