/**
 * End-to-end: `mpm-session hook` fed the JSON Claude Code sends to hook
 * commands on standard input, in real git repositories. PreCompact saves a
 * session; SessionStart hands the latest one back as one JSON document;
 * anything else prints nothing and exits 0.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_CONTEXT_CHARS } from "../../lib/commands/hook.ts";
import {
  addWorktree,
  commitAll,
  exists,
  makeRepo,
  runCli,
  RUNTIME,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

const CLAUDE_SESSION_ID = "5f0c3b1e-7a2d-4c8e-9b61-2d4f8a0e1c37";

/** A transcript path as Claude Code gives it (the file need not exist). */
function transcriptPath(box: Sandbox, repo: string): string {
  const encoded = repo.replace(/[^a-zA-Z0-9]/g, "-");
  return join(
    box.env.CLAUDE_CONFIG_DIR,
    "projects",
    encoded,
    `${CLAUDE_SESSION_ID}.jsonl`,
  );
}

/** The PreCompact input Claude Code writes to a hook's standard input. */
function preCompactEvent(
  box: Sandbox,
  repo: string,
  trigger: "manual" | "auto",
): string {
  return JSON.stringify({
    session_id: CLAUDE_SESSION_ID,
    transcript_path: transcriptPath(box, repo),
    cwd: repo,
    permission_mode: "default",
    hook_event_name: "PreCompact",
    trigger,
    custom_instructions: trigger === "manual" ? "keep the todo list" : "",
  });
}

/** The SessionStart input Claude Code writes to a hook's standard input. */
function sessionStartEvent(box: Sandbox, repo: string, source: string): string {
  return JSON.stringify({
    session_id: CLAUDE_SESSION_ID,
    transcript_path: transcriptPath(box, repo),
    cwd: repo,
    hook_event_name: "SessionStart",
    source,
    model: "claude-sonnet-4-5",
  });
}

function sessionsDir(repo: string): string {
  return join(repo, ".claude-mpm", "sessions");
}

/** The session documents saved in `repo`, oldest first. */
function savedSessions(repo: string): Record<string, unknown>[] {
  const dir = sessionsDir(repo);
  if (!exists(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^session-\d{8}-\d{6}(-\d+)?\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")));
}

/** Parses stdout that must be exactly one JSON document on one line. */
function oneJsonDocument(stdout: string): {
  hookSpecificOutput: { hookEventName: string; additionalContext: string };
} {
  assert.ok(stdout.endsWith("\n"), "output ends with a newline");
  const lines = stdout.split("\n").filter((line) => line !== "");
  assert.equal(lines.length, 1, `expected one line of JSON, got:\n${stdout}`);
  const doc = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(doc), ["hookSpecificOutput"]);
  assert.deepEqual(Object.keys(doc.hookSpecificOutput).sort(), [
    "additionalContext",
    "hookEventName",
  ]);
  return doc;
}

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

const name = (text: string) => `hook [${RUNTIME}]: ${text}`;

for (const trigger of ["manual", "auto"] as const) {
  Deno.test(
    name(`PreCompact (${trigger}) saves a session and cleans up nothing`),
    withBox(async (box) => {
      const repo = makeRepo(box);
      const worktree = addWorktree(box, repo, "agent-done");
      const result = await runCli(box, ["hook"], {
        stdin: preCompactEvent(box, repo, trigger),
        cwd: repo,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, "");

      const sessions = savedSessions(repo);
      assert.equal(sessions.length, 1);
      const doc = sessions[0] as {
        trigger: unknown;
        conversation: { summary: string | null };
        claude_code: { session_id: string | null; transcript_path: unknown };
      };
      assert.deepEqual(doc.trigger, {
        source: "hook",
        event: "PreCompact",
        trigger,
      });
      assert.equal(
        doc.claude_code.transcript_path,
        transcriptPath(box, repo),
      );
      assert.equal(doc.claude_code.session_id, CLAUDE_SESSION_ID);
      assert.equal(
        doc.conversation.summary,
        `Automatic pause before ${trigger} compaction`,
      );
      assert.ok(!("worktree_prune_summary" in doc), "no cleanup report");
      assert.ok(exists(worktree), "the hook left the worktree alone");
      const latest = readFileSync(
        join(sessionsDir(repo), "LATEST-SESSION.txt"),
        "utf8",
      );
      assert.equal(
        latest.split("\n")[0],
        (doc as unknown as { session_id: string }).session_id,
      );
    }),
  );
}

Deno.test(
  name("PreCompact uses the event's cwd, not the process's"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const result = await runCli(box, ["hook"], {
      stdin: preCompactEvent(box, repo, "auto"),
      cwd: box.dir,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
    assert.equal(savedSessions(repo).length, 1);
    assert.ok(!exists(join(box.dir, ".claude-mpm")));
  }),
);

Deno.test(
  name("PreCompact in a folder that does not exist exits 0 with no output"),
  withBox(async (box) => {
    const missing = join(box.dir, "gone");
    const result = await runCli(box, ["hook"], {
      stdin: JSON.stringify({
        session_id: CLAUDE_SESSION_ID,
        transcript_path: join(box.dir, "t.jsonl"),
        cwd: missing,
        hook_event_name: "PreCompact",
        trigger: "auto",
        custom_instructions: "",
      }),
      cwd: box.dir,
    });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^mpm-session hook: /);
    assert.ok(!exists(missing));
  }),
);

for (const source of ["startup", "resume", "clear", "compact"]) {
  Deno.test(
    name(`SessionStart (${source}) after a pause prints one JSON document`),
    withBox(async (box) => {
      const repo = makeRepo(box);
      const message = "Auth refactor: login flow next, then the token tests";
      const paused = await runCli(box, ["pause", "-m", message], {
        cwd: repo,
      });
      assert.equal(paused.code, 0, paused.stderr);

      const result = await runCli(box, ["hook"], {
        stdin: sessionStartEvent(box, repo, source),
        cwd: repo,
      });
      assert.equal(result.code, 0, result.stderr);
      const doc = oneJsonDocument(result.stdout);
      assert.equal(doc.hookSpecificOutput.hookEventName, "SessionStart");
      const context = doc.hookSpecificOutput.additionalContext;
      assert.ok(context.includes(message), "context carries the message");
      assert.ok(context.length < MAX_CONTEXT_CHARS + 200);
      // A hook never writes a session of its own on SessionStart.
      assert.equal(savedSessions(repo).length, 1);
    }),
  );
}

Deno.test(
  name("SessionStart cuts a long session to the context limit"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    // Ten changed files with long paths: paths are shown in full, so the
    // resume text runs well past the limit.
    const deep = join(repo, "a".repeat(200), "b".repeat(200), "c".repeat(200));
    for (let i = 0; i < 10; i++) {
      writeFile(join(deep, `${"d".repeat(180)}-${i}.txt`), "one\n");
    }
    commitAll(box, repo, "add deep files");
    for (let i = 0; i < 10; i++) {
      writeFile(join(deep, `${"d".repeat(180)}-${i}.txt`), "two\n");
    }
    const message = "Deep refactor: halfway through the d files";
    const paused = await runCli(box, ["pause", "-m", message, "--json"], {
      cwd: repo,
    });
    assert.equal(paused.code, 0, paused.stderr);
    const id = JSON.parse(paused.stdout).files.id as string;

    const result = await runCli(box, ["hook"], {
      stdin: sessionStartEvent(box, repo, "startup"),
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    const context = oneJsonDocument(result.stdout).hookSpecificOutput
      .additionalContext;
    assert.ok(
      context.length < MAX_CONTEXT_CHARS + 200,
      `context is ${context.length} characters`,
    );
    assert.ok(context.includes(message), "the message comes before the cut");
    assert.ok(
      context.endsWith(`(cut; see .claude-mpm/sessions/${id}.md)`),
      `context ends with: ${context.slice(-120)}`,
    );
  }),
);

Deno.test({
  name: name("SessionStart carries a message that fits the limit in full"),
  fn: withBox(async (box) => {
    const repo = makeRepo(box);
    const lines = [1, 2, 3].map((n) =>
      `Step ${n}: ${"finish the token refresh path and its tests ".repeat(7)}`
    );
    const message = lines.join("\n");
    assert.ok(message.length < MAX_CONTEXT_CHARS / 4);
    const paused = await runCli(box, ["pause", "-m", message], { cwd: repo });
    assert.equal(paused.code, 0, paused.stderr);
    const result = await runCli(box, ["hook"], {
      stdin: sessionStartEvent(box, repo, "startup"),
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    const context = oneJsonDocument(result.stdout).hookSpecificOutput
      .additionalContext;
    for (const line of lines) {
      assert.ok(context.includes(line.trim()), `missing: ${line}`);
    }
  }),
});

Deno.test(
  name("SessionStart with no saved session prints nothing"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const result = await runCli(box, ["hook"], {
      stdin: sessionStartEvent(box, repo, "startup"),
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
    assert.ok(!exists(join(repo, ".claude-mpm")));
  }),
);

Deno.test(
  name("SessionStart with an unknown source prints nothing"),
  withBox(async (box) => {
    const repo = makeRepo(box);
    const paused = await runCli(box, ["pause", "-m", "hi"], { cwd: repo });
    assert.equal(paused.code, 0, paused.stderr);
    const result = await runCli(box, ["hook"], {
      stdin: sessionStartEvent(box, repo, "teleport"),
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "");
  }),
);

const IGNORED_INPUTS: [string, string][] = [
  [
    "an unknown event",
    JSON.stringify({
      session_id: CLAUDE_SESSION_ID,
      transcript_path: "/tmp/t.jsonl",
      cwd: "REPO",
      permission_mode: "default",
      hook_event_name: "UserPromptSubmit",
      prompt: "Write a function to calculate the factorial of a number",
    }),
  ],
  [
    "an event without a name",
    JSON.stringify({ session_id: CLAUDE_SESSION_ID, cwd: "REPO" }),
  ],
  ["bad JSON", '{"hook_event_name": "PreCompact", "cwd": '],
  ["a JSON array", '[{"hook_event_name": "PreCompact"}]'],
  ["JSON null", "null"],
  ["empty stdin", ""],
  ["only whitespace", "\n  \n"],
];

for (const [label, input] of IGNORED_INPUTS) {
  Deno.test(
    name(`${label} exits 0 with no output and writes nothing`),
    withBox(async (box) => {
      const repo = makeRepo(box);
      const result = await runCli(box, ["hook"], {
        stdin: input.replaceAll("REPO", repo),
        cwd: repo,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, "");
      assert.equal(result.stderr, "");
      assert.ok(!exists(join(repo, ".claude-mpm")));
    }),
  );
}
