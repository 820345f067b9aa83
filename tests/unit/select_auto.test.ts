/**
 * Unit tests for the automatic-pause rules in `lib/decide/select.ts`:
 * which PreCompact pause repeats the previous one, which hand-written
 * message an automatic pause carries, and which session SessionStart shows.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  carriedMessage,
  chooseSession,
  repeatsAutoPause,
} from "../../lib/decide/select.ts";
import { emptyGitContext } from "../../lib/gather/repo.ts";
import type { SessionDocument } from "../../lib/types.ts";

const T0 = Date.parse("2026-01-01T12:00:00.000Z");

function doc(
  id: string,
  atMs: number,
  o: {
    auto?: boolean;
    conv?: string | null;
    worktree?: string;
    message?: string | null;
    head?: string;
    todos?: string[];
  } = {},
): SessionDocument {
  const git = emptyGitContext();
  git.is_git_repo = true;
  git.head = o.head ?? "aaa";
  return {
    schema_version: 1,
    session_id: id,
    paused_at: new Date(atMs).toISOString(),
    project_path: "/repo",
    conversation: { summary: o.message ?? null },
    git_context: git,
    active_context: {
      working_directory: o.worktree ?? "/repo",
      worktree_path: o.worktree ?? "/repo",
      branch: "main",
    },
    resume_instructions: {
      quick_start: [],
      files_to_review: [],
      validation_commands: [],
    },
    todos: (o.todos ?? []).map((content) => ({ content, status: "pending" })),
    task_list: { pending_tasks: [], in_progress_tasks: [], completed_count: 0 },
    claude_code: {
      session_id: o.conv === undefined ? "c1" : o.conv,
      transcript_path: null,
      sources: [],
    },
    trigger: o.auto
      ? { source: "hook", event: "PreCompact" }
      : { source: "cli" },
    warnings: [],
    tool: { name: "t", version: "0" },
  };
}

Deno.test("repeatsAutoPause: same conversation, state and todos within 60 s only", () => {
  const prev = doc("p", T0, { auto: true, todos: ["a"] });
  const cases: [string, SessionDocument, boolean][] = [
    [
      "30 s later, unchanged",
      doc("n", T0 + 30_000, { auto: true, todos: ["a"] }),
      true,
    ],
    ["61 s later", doc("n", T0 + 61_000, { auto: true, todos: ["a"] }), false],
    [
      "other HEAD",
      doc("n", T0 + 1000, { auto: true, todos: ["a"], head: "bbb" }),
      false,
    ],
    ["other todos", doc("n", T0 + 1000, { auto: true, todos: ["b"] }), false],
    [
      "other conversation",
      doc("n", T0 + 1000, { auto: true, todos: ["a"], conv: "c2" }),
      false,
    ],
    [
      "no conversation",
      doc("n", T0 + 1000, { auto: true, todos: ["a"], conv: null }),
      false,
    ],
    [
      "other worktree",
      doc("n", T0 + 1000, { auto: true, todos: ["a"], worktree: "/wt" }),
      false,
    ],
  ];
  for (const [name, next, repeats] of cases) {
    assert.equal(repeatsAutoPause([prev], next) !== undefined, repeats, name);
  }
  // A manual pause is never the one repeated.
  const manual = doc("m", T0, { todos: ["a"] });
  assert.equal(
    repeatsAutoPause(
      [manual],
      doc("n", T0 + 1000, { auto: true, todos: ["a"] }),
    ),
    undefined,
  );
});

Deno.test("carriedMessage: the conversation's latest manual message, else the worktree's within 24 h", () => {
  const H = 3600_000;
  const convOld = doc("m1", T0 - 48 * H, { message: "conversation note" });
  const wtRecent = doc("m2", T0 - 2 * H, {
    message: "worktree note",
    conv: "other",
  });
  const next = doc("n", T0, { auto: true });
  assert.deepEqual(carriedMessage([convOld, wtRecent], next), {
    text: "conversation note",
    paused_at: convOld.paused_at,
    session_id: "m1",
  });
  const otherConv = doc("n", T0, { auto: true, conv: "c9" });
  assert.equal(
    carriedMessage([convOld, wtRecent], otherConv)?.text,
    "worktree note",
  );
  const stale = doc("m3", T0 - 25 * H, { message: "too old", conv: "x" });
  assert.equal(carriedMessage([stale], otherConv), null);
  const elsewhere = doc("m4", T0 - H, {
    message: "other worktree",
    conv: "x",
    worktree: "/wt",
  });
  assert.equal(carriedMessage([elsewhere], otherConv), null);
  // An automatic pause passes on what the previous one carried.
  const auto = doc("a1", T0 - H, { auto: true, conv: "c9" });
  auto.conversation.carried_message = {
    text: "kept",
    paused_at: new Date(T0 - 30 * H).toISOString(),
    session_id: "m0",
  };
  assert.equal(carriedMessage([auto], otherConv)?.text, "kept");
});

Deno.test("chooseSession: conversation, then worktree, then project, within the age", () => {
  const main = doc("a", T0 - 1000, { worktree: "/repo", conv: "c1" });
  const wt = doc("b", T0 - 5000, { worktree: "/wt", conv: "c2" });
  const newest = doc("c", T0, { worktree: "/repo", conv: "c3" });
  const all = [main, wt, newest];
  assert.equal(chooseSession(all, { worktreePath: "/wt" })?.session_id, "b");
  assert.equal(chooseSession(all, { worktreePath: "/other" })?.session_id, "c");
  assert.equal(
    chooseSession(all, { worktreePath: "/wt", conversationId: "c1" })
      ?.session_id,
    "a",
  );
  assert.equal(
    chooseSession(all, { worktreePath: "/wt", conversationId: "zz" })
      ?.session_id,
    "b",
  );
  assert.equal(
    chooseSession(all, { worktreePath: "/wt", notBeforeMs: T0 - 2000 })
      ?.session_id,
    "c",
  );
  assert.equal(
    chooseSession(all, { worktreePath: "/wt", notBeforeMs: T0 + 1 }),
    undefined,
  );
});
