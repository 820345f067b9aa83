/**
 * End-to-end tests of `pause`: the CLI run as a real process on real git
 * repositories, asserting the files on disk and what was printed.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  runCli,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";

interface PauseJson {
  // deno-lint-ignore no-explicit-any
  session: Record<string, any>;
  files: {
    id: string;
    json_path: string;
    markdown_path: string;
    latest_path: string;
  };
  // deno-lint-ignore no-explicit-any
  cleanup: Record<string, any> | null;
}

function sessionFiles(root: string): string[] {
  const dir = join(root, ".claude-mpm", "sessions");
  return exists(dir) ? readdirSync(dir).sort() : [];
}

// deno-lint-ignore no-explicit-any
function readJson(path: string): Record<string, any> {
  return JSON.parse(readFileSync(path, "utf8"));
}

Deno.test("pause: from a subdirectory writes the session at the worktree root", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const sub = join(repo, "src", "deep");
    mkdirSync(sub, { recursive: true });
    const { json } = await runCliJson<PauseJson>(box, [
      "pause",
      "-m",
      "Working on auth",
    ], { cwd: sub });
    const id = json.files.id;
    assert.match(id, /^session-\d{8}-\d{6}$/);
    assert.deepEqual(sessionFiles(repo), [
      ".gitignore",
      "LATEST-SESSION.txt",
      `${id}.json`,
      `${id}.md`,
    ]);
    const doc = readJson(join(repo, ".claude-mpm", "sessions", `${id}.json`));
    assert.equal(doc.session_id, id);
    assert.equal(doc.conversation.summary, "Working on auth");
    assert.equal(doc.project_path, repo);
    assert.equal(doc.active_context.working_directory, sub);
    assert.equal(doc.git_context.is_git_repo, true);
    assert.equal(doc.git_context.branch, "main");
    assert.equal(doc.git_context.recent_commits.length, 1);
    assert.deepEqual(Object.keys(doc.git_context.recent_commits[0]).sort(), [
      "author",
      "message",
      "sha",
      "timestamp",
    ]);
    assert.equal(doc.git_context.recent_commits[0].message, "initial commit");
    assert.equal(doc.git_context.status.clean, true);
    assert.ok(Array.isArray(doc.todos));
    assert.deepEqual(Object.keys(doc.task_list).sort(), [
      "completed_count",
      "in_progress_tasks",
      "pending_tasks",
    ]);
    assert.ok(Array.isArray(doc.resume_instructions.quick_start));
    assert.equal(typeof doc.schema_version, "number");
    assert.ok(!Number.isNaN(Date.parse(doc.paused_at)));
    const latest = readFileSync(
      join(repo, ".claude-mpm", "sessions", "LATEST-SESSION.txt"),
      "utf8",
    );
    assert.equal(latest.split("\n")[0], id);
    // The sessions folder ignores itself: the repository still looks clean.
    assert.equal(
      git(box, repo, "status", "--porcelain", "--untracked-files=all"),
      "",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: prints the summary a person expects", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const result = await runCli(box, ["pause", "-m", "Before lunch"], {
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Session paused/);
    assert.match(result.stdout, /ID: +session-\d{8}-\d{6}/);
    assert.match(result.stdout, /Message: +Before lunch/);
    assert.match(result.stdout, /Resume with: mpm-session resume/);
    assert.doesNotMatch(
      result.stdout,
      new RegExp(String.fromCharCode(27) + "\\["),
      "no colour when not a terminal",
    );
    assert.doesNotMatch(
      result.stdout,
      /Worktree Cleanup/,
      "silent when nothing is under .claude/worktrees",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: outside git uses the given folder and records no git state", async () => {
  const box = sandbox();
  try {
    const folder = join(box.dir, "plain folder");
    mkdirSync(folder);
    const { json } = await runCliJson<PauseJson>(box, [
      "pause",
      folder,
      "-m",
      "notes",
    ]);
    assert.equal(json.session.git_context.is_git_repo, false);
    assert.equal(json.session.project_path, folder);
    assert.ok(
      exists(join(folder, ".claude-mpm", "sessions", `${json.files.id}.json`)),
    );
    assert.equal(json.cleanup, null);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: a project path that does not exist fails and creates nothing", async () => {
  const box = sandbox();
  try {
    const missing = join(box.dir, "nope");
    const result = await runCli(box, ["pause", missing, "-m", "x"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: Cannot use project path '.*nope': no such directory/,
    );
    assert.equal(result.stderr.trim().split("\n").length, 1);
    assert.ok(!exists(missing));
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: a repository that already ignores the sessions folder gets no .gitignore", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), ".claude-mpm/\n");
    commitAll(box, repo, "ignore sessions");
    await runCliJson(box, ["pause"], { cwd: repo });
    assert.ok(!sessionFiles(repo).includes(".gitignore"));
    assert.equal(
      readFileSync(join(repo, ".gitignore"), "utf8"),
      ".claude-mpm/\n",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: status is split into staged, modified, untracked and conflicted, odd names intact", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const odd = [
      "with space.txt",
      'quote"d.txt',
      "ünïcödé.txt",
      "new\nline.txt",
      "tab\there.txt",
    ];
    for (const name of ["tracked.txt", "renamed-from.txt"]) {
      writeFile(join(repo, name), `${name}\n`);
    }
    commitAll(box, repo, "more files");
    writeFile(join(repo, "tracked.txt"), "changed\n");
    git(box, repo, "mv", "renamed-from.txt", "renamed to.txt");
    writeFile(join(repo, "staged.txt"), "new\n");
    git(box, repo, "add", "staged.txt");
    for (const name of odd) writeFile(join(repo, "odd", name), "x\n");
    // A user's setting must not hide untracked files from the snapshot.
    git(box, repo, "config", "status.showUntrackedFiles", "no");
    const { json } = await runCliJson<PauseJson>(box, ["pause"], { cwd: repo });
    const status = json.session.git_context.status;
    assert.equal(status.clean, false);
    assert.deepEqual(status.staged_files.sort(), [
      "renamed to.txt",
      "staged.txt",
    ]);
    assert.deepEqual(status.unstaged_files, ["tracked.txt"]);
    assert.deepEqual(
      status.untracked_files.sort(),
      odd.map((n) => `odd/${n}`).sort(),
    );
    assert.deepEqual(status.conflicted_files, []);
    assert.equal(status.counts.untracked, odd.length);
    const md = readFileSync(json.files.markdown_path, "utf8");
    assert.match(
      md,
      /`odd\/new\\nline\.txt`/,
      "newlines in names are escaped in the markdown",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: a merge conflict is recorded with the operation in progress", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    git(box, repo, "switch", "-q", "-c", "other");
    writeFile(join(repo, "README.md"), "other\n");
    commitAll(box, repo, "other");
    git(box, repo, "switch", "-q", "main");
    writeFile(join(repo, "README.md"), "main\n");
    commitAll(box, repo, "main");
    try {
      git(box, repo, "merge", "other");
    } catch {
      // The conflict is the point.
    }
    const { json } = await runCliJson<PauseJson>(box, ["pause"], { cwd: repo });
    const gitContext = json.session.git_context;
    assert.deepEqual(gitContext.status.conflicted_files, ["README.md"]);
    assert.equal(gitContext.operation_in_progress, "merge");
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: detached HEAD, stash, upstream ahead/behind and worktree count", async () => {
  const box = sandbox();
  try {
    const origin = makeRepo(box, "origin");
    git(box, box.dir, "clone", "-q", origin, "clone");
    const repo = join(box.dir, "clone");
    writeFile(join(repo, "a.txt"), "a\n");
    commitAll(box, repo, "ahead one");
    writeFile(join(origin, "b.txt"), "b\n");
    commitAll(box, origin, "behind one");
    git(box, repo, "fetch", "-q");
    writeFile(join(repo, "README.md"), "stash me\n");
    git(box, repo, "stash", "-q");
    addWorktree(box, repo, "w1");
    let { json } = await runCliJson<PauseJson>(box, [
      "pause",
      "--no-prune-worktrees",
    ], { cwd: repo });
    let g = json.session.git_context;
    assert.equal(g.upstream, "origin/main");
    assert.equal(g.ahead, 1);
    assert.equal(g.behind, 1);
    assert.equal(g.stash_count, 1);
    assert.equal(g.worktree_count, 2);
    git(box, repo, "switch", "-q", "--detach", "HEAD~1");
    ({ json } = await runCliJson<PauseJson>(box, [
      "pause",
      "--no-prune-worktrees",
    ], { cwd: repo }));
    g = json.session.git_context;
    assert.equal(g.detached, true);
    assert.equal(g.branch, null);
    assert.match(g.head, /^[0-9a-f]{40}$/);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: eight pauses at once each get their own files and LATEST names one", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const results = await Promise.all(
      Array.from(
        { length: 8 },
        (_, i) =>
          runCli(box, ["pause", "-m", `agent ${i}`, "--json"], { cwd: repo }),
      ),
    );
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const ids = results.map((r) => JSON.parse(r.stdout).files.id as string);
    assert.equal(new Set(ids).size, 8);
    const files = sessionFiles(repo);
    for (const id of ids) {
      assert.ok(files.includes(`${id}.json`));
      assert.ok(files.includes(`${id}.md`));
      const doc = readJson(join(repo, ".claude-mpm", "sessions", `${id}.json`));
      assert.equal(doc.session_id, id);
    }
    assert.ok(
      !files.some((f) => f.endsWith(".tmp")),
      "no temporary files left",
    );
    const latest = readFileSync(
      join(repo, ".claude-mpm", "sessions", "LATEST-SESSION.txt"),
      "utf8",
    );
    assert.ok(ids.includes(latest.split("\n")[0]));
    assert.match(
      latest,
      /resume: mpm-session resume\n$/,
      "the pointer is complete",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: --export writes a copy; a missing export folder fails before anything is written", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const target = join(box.dir, "backup.json");
    const { json } = await runCliJson<PauseJson>(box, [
      "pause",
      "-m",
      "x",
      "--export",
      target,
    ], { cwd: repo });
    assert.deepEqual(readJson(target), readJson(json.files.json_path));
    const before = sessionFiles(repo);
    const bad = await runCli(box, [
      "pause",
      "--export",
      join(box.dir, "missing", "b.json"),
    ], { cwd: repo });
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /Cannot export to '.*b\.json': folder '.*missing' does not exist/,
    );
    assert.deepEqual(sessionFiles(repo), before);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: todos and tasks come from this project's Claude Code conversation", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const config = box.env.CLAUDE_CONFIG_DIR;
    const encoded = repo.replace(/[^a-zA-Z0-9]/g, "-");
    const sessionId = "0f1e2d3c-aaaa-bbbb-cccc-123456789abc";
    writeFile(
      join(config, "projects", encoded, `${sessionId}.jsonl`),
      JSON.stringify({ type: "user", cwd: repo, sessionId }) + "\n",
    );
    // An older conversation of another project sharing the folder must not win.
    writeFile(
      join(config, "projects", encoded, "other.jsonl"),
      JSON.stringify({ type: "user", cwd: "/somewhere/else" }) + "\n",
    );
    writeFile(
      join(config, "todos", `${sessionId}-agent-${sessionId}.json`),
      JSON.stringify([
        {
          content: "Write tests",
          status: "in_progress",
          activeForm: "Writing tests",
        },
        {
          content: "Ship",
          status: "pending",
          activeForm: "Shipping",
          id: "2",
          priority: "high",
        },
      ]),
    );
    writeFile(
      join(config, "todos", `${sessionId}-agent-broken.json`),
      "{not json",
    );
    writeFile(
      join(config, "tasks", sessionId, "1.json"),
      JSON.stringify({
        id: "1",
        subject: "Refactor",
        description: "d",
        activeForm: "Refactoring",
        status: "in_progress",
        owner: "a",
        blocks: [],
        blockedBy: [],
      }),
    );
    writeFile(
      join(config, "tasks", sessionId, "2.json"),
      JSON.stringify({
        id: "2",
        subject: "Review",
        status: "pending",
        blocks: [],
        blockedBy: ["1"],
      }),
    );
    writeFile(
      join(config, "tasks", sessionId, "3.json"),
      JSON.stringify({ id: "3", subject: "Done", status: "completed" }),
    );
    const { json } = await runCliJson<PauseJson>(box, ["pause", "-m", "x"], {
      cwd: repo,
    });
    const doc = json.session;
    assert.deepEqual(doc.todos.map((t: { content: string }) => t.content), [
      "Write tests",
      "Ship",
    ]);
    assert.equal(doc.todos[1].priority, "high");
    assert.deepEqual(
      doc.task_list.in_progress_tasks.map((t: { subject: string }) =>
        t.subject
      ),
      ["Refactor"],
    );
    assert.deepEqual(doc.task_list.pending_tasks[0].blockedBy, ["1"]);
    assert.equal(doc.task_list.completed_count, 1);
    assert.equal(doc.claude_code.session_id, sessionId);
    assert.ok(
      doc.warnings.some((w: string) => w.includes("broken.json")),
      "a corrupt file is a warning",
    );
    const md = readFileSync(json.files.markdown_path, "utf8");
    assert.match(md, /## Todos/);
    assert.match(md, /Write tests \*\(in progress\)\*/);

    // CLAUDE_CODE_SESSION_ID names the conversation directly.
    const other = "11111111-2222-3333-4444-555555555555";
    writeFile(
      join(config, "todos", `${other}-agent-${other}.json`),
      JSON.stringify([{ content: "Other", status: "pending" }]),
    );
    const direct = await runCliJson<PauseJson>(box, ["pause"], {
      cwd: repo,
      env: { CLAUDE_CODE_SESSION_ID: other },
    });
    assert.deepEqual(
      direct.json.session.todos.map((t: { content: string }) => t.content),
      ["Other"],
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: --todos reads a file or stdin; a bad file is one clear error", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const file = writeFile(
      join(box.dir, "todos.json"),
      JSON.stringify({ todos: [{ content: "From file", status: "pending" }] }),
    );
    let { json } = await runCliJson<PauseJson>(
      box,
      ["pause", "--todos", file],
      { cwd: repo },
    );
    assert.deepEqual(
      json.session.todos.map((t: { content: string }) => t.content),
      ["From file"],
    );
    ({ json } = await runCliJson<PauseJson>(box, ["pause", "--todos", "-"], {
      cwd: repo,
      stdin: JSON.stringify([{ subject: "From stdin", status: "in_progress" }]),
    }));
    assert.deepEqual(
      json.session.todos.map((t: { content: string }) => t.content),
      ["From stdin"],
    );
    const before = sessionFiles(repo);
    const bad = await runCli(box, [
      "pause",
      "--todos",
      writeFile(join(box.dir, "bad.json"), "nope"),
    ], { cwd: repo });
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^error: Cannot read todos from '.*bad\.json': not valid JSON/,
    );
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(sessionFiles(repo), before, "nothing written");
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: message with markdown and control characters is escaped in the .md and kept whole in the JSON", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const message =
      "# Title\n<script>alert(1)</script> *bold* `code`\u0007bell";
    const { json } = await runCliJson<PauseJson>(
      box,
      ["pause", "-m", message],
      { cwd: repo },
    );
    assert.equal(readJson(json.files.json_path).conversation.summary, message);
    const md = readFileSync(json.files.markdown_path, "utf8");
    assert.match(md, /> \\# Title/);
    assert.match(md, /\\<script\\>/);
    assert.match(md, /\\u0007bell/);
    assert.ok(!md.includes("\u0007"), "the raw control character is gone");
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: a symlinked project path is resolved to the real repository", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const link = join(box.dir, "link");
    symlinkSync(repo, link);
    const { json } = await runCliJson<PauseJson>(box, ["pause", link]);
    assert.equal(json.session.project_path, repo);
    assert.ok(
      exists(join(repo, ".claude-mpm", "sessions", `${json.files.id}.json`)),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: writes a .gitignore only when none exists, and never touches the user's", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const dir = join(repo, ".claude-mpm", "sessions");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ".gitignore"), "# mine\n*\n");
    await runCliJson(box, ["pause"], { cwd: repo });
    assert.equal(readFileSync(join(dir, ".gitignore"), "utf8"), "# mine\n*\n");
  } finally {
    box.cleanup();
  }
});
