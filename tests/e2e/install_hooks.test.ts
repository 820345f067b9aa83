/**
 * End-to-end: `mpm-session install-hooks` merges the PreCompact and
 * SessionStart hooks into Claude Code's settings.json: it creates the file
 * when missing, keeps everything already there, backs the original up, is a
 * no-op the second time, and leaves malformed settings untouched.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import process from "node:process";
import { shellQuote } from "../../lib/gather/hook_command.ts";
import {
  exists,
  makeRepo,
  PROJECT_ROOT,
  runCli,
  RUNTIME,
  type Sandbox,
  sandbox,
} from "../helpers.ts";

/**
 * The command the CLI under test writes: the absolute command of what runs
 * it, so the hook resolves from a fresh shell with a minimal PATH.
 */
function expectedCommand(): string {
  if (RUNTIME === "node") {
    const node = execFileSync(process.env.MPM_TEST_NODE ?? "node", [
      "-p",
      "process.execPath",
    ], { encoding: "utf8" }).trim();
    const bundle = realpathSync(join(PROJECT_ROOT, "dist", "mpm-session.mjs"));
    return `${shellQuote(node)} ${shellQuote(bundle)} hook`;
  }
  return `${shellQuote(process.execPath)} run -A --quiet ${
    shellQuote(join(PROJECT_ROOT, "cli.ts"))
  } hook`;
}

const OUR_COMMAND = expectedCommand();

const OUR_GROUP = {
  matcher: "",
  hooks: [{ type: "command", command: OUR_COMMAND }],
};

/** Settings as a person might have written them: other keys, other hooks. */
const EXISTING = {
  $schema: "https://json.schemastore.org/claude-code-settings.json",
  model: "opus",
  permissions: {
    allow: ["Bash(npm test:*)", "Read(~/.zshrc)"],
    deny: ["Read(./.env)"],
  },
  env: { FOO: "1" },
  hooks: {
    PreToolUse: [
      {
        matcher: "Bash",
        hooks: [{ type: "command", command: "echo pre-bash", timeout: 5 }],
      },
    ],
    SessionStart: [
      {
        matcher: "startup",
        hooks: [{ type: "command", command: "echo hello" }],
      },
    ],
  },
  includeCoAuthoredBy: false,
};

function withBox(fn: (box: Sandbox) => Promise<void>): () => Promise<void> {
  return async () => {
    const box = sandbox();
    try {
      await fn(box);
    } finally {
      box.cleanup();
    }
  };
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8"));
}

function backups(dir: string): string[] {
  return readdirSync(dir).filter((name) =>
    name.startsWith("settings.json.bak-")
  );
}

const name = (text: string) => `install-hooks [${RUNTIME}]: ${text}`;

Deno.test(
  name("creates .claude/settings.json when there is none"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const result = await runCli(box, ["install-hooks"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    const path = join(repo, ".claude", "settings.json");
    assert.ok(exists(path));
    assert.deepEqual(readJson(path), {
      hooks: { PreCompact: [OUR_GROUP], SessionStart: [OUR_GROUP] },
    });
    assert.ok(readFileSync(path, "utf8").endsWith("}\n"));
    assert.deepEqual(backups(join(repo, ".claude")), []);
    assert.match(result.stdout, /PreCompact and SessionStart/);
    assert.doesNotMatch(result.stdout, /Backup/);
  }),
);

Deno.test(
  name("creates the settings at the project root from a subfolder"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const sub = join(repo, "src", "deep");
    mkdirSync(sub, { recursive: true });
    const result = await runCli(box, ["install-hooks"], { cwd: sub });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(exists(join(repo, ".claude", "settings.json")));
    assert.ok(!exists(join(sub, ".claude")));
  }),
);

Deno.test(
  name("keeps other keys and hooks, adds ours and backs up the original"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const dir = join(repo, ".claude");
    mkdirSync(dir);
    const path = join(dir, "settings.json");
    // Four-space indent and no final newline: the backup must be byte-exact.
    const original = JSON.stringify(EXISTING, null, 4);
    writeFileSync(path, original);

    const result = await runCli(box, ["install-hooks", "--json"], {
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.changed, true);
    assert.deepEqual(report.added, ["PreCompact", "SessionStart"]);

    const settings = readJson(path);
    const hooks = settings.hooks as Record<string, unknown[]>;
    for (const key of Object.keys(EXISTING) as (keyof typeof EXISTING)[]) {
      if (key !== "hooks") assert.deepEqual(settings[key], EXISTING[key]);
    }
    assert.deepEqual(hooks.PreToolUse, EXISTING.hooks.PreToolUse);
    assert.deepEqual(hooks.SessionStart, [
      ...EXISTING.hooks.SessionStart,
      OUR_GROUP,
    ]);
    assert.deepEqual(hooks.PreCompact, [OUR_GROUP]);
    assert.deepEqual(Object.keys(settings), Object.keys(EXISTING));

    const saved = backups(dir);
    assert.equal(saved.length, 1);
    assert.equal(report.backup, join(dir, saved[0]));
    assert.equal(readFileSync(join(dir, saved[0]), "utf8"), original);
  }),
);

Deno.test(
  name("a second run changes nothing and writes no backup"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const dir = join(repo, ".claude");
    mkdirSync(dir);
    const path = join(dir, "settings.json");
    writeFileSync(path, JSON.stringify(EXISTING, null, 2) + "\n");

    const first = await runCli(box, ["install-hooks"], { cwd: repo });
    assert.equal(first.code, 0, first.stderr);
    const afterFirst = readFileSync(path);
    const listing = readdirSync(dir).sort();
    assert.equal(backups(dir).length, 1);

    const second = await runCli(box, ["install-hooks"], { cwd: repo });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already installed.*nothing changed/);
    assert.deepEqual(readFileSync(path), afterFirst);
    assert.deepEqual(readdirSync(dir).sort(), listing);

    const third = await runCli(box, ["install-hooks", "--json"], {
      cwd: repo,
    });
    assert.equal(third.code, 0, third.stderr);
    const report = JSON.parse(third.stdout);
    assert.equal(report.changed, false);
    assert.equal(report.backup, null);
    assert.deepEqual(report.added, []);
    assert.deepEqual(readFileSync(path), afterFirst);
  }),
);

Deno.test(
  name("an existing hook for one event only gets the other added"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const dir = join(repo, ".claude");
    mkdirSync(dir);
    const path = join(dir, "settings.json");
    writeFileSync(
      path,
      JSON.stringify({ hooks: { PreCompact: [OUR_GROUP] } }, null, 2),
    );
    const result = await runCli(box, ["install-hooks", "--json"], {
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).added, ["SessionStart"]);
    assert.deepEqual(readJson(path), {
      hooks: { PreCompact: [OUR_GROUP], SessionStart: [OUR_GROUP] },
    });
  }),
);

for (
  const [label, content] of [
    ["malformed JSON", '{\n  "hooks": {\n    "PreCompact": [\n'],
    ["a JSON array", "[]\n"],
    ["'hooks' that is not an object", '{"hooks": []}\n'],
    [
      "'hooks.SessionStart' that is not a list",
      '{"hooks": {"SessionStart": {}}}\n',
    ],
  ]
) {
  Deno.test(
    name(`${label}: exit 1, one-line error, file untouched, no backup`),
    withBox(async (box) => {
      const repo = makeRepo(box);
      const dir = join(repo, ".claude");
      mkdirSync(dir);
      const path = join(dir, "settings.json");
      writeFileSync(path, content);

      const result = await runCli(box, ["install-hooks"], { cwd: repo });
      assert.equal(result.code, 1);
      assert.equal(result.stdout, "");
      assert.ok(result.stderr.endsWith("\n"));
      const lines = result.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, `one line, got:\n${result.stderr}`);
      assert.match(
        lines[0],
        /^error: Cannot update settings '.*settings\.json'/,
      );
      assert.match(lines[0], /nothing was changed/);
      assert.equal(readFileSync(path, "utf8"), content);
      assert.deepEqual(readdirSync(dir), ["settings.json"]);
    }),
  );
}

Deno.test(
  name("--user writes to $CLAUDE_CONFIG_DIR/settings.json"),
  withBox(async (box) => {
    const configDir = join(box.dir, "custom-claude-config");
    const result = await runCli(box, ["install-hooks", "--user"], {
      cwd: box.dir,
      env: { CLAUDE_CONFIG_DIR: configDir },
    });
    assert.equal(result.code, 0, result.stderr);
    const path = join(configDir, "settings.json");
    assert.ok(exists(path), "created under CLAUDE_CONFIG_DIR");
    assert.deepEqual(readJson(path), {
      hooks: { PreCompact: [OUR_GROUP], SessionStart: [OUR_GROUP] },
    });
    assert.ok(result.stdout.includes(path));
    assert.ok(!exists(join(box.env.HOME, ".claude", "settings.json")));
    assert.ok(!exists(join(box.dir, ".claude")));
  }),
);

Deno.test(
  name("--user keeps existing user settings and backs them up"),
  withBox(async (box) => {
    const configDir = join(box.dir, "cfg");
    mkdirSync(configDir);
    const path = join(configDir, "settings.json");
    const original = JSON.stringify({ theme: "dark", hooks: {} });
    writeFileSync(path, original);
    const result = await runCli(box, ["install-hooks", "--user"], {
      cwd: box.dir,
      env: { CLAUDE_CONFIG_DIR: configDir },
    });
    assert.equal(result.code, 0, result.stderr);
    const settings = readJson(path);
    assert.equal(settings.theme, "dark");
    assert.deepEqual(settings.hooks, {
      PreCompact: [OUR_GROUP],
      SessionStart: [OUR_GROUP],
    });
    const saved = backups(configDir);
    assert.equal(saved.length, 1);
    assert.equal(readFileSync(join(configDir, saved[0]), "utf8"), original);
  }),
);

Deno.test(
  name("--command and --dry-run"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const path = join(repo, ".claude", "settings.json");
    const dry = await runCli(
      box,
      ["install-hooks", "--dry-run", "--command", "npx mpm-session"],
      { cwd: repo },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Would add PreCompact and SessionStart/);
    assert.ok(!exists(join(repo, ".claude")), "dry run writes nothing");

    const real = await runCli(
      box,
      ["install-hooks", "--command", "npx mpm-session"],
      { cwd: repo },
    );
    assert.equal(real.code, 0, real.stderr);
    const group = {
      matcher: "",
      hooks: [{ type: "command", command: "npx mpm-session hook" }],
    };
    assert.deepEqual(readJson(path), {
      hooks: { PreCompact: [group], SessionStart: [group] },
    });
  }),
);

Deno.test(
  name("--project with --user is a usage error"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const result = await runCli(box, ["install-hooks", "--project", "--user"], {
      cwd: repo,
    });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "");
    assert.match(
      result.stderr,
      /^error: Give one of '--project', '--user' or '--local'/,
    );
    assert.ok(!exists(join(repo, ".claude")));
  }),
);

Deno.test({
  name: name("--user writes through a symlinked settings.json"),
  fn: withBox(async (box) => {
    const configDir = join(box.dir, "cfg");
    const dotfiles = join(box.dir, "dotfiles");
    mkdirSync(configDir);
    mkdirSync(dotfiles);
    const target = join(dotfiles, "claude-settings.json");
    writeFileSync(target, JSON.stringify({ theme: "dark" }));
    const path = join(configDir, "settings.json");
    Deno.symlinkSync(target, path);
    const result = await runCli(box, ["install-hooks", "--user"], {
      cwd: box.dir,
      env: { CLAUDE_CONFIG_DIR: configDir },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Deno.lstatSync(path).isSymlink, "still a symlink");
    const settings = readJson(target);
    assert.equal(settings.theme, "dark");
    assert.deepEqual(settings.hooks, {
      PreCompact: [OUR_GROUP],
      SessionStart: [OUR_GROUP],
    });
  }),
});

Deno.test({
  name: name("keeps the settings file's permissions"),
  fn: withBox(async (box) => {
    const repo = makeRepo(box);
    const dir = join(repo, ".claude");
    mkdirSync(dir);
    const path = join(dir, "settings.json");
    writeFileSync(path, JSON.stringify({ env: { API_TOKEN: "secret" } }), {
      mode: 0o600,
    });
    Deno.chmodSync(path, 0o600);
    const result = await runCli(box, ["install-hooks"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(Deno.statSync(path).mode! & 0o777, 0o600);
  }),
});
