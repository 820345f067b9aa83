/**
 * End-to-end: the hooks as Claude Code 2.1.332 calls them. A PreCompact
 * firing again within a minute on an unchanged state writes nothing new;
 * an automatic pause carries the last hand-written message; SessionStart
 * picks by conversation, worktree and age.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { handleHookEvent } from "../../lib/commands/hook.ts";
import { latestTranscriptTodos } from "../../lib/gather/claude.ts";
import { open } from "node:fs/promises";
import {
  addWorktree,
  exists,
  makeRepo,
  runCli,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

const SESSIONS = join(".claude-mpm", "sessions");
const CONV = "7d3e9a10-2b4c-4d5e-8f60-718293a4b5c6";

function jsonFiles(repo: string): string[] {
  return readdirSync(join(repo, SESSIONS)).filter((n) => n.endsWith(".json"))
    .sort();
}

function event(cwd: string, extra: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: CONV,
    transcript_path: join("/nonexistent", `${CONV}.jsonl`),
    cwd,
    ...extra,
  });
}

function preCompact(cwd: string): string {
  return event(cwd, {
    hook_event_name: "PreCompact",
    trigger: "auto",
    custom_instructions: "",
  });
}

function sessionStart(cwd: string, source: string): string {
  return event(cwd, { hook_event_name: "SessionStart", source });
}

async function hook(box: Sandbox, input: string, cwd: string) {
  const result = await runCli(box, ["hook"], { cwd, stdin: input });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

Deno.test("hooks: a repeated PreCompact writes nothing new; the automatic pause carries the hand-written message", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const manual = await runCli(box, [
      "pause",
      "-m",
      "refactor the parser, tests next",
      "--no-prune-worktrees",
    ], {
      cwd: repo,
      env: { CLAUDE_CODE_SESSION_ID: CONV },
    });
    assert.equal(manual.code, 0, manual.stderr);
    await new Promise((r) => setTimeout(r, 1100));
    await hook(box, preCompact(repo), repo);
    assert.equal(jsonFiles(repo).length, 2);
    await new Promise((r) => setTimeout(r, 1100));
    // Twice in one turn, nothing changed: still two.
    await hook(box, preCompact(repo), repo);
    assert.equal(jsonFiles(repo).length, 2);
    // A change makes the next one count.
    writeFile(join(repo, "new.txt"), "x\n");
    await new Promise((r) => setTimeout(r, 1100));
    await hook(box, preCompact(repo), repo);
    assert.equal(jsonFiles(repo).length, 3);

    const auto = JSON.parse(
      readFileSync(join(repo, SESSIONS, jsonFiles(repo)[2]), "utf8"),
    );
    assert.equal(auto.trigger.source, "hook");
    assert.equal(
      auto.conversation.carried_message.text,
      "refactor the parser, tests next",
    );
    const first = JSON.parse(
      readFileSync(join(repo, SESSIONS, jsonFiles(repo)[0]), "utf8"),
    );
    assert.equal(auto.conversation.carried_message.paused_at, first.paused_at);
    const md = readFileSync(
      join(repo, SESSIONS, jsonFiles(repo)[2].replace(/json$/, "md")),
      "utf8",
    );
    assert.match(md, /Last message written by hand/);
    assert.match(md, /refactor the parser, tests next/);

    const resumed = await runCli(box, ["resume"], { cwd: repo });
    assert.match(resumed.stdout, /Last note: refactor the parser, tests next/);
    assert.match(
      resumed.stdout,
      new RegExp(`written ${first.paused_at.replace(/\./g, "\\.")}`),
    );

    const context = await hook(box, sessionStart(repo, "compact"), repo);
    const parsed = JSON.parse(context);
    assert.match(
      parsed.hookSpecificOutput.additionalContext,
      /Last note: refactor the parser/,
    );
    assert.ok(parsed.hookSpecificOutput.additionalContext.length < 10_000);
  } finally {
    box.cleanup();
  }
});

Deno.test("hooks: SessionStart injects this worktree's newest session within the max age, and nothing older", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const agent = addWorktree(box, repo, "agent-b2");
    for (const [cwd, message] of [[agent, "agent task"], [repo, "main task"]]) {
      const r = await runCli(box, [
        "pause",
        "-m",
        message,
        "--no-prune-worktrees",
      ], { cwd });
      assert.equal(r.code, 0, r.stderr);
      await new Promise((r) => setTimeout(r, 1100));
    }
    // A PreCompact in the agent worktree saves to the main worktree only.
    await hook(box, preCompact(agent), agent);
    assert.ok(
      !exists(join(agent, ".claude-mpm")),
      "nothing inside the agent worktree",
    );
    const inAgent = JSON.parse(
      await hook(box, sessionStart(agent, "startup"), agent),
    );
    assert.match(inAgent.hookSpecificOutput.additionalContext, /agent task/);
    const inMain = JSON.parse(
      await hook(box, sessionStart(repo, "clear"), repo),
    );
    assert.match(inMain.hookSpecificOutput.additionalContext, /main task/);

    // compact prefers the conversation's own session over the worktree's.
    const conv = await runCli(box, [
      "pause",
      "-m",
      "conversation task",
      "--no-prune-worktrees",
    ], {
      cwd: agent,
      env: { CLAUDE_CODE_SESSION_ID: CONV },
    });
    assert.equal(conv.code, 0);
    await new Promise((r) => setTimeout(r, 1100));
    await runCli(box, ["pause", "-m", "later main", "--no-prune-worktrees"], {
      cwd: repo,
    });
    const compact = JSON.parse(
      await hook(box, sessionStart(repo, "compact"), repo),
    );
    assert.match(
      compact.hookSpecificOutput.additionalContext,
      /conversation task/,
    );

    // Older than seven days: not injected at all.
    for (const name of jsonFiles(repo)) {
      const path = join(repo, SESSIONS, name);
      const doc = JSON.parse(readFileSync(path, "utf8"));
      doc.paused_at = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
      writeFileSync(path, JSON.stringify(doc));
    }
    assert.equal(await hook(box, sessionStart(repo, "startup"), repo), "");
    const lib = await handleHookEvent(sessionStart(repo, "resume"), {
      env: box.env,
      maxAgeMs: 30 * 24 * 3600 * 1000,
    });
    assert.match(lib, /additionalContext/);
  } finally {
    box.cleanup();
  }
});

Deno.test("transcripts: the latest todos of a 40 MB transcript are read from its end with bounded memory", async () => {
  const box = sandbox();
  try {
    const path = join(box.dir, "big.jsonl");
    const handle = await open(path, "w");
    const record = (i: number, todos?: unknown[]) =>
      JSON.stringify({
        type: todos ? "user" : "assistant",
        cwd: box.dir,
        sessionId: CONV,
        message: {
          role: "assistant",
          content: [{ type: "text", text: `step ${i} ${"x".repeat(2000)}` }],
        },
        ...(todos ? { toolUseResult: { oldTodos: [], newTodos: todos } } : {}),
      }) + "\n";
    await handle.write(
      record(0, [{ content: "early", status: "pending", activeForm: "e" }]),
    );
    const block = Array.from({ length: 500 }, (_, i) => record(i)).join("");
    for (let i = 0; i < 40; i++) await handle.write(block);
    await handle.write(
      record(1, [{
        content: "latest",
        status: "in_progress",
        activeForm: "l",
      }]),
    );
    // A cut-off last line, as while the client is writing.
    await handle.write(
      '{"type":"user","toolUseResult":{"newTodos":[{"content":"cut',
    );
    await handle.close();

    const before = Deno.memoryUsage().rss;
    const started = performance.now();
    const latest = await latestTranscriptTodos(path);
    assert.deepEqual(latest?.map((t) => t.content), ["latest"]);
    assert.ok(performance.now() - started < 1000, "reads only the end");

    // Only the first record holds todos: the whole file is read backwards.
    const truncated = join(box.dir, "early.jsonl");
    const h2 = await open(truncated, "w");
    await h2.write(
      record(0, [{ content: "early", status: "pending", activeForm: "e" }]),
    );
    for (let i = 0; i < 40; i++) await h2.write(block);
    await h2.close();
    const early = await latestTranscriptTodos(truncated);
    assert.deepEqual(early?.map((t) => t.content), ["early"]);
    const grown = Deno.memoryUsage().rss - before;
    assert.ok(grown < 30 * 1024 * 1024, `memory grew by ${grown} bytes`);
  } finally {
    box.cleanup();
  }
});
