/**
 * End-to-end tests of `resume` and `list`, and of the CLI's conventions
 * (help, version, exit codes, one-line errors).
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  commitAll,
  git,
  makeRepo,
  runCli,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

const SESSIONS = join(".claude-mpm", "sessions");

/** Writes a minimal session file as another writer might have. */
function fakeSession(
  repo: string,
  id: string,
  message: string,
  branch = "main",
): void {
  writeFile(
    join(repo, SESSIONS, `${id}.json`),
    JSON.stringify({
      session_id: id,
      paused_at: "2026-01-02T03:04:05.000Z",
      project_path: repo,
      conversation: { summary: message },
      git_context: { is_git_repo: true, branch },
    }),
  );
}

async function pauseWith(
  box: Sandbox,
  repo: string,
  message: string,
): Promise<string> {
  const { json } = await runCliJson<{ files: { id: string } }>(box, [
    "pause",
    "-m",
    message,
  ], { cwd: repo });
  return json.files.id;
}

Deno.test("resume: shows the latest session and what changed since", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, "todo.txt"), "x\n");
    await pauseWith(box, repo, "Halfway through the parser");
    commitAll(box, repo, "finish the parser");
    git(box, repo, "switch", "-q", "-c", "feature");
    const result = await runCli(box, ["resume"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Resuming session session-\d{8}-\d{6}/);
    assert.match(result.stdout, /Message: +Halfway through the parser/);
    assert.match(result.stdout, /Since you paused:/);
    assert.match(result.stdout, /Branch switched: main -> feature/);
    assert.match(
      result.stdout,
      /1 new commit on this branch:\n +[0-9a-f]{7} finish the parser/,
    );
    assert.match(result.stdout, /1 file changed by commits:\n +todo\.txt/);
    const { json } = await runCliJson<{ since: Record<string, unknown> }>(box, [
      "resume",
    ], { cwd: repo });
    assert.equal(json.since.new_commit_count, 1);
    assert.equal(json.since.branch_switched, true);
  } finally {
    box.cleanup();
  }
});

Deno.test("resume: by id, by --select number and by unique prefix; ambiguous prefixes list the matches", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    fakeSession(repo, "session-20260101-000000", "first");
    fakeSession(repo, "session-20260102-000000", "second");
    fakeSession(repo, "session-20260102-000000-2", "third");
    fakeSession(repo, "session-20260103-000000", "fourth");
    const message = async (args: string[]) =>
      (await runCliJson<{ session: { conversation: { summary: string } } }>(
        box,
        ["resume", ...args],
        { cwd: repo },
      ))
        .json.session.conversation.summary;
    assert.equal(await message([]), "fourth");
    assert.equal(await message(["session-20260101-000000"]), "first");
    assert.equal(await message(["--select", "1"]), "fourth");
    assert.equal(
      await message(["--select", "2"]),
      "third",
      "the -2 suffix sorts after its base",
    );
    assert.equal(await message(["--select", "20260101"]), "first");
    assert.equal(await message(["--select", "session-20260103"]), "fourth");
    const ambiguous = await runCli(box, ["resume", "--select", "20260102"], {
      cwd: repo,
    });
    assert.equal(ambiguous.code, 1);
    assert.match(
      ambiguous.stderr,
      /matches 2 sessions: session-20260102-000000-2, session-20260102-000000/,
    );
    const range = await runCli(box, ["resume", "--select", "9"], { cwd: repo });
    assert.equal(range.code, 2, "a number out of range is a usage error");
    assert.match(
      range.stderr,
      /Cannot select session 9: there are 4 sessions: choose 1 to 4/,
    );
    const missing = await runCli(box, ["resume", "session-20990101-000000"], {
      cwd: repo,
    });
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /Cannot find session 'session-20990101-000000'/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("resume: a corrupt newest session is skipped with a warning; LATEST to a missing file falls back", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const good = await pauseWith(box, repo, "the good one");
    writeFileSync(
      join(repo, SESSIONS, "session-20991231-235959.json"),
      '{"session_id": "trunc',
    );
    writeFileSync(
      join(repo, SESSIONS, "LATEST-SESSION.txt"),
      "session-20991231-235958\n",
    );
    const result = await runCli(box, ["resume"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^warning: Cannot read session '.*session-20991231-235959\.json': not valid JSON: skipped$/m,
    );
    assert.match(result.stdout, new RegExp(`Resuming session ${good}`));
    // The LATEST pointer wins when it names a readable session.
    fakeSession(repo, "session-20000101-000000", "pointed at");
    writeFileSync(
      join(repo, SESSIONS, "LATEST-SESSION.txt"),
      "session-20000101-000000\n",
    );
    const pointed = await runCli(box, ["resume"], { cwd: repo });
    assert.match(pointed.stdout, /Message: +pointed at/);
  } finally {
    box.cleanup();
  }
});

Deno.test("resume and list: no sessions is a friendly line and exit 0", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (const command of ["resume", "list"]) {
      const result = await runCli(box, [command], { cwd: repo });
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^No paused sessions found in this project/);
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("list: a table newest first, with branch and first line of the message", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    fakeSession(
      repo,
      "session-20260101-000000",
      "old one\nsecond line",
      "feature/x",
    );
    fakeSession(repo, "session-20260105-000000", "new one");
    writeFileSync(
      join(repo, SESSIONS, "session-20260103-000000.json"),
      "garbage",
    );
    const result = await runCli(box, ["list"], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split("\n");
    assert.match(
      lines[0],
      /^ID +PAUSED AT \(UTC\) +BRANCH +WORKTREE +MESSAGE$/,
    );
    assert.match(lines[1], /^session-20260105-000000 .* main +\S+ +new one$/);
    assert.match(lines[2], /^session-20260103-000000 .*\(unreadable\)/);
    assert.match(
      lines[3],
      /^session-20260101-000000 .* feature\/x +\S+ +old one$/,
    );
    const { json } = await runCliJson<
      { sessions: { id: string }[]; total: number }
    >(box, ["list", "--limit", "1"], { cwd: repo });
    assert.equal(json.total, 3);
    assert.deepEqual(json.sessions.map((s) => s.id), [
      "session-20260105-000000",
    ]);
  } finally {
    box.cleanup();
  }
});

Deno.test("resume: works in a plain folder after a pause there", async () => {
  const box = sandbox();
  try {
    const folder = join(box.dir, "notes");
    Deno.mkdirSync(folder);
    await runCliJson(box, ["pause", "-m", "plain"], { cwd: folder });
    const result = await runCli(box, ["resume"], { cwd: folder });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Message: +plain/);
    assert.match(result.stdout, /not a git repository now/);
  } finally {
    box.cleanup();
  }
});

Deno.test("cli: help, version and usage errors", async () => {
  const box = sandbox();
  try {
    const help = await runCli(box, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: mpm-session <command>/);
    for (
      const command of [
        "pause",
        "resume",
        "list",
        "prune",
        "clean",
        "hook",
        "install-hooks",
      ]
    ) {
      const r = await runCli(box, [command, "--help"]);
      assert.equal(r.code, 0, command);
      assert.match(r.stdout, new RegExp(`Usage: mpm-session ${command}`));
    }
    const version = await runCli(box, ["--version"]);
    assert.match(version.stdout, /^mpm-session \d+\.\d+\.\d+\n$/);
    const cases: [string[], RegExp][] = [
      [
        ["frobnicate"],
        /^error: Unknown command 'frobnicate': run 'mpm-session --help'/,
      ],
      [
        ["pause", "--nope"],
        /^error: Unknown option '--nope' for 'pause': run 'mpm-session pause --help'/,
      ],
      [["pause", "-m"], /^error: Option '--message' needs a value/],
      [["pause", "-m", "  "], /^error: Empty message for '-m'/],
      [["pause", "a", "b"], /^error: Unexpected argument 'b' for 'pause'/],
      [
        ["list", "--limit", "x"],
        /^error: Option '--limit' needs a whole number, got 'x'/,
      ],
      [
        ["resume", "id", "--select", "2"],
        /^error: Give either a session id or '--select'/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const r = await runCli(box, args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, pattern);
      assert.equal(
        r.stderr.trim().split("\n").length,
        1,
        `one line for ${args.join(" ")}`,
      );
      assert.equal(r.stdout, "");
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("resume: reads sessions whose LATEST pointer file was deleted", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    await pauseWith(box, repo, "one");
    const second = await pauseWith(box, repo, "two");
    unlinkSync(join(repo, SESSIONS, "LATEST-SESSION.txt"));
    const result = await runCliJson<{ session: { session_id: string } }>(box, [
      "resume",
    ], { cwd: repo });
    assert.equal(result.json.session.session_id, second);
    assert.ok(
      readFileSync(join(repo, SESSIONS, `${second}.md`), "utf8").includes(
        "two",
      ),
    );
  } finally {
    box.cleanup();
  }
});
