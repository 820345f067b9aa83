/**
 * Fault injection: bad input from the user and from the disk. Unknown
 * commands and flags, missing and empty values, a message at the largest
 * size Linux passes as one argument (128 KiB) and a 1 MB message through
 * the CLI's `main()`, control characters and Markdown in the message, out
 * of range selections, corrupt and truncated session files, a LATEST
 * pointer to nothing, a todos file that is not JSON, and project folders
 * whose names hold spaces, quotes, unicode and a newline. The promise:
 * every error is one line on stderr with no stack trace and the right exit
 * code, bad data is skipped with a warning, and nothing is half-written.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { main } from "../../cli.ts";
import {
  addWorktree,
  exists,
  makeRepo,
  runCli,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import {
  assertNoStack,
  assertOneErrorLine,
  codes,
  listTree,
  outcomeOf,
  runCliToFile,
  type Summary,
} from "./fault_helpers.ts";

const WT = join(".claude", "worktrees");

/** Control characters other than tab and newline, and unicode line breaks. */
// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/;

function sessionsDir(repo: string): string {
  return join(repo, ".claude-mpm", "sessions");
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Pauses and returns the printed JSON. Standard output goes to a file: the
 * JSON holds the message, and pipes lose output past 64 KiB under Node
 * (see the pipe test in scale.test.ts).
 */
async function pauseOk(box: Sandbox, repo: string, message: string) {
  const result = await runCliToFile(box, ["pause", "-m", message, "--json"], {
    cwd: repo,
  });
  assertNoStack(result.stderr);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as {
    session: { session_id: string };
    files: { json_path: string; markdown_path: string };
  };
}

Deno.test("unknown commands and flags, missing values, extra arguments: exit 2 with one line pointing to --help", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const cases: [string[], RegExp][] = [
      [["frobnicate"], /Unknown command 'frobnicate'.*--help/],
      [["--frob"], /Unknown option '--frob'.*--help/],
      [
        ["pause", "--frob"],
        /Unknown option '--frob' for 'pause'.*pause --help/,
      ],
      [
        ["prune", "--select", "1"],
        /Unknown option '--select' for 'prune'.*--help/,
      ],
      [["pause", "-m"], /needs a value.*pause --help/],
      [["pause", "--todos"], /needs a value.*pause --help/],
      [
        ["pause", "-m", "--delete-branches"],
        /needs a value, got the option '--delete-branches'.*'--message=--delete-branches'/,
      ],
      [["list", "-n", "-q"], /needs a value, got the option '-q'/],
      [["resume", "--select"], /needs a value.*--help/],
      [["prune", "--json=yes"], /does not take a value.*--help/],
      [["resume", "a", "b"], /Unexpected argument 'b' for 'resume'.*--help/],
      [["list", "extra"], /Unexpected argument 'extra' for 'list'.*--help/],
      [["resume", "session-1", "--select", "1"], /not both.*--help/],
      [["list", "--limit", "ten"], /needs a whole number, got 'ten'/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(box, args, { cwd: repo });
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.equal(result.stdout, "", args.join(" "));
      assert.match(assertOneErrorLine(result.stderr), pattern, args.join(" "));
    }
    assert.ok(!exists(join(repo, ".claude-mpm")), "no command wrote anything");
  } finally {
    box.cleanup();
  }
});

Deno.test("empty or blank message: exit 2 with one line, nothing written", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (const message of ["", "   ", "\n\t\n"]) {
      const result = await runCli(box, ["pause", "-m", message], { cwd: repo });
      assert.equal(result.code, 2, JSON.stringify(message));
      assert.match(assertOneErrorLine(result.stderr), /Empty message for '-m'/);
    }
    const eq = await runCli(box, ["pause", "--message="], { cwd: repo });
    assert.equal(eq.code, 2);
    assertOneErrorLine(eq.stderr);
    assert.ok(!exists(join(repo, ".claude-mpm")));
  } finally {
    box.cleanup();
  }
});

/** The Markdown promises for a message too long to show whole. */
function assertCutMarkdown(md: string, length: number): void {
  assert.ok(words(md) < 1500, `the .md has ${words(md)} words`);
  assert.match(
    md,
    new RegExp(
      `message cut at 2000 of ${length} characters; the JSON file has all of it`,
    ),
  );
}

Deno.test("a 128 KiB message (the largest single argument Linux passes): exit 0, JSON keeps it whole, the .md is short and says it was cut", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const unit = "Refactor the login flow; then test it. ";
    const message = unit.repeat(Math.floor(131_000 / unit.length));
    const json = await pauseOk(box, repo, message);
    const saved = JSON.parse(readFileSync(json.files.json_path, "utf8"));
    assert.equal(saved.conversation.summary, message);
    assertCutMarkdown(
      readFileSync(json.files.markdown_path, "utf8"),
      message.length,
    );
    const list = await runCli(box, ["list"], { cwd: repo });
    assert.ok(
      list.stdout.split("\n").every((l) => l.length < 400),
      "list rows stay short",
    );
    const resumed = await runCli(box, ["resume"], { cwd: repo });
    assert.equal(resumed.code, 0);
    assert.ok(
      resumed.stdout.length < 20_000,
      `resume printed ${resumed.stdout.length} chars`,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("a 1 MB message through the CLI's main() (argv cannot carry it): exit 0, JSON keeps it whole, the .md stays under 1,500 words", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const message = "The quick brown fox jumps over the lazy dog.\n".repeat(
      Math.ceil(1_048_576 / 45),
    );
    let stdout = "";
    let stderr = "";
    const code = await main(
      ["pause", repo, "-m", message, "--no-prune-worktrees", "--json"],
      {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        stdoutIsTty: false,
        stderrIsTty: false,
        readStdin: () => Promise.resolve(""),
        env: box.env,
      },
    );
    assert.equal(code, 0, stderr);
    assertNoStack(stderr);
    const out = JSON.parse(stdout);
    const saved = JSON.parse(readFileSync(out.files.json_path, "utf8"));
    assert.ok(message.length >= 1_048_576);
    assert.equal(saved.conversation.summary, message);
    assertCutMarkdown(
      readFileSync(out.files.markdown_path, "utf8"),
      message.length,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("control characters and Markdown in the message: kept exactly in JSON, escaped in the .md and on the terminal", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const message = [
      "first line",
      "# Not a heading",
      "**bold** _it_ `code` <script>alert(1)</script> [x](http://e.com) | a | b |",
      "\x1b[31mred\x1b[0m bell\x07 back\b del\x7f sep\u2028 cr\r end",
      "```",
      "> not a quote",
    ].join("\n");
    const json = await pauseOk(box, repo, message);
    const saved = JSON.parse(readFileSync(json.files.json_path, "utf8"));
    assert.equal(saved.conversation.summary, message);
    const md = readFileSync(json.files.markdown_path, "utf8");
    assert.doesNotMatch(md, RAW_CONTROL, "no raw control characters");
    assert.match(md, /\\u001b\\\[31mred/);
    assert.doesNotMatch(md, /^# Not a heading/m);
    assert.match(md, /^> \\# Not a heading$/m);
    assert.ok(!md.includes("<script>"), "HTML is escaped");
    assert.ok(!md.includes("**bold**"), "emphasis is escaped");
    assert.match(md, /^> \\`\\`\\`$/m, "the fence in the message is escaped");
    for (const args of [["resume"], ["list"]]) {
      const result = await runCli(box, args, { cwd: repo });
      assert.equal(result.code, 0);
      assert.doesNotMatch(
        result.stdout,
        RAW_CONTROL,
        `${args}: no raw control characters`,
      );
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("--select 0 and --select 999 are usage errors (exit 2); an unknown prefix or id exits 1", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    await pauseOk(box, repo, "only session");
    const cases: [string[], number, RegExp][] = [
      [
        ["resume", "--select", "0"],
        2,
        /Cannot select session '0': sessions count from 1 \(the newest\)/,
      ],
      [
        ["resume", "--select", "999"],
        2,
        /Cannot select session 999: there is 1 session: choose 1 to 1/,
      ],
      [
        ["resume", "--select", "19990101-00"],
        1,
        /Cannot find a session matching '19990101-00'/,
      ],
      [
        ["resume", "session-19990101-000000"],
        1,
        /Cannot find session 'session-19990101-000000'/,
      ],
    ];
    for (const [args, code, pattern] of cases) {
      const result = await runCli(box, args, { cwd: repo });
      assert.equal(result.code, code, args.join(" "));
      assert.equal(result.stdout, "");
      assert.match(assertOneErrorLine(result.stderr), pattern);
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("corrupt, truncated and foreign session JSON: skipped with a warning on stderr; resume shows the newest readable one", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const good = await pauseOk(box, repo, "the good one");
    const dir = sessionsDir(repo);
    const text = readFileSync(good.files.json_path, "utf8");
    writeFileSync(join(dir, "session-29990101-000000.json"), "{not json");
    writeFileSync(
      join(dir, "session-29990101-000001.json"),
      text.slice(0, text.length / 2),
    );
    writeFileSync(
      join(dir, "session-29990101-000002.json"),
      '{"hello": "world"}',
    );
    writeFileSync(join(dir, "session-29990101-000003.json"), "");
    rmSync(join(dir, "LATEST-SESSION.txt"));
    const before = listTree(dir);
    const resumed = await runCli(box, ["resume"], { cwd: repo });
    assertNoStack(resumed.stderr);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stdout,
      new RegExp(`Resuming session ${good.session.session_id}`),
    );
    const warnings = resumed.stderr.split("\n").filter(Boolean);
    assert.equal(warnings.length, 4, resumed.stderr);
    for (const w of warnings) {
      assert.match(
        w,
        /^warning: Cannot read session '.*session-29990101-00000\d\.json': (not valid JSON|missing 'session_id' or 'paused_at'): skipped$/,
      );
    }
    const listed = await runCli(box, ["list"], { cwd: repo });
    assert.equal(listed.code, 0);
    assert.equal((listed.stdout.match(/\(unreadable\)/g) ?? []).length, 4);
    const picked = await runCli(box, ["resume", "--select", "1"], {
      cwd: repo,
    });
    assert.equal(
      picked.code,
      1,
      "asking for a corrupt one by number is an error",
    );
    assert.match(
      assertOneErrorLine(picked.stderr),
      /Cannot read session '.*': /,
    );
    assert.deepEqual(
      listTree(dir),
      before,
      "reading never rewrites or deletes",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("LATEST pointing to nothing, to garbage, or being a folder: resume falls back to the newest session", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    await pauseOk(box, repo, "older");
    const newest = await pauseOk(box, repo, "newest");
    const latest = join(sessionsDir(repo), "LATEST-SESSION.txt");
    for (
      const setup of [
        () => writeFileSync(latest, "session-20000101-000000\npaused_at: x\n"),
        () => writeFileSync(latest, "garbage \u0000\u0001 not an id"),
        () => writeFileSync(latest, ""),
        () => mkdirSync(latest),
      ]
    ) {
      rmSync(latest, { recursive: true, force: true });
      setup();
      const result = await runCli(box, ["resume"], { cwd: repo });
      assertNoStack(result.stderr);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        new RegExp(`Resuming session ${newest.session.session_id}`),
      );
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("todos that are not JSON, the wrong shape, or missing: exit 1 with one line, nothing written, nothing pruned", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "alpha");
    writeFile(join(box.dir, "bad.json"), "- [ ] not json\n");
    writeFile(join(box.dir, "shape.json"), '{"items": 3}');
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ["--todos", join(box.dir, "bad.json")],
        undefined,
        /Cannot read todos from '.*bad\.json': not valid JSON.*: give a JSON array of \{content, status\}/,
      ],
      [
        ["--todos", join(box.dir, "shape.json")],
        undefined,
        /Cannot read todos from '.*shape\.json': expected an array/,
      ],
      [
        ["--todos", join(box.dir, "missing.json")],
        undefined,
        /Cannot read todos file '.*missing\.json': no such file/,
      ],
      [
        ["--todos", "-"],
        "{{{",
        /Cannot read todos from 'stdin': not valid JSON/,
      ],
      [["--todos", box.dir], undefined, /Cannot read todos file '.*'/],
    ];
    for (const [args, stdin, pattern] of cases) {
      const result = await runCli(box, ["pause", "-m", "x", ...args], {
        cwd: repo,
        stdin,
      });
      assert.equal(result.code, 1, args.join(" "));
      assert.equal(result.stdout, "");
      assert.match(assertOneErrorLine(result.stderr), pattern);
    }
    assert.ok(!exists(join(repo, ".claude-mpm")), "nothing was written");
    assert.ok(
      exists(join(repo, WT, "alpha", "README.md")),
      "nothing was pruned",
    );
  } finally {
    box.cleanup();
  }
});

/** Pause, resume, list and prune in a project folder called `name`. */
async function oddFolderWorks(box: Sandbox, name: string): Promise<void> {
  const repo = realpathSync(makeRepo(box, name));
  addWorktree(box, repo, "disposable");
  const keep = addWorktree(box, repo, "with work", { branch: "with-work" });
  writeFile(join(keep, "wip.txt"), "wip\n");
  const around = readdirSync(box.dir).sort();
  // From inside the folder, with cleanup.
  const paused = await runCli(box, ["pause", "-m", "odd path", "--json"], {
    cwd: repo,
  });
  assertNoStack(paused.stderr);
  assert.equal(paused.code, 0, paused.stderr);
  const out = JSON.parse(paused.stdout);
  assert.equal(out.session.project_path, repo);
  assert.equal(out.session.git_context.branch, "main");
  assert.deepEqual(out.session.git_context.errors, []);
  assert.ok(out.files.json_path.startsWith(join(repo, ".claude-mpm") + "/"));
  assert.equal(outcomeOf(out.cleanup.worktrees, "disposable").action, "pruned");
  assert.deepEqual(codes(outcomeOf(out.cleanup.worktrees, "with work")), [
    "dirty",
  ]);
  const md = readFileSync(out.files.markdown_path, "utf8");
  const projectLine = md.split("\n").find((l) =>
    l.startsWith("- **Project:**")
  )!;
  assert.ok(projectLine.includes("ünï ☃"), projectLine);
  // From outside, naming the folder.
  const text = await runCli(box, ["pause", repo, "-m", "named from outside"]);
  assert.equal(text.code, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /Warning/);
  const latest = readFileSync(
    join(sessionsDir(repo), "LATEST-SESSION.txt"),
    "utf8",
  );
  assert.match(latest.split("\n")[0], /^session-\d{8}-\d{6}(-\d+)?$/);
  const resumed = await runCli(box, ["resume", "-C", repo]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /named from outside/);
  const listed = await runCli(box, ["list", "-C", repo, "--json"]);
  assert.equal(JSON.parse(listed.stdout).total, 2);
  const pruned = await runCli(box, ["prune", repo, "--json"]);
  assert.equal(pruned.code, 0, pruned.stderr);
  const summary = JSON.parse(pruned.stdout) as Summary;
  assert.deepEqual(codes(outcomeOf(summary.worktrees, "with work")), ["dirty"]);
  assert.equal(readFileSync(join(keep, "wip.txt"), "utf8"), "wip\n");
  assert.deepEqual(
    readdirSync(sessionsDir(repo)).filter((n) => n.endsWith(".tmp")),
    [],
  );
  assert.deepEqual(
    readdirSync(box.dir).sort(),
    around,
    "nothing was created outside the project",
  );
}

Deno.test("project folder named with spaces, quotes and unicode: pause, resume, list and prune all work", async () => {
  const box = sandbox();
  try {
    await oddFolderWorks(box, `we'ird "dir" ünï ☃ $HOME \\ end`);
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "project folder whose name holds a newline: pause, resume, list and prune work on that folder",
  fn: async () => {
    const box = sandbox();
    try {
      await oddFolderWorks(box, `we'ird "dir" ünï ☃\nsecond line`);
    } finally {
      box.cleanup();
    }
  },
});

Deno.test("a project path that does not exist or is a file: exit 1 with one line naming it", async () => {
  const box = sandbox();
  try {
    const file = writeFile(join(box.dir, "a-file"), "x");
    for (const command of ["pause", "prune"]) {
      for (const path of [join(box.dir, "nope"), file]) {
        const result = await runCli(box, [command, path]);
        assert.equal(result.code, 1, `${command} ${path}`);
        const line = assertOneErrorLine(result.stderr);
        assert.ok(line.includes(path), line);
      }
    }
    for (const command of ["resume", "list"]) {
      const result = await runCli(box, [command, "-C", join(box.dir, "nope")]);
      assert.equal(result.code, 1, command);
      assertOneErrorLine(result.stderr);
    }
  } finally {
    box.cleanup();
  }
});
