/**
 * End-to-end: one project across worktrees and subfolders, with a fake
 * `CLAUDE_CONFIG_DIR` whose transcripts use the record format of Claude
 * Code 2.1.332. Sessions land in the main worktree whichever worktree or
 * subfolder the command runs in, record where they were paused, and the
 * conversation, its todos and its tasks are found from anywhere.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  exists,
  git,
  makeRepo,
  runCli,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

const SESSIONS = join(".claude-mpm", "sessions");

interface Doc {
  session_id: string;
  paused_at: string;
  project_path: string;
  conversation: {
    summary: string | null;
    carried_message?:
      | { text: string; paused_at: string; session_id: string }
      | null;
  };
  active_context: {
    working_directory: string;
    worktree_path: string;
    branch: string | null;
  };
  todos: { content: string; status: string }[];
  task_list: {
    pending_tasks: { subject: string }[];
    in_progress_tasks: { subject: string }[];
  };
  claude_code: {
    session_id: string | null;
    transcript_path: string | null;
    sources: string[];
  };
}

function sessionDocs(repo: string): Doc[] {
  const dir = join(repo, SESSIONS);
  if (!exists(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith(".json")).sort().map((n) =>
    JSON.parse(readFileSync(join(dir, n), "utf8"))
  );
}

/** Writes a transcript as Claude Code does: the first lines carry no cwd. */
function writeTranscript(
  box: Sandbox,
  startFolder: string,
  id: string,
  todosLists: { content: string; status: string; activeForm: string }[][],
): string {
  const encoded = startFolder.replace(/[^a-zA-Z0-9]/g, "-");
  const lines: unknown[] = [
    { type: "permission-mode", permissionMode: "default", sessionId: id },
    { type: "file-history-snapshot", messageId: "m0", snapshot: {} },
    {
      type: "user",
      cwd: startFolder,
      sessionId: id,
      uuid: "u1",
      message: { role: "user", content: "make a plan" },
    },
  ];
  todosLists.forEach((newTodos, i) => {
    lines.push({
      type: "user",
      cwd: startFolder,
      sessionId: id,
      uuid: `t${i}`,
      message: {
        role: "user",
        content: [{
          type: "tool_result",
          tool_use_id: `toolu_${i}`,
          content: "ok",
        }],
      },
      toolUseResult: { oldTodos: [], newTodos },
    });
  });
  lines.push({
    type: "assistant",
    cwd: startFolder,
    sessionId: id,
    message: { role: "assistant", content: [{ type: "text", text: "done" }] },
  });
  return writeFile(
    join(box.env.CLAUDE_CONFIG_DIR, "projects", encoded, `${id}.jsonl`),
    lines.map((l) => JSON.stringify(l)).join("\n") + "\n",
  );
}

const ID = "0b8f2c4e-1d3a-4b5c-8e9f-a1b2c3d4e5f6";

Deno.test("project: a pause in a linked worktree's subfolder goes to the main worktree and records where it was", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const linked = join(box.dir, "linked");
    git(box, repo, "worktree", "add", "-q", "-b", "feature", linked);
    const sub = join(linked, "src", "deep");
    mkdirSync(sub, { recursive: true });
    const agent = addWorktree(box, repo, "agent-a1");

    const first = await runCli(box, [
      "pause",
      "-m",
      "main work",
      "--no-prune-worktrees",
    ], { cwd: repo });
    assert.equal(first.code, 0, first.stderr);
    await new Promise((r) => setTimeout(r, 1100));
    const inLinked = await runCli(box, [
      "pause",
      "-m",
      "linked work",
      "--no-prune-worktrees",
    ], { cwd: sub });
    assert.equal(inLinked.code, 0, inLinked.stderr);
    await new Promise((r) => setTimeout(r, 1100));
    const inAgent = await runCli(box, [
      "pause",
      "-m",
      "agent work",
      "--no-prune-worktrees",
    ], { cwd: agent });
    assert.equal(inAgent.code, 0, inAgent.stderr);

    assert.ok(
      !exists(join(linked, ".claude-mpm")),
      "nothing written in the linked worktree",
    );
    assert.ok(
      !exists(join(agent, ".claude-mpm")),
      "nothing written in the agent worktree",
    );
    const docs = sessionDocs(repo);
    assert.equal(docs.length, 3);
    const linkedDoc = docs.find((d) =>
      d.conversation.summary === "linked work"
    )!;
    assert.equal(linkedDoc.project_path, repo);
    assert.equal(linkedDoc.active_context.worktree_path, linked);
    assert.equal(linkedDoc.active_context.branch, "feature");
    assert.equal(linkedDoc.active_context.working_directory, sub);
    const agentDoc = docs.find((d) => d.conversation.summary === "agent work")!;
    assert.equal(agentDoc.active_context.worktree_path, agent);
    assert.equal(agentDoc.active_context.branch, "agent-a1");

    // resume in the linked worktree prefers its own newest session, though
    // the agent's is newer; in the main worktree the project's latest.
    const linkedResume = await runCliJson<{ session: Doc }>(box, ["resume"], {
      cwd: sub,
    });
    assert.equal(linkedResume.json.session.conversation.summary, "linked work");
    const mainResume = await runCliJson<{ session: Doc }>(box, ["resume"], {
      cwd: repo,
    });
    assert.equal(mainResume.json.session.conversation.summary, "agent work");

    const list = await runCliJson<{ sessions: { worktree: string }[] }>(box, [
      "list",
    ], { cwd: sub });
    assert.deepEqual(list.json.sessions.map((s) => s.worktree), [
      agent,
      linked,
      repo,
    ]);
    const text = await runCli(box, ["list"], { cwd: repo });
    assert.match(text.stdout, /WORKTREE/);
    assert.match(text.stdout, /\.claude\/worktrees\/agent-a1/);
  } finally {
    box.cleanup();
  }
});

Deno.test("project: the conversation, its latest todos and its tasks are found from a subfolder of a worktree", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const linked = join(box.dir, "linked");
    git(box, repo, "worktree", "add", "-q", "-b", "feature", linked);
    const sub = join(linked, "pkg");
    mkdirSync(sub);
    const transcript = writeTranscript(box, sub, ID, [
      [{ content: "old plan", status: "pending", activeForm: "Planning" }],
      [
        {
          content: "write parser",
          status: "completed",
          activeForm: "Writing parser",
        },
        {
          content: "test parser",
          status: "in_progress",
          activeForm: "Testing parser",
        },
      ],
    ]);
    // A transcript of another repository, newer, must not be taken.
    const other = join(box.dir, "other");
    mkdirSync(other);
    writeTranscript(box, other, "ffffffff-0000-4000-8000-000000000000", [[
      { content: "not ours", status: "pending", activeForm: "x" },
    ]]);
    const taskDir = join(box.env.CLAUDE_CONFIG_DIR, "tasks", ID);
    writeFile(
      join(taskDir, "1.json"),
      JSON.stringify({
        id: "1",
        subject: "ship it",
        description: "release",
        status: "pending",
        blocks: [],
        blockedBy: [],
      }),
    );

    const paused = await runCli(box, ["pause", "--no-prune-worktrees"], {
      cwd: repo,
    });
    assert.equal(paused.code, 0, paused.stderr);
    const [doc] = sessionDocs(repo);
    assert.equal(doc.claude_code.session_id, ID);
    assert.equal(doc.claude_code.transcript_path, transcript);
    assert.deepEqual(doc.todos.map((t) => [t.content, t.status]), [
      ["write parser", "completed"],
      ["test parser", "in_progress"],
    ]);
    assert.deepEqual(doc.task_list.pending_tasks.map((t) => t.subject), [
      "ship it",
    ]);

    // With CLAUDE_CODE_SESSION_ID the transcript path is derived, and a
    // task list id is sanitised into one folder name.
    writeFile(
      join(box.env.CLAUDE_CONFIG_DIR, "tasks", "team-list-1", "1.json"),
      JSON.stringify({
        id: "1",
        subject: "shared task",
        description: "",
        status: "in_progress",
        blocks: [],
        blockedBy: [],
      }),
    );
    await new Promise((r) => setTimeout(r, 1100));
    const withId = await runCli(box, ["pause", "--no-prune-worktrees"], {
      cwd: repo,
      env: {
        CLAUDE_CODE_SESSION_ID: ID,
        CLAUDE_CODE_TASK_LIST_ID: "team/list 1",
      },
    });
    assert.equal(withId.code, 0, withId.stderr);
    const second = sessionDocs(repo)[1];
    assert.equal(second.claude_code.transcript_path, transcript);
    assert.equal(second.todos.length, 2);
    assert.deepEqual(
      second.task_list.in_progress_tasks.map((t) => t.subject),
      ["shared task"],
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("project: a long start folder's transcript is found by its cut name and cwd", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    let deep = repo;
    while (deep.length < 260) deep = join(deep, "a-rather-long-folder-name");
    mkdirSync(deep, { recursive: true });
    const encoded = deep.replace(/[^a-zA-Z0-9]/g, "-");
    const lines = [
      {
        type: "user",
        cwd: deep,
        sessionId: ID,
        message: { role: "user", content: "hi" },
      },
      {
        type: "user",
        cwd: deep,
        sessionId: ID,
        toolUseResult: {
          newTodos: [{
            content: "deep todo",
            status: "pending",
            activeForm: "x",
          }],
        },
      },
    ];
    const transcript = writeFile(
      join(
        box.env.CLAUDE_CONFIG_DIR,
        "projects",
        `${encoded.slice(0, 200)}-1x2y3z`,
        `${ID}.jsonl`,
      ),
      lines.map((l) => JSON.stringify(l)).join("\n") + "\n",
    );
    const old = new Date(Date.now() - 1000);
    utimesSync(transcript, old, old);
    for (
      const env of [{}, { CLAUDE_CODE_SESSION_ID: ID }] as Record<
        string,
        string
      >[]
    ) {
      const { json } = await runCliJson<{ session: Doc }>(box, [
        "pause",
        "--no-prune-worktrees",
      ], { cwd: deep, env });
      assert.equal(json.session.claude_code.transcript_path, transcript);
      assert.deepEqual(json.session.todos.map((t) => t.content), ["deep todo"]);
      await new Promise((r) => setTimeout(r, 1100));
    }
  } finally {
    box.cleanup();
  }
});
