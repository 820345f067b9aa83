/**
 * End-to-end: the hook command `install-hooks` writes runs from a fresh
 * shell with a minimal PATH, as Claude Code runs it; `local` writes
 * `.claude/settings.local.json`; `uninstallHooks` takes out exactly what
 * was added, with a backup; `--command` that would not resolve warns.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  installHooks,
  uninstallHooks,
} from "../../lib/commands/install_hooks.ts";
import {
  hookCommand,
  resolveExecutable,
} from "../../lib/gather/hook_command.ts";
import {
  isOurHookCommand,
  unmergeHooks,
} from "../../lib/decide/merge_hooks.ts";
import {
  makeRepo,
  runCli,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";

Deno.test("hook command: what install-hooks writes runs from a fresh shell with PATH=/usr/bin:/bin", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const { json } = await runCliJson<{ command: string; warnings: string[] }>(
      box,
      ["install-hooks"],
      { cwd: repo },
    );
    assert.deepEqual(json.warnings, []);
    const settings = JSON.parse(
      readFileSync(join(repo, ".claude", "settings.json"), "utf8"),
    );
    const command = settings.hooks.SessionStart[0].hooks[0].command;
    assert.equal(command, json.command);
    assert.ok(isOurHookCommand(command), command);
    const paused = await runCli(box, [
      "pause",
      "-m",
      "fresh shell check",
      "--no-prune-worktrees",
    ], { cwd: repo });
    assert.equal(paused.code, 0, paused.stderr);
    const env: Record<string, string> = {
      PATH: "/usr/bin:/bin",
      HOME: box.env.HOME,
    };
    for (
      const key of [
        "DENO_DIR",
        "XDG_CACHE_HOME",
        "GIT_CONFIG_NOSYSTEM",
        "GIT_CONFIG_GLOBAL",
        "CLAUDE_CONFIG_DIR",
      ]
    ) {
      if (box.env[key]) env[key] = box.env[key];
    }
    const run = spawnSync("/bin/sh", ["-c", command], {
      cwd: repo,
      env,
      input: JSON.stringify({
        session_id: "s1",
        transcript_path: "/x.jsonl",
        cwd: repo,
        hook_event_name: "SessionStart",
        source: "startup",
      }),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      JSON.parse(run.stdout).hookSpecificOutput.additionalContext,
      /fresh shell check/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("hook command: local scope, uninstall with a backup, and a --command that would not resolve", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const local = join(repo, ".claude", "settings.local.json");
    const other = {
      matcher: "startup",
      hooks: [{ type: "command", command: "echo hi" }],
    };
    writeFile(
      local,
      JSON.stringify({ model: "opus", hooks: { SessionStart: [other] } }),
    );
    const installed = await installHooks({
      scope: "local",
      projectPath: repo,
      env: box.env,
    });
    assert.equal(installed.path, local);
    assert.deepEqual(installed.added, ["PreCompact", "SessionStart"]);
    assert.ok(installed.text.includes(`Command: ${installed.command}`));
    const removed = await uninstallHooks({
      scope: "local",
      projectPath: repo,
      env: box.env,
    });
    assert.deepEqual(removed.removed, ["PreCompact", "SessionStart"]);
    assert.ok(removed.backup);
    assert.deepEqual(JSON.parse(readFileSync(local, "utf8")), {
      model: "opus",
      hooks: { SessionStart: [other] },
    });
    assert.match(readFileSync(removed.backup!, "utf8"), /"PreCompact"/);
    const again = await uninstallHooks({
      scope: "local",
      projectPath: repo,
      env: box.env,
    });
    assert.equal(again.changed, false);
    assert.ok(
      !readdirSync(join(repo, ".claude")).some((n) => n.endsWith(".tmp")),
      "no temp files left",
    );

    const missing = hookCommand("mpm-session-not-installed", {
      PATH: "/usr/bin:/bin",
    });
    assert.equal(missing.command, "mpm-session-not-installed hook");
    assert.match(
      missing.warnings.join(),
      /'mpm-session-not-installed' is not found on PATH/,
    );
    const viaPath = hookCommand("sh", { PATH: "/usr/bin:/bin" });
    assert.match(viaPath.warnings.join(), /resolves through PATH/);
    assert.equal(resolveExecutable("/bin/sh", ""), "/bin/sh");

    // Malformed settings are left untouched.
    writeFileSync(local, "{not json");
    await assert.rejects(
      uninstallHooks({ scope: "local", projectPath: repo, env: box.env }),
      /not valid JSON/,
    );
    assert.equal(readFileSync(local, "utf8"), "{not json");
  } finally {
    box.cleanup();
  }
});

Deno.test("unmergeHooks removes only this tool's commands", () => {
  const ours = (c: string) => ({
    matcher: "",
    hooks: [{ type: "command", command: c }],
  });
  const cases: [string, boolean][] = [
    ["mpm-session hook", true],
    ["/usr/bin/node /opt/x/dist/mpm-session.mjs hook", true],
    ["'/a b/deno' run -A --quiet '/a b/cli.ts' hook", true],
    ["/usr/local/bin/mpm-session hook", true],
    ["echo mpm-session", false],
    ["other-tool hook", false],
    ["mpm-session hook; rm -rf /", false],
  ];
  for (const [command, expected] of cases) {
    assert.equal(isOurHookCommand(command), expected, command);
  }
  const mixed = {
    matcher: "",
    hooks: [{ type: "command", command: "mpm-session hook" }, {
      type: "command",
      command: "echo keep",
    }],
  };
  const result = unmergeHooks({
    hooks: {
      PreCompact: [ours("mpm-session hook")],
      SessionStart: [mixed],
      Stop: [ours("x")],
    },
  });
  assert.ok(result.ok);
  assert.deepEqual(result.settings, {
    hooks: {
      SessionStart: [{
        matcher: "",
        hooks: [{ type: "command", command: "echo keep" }],
      }],
      Stop: [ours("x")],
    },
  });
  assert.deepEqual(unmergeHooks({ hooks: [] }), {
    ok: false,
    error: "'hooks' is not an object",
  });
});
