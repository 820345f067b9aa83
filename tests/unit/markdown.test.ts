/**
 * Unit tests for `lib/report/markdown.ts`: the session Markdown is escaped,
 * capped and short however large the saved state is, and shows the
 * worktree cleanup section only when cleanup did something.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  MARKDOWN_LIST_LIMIT,
  MARKDOWN_MESSAGE_LIMIT,
  renderMessage,
  renderSessionMarkdown,
} from "../../lib/report/markdown.ts";
import { parsePorcelainV2 } from "../../lib/gather/status_parse.ts";
import { statusSnapshot } from "../../lib/gather/repo.ts";
import type { SessionDocument } from "../../lib/types.ts";
import {
  gitContext,
  orphanOutcome,
  pruneSummary,
  sessionDocument,
  worktreeOutcome,
} from "./_fixtures.ts";

// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

/** Removes inline code spans (CommonMark backtick-run matching). */
function withoutCodeSpans(markdown: string): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const open = /^`+/.exec(markdown.slice(i))?.[0];
    if (!open || (i > 0 && markdown[i - 1] === "\\")) {
      out += markdown[i++];
      continue;
    }
    let j = i + open.length;
    let closed = -1;
    while (j < markdown.length) {
      const run = /^`+/.exec(markdown.slice(j))?.[0];
      if (run === undefined) {
        j++;
        continue;
      }
      if (run.length === open.length) {
        closed = j;
        break;
      }
      j += run.length;
    }
    if (closed < 0) {
      out += open;
      i += open.length;
    } else {
      i = closed + open.length;
    }
  }
  return out;
}

/** The lines of the section headed `## title`, up to the next heading. */
function section(markdown: string, title: string): string[] | undefined {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith("## "));
  return end < 0 ? rest : rest.slice(0, end);
}

Deno.test("renderMessage: the message becomes an escaped block quote", () => {
  const cases: { name: string; input: string | null; expected: string[] }[] = [
    { name: "null", input: null, expected: ["*(no message)*"] },
    { name: "empty", input: "", expected: ["*(no message)*"] },
    { name: "blank", input: " \n\t ", expected: ["*(no message)*"] },
    { name: "one line", input: "Working on it", expected: ["> Working on it"] },
    {
      name: "blank lines stay inside the quote",
      input: "first\n\nsecond",
      expected: ["> first", ">", "> second"],
    },
    { name: "CRLF", input: "a\r\nb", expected: ["> a", "> b"] },
    {
      name: "markup is escaped",
      input: "# not a heading\n<b>bold</b> *x*",
      expected: ["> \\# not a heading", "> \\<b\\>bold\\</b\\> \\*x\\*"],
    },
    {
      name: "control characters are made visible",
      input: "ok\x1b[2Jgone\rback",
      expected: ["> ok\\\\u001b\\[2Jgone\\\\u000dback"],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(renderMessage(input), expected, name);
  }
});

Deno.test("renderMessage: a message longer than the limit is cut with a notice", () => {
  const cases: { name: string; input: number; expectCut: boolean }[] = [
    {
      name: "exactly the limit",
      input: MARKDOWN_MESSAGE_LIMIT,
      expectCut: false,
    },
    {
      name: "one over the limit",
      input: MARKDOWN_MESSAGE_LIMIT + 1,
      expectCut: true,
    },
    { name: "1 MB", input: 1024 * 1024, expectCut: true },
  ];
  for (const { name, input, expectCut } of cases) {
    const message = "x".repeat(input);
    const lines = renderMessage(message);
    const text = lines.join("\n");
    const notice =
      `*(message cut at ${MARKDOWN_MESSAGE_LIMIT} of ${input} characters; the JSON file has all of it)*`;
    assert.equal(lines.includes(notice), expectCut, `${name}: notice`);
    const shownX = (text.match(/x/g) ?? []).length;
    assert.equal(
      shownX,
      Math.min(input, MARKDOWN_MESSAGE_LIMIT),
      `${name}: characters shown`,
    );
    assert.ok(
      text.length < MARKDOWN_MESSAGE_LIMIT + 200,
      `${name}: output length ${text.length}`,
    );
  }
});

Deno.test("renderMessage: a 1 MB multi-line message stays within the limit", () => {
  const message = "line of text\n".repeat(80_000);
  const lines = renderMessage(message);
  assert.ok(
    lines.length < MARKDOWN_MESSAGE_LIMIT / 10,
    `${lines.length} lines`,
  );
  assert.match(
    lines.at(-1) ?? "",
    /^\*\(message cut at 2000 of \d+ characters/,
  );
});

Deno.test("renderSessionMarkdown: header lines show the session, project and git state", () => {
  const cases: {
    name: string;
    input: Partial<SessionDocument>;
    expected: { has: string[]; hasNot?: string[] };
  }[] = [
    {
      name: "branch with upstream",
      input: {
        git_context: gitContext({
          upstream: "origin/main",
          ahead: 2,
          behind: 1,
        }),
      },
      expected: {
        has: [
          "# Paused session session-20240102-030405",
          "- **Paused at:** 2024-01-02T03:04:05.000Z",
          "- **Project:** `/work/project`",
          "- **Git:** branch `main` at `0123456789ab` (2 ahead, 1 behind `origin/main`)",
        ],
        hasNot: [
          "- **Working directory:**",
          "- **Saved by:**",
          "- **Stashes:**",
        ],
      },
    },
    {
      name: "detached HEAD, no upstream",
      input: { git_context: gitContext({ branch: null, detached: true }) },
      expected: { has: ["- **Git:** detached HEAD at `0123456789ab`"] },
    },
    {
      name: "unborn branch has no head",
      input: { git_context: gitContext({ head: null }) },
      expected: { has: ["- **Git:** branch `main`"] },
    },
    {
      name: "upstream with unknown counts shows zeros",
      input: { git_context: gitContext({ upstream: "origin/main" }) },
      expected: { has: ["(0 ahead, 0 behind `origin/main`)"] },
    },
    {
      name: "not a repository",
      input: { git_context: gitContext({ is_git_repo: false }) },
      expected: {
        has: ["- **Git:** not a git repository"],
        hasNot: ["## Working tree", "## Recent commits"],
      },
    },
    {
      name: "operation in progress and stashes",
      input: {
        git_context: gitContext({
          operation_in_progress: "rebase",
          stash_count: 3,
        }),
      },
      expected: { has: ["- **In progress:** rebase", "- **Stashes:** 3"] },
    },
    {
      name: "working directory shown when it differs",
      input: { active_context: { working_directory: "/work/project/src" } },
      expected: { has: ["- **Working directory:** `/work/project/src`"] },
    },
    {
      name: "saved by a hook",
      input: {
        trigger: { source: "hook", event: "PreCompact", trigger: "auto" },
      },
      expected: { has: ["- **Saved by:** Claude Code PreCompact (auto)"] },
    },
    {
      name: "saved by a hook without details",
      input: { trigger: { source: "hook" } },
      expected: { has: ["- **Saved by:** Claude Code hook"] },
    },
    {
      name: "project path with backticks and a newline stays one code span",
      input: { project_path: "/tmp/a`b\nc" },
      expected: { has: ["- **Project:** ``/tmp/a`b\\nc``"] },
    },
  ];
  for (const { name, input, expected } of cases) {
    const md = renderSessionMarkdown(sessionDocument(input));
    const lines = md.split("\n");
    for (const line of expected.has) {
      assert.ok(
        lines.includes(line) || md.includes(line),
        `${name}: missing ${JSON.stringify(line)}\n${md}`,
      );
    }
    for (const text of expected.hasNot ?? []) {
      assert.equal(
        md.includes(text),
        false,
        `${name}: unexpected ${JSON.stringify(text)}`,
      );
    }
    assert.ok(md.endsWith("\n"), `${name}: ends with a newline`);
  }
});

Deno.test("renderSessionMarkdown: working tree lists changes, conflicts first, capped with a count", () => {
  const status = statusSnapshot(parsePorcelainV2(
    [
      "u UU N... 100644 100644 100644 100644 a b c conflict.txt",
      "1 .M N... 100644 100644 100644 a b changed.ts",
      "? new file.txt",
      "",
    ].join("\0"),
  ));
  const md = renderSessionMarkdown(
    sessionDocument({ git_context: gitContext({ status }) }),
  );
  assert.deepEqual(section(md, "Working tree"), [
    "",
    "0 staged, 1 modified, 1 untracked, 1 conflicted.",
    "",
    "- conflict `conflict.txt`",
    "- changed `changed.ts`",
    "- new `new file.txt`",
    "",
  ]);
  const clean = renderSessionMarkdown(sessionDocument());
  assert.deepEqual(section(clean, "Working tree"), ["", "Clean.", ""]);
});

Deno.test("renderSessionMarkdown: a session with 50,000 untracked files renders short", () => {
  const output = Array.from(
    { length: 50_000 },
    (_, i) => `? generated/file ${i}.txt\0`,
  ).join("");
  const status = statusSnapshot(parsePorcelainV2(output));
  assert.equal(status.counts.untracked, 50_000);
  const doc = sessionDocument({
    git_context: gitContext({ status }),
    resume_instructions: {
      quick_start: ["mpm-session resume"],
      files_to_review: status.untracked_files.slice(0, 50),
      validation_commands: ["git status"],
    },
    todos: Array.from(
      { length: 1000 },
      (_, i) => ({ content: `todo ${i}`, status: "pending" }),
    ),
    warnings: Array.from({ length: 1000 }, (_, i) => `warning ${i}`),
  });
  const md = renderSessionMarkdown(doc);
  const count = words(md);
  assert.ok(count < 1500, `${count} words`);
  const tree = section(md, "Working tree") ?? [];
  assert.equal(
    tree.filter((l) => l.startsWith("- new ")).length,
    MARKDOWN_LIST_LIMIT,
  );
  assert.ok(
    tree.includes(
      `- … and ${50_000 - MARKDOWN_LIST_LIMIT} more (see the JSON file)`,
    ),
    tree.join("\n"),
  );
  assert.ok(
    md.includes(
      `- … and ${1000 - MARKDOWN_LIST_LIMIT} more (see the JSON file)`,
    ),
  );
});

Deno.test("renderSessionMarkdown: commits, todos, tasks and resume steps", () => {
  const md = renderSessionMarkdown(sessionDocument({
    git_context: gitContext({
      recent_commits: [{
        sha: "abcdef0123456789",
        author: "A",
        timestamp: "2024-01-01T00:00:00Z",
        message: "Fix *all* the <bugs>",
      }],
    }),
    todos: [
      { content: "write tests", status: "in_progress" },
      { content: "ship [it]", status: "pending" },
      { content: "done one", status: "completed" },
      { content: "done two", status: "completed" },
    ],
    task_list: {
      in_progress_tasks: [{ id: "1", subject: "Parse", status: "in_progress" }],
      pending_tasks: [{
        id: "2",
        subject: "Render_md",
        status: "pending",
        blockedBy: ["1"],
      }],
      completed_count: 4,
    },
    resume_instructions: {
      quick_start: ["mpm-session resume", "git switch main"],
      files_to_review: ["src/a b.ts"],
      validation_commands: ["git status", "git stash list"],
    },
  }));
  assert.deepEqual(section(md, "Recent commits"), [
    "",
    "- `abcdef0` Fix \\*all\\* the \\<bugs\\>",
    "",
  ]);
  assert.deepEqual(section(md, "Todos"), [
    "",
    "- [ ] write tests *(in progress)*",
    "- [ ] ship \\[it\\]",
    "- 2 completed",
    "",
  ]);
  assert.deepEqual(section(md, "Tasks"), [
    "",
    "In progress:",
    "",
    "- #1 Parse",
    "",
    "Pending:",
    "",
    "- #2 Render_md (blocked by 1)",
    "",
    "Completed: 4",
    "",
  ]);
  // The session was paused on main: switching to it again is noise.
  assert.deepEqual(section(md, "Resume"), [
    "",
    "```sh",
    "mpm-session resume",
    "```",
    "",
    "Files to review:",
    "",
    "- `src/a b.ts`",
    "",
    "Check the state with:",
    "",
    "```sh",
    "git status",
    "git stash list",
    "```",
    "",
  ]);
});

Deno.test("renderSessionMarkdown: empty todos and tasks add no sections", () => {
  const md = renderSessionMarkdown(sessionDocument());
  assert.equal(section(md, "Todos"), undefined);
  assert.equal(section(md, "Tasks"), undefined);
  assert.equal(section(md, "Warnings"), undefined);
  assert.equal(section(md, "Worktree cleanup"), undefined);
  const onlyCompleted = renderSessionMarkdown(sessionDocument({
    task_list: { pending_tasks: [], in_progress_tasks: [], completed_count: 2 },
  }));
  assert.deepEqual(section(onlyCompleted, "Tasks"), ["", "Completed: 2", ""]);
});

Deno.test("renderSessionMarkdown: the worktree cleanup section appears only when cleanup did something", () => {
  const cases: {
    name: string;
    input: SessionDocument["worktree_prune_summary"];
    expected: string[] | undefined;
  }[] = [
    { name: "no summary", input: undefined, expected: undefined },
    { name: "nothing happened", input: pruneSummary(), expected: undefined },
    {
      name: "pruned and preserved",
      input: pruneSummary({
        worktrees: [
          worktreeOutcome("a1"),
          worktreeOutcome("a2", {
            action: "preserved",
            reasons: [{
              code: "dirty",
              message: "has uncommitted or untracked changes (1 modified)",
            }],
          }),
        ],
        orphans: [orphanOutcome("old")],
        bytes_reclaimed: 2_500_000,
      }),
      expected: [
        "",
        "- Removed 1 worktree:",
        "  - .claude/worktrees/a1  integrated (ancestor)",
        "- Kept 1 worktree with uncommitted changes (next: git -C .claude/worktrees/a2 status):",
        "  - .claude/worktrees/a2  1 modified",
        "- Swept 1 orphaned directory:",
        "  - .claude/worktrees/old  empty directory",
        "- Reclaimed 2.5 MB",
        "",
      ],
    },
    {
      name: "under 1 MB reclaimed is not mentioned",
      input: pruneSummary({
        worktrees: [worktreeOutcome("a1")],
        bytes_reclaimed: 400_000,
      }),
      expected: [
        "",
        "- Removed 1 worktree:",
        "  - .claude/worktrees/a1  integrated (ancestor)",
        "",
      ],
    },
    {
      name: "skipped",
      input: pruneSummary({ skipped: "another cleanup is running" }),
      expected: ["", "- Skipped: another cleanup is running", ""],
    },
  ];
  for (const { name, input, expected } of cases) {
    const md = renderSessionMarkdown(
      sessionDocument({ worktree_prune_summary: input }),
    );
    const actual = section(md, "Worktree cleanup");
    if (expected === undefined) {
      assert.equal(actual, undefined, name);
    } else {
      // The Resume section follows in document order, so compare the prefix.
      assert.deepEqual(actual?.slice(0, expected.length), expected, name);
    }
  }
});

Deno.test("renderSessionMarkdown: a long cleanup summary is cut at 25 lines", () => {
  // Four groups of ten shown entries each: 44 lines before the cut.
  const codes = ["dirty", "locked", "stash", "submodules"] as const;
  const worktrees = Array.from(
    { length: 40 },
    (_, i) =>
      worktreeOutcome(`w${i}`, {
        action: "preserved",
        reasons: [{ code: codes[i % 4], message: "kept" }],
      }),
  );
  const md = renderSessionMarkdown(
    sessionDocument({ worktree_prune_summary: pruneSummary({ worktrees }) }),
  );
  const lines = section(md, "Worktree cleanup") ?? [];
  const items = lines.filter((l) => /^\s*- /.test(l));
  assert.equal(items.length, 26, "25 lines and one 'more' line");
  assert.ok(
    lines.includes("- … and 19 more lines (see the JSON file)"),
    lines.join("\n"),
  );
});

Deno.test("renderSessionMarkdown: warnings list session warnings then git errors, escaped", () => {
  const md = renderSessionMarkdown(sessionDocument({
    warnings: ["Skipped todo file '/x/*.json': bad"],
    git_context: gitContext({ errors: ["Cannot read status: <fatal>"] }),
  }));
  assert.deepEqual(section(md, "Warnings"), [
    "",
    "- Skipped todo file '/x/\\*.json': bad",
    "- Cannot read status: \\<fatal\\>",
    "",
  ]);
});

Deno.test("renderSessionMarkdown: hostile text never yields raw control characters or HTML", () => {
  const evil = "\x1b]0;pwned\x07<img src=x onerror=alert(1)>\u2028`";
  const md = renderSessionMarkdown(sessionDocument({
    project_path: `/p/${evil}`,
    active_context: { working_directory: `/w/${evil}` },
    conversation: { summary: evil },
    git_context: gitContext({
      branch: evil,
      upstream: evil,
      recent_commits: [{
        sha: "abc",
        author: evil,
        timestamp: "t",
        message: evil,
      }],
      status: statusSnapshot(parsePorcelainV2(`? ${evil}\0`)),
      errors: [evil],
    }),
    todos: [{ content: evil, status: "pending" }],
    task_list: {
      pending_tasks: [{
        id: evil,
        subject: evil,
        status: "pending",
        blockedBy: [evil],
      }],
      in_progress_tasks: [],
      completed_count: 0,
    },
    resume_instructions: {
      quick_start: [],
      files_to_review: [evil],
      validation_commands: [],
    },
    warnings: [evil],
    worktree_prune_summary: pruneSummary({
      worktrees: [worktreeOutcome(evil, {
        action: "preserved",
        reasons: [{ code: "unknown", message: evil }],
      })],
    }),
  }));
  assert.equal(RAW_CONTROL.test(md), false, "raw control character in output");
  const outsideCode = withoutCodeSpans(md);
  assert.equal(
    /(^|[^\\])</.test(outsideCode),
    false,
    "unescaped < outside code spans",
  );
  assert.ok(outsideCode.includes("\\<img"), "the text itself is still shown");
});

Deno.test({
  name: "renderSessionMarkdown: the hook trigger is escaped",
  fn: () => {
    const md = renderSessionMarkdown(sessionDocument({
      trigger: {
        source: "hook",
        event: "PreCompact",
        trigger: "auto\n# Injected\x1b[2J",
      },
    }));
    assert.equal(
      md.split("\n").includes("# Injected\x1b[2J)"),
      false,
      "injected heading",
    );
    assert.equal(RAW_CONTROL.test(md), false, "raw control character");
  },
});

Deno.test({
  name: "renderMessage: setext underlines and rules in a message stay literal",
  fn: () => {
    const lines = renderMessage("Title\n===\nOther\n---\n***\n- - -");
    // CommonMark thematic breaks and setext underlines inside a block quote.
    const blockSyntax =
      /^> {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
    for (const line of lines) {
      assert.equal(blockSyntax.test(line), false, `renders as markup: ${line}`);
    }
  },
});
