/**
 * Unit tests for the session loader's normalisation in
 * `lib/gather/sessions.ts`: other writers' times, todos, tasks and commands
 * become this tool's shapes.
 *
 * @module
 */

import assert from "node:assert/strict";
import { normaliseSession, normaliseTime } from "../../lib/gather/sessions.ts";
import type { SessionDocument } from "../../lib/types.ts";

Deno.test("normaliseTime: claude-mpm's and git's times become ISO 8601 UTC; other text is kept", () => {
  const cases: { name: string; input: unknown; expected: string }[] = [
    {
      name: "ours unchanged",
      input: "2026-12-01T20:36:35.398Z",
      expected: "2026-12-01T20:36:35.398Z",
    },
    {
      name: "claude-mpm with a space and microseconds",
      input: "2026-12-01 20:36:35.398121+00:00",
      expected: "2026-12-01T20:36:35.398Z",
    },
    {
      name: "python isoformat with T",
      input: "2026-12-01T20:36:35.398121+00:00",
      expected: "2026-12-01T20:36:35.398Z",
    },
    {
      name: "offset converted to UTC",
      input: "2026-12-01T22:36:35+02:00",
      expected: "2026-12-01T20:36:35.000Z",
    },
    {
      name: "git %ai",
      input: "2026-12-01 20:30:00 +0000",
      expected: "2026-12-01T20:30:00.000Z",
    },
    {
      name: "git %ai negative offset",
      input: "2026-12-01 15:30:00 -0500",
      expected: "2026-12-01T20:30:00.000Z",
    },
    {
      name: "no zone is UTC",
      input: "2026-12-01T19:00:00",
      expected: "2026-12-01T19:00:00.000Z",
    },
    { name: "not a time is kept", input: "yesterday", expected: "yesterday" },
    {
      name: "impossible date is kept",
      input: "2026-13-45 99:00:00",
      expected: "2026-13-45 99:00:00",
    },
    { name: "missing", input: undefined, expected: "" },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(normaliseTime(input), expected, name);
  }
});

Deno.test("normaliseSession: claude-mpm shapes become a well-formed document", () => {
  const cases: {
    name: string;
    input: Record<string, unknown>;
    check: (doc: SessionDocument) => void;
  }[] = [
    {
      name: "todos object with strings and objects",
      input: {
        todos: {
          active: ["a", { title: "b", priority: "high" }],
          completed: [{ content: "c" }],
        },
      },
      check: (d) =>
        assert.deepEqual(d.todos.map((t) => [t.content, t.status]), [
          ["a", "pending"],
          ["b", "pending"],
          ["c", "completed"],
        ]),
    },
    {
      name: "our todo list is kept",
      input: {
        todos: [{ content: "x", status: "in_progress", activeForm: "Doing x" }],
      },
      check: (d) =>
        assert.deepEqual(d.todos, [{
          content: "x",
          status: "in_progress",
          activeForm: "Doing x",
        }]),
    },
    {
      name: "tasks with title get a subject and the status of their list",
      input: {
        task_list: {
          pending_tasks: [{
            id: 7,
            title: "T",
            description: "",
            priority: "low",
            created_at: null,
            file: "/f",
          }],
          in_progress_tasks: [{ id: "6", title: "U" }],
          completed_count: 3,
        },
      },
      check: (d) => {
        assert.deepEqual(
          [
            d.task_list.pending_tasks[0].id,
            d.task_list.pending_tasks[0].subject,
            d.task_list.pending_tasks[0].status,
          ],
          ["7", "T", "pending"],
        );
        assert.equal(d.task_list.in_progress_tasks[0].status, "in_progress");
        assert.equal(d.task_list.completed_count, 3);
      },
    },
    {
      name: "validation_commands object becomes its commands",
      input: {
        resume_instructions: {
          validation_commands: { a: "git status", b: "make test" },
          quick_start: "one",
        },
      },
      check: (d) => {
        assert.deepEqual(d.resume_instructions.validation_commands, [
          "git status",
          "make test",
        ]);
        assert.deepEqual(d.resume_instructions.quick_start, ["one"]);
      },
    },
    {
      name:
        "git_context without head: head is null, short shas kept, times ISO",
      input: {
        git_context: {
          is_git_repo: true,
          branch: "main",
          recent_commits: [{
            sha: "abc1234",
            author: "A",
            timestamp: "2026-12-01 20:30:00 +0000",
            message: "m",
          }],
          status: {
            clean: false,
            modified_files: ["a"],
            untracked_files: ["b", "c"],
          },
        },
      },
      check: (d) => {
        assert.equal(d.git_context.head, null);
        assert.equal(d.git_context.recent_commits[0].sha, "abc1234");
        assert.equal(
          d.git_context.recent_commits[0].timestamp,
          "2026-12-01T20:30:00.000Z",
        );
        assert.deepEqual(d.git_context.status.counts, {
          modified: 1,
          staged: 0,
          unstaged: 0,
          untracked: 2,
          conflicted: 0,
        });
      },
    },
    {
      name: "nonsense fields do not break the shape",
      input: {
        todos: "x",
        task_list: [],
        git_context: 3,
        conversation: { summary: 5 },
        warnings: "w",
      },
      check: (d) => {
        assert.deepEqual(d.todos, []);
        assert.deepEqual(d.task_list.pending_tasks, []);
        assert.equal(d.git_context.is_git_repo, false);
        assert.equal(d.conversation.summary, null);
        assert.deepEqual(d.warnings, ["w"]);
      },
    },
    {
      name: "a claude-mpm document is named as such",
      input: { context_usage: {}, todos: { active: [], completed: [] } },
      check: (d) => assert.equal(d.tool.name, "claude-mpm"),
    },
    {
      name: "a minimal document of unknown origin stays unknown",
      input: {},
      check: (d) => assert.equal(d.tool.name, "unknown"),
    },
  ];
  for (const { name, input, check } of cases) {
    const doc = normaliseSession({
      session_id: "session-20261201-203635",
      paused_at: "2026-12-01 20:36:35.398121+00:00",
      ...input,
    } as Partial<SessionDocument>);
    assert.equal(doc.paused_at, "2026-12-01T20:36:35.398Z", name);
    try {
      check(doc);
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
});
