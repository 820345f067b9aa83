/**
 * End-to-end, Deno only: the CLI works with exactly the permissions it
 * documents and bakes into compiled binaries, `deno run --allow-run=git
 * --allow-read --allow-write --allow-env cli.ts`, in a repository with agent
 * worktrees. Skipped under `MPM_TEST_RUNTIME=node`, where Deno's permissions
 * do not apply.
 *
 * The CLI is run without `CLAUDE_CONFIG_DIR`, as most people run it, so
 * Claude Code's folder is found from the home directory.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  PROJECT_ROOT,
  RUNTIME,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

/** The only flags the CLI is run with. */
const NARROW = [
  "--allow-run=git",
  "--allow-read",
  "--allow-write",
  "--allow-env",
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** What Deno 2.9 also needs for `homedir()` and the cleanup lock's `hostname()`. */
const SYS = "--allow-sys=homedir,hostname";

/** The sandbox's environment less `CLAUDE_CONFIG_DIR`. */
function userEnv(box: Sandbox): Record<string, string> {
  const env = { ...box.env };
  delete env.CLAUDE_CONFIG_DIR;
  return env;
}

/** Runs `deno run <flags> cli.ts ...args` with no other flag. */
function cliWith(
  flags: string[],
  box: Sandbox,
  args: string[],
  options: { cwd: string; stdin?: string },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      Deno.execPath(),
      ["run", ...flags, join(PROJECT_ROOT, "cli.ts"), ...args],
      {
        cwd: options.cwd,
        env: userEnv(box),
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** Fails with the permission Deno asked for, if that is why it failed. */
function assertOk(run: Run, what: string): void {
  const denied = /(NotCapable|PermissionDenied|Requires \S+ access[^\n]*)/
    .exec(run.stdout + run.stderr);
  assert.ok(
    !denied,
    `${what} needs more permissions: ${denied?.[0]}\n${run.stderr}`,
  );
  assert.equal(run.code, 0, `${what} failed (${run.code}):\n${run.stderr}`);
}

/** A repository with a finished, a dirty and a detached agent worktree. */
function repoWithWorktrees(box: Sandbox): {
  repo: string;
  done: string;
  dirty: string;
  detached: string;
} {
  const repo = makeRepo(box);
  writeFile(join(repo, ".gitignore"), ".claude/\n");
  commitAll(box, repo, "ignore .claude");
  const done = addWorktree(box, repo, "agent-done");
  const dirty = addWorktree(box, repo, "agent-dirty");
  writeFile(join(dirty, "wip.txt"), "unsaved work\n");
  const detached = addWorktree(box, repo, "agent-detached", { detach: true });
  return { repo, done, dirty, detached };
}

/**
 * Runs pause, resume, prune --dry-run, prune and the other commands with
 * `flags` and checks that each did all of its work.
 */
async function exerciseCli(flags: string[]): Promise<void> {
  const box = sandbox();
  const run = (args: string[], options: { cwd: string; stdin?: string }) =>
    cliWith(flags, box, args, options);
  try {
    const { repo, done, dirty } = repoWithWorktrees(box);

    const dry = await run(["prune", "--dry-run", "--json"], { cwd: repo });
    assertOk(dry, "prune --dry-run");
    assert.equal(JSON.parse(dry.stdout).dry_run, true);
    assert.ok(exists(done), "a dry run removes nothing");

    const pause = await run(["pause", "-m", "hi", "--json"], { cwd: repo });
    assertOk(pause, "pause -m hi");
    const paused = JSON.parse(pause.stdout);
    assert.equal(paused.session.conversation.summary, "hi");
    assert.ok(exists(paused.files.json_path));
    assert.deepEqual(paused.session.warnings, [], "pause warned");
    assert.notEqual(paused.cleanup, null, "pause cleaned up worktrees");
    assert.ok(!exists(done), "the finished worktree was cleaned up");
    assert.ok(exists(join(dirty, "wip.txt")), "unsaved work is kept");

    const resume = await run(["resume"], { cwd: repo });
    assertOk(resume, "resume");
    assert.match(resume.stdout, /Message: +hi$/m);

    const prune = await run(["prune"], { cwd: repo });
    assertOk(prune, "prune");
    assert.ok(exists(join(dirty, "wip.txt")), "unsaved work is kept");

    for (
      const args of [
        ["list"],
        ["clean", "--keep", "5", "--dry-run"],
        ["install-hooks", "--dry-run"],
        ["--version"],
      ]
    ) {
      assertOk(await run(args, { cwd: repo }), args.join(" "));
    }

    const hook = await run(["hook"], {
      cwd: repo,
      stdin: JSON.stringify({
        session_id: "s",
        transcript_path: join(box.dir, "t.jsonl"),
        cwd: repo,
        hook_event_name: "SessionStart",
        source: "startup",
      }),
    });
    assertOk(hook, "hook (SessionStart)");
    assert.equal(hook.stderr, "");
    assert.match(
      JSON.parse(hook.stdout).hookSpecificOutput.additionalContext,
      /Message: +hi/,
    );
    const sessions = join(repo, ".claude-mpm", "sessions");
    assert.equal(
      readdirSync(sessions).filter((n) => n.endsWith(".json")).length,
      1,
    );
    const listed = git(box, repo, "worktree", "list");
    assert.ok(listed.includes(dirty), "the dirty worktree is still registered");
    assert.ok(!listed.includes(done), "the finished one is gone");
  } finally {
    box.cleanup();
  }
}

const name = (text: string) => `permissions [${RUNTIME}]: ${text}`;

Deno.test({
  name: name(`every command works with only ${NARROW.join(" ")}`),
  ignore: RUNTIME === "node",
  fn: () => exerciseCli(NARROW),
});

Deno.test({
  name: name(`every command works with ${NARROW.join(" ")} ${SYS}`),
  ignore: RUNTIME === "node",
  fn: () => exerciseCli([...NARROW, SYS]),
});

Deno.test({
  name: name("a cleanup lock held by a live process is respected"),
  ignore: RUNTIME === "node",
  async fn() {
    const box = sandbox();
    const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const { repo, done } = repoWithWorktrees(box);
      writeFile(
        join(repo, ".git", "mpm-session", "prune.lock"),
        JSON.stringify({
          pid: sleeper.pid,
          host: hostname(),
          started: new Date().toISOString(),
        }) + "\n",
      );
      const prune = await cliWith(NARROW, box, ["prune"], {
        cwd: repo,
      });
      assert.equal(prune.code, 1, prune.stdout);
      assert.match(prune.stdout, /another cleanup is already running/);
      assert.ok(exists(done), "nothing removed while the lock is held");
    } finally {
      sleeper.kill();
      box.cleanup();
    }
  },
});
