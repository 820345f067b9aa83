/**
 * Both ways with claude-mpm: the sessions this tool writes are found by
 * claude-mpm's own reader rules (only `session-YYYYMMDD-HHMMSS.json`, the
 * newest by file time, belonging to this project), also after parallel
 * pauses; and claude-mpm's own session files are read and shown by
 * `resume` and `list`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  commitAll,
  makeRepo,
  runCli,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";
import { assertNoStack, spawnCli } from "../faults/fault_helpers.ts";
import type { SessionDocument } from "../../lib/types.ts";

const SESSIONS = join(".claude-mpm", "sessions");

/**
 * claude-mpm 6.5's `SessionResumeHelper.get_most_recent_session`, restated:
 * glob `session-*.json`, keep names matching `^session-\d{8}-\d{6}\.json$`,
 * newest by modification time first, the first whose `project_path`
 * resolves to the project (or is empty). It ignores `LATEST-SESSION.txt`.
 */
function claudeMpmReader(project: string): {
  visible: string[];
  newest: string | undefined;
} {
  const dir = join(project, SESSIONS);
  const files = readdirSync(dir)
    .filter((n) => n.startsWith("session-") && n.endsWith(".json"))
    .filter((n) => /^session-\d{8}-\d{6}\.json$/.test(n))
    .map((n) => ({ n, mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const here = realpathSync(project);
  let newest: string | undefined;
  for (const { n } of files) {
    const data = JSON.parse(readFileSync(join(dir, n), "utf8"));
    const owner = data.project_path ?? "";
    if (owner && realpathSync(owner) !== here) continue;
    newest = data.session_id;
    break;
  }
  return { visible: files.map((f) => f.n.replace(/\.json$/, "")), newest };
}

Deno.test("claude-mpm's reader finds our session, and after three parallel pauses sees all of them with the last as newest", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const first = await runCliJson<{ files: { id: string } }>(box, [
      "pause",
      "-m",
      "first",
    ], { cwd: repo });
    assert.deepEqual(claudeMpmReader(repo), {
      visible: [first.json.files.id],
      newest: first.json.files.id,
    });

    const runs = [0, 1, 2].map((i) =>
      spawnCli(box, ["pause", "-m", `parallel ${i}`, "--json"], { cwd: repo })
    );
    const results = await Promise.all(runs.map((r) => r.done));
    const ids = results.map((r, i) => {
      assertNoStack(r.stderr);
      assert.equal(r.code, 0, `run ${i}: ${r.stderr}`);
      return JSON.parse(r.stdout).files.id as string;
    });
    const all = [first.json.files.id, ...ids].sort();
    assert.equal(new Set(all).size, 4, `distinct ids: ${all}`);
    for (const id of all) {
      assert.match(id, /^session-\d{8}-\d{6}$/, "claude-mpm's pattern");
    }
    const seen = claudeMpmReader(repo);
    assert.equal(seen.visible.length, 4, `claude-mpm sees ${seen.visible}`);
    assert.equal(seen.newest, all.at(-1), "newest by file time is the last id");
    // File times follow id order, so every reader agrees on the order.
    const dir = join(repo, SESSIONS);
    const times = all.map((id) => statSync(join(dir, `${id}.json`)).mtimeMs);
    assert.deepEqual([...times].sort((a, b) => a - b), times);
    // paused_at keeps the true time: never later than the id's second.
    for (const id of all) {
      const doc = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8"));
      assert.ok(
        baseOf(doc.paused_at) <= id,
        `${id}: paused at ${doc.paused_at}`,
      );
    }
    // Our own reader ends on the same session, LATEST included.
    const latest = readFileSync(join(dir, "LATEST-SESSION.txt"), "utf8");
    assert.equal(latest.split("\n")[0], all.at(-1));
    const resumed = await runCliJson<{ session: { session_id: string } }>(
      box,
      ["resume"],
      { cwd: repo },
    );
    assert.equal(resumed.json.session.session_id, all.at(-1));
  } finally {
    box.cleanup();
  }
});

/** The id second of an ISO time, as a session id. */
function baseOf(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `session-${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${
    p(d.getUTCDate())
  }-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

Deno.test("a pause in a second a session already holds takes the next free second; old -2 files are still read", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    // Hold this second and the next ten, as an earlier writer might have.
    const now = Date.now();
    const held: string[] = [];
    for (let s = 0; s <= 10; s++) {
      const id = baseOf(new Date(now + s * 1000).toISOString());
      held.push(id);
      writeFile(
        join(repo, SESSIONS, `${id}.json`),
        JSON.stringify({
          session_id: id,
          paused_at: new Date(now + s * 1000).toISOString(),
          project_path: repo,
        }),
      );
    }
    const legacy = `${held[0]}-2`;
    writeFile(
      join(repo, SESSIONS, `${legacy}.json`),
      JSON.stringify({
        session_id: legacy,
        paused_at: new Date(now).toISOString(),
        project_path: repo,
        conversation: { summary: "written by an earlier version" },
      }),
    );
    const { json } = await runCliJson<
      { files: { id: string }; session: { paused_at: string } }
    >(box, ["pause", "-m", "late"], { cwd: repo });
    const id = json.files.id;
    assert.match(id, /^session-\d{8}-\d{6}$/);
    assert.ok(!held.includes(id), `${id} is free`);
    assert.ok(id > held.at(-1)!, `${id} sorts after every held id`);
    assert.ok(
      baseOf(json.session.paused_at) < id,
      "paused_at is the true time",
    );
    const list = await runCliJson<{ sessions: { id: string }[] }>(box, [
      "list",
      "--all",
    ], { cwd: repo });
    const listed = list.json.sessions.map((s) => s.id);
    assert.equal(listed[0], id, "newest first");
    assert.ok(listed.includes(legacy), "the -2 file is listed");
    const old = await runCli(box, ["resume", legacy], { cwd: repo });
    assert.equal(old.code, 0, old.stderr);
    assert.match(old.stdout, /written by an earlier version/);
  } finally {
    box.cleanup();
  }
});

/** A session file as claude-mpm 6.5's `session pause` writes it. */
function claudeMpmSession(repo: string, id: string, head: string) {
  return {
    session_id: id,
    paused_at: "2026-12-01 20:36:35.398121+00:00",
    duration_hours: 0,
    context_usage: { tokens_used: 0, tokens_total: 200000, percentage: 0 },
    conversation: {
      primary_task: "Manual pause - see message below",
      current_phase: "In progress",
      summary: "Auth refactor, about to test the login flow",
      accomplishments: [],
      next_steps: [],
    },
    git_context: {
      is_git_repo: true,
      branch: "main",
      recent_commits: [{
        sha: head.slice(0, 7),
        author: "Test Author",
        timestamp: "2026-12-01 20:30:00 +0000",
        message: "initial commit",
      }],
      status: {
        clean: false,
        modified_files: ["src/auth.py"],
        untracked_files: ["notes.txt"],
      },
    },
    active_context: { working_directory: repo },
    important_reminders: [],
    resume_instructions: {
      quick_start: [
        `Read ${id}.md for full context`,
        "Run: git status to check current state",
      ],
      files_to_review: [],
      validation_commands: {
        check_git: "git status && git log -1 --stat",
        check_session: `cat ${repo}/.claude-mpm/sessions/${id}.md`,
      },
    },
    open_questions: [],
    performance_metrics: {},
    todos: {
      active: [{ content: "Test the login flow", status: "pending" }],
      completed: ["Write the token refresh"],
    },
    task_list: {
      pending_tasks: [{
        id: "7",
        title: "Add rate limiting",
        description: "Per user",
        priority: "high",
        created_at: "2026-12-01T19:00:00",
        file: "/root/.claude/tasks/7.json",
      }],
      in_progress_tasks: [{
        id: "6",
        title: "Refactor the session store",
        description: "",
        priority: "medium",
        created_at: null,
        file: "/root/.claude/tasks/6.json",
      }],
      completed_count: 2,
    },
    version: "unknown",
    build: "current",
    project_path: repo,
  };
}

Deno.test("resume and list read claude-mpm's own session files: tasks, todos, commands, its times in our style, and an unknown paused HEAD", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const head =
      (await runCliJson<{ session: { git_context: { head: string } } }>(
        box,
        ["pause", "-m", "ours"],
        { cwd: repo },
      )).json.session.git_context.head;
    writeFile(join(repo, "later.txt"), "x\n");
    commitAll(box, repo, "a commit after the pause");
    const id = "session-20991201-203635";
    writeFile(
      join(repo, SESSIONS, `${id}.json`),
      JSON.stringify(claudeMpmSession(repo, id, head), null, 2),
    );
    writeFile(
      join(repo, SESSIONS, "LATEST-SESSION.txt"),
      `Latest Session: ${id}\nPaused At: 2026-12-01 20:36:35 UTC\n`,
    );

    const text = await runCli(box, ["resume"], { cwd: repo });
    assertNoStack(text.stderr);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`Resuming session ${id}`));
    assert.match(
      text.stdout,
      /Paused .+ ago \(\w{3} \d{1,2} \w{3} \d\d:\d\d, local time\)/,
      "claude-mpm's time is shown in our style",
    );
    assert.match(text.stdout, /Auth refactor, about to test the login flow/);
    assert.match(text.stdout, /\[~\] Refactor the session store/);
    assert.match(text.stdout, /\[ \] Add rate limiting/);
    assert.match(text.stdout, /\[ \] Test the login flow/);
    assert.doesNotMatch(text.stdout, /Write the token refresh/);
    assert.match(text.stdout, new RegExp(`${head.slice(0, 7)} initial commit`));
    assert.doesNotMatch(text.stdout, /No new commits/);
    assert.match(text.stdout, /cannot tell/i);

    const { json } = await runCliJson<{ session: SessionDocument }>(box, [
      "resume",
    ], { cwd: repo });
    const doc = json.session;
    assert.equal(doc.paused_at, "2026-12-01T20:36:35.398Z");
    assert.equal(doc.git_context.head, null);
    assert.equal(
      doc.git_context.recent_commits[0].timestamp,
      "2026-12-01T20:30:00.000Z",
    );
    assert.deepEqual(doc.resume_instructions.validation_commands, [
      "git status && git log -1 --stat",
      `cat ${repo}/.claude-mpm/sessions/${id}.md`,
    ]);
    assert.deepEqual(doc.todos, [
      { content: "Test the login flow", status: "pending" },
      { content: "Write the token refresh", status: "completed" },
    ]);
    assert.equal(
      doc.task_list.in_progress_tasks[0].subject,
      "Refactor the session store",
    );
    assert.equal(doc.task_list.in_progress_tasks[0].status, "in_progress");
    assert.equal(doc.task_list.pending_tasks[0].subject, "Add rate limiting");
    assert.equal(doc.task_list.pending_tasks[0].status, "pending");
    assert.equal(doc.git_context.status.counts.modified, 1);
    assert.equal(doc.git_context.status.counts.untracked, 1);
    assert.equal(doc.tool.name, "claude-mpm");

    const list = await runCli(box, ["list"], { cwd: repo });
    assert.equal(list.code, 0, list.stderr);
    assert.match(
      list.stdout,
      new RegExp(`${id}\\s+2026-12-01 20:36:35Z\\s+main`),
    );
  } finally {
    box.cleanup();
  }
});
