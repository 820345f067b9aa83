/**
 * Unit tests for the pure parts of `lib/gather/claude.ts`: the folder name
 * Claude Code uses for a project, normalising todo and task records, the
 * `--todos` document, and splitting tasks into the saved snapshot.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  claudeConfigDir,
  encodeProjectPath,
  normaliseTask,
  normaliseTodo,
  parseTodosDocument,
  taskListSnapshot,
} from "../../lib/gather/claude.ts";
import type { TaskItem, TodoItem } from "../../lib/types.ts";

Deno.test("encodeProjectPath: every character that is not an ASCII letter or digit becomes '-'", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    {
      name: "plain path",
      input: "/home/ada/project",
      expected: "-home-ada-project",
    },
    {
      name: "dots and underscores",
      input: "/srv/my_app.v2",
      expected: "-srv-my-app-v2",
    },
    { name: "spaces", input: "/Users/a b/c", expected: "-Users-a-b-c" },
    { name: "dashes stay dashes", input: "/a-b", expected: "-a-b" },
    { name: "accented letters", input: "/tmp/ünï", expected: "-tmp--n-" },
    {
      name: "astral characters count per UTF-16 unit",
      input: "/x/😀",
      expected: "-x---",
    },
    { name: "windows path", input: "C:\\Users\\a", expected: "C--Users-a" },
    { name: "empty", input: "", expected: "" },
  ];
  for (const { name, input, expected } of cases) {
    const encoded = encodeProjectPath(input);
    assert.equal(encoded, expected, name);
    assert.equal(encoded.length, input.length, `${name}: same length`);
  }
});

Deno.test("claudeConfigDir: CLAUDE_CONFIG_DIR when set and not empty, else ~/.claude", () => {
  assert.equal(claudeConfigDir({ CLAUDE_CONFIG_DIR: "/cfg" }), "/cfg");
  assert.match(claudeConfigDir({}), /[\\/]\.claude$/);
  assert.match(claudeConfigDir({ CLAUDE_CONFIG_DIR: "" }), /[\\/]\.claude$/);
});

Deno.test("normaliseTodo: keeps known fields, fills status, refuses records without text", () => {
  const cases: {
    name: string;
    input: unknown;
    expected: TodoItem | undefined;
  }[] = [
    {
      name: "full TodoWrite item",
      input: {
        content: "Write tests",
        status: "in_progress",
        activeForm: "Writing tests",
      },
      expected: {
        content: "Write tests",
        status: "in_progress",
        activeForm: "Writing tests",
      },
    },
    {
      name: "older item with id and priority",
      input: { content: "x", status: "completed", id: "3", priority: "high" },
      expected: {
        content: "x",
        status: "completed",
        id: "3",
        priority: "high",
      },
    },
    {
      name: "numeric id becomes a string",
      input: { content: "x", id: 7 },
      expected: { content: "x", status: "pending", id: "7" },
    },
    {
      name: "missing status is pending",
      input: { content: "x" },
      expected: { content: "x", status: "pending" },
    },
    {
      name: "non-string status is pending",
      input: { content: "x", status: 1 },
      expected: { content: "x", status: "pending" },
    },
    {
      name: "a task record uses its subject",
      input: {
        subject: "Task title",
        status: "pending",
        description: "dropped",
      },
      expected: { content: "Task title", status: "pending" },
    },
    {
      name: "content wins over subject",
      input: { content: "c", subject: "s" },
      expected: { content: "c", status: "pending" },
    },
    {
      name: "empty content is still content",
      input: { content: "" },
      expected: { content: "", status: "pending" },
    },
    {
      name: "fields of the wrong type are dropped",
      input: { content: "x", activeForm: 1, id: null, priority: 2, extra: "y" },
      expected: { content: "x", status: "pending" },
    },
    { name: "no text", input: { status: "pending" }, expected: undefined },
    { name: "non-string content", input: { content: 5 }, expected: undefined },
    { name: "null", input: null, expected: undefined },
    { name: "string", input: "todo", expected: undefined },
    { name: "number", input: 3, expected: undefined },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(normaliseTodo(input), expected, name);
  }
});

Deno.test("normaliseTask: keeps known fields, stringifies ids and links, refuses records without text", () => {
  const cases: {
    name: string;
    input: unknown;
    expected: TaskItem | undefined;
  }[] = [
    {
      name: "full task",
      input: {
        id: "4",
        subject: "Parse",
        description: "Parse the status",
        activeForm: "Parsing",
        status: "in_progress",
        owner: "agent-1",
        blocks: ["5"],
        blockedBy: ["1", "2"],
      },
      expected: {
        id: "4",
        subject: "Parse",
        description: "Parse the status",
        activeForm: "Parsing",
        status: "in_progress",
        owner: "agent-1",
        blocks: ["5"],
        blockedBy: ["1", "2"],
      },
    },
    {
      name: "numeric id and links become strings",
      input: { id: 4, subject: "x", blocks: [5, 6], blockedBy: [1] },
      expected: {
        id: "4",
        subject: "x",
        status: "pending",
        blocks: ["5", "6"],
        blockedBy: ["1"],
      },
    },
    {
      name: "missing id is empty",
      input: { subject: "x", status: "completed" },
      expected: { id: "", subject: "x", status: "completed" },
    },
    {
      name: "a todo record uses its content",
      input: { content: "Todo text", status: "pending" },
      expected: { id: "", subject: "Todo text", status: "pending" },
    },
    {
      name: "subject wins over content",
      input: { subject: "s", content: "c" },
      expected: { id: "", subject: "s", status: "pending" },
    },
    {
      name: "non-list links and non-string extras are dropped",
      input: {
        subject: "x",
        blocks: "5",
        blockedBy: {},
        owner: 1,
        description: null,
      },
      expected: { id: "", subject: "x", status: "pending" },
    },
    {
      name: "empty link lists are kept",
      input: { subject: "x", blocks: [], blockedBy: [] },
      expected: {
        id: "",
        subject: "x",
        status: "pending",
        blocks: [],
        blockedBy: [],
      },
    },
    { name: "no text", input: { id: "1" }, expected: undefined },
    { name: "null", input: null, expected: undefined },
    { name: "array", input: ["subject"], expected: undefined },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(normaliseTask(input), expected, name);
  }
});

Deno.test("parseTodosDocument: an array, or an object with 'todos' or 'tasks'", () => {
  const cases: { name: string; input: string; expected: TodoItem[] }[] = [
    { name: "empty array", input: "[]", expected: [] },
    {
      name: "array of todos",
      input: JSON.stringify([
        { content: "a", status: "completed" },
        { content: "b" },
      ]),
      expected: [
        { content: "a", status: "completed" },
        { content: "b", status: "pending" },
      ],
    },
    {
      name: "invalid items are skipped",
      input: JSON.stringify([{ content: "a" }, null, 5, { status: "x" }, "s"]),
      expected: [{ content: "a", status: "pending" }],
    },
    {
      name: "object with todos",
      input: JSON.stringify({ todos: [{ content: "a" }], other: 1 }),
      expected: [{ content: "a", status: "pending" }],
    },
    {
      name: "object with tasks becomes todos",
      input: JSON.stringify({
        tasks: [{ id: 1, subject: "t", status: "in_progress" }],
      }),
      expected: [{ content: "t", status: "in_progress", id: "1" }],
    },
    {
      name: "todos wins over tasks",
      input: JSON.stringify({
        todos: [{ content: "from todos" }],
        tasks: [{ subject: "from tasks" }],
      }),
      expected: [{ content: "from todos", status: "pending" }],
    },
    {
      name: "a non-list todos key falls back to tasks",
      input: JSON.stringify({ todos: "no", tasks: [{ subject: "t" }] }),
      expected: [{ content: "t", status: "pending" }],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(parseTodosDocument(input), expected, name);
  }
});

Deno.test("parseTodosDocument: text that is not such a document throws a clear error", () => {
  const cases: { name: string; input: string; expected: RegExp }[] = [
    { name: "not JSON", input: "{todos:", expected: /not valid JSON: / },
    { name: "empty text", input: "", expected: /not valid JSON: / },
    {
      name: "JSON null",
      input: "null",
      expected: /expected an array of todos or an object with 'todos'/,
    },
    { name: "JSON number", input: "42", expected: /expected an array/ },
    { name: "JSON string", input: '"todo"', expected: /expected an array/ },
    {
      name: "object without a list",
      input: '{"items": []}',
      expected: /expected an array/,
    },
    {
      name: "todos not a list",
      input: '{"todos": {}}',
      expected: /expected an array/,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.throws(() => parseTodosDocument(input), expected, name);
  }
});

Deno.test("taskListSnapshot: pending and in-progress tasks listed, completed counted, others dropped", () => {
  const task = (id: string, status: string): TaskItem => ({
    id,
    subject: `t${id}`,
    status,
  });
  const cases: {
    name: string;
    input: TaskItem[];
    expected: { pending: string[]; inProgress: string[]; completed: number };
  }[] = [
    {
      name: "none",
      input: [],
      expected: { pending: [], inProgress: [], completed: 0 },
    },
    {
      name: "mixed, order kept",
      input: [
        task("1", "completed"),
        task("2", "pending"),
        task("3", "in_progress"),
        task("4", "pending"),
        task("5", "completed"),
      ],
      expected: { pending: ["2", "4"], inProgress: ["3"], completed: 2 },
    },
    {
      name: "unknown statuses are not counted anywhere",
      input: [task("1", "deleted"), task("2", "Pending"), task("3", "")],
      expected: { pending: [], inProgress: [], completed: 0 },
    },
  ];
  for (const { name, input, expected } of cases) {
    const snap = taskListSnapshot(input);
    assert.deepEqual(
      snap.pending_tasks.map((t) => t.id),
      expected.pending,
      name,
    );
    assert.deepEqual(
      snap.in_progress_tasks.map((t) => t.id),
      expected.inProgress,
      name,
    );
    assert.equal(snap.completed_count, expected.completed, name);
  }
});
