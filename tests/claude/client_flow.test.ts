/**
 * The real Claude Code client, offline against the mock Messages API on
 * 127.0.0.1, with this repository as its plugin: the SessionStart hook's
 * context reaches the request the client sends, a manual `/compact` fires
 * PreCompact and saves a session, and a `claude -w` worktree whose client
 * has exited is unlocked and removed by `prune`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import {
  cliCommand,
  git,
  makeRepo,
  PROJECT_ROOT,
  runCliJson,
  type Sandbox,
  sandbox,
} from "../helpers.ts";
import { claudeClient, offlineEnv } from "./client.ts";
import {
  type MockApi,
  type MockReply,
  runClient,
  startMockApi,
} from "./mock_api.ts";

const client = await claudeClient();
const WT = join(".claude", "worktrees");

async function withClient(
  fn: (
    box: Sandbox,
    api: MockApi,
    env: Record<string, string>,
  ) => Promise<void>,
  hang = false,
  script?: (box: Sandbox, body: string) => MockReply | undefined,
): Promise<void> {
  const box = sandbox();
  const api = await startMockApi(
    "ok",
    hang,
    script && ((body) => script(box, body)),
  );
  try {
    const env = {
      ...offlineEnv(join(box.dir, "claude-home")),
      ANTHROPIC_BASE_URL: api.url,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: box.env.GIT_CONFIG_GLOBAL,
      GIT_AUTHOR_NAME: "Test Author",
      GIT_AUTHOR_EMAIL: "author@example.com",
      GIT_COMMITTER_NAME: "Test Committer",
      GIT_COMMITTER_EMAIL: "committer@example.com",
    };
    await fn(box, api, env);
  } finally {
    await api.close();
    box.cleanup();
  }
}

function sessionFiles(repo: string): string[] {
  return readdirSync(join(repo, ".claude-mpm", "sessions")).filter((f) =>
    /^session-\d{8}-\d{6}\.json$/.test(f)
  ).sort();
}

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: the SessionStart context reaches the request, and /compact fires PreCompact`,
  ignore: client.path === undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    withClient(async (box, api, env) => {
      const repo = makeRepo(box);
      const marker = "Halfway through the parser: MARKER-7f3a";
      const { result } = await runCliJson(box, ["pause", "-m", marker], {
        cwd: repo,
      });
      assert.equal(result.code, 0, result.stderr);
      // The plugin as a git install has it: the tracked files only, with
      // nothing but node and git on PATH.
      const plugin = join(box.dir, "plugin-copy");
      execFileSync("git", ["clone", "-q", PROJECT_ROOT, plugin], {
        stdio: "ignore",
      });
      const bare = join(box.dir, "bin");
      mkdirSync(bare);
      for (const tool of ["node", "git"]) {
        const found = execFileSync("sh", ["-c", `command -v ${tool}`], {
          encoding: "utf8",
        }).trim();
        symlinkSync(found, join(bare, tool));
      }
      const first = await runClient(
        client.path!,
        ["-p", "hi", "--plugin-dir", plugin],
        { cwd: repo, env: { ...env, PATH: bare } },
      );
      assert.equal(first.code, 0, first.stderr);
      const sent = api.requests.filter((r) => r.line.startsWith("POST"));
      assert.ok(sent.length > 0, "the client reached the mock");
      assert.ok(
        sent.some((r) => r.body.includes(marker)),
        "the paused message was injected at SessionStart",
      );
      assert.ok(
        api.requests.every((r) => r.line.startsWith("POST /v1/messages")),
        api.requests.map((r) => r.line).join("\n"),
      );

      const before = sessionFiles(repo);
      const compact = await runClient(
        client.path!,
        ["-p", "/compact", "--continue", "--plugin-dir", PROJECT_ROOT],
        { cwd: repo, env },
      );
      assert.equal(compact.code, 0, compact.stderr);
      const added = sessionFiles(repo).filter((f) => !before.includes(f));
      assert.equal(added.length, 1, `new sessions: ${added.join(", ")}`);
      const doc = JSON.parse(
        readFileSync(join(repo, ".claude-mpm", "sessions", added[0]), "utf8"),
      );
      assert.equal(doc.trigger.source, "hook");
      assert.equal(doc.trigger.event, "PreCompact");
      assert.equal(doc.trigger.trigger, "manual");
      assert.equal(
        doc.conversation.carried_message?.text,
        marker,
        "an automatic pause carries the last message a person wrote",
      );
    }),
});

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: a claude -w worktree whose client exited is unlocked and removed by prune`,
  ignore: client.path === undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    withClient(async (box, _api, env) => {
      const repo = makeRepo(box);
      const run = await runClient(client.path!, ["-p", "hi", "-w", "feat1"], {
        cwd: repo,
        env,
      });
      assert.equal(run.code, 0, run.stderr);
      const listed = git(box, repo, "worktree", "list", "--porcelain");
      assert.match(listed, /worktree .*\.claude\/worktrees\/feat1/);
      assert.match(listed, /branch refs\/heads\/worktree-feat1/);
      assert.match(
        listed,
        /locked claude session feat1 \(pid \d+ start \d+\)/,
        "the client leaves its lock behind",
      );
      const { json } = await runCliJson<{
        worktrees: { relative_path: string; action: string; notes: string[] }[];
      }>(box, ["prune"], { cwd: repo });
      const feat = json.worktrees.find((w) =>
        w.relative_path === join(WT, "feat1")
      );
      assert.equal(feat?.action, "pruned", JSON.stringify(json));
      assert.ok(
        feat!.notes.some((n) =>
          /unlocked stale lock of claude session feat1 \(pid \d+ gone/.test(n)
        ),
        feat!.notes.join("\n"),
      );
    }),
});

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: hooks written by install-hooks run from the client with a bare PATH`,
  ignore: client.path === undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    withClient(async (box, api, env) => {
      const repo = makeRepo(box);
      const marker = "Installed hooks: MARKER-c91d";
      const paused = await runCliJson(box, ["pause", "-m", marker], {
        cwd: repo,
      });
      assert.equal(paused.result.code, 0, paused.result.stderr);
      const installed = await runCliJson<{ command: string }>(box, [
        "install-hooks",
        "--local",
      ], { cwd: repo });
      assert.equal(installed.result.code, 0, installed.result.stderr);
      assert.match(installed.json.command, /^\//, "an absolute command");
      // No node, deno or mpm-session on this PATH: only the system's tools.
      const run = await runClient(client.path!, ["-p", "hi"], {
        cwd: repo,
        env: { ...env, PATH: "/usr/bin:/bin" },
      });
      assert.equal(run.code, 0, run.stderr);
      assert.ok(
        api.requests.some((r) => r.body.includes(marker)),
        "the SessionStart hook ran and its context reached the request",
      );
    }),
});

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: the worktree of a client killed with SIGKILL mid-turn is unlocked and removed`,
  ignore: client.path === undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    withClient(async (box, api, env) => {
      const repo = makeRepo(box);
      let pgid: number | undefined;
      const running = runClient(client.path!, ["-p", "hi", "-w", "killed"], {
        cwd: repo,
        env,
        started: (id) => (pgid = id),
      });
      // Wait (bounded) until the client sent its request: its worktree and
      // lock exist and it is waiting on the mock, which never answers.
      const until = Date.now() + 60_000;
      while (
        !api.requests.some((r) => r.line.startsWith("POST /v1/messages")) &&
        Date.now() < until
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(pgid !== undefined);
      const listed = git(box, repo, "worktree", "list", "--porcelain");
      assert.match(
        listed,
        /locked claude session killed \(pid \d+ start \d+\)/,
      );
      process.kill(-pgid!, "SIGKILL");
      const run = await running;
      assert.equal(run.code, null, "killed by the signal");
      const { json } = await runCliJson<{
        worktrees: { relative_path: string; action: string; notes: string[] }[];
      }>(box, ["prune"], { cwd: repo });
      const killed = json.worktrees.find((w) =>
        w.relative_path === join(WT, "killed")
      );
      assert.equal(killed?.action, "pruned", JSON.stringify(json));
      assert.ok(
        killed!.notes.some((n) =>
          /unlocked stale lock of claude session killed/.test(n)
        ),
        killed!.notes.join("\n"),
      );
    }, true),
});

/** What a dry-run cleanup said while the Agent's worktree was in use. */
let duringAgent: {
  listed: string;
  worktrees: {
    relative_path: string;
    action: string;
    reasons: { code: string }[];
  }[];
} | undefined;
let agentRepo = "";

Deno.test({
  name: `claude ${
    client.version ?? ""
  }: an Agent worktree is locked by its live owner while in use, and a cleanup then keeps it as in-use-by-claude`,
  ignore: client.path === undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    withClient(
      async (box, _api, env) => {
        agentRepo = makeRepo(box);
        const run = await runClient(
          client.path!,
          ["-p", "SPAWN-AGENT: delegate one check"],
          { cwd: agentRepo, env },
        );
        assert.equal(run.code, 0, run.stderr);
        assert.ok(duringAgent, "the subagent reached the mock");
        assert.match(
          duringAgent.listed,
          /worktree .*\.claude\/worktrees\/agent-a[0-9a-f]+\n(?:.*\n)*?locked claude agent agent-a[0-9a-f]+ \(pid \d+ start \d+\)/,
        );
        const agent = duringAgent.worktrees.find((w) =>
          /agent-a[0-9a-f]+$/.test(w.relative_path)
        );
        assert.equal(agent?.action, "preserved", JSON.stringify(duringAgent));
        assert.deepEqual(agent!.reasons.map((r) => r.code), [
          "in-use-by-claude",
        ]);
      },
      false,
      (box, body) => {
        // The parent's later requests quote the prompt in its tool call;
        // only the subagent's first request comes before any tool result.
        if (
          body.includes("SUBAGENT-PROMPT") && !body.includes("tool_result") &&
          duringAgent === undefined
        ) {
          // The subagent's turn: its worktree is in use right now. The
          // client waits for this answer, so a blocking call is fine here.
          const [cmd, ...args] = cliCommand();
          const out = execFileSync(cmd, [
            ...args,
            "prune",
            "--dry-run",
            "--json",
          ], {
            cwd: agentRepo,
            env: box.env,
            encoding: "utf8",
          });
          duringAgent = {
            listed: git(box, agentRepo, "worktree", "list", "--porcelain"),
            worktrees: JSON.parse(out).worktrees,
          };
          return { text: "ok" };
        }
        if (body.includes("SPAWN-AGENT") && !body.includes("tool_result")) {
          return {
            tool: {
              name: "Agent",
              input: {
                description: "Delegate one check",
                prompt: "SUBAGENT-PROMPT: say ok",
                subagent_type: "general-purpose",
                isolation: "worktree",
                run_in_background: false,
              },
            },
          };
        }
        return undefined;
      },
    ),
});
