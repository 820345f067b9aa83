/**
 * The command line as a whole, through the real CLI (under Deno, or the
 * Node bundle with MPM_TEST_RUNTIME=node): usage errors and their exit
 * codes, JSON documents against `schemas/`, errors as JSON, a closed pipe,
 * `-C` before and after the command, `-q`, ASCII output, completions, and
 * the README's generated command reference.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import {
  addWorktree,
  cliCommand,
  commitAll,
  exists,
  git,
  makeRepo,
  PROJECT_ROOT,
  runCli,
  RUNTIME,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import { validateAgainst } from "../json_schema.ts";

const name = (text: string) => `cli [${RUNTIME}]: ${text}`;

async function withBox(fn: (box: Sandbox) => Promise<void>): Promise<void> {
  const box = sandbox();
  try {
    await fn(box);
  } finally {
    box.cleanup();
  }
}

/** A repository with one disposable worktree and one with work. */
function repoWithWorktrees(box: Sandbox): string {
  const repo = makeRepo(box);
  writeFile(join(repo, ".gitignore"), ".claude/\n");
  commitAll(box, repo, "ignore .claude");
  addWorktree(box, repo, "done");
  const wip = addWorktree(box, repo, "wip");
  writeFile(join(wip, "wip.txt"), "work\n");
  return repo;
}

function assertValid(document: unknown, schema: string, what: string): void {
  const problems = validateAgainst(document, schema);
  assert.deepEqual(problems, [], `${what} against ${schema}`);
}

function assertSnakeCase(value: unknown, path = "$"): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertSnakeCase(v, `${path}[${i}]`));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (
        [
          "todos",
          "open_todos",
          "completed_since",
          "pending_tasks",
          "in_progress_tasks",
        ].includes(key)
      ) continue;
      assert.match(
        key,
        /^[a-z][a-z0-9_]*$/,
        `${path}.${key} is not snake_case`,
      );
      assertSnakeCase(item, `${path}.${key}`);
    }
  }
}

Deno.test(
  name("usage errors: exit 2, one line, a hint that works"),
  () =>
    withBox(async (box) => {
      const repo = makeRepo(box);
      const cases: [string[], RegExp][] = [
        [["pasue"], /^error: Unknown command 'pasue': did you mean 'pause'\?/],
        [
          ["prune", "--dryrun"],
          /^error: Unknown option '--dryrun' for 'prune': did you mean '--dry-run'\?/,
        ],
        [
          ["list", "-n", "-1"],
          /^error: Option '--limit' needs a whole number, got '-1': for example --limit 10$/,
        ],
        [
          ["resume", "--select", "0"],
          /^error: Cannot select session '0': sessions count from 1/,
        ],
        [
          ["clean", "--older-than", "1m"],
          /^error: Cannot read duration '1m' for '--older-than': 'm' could mean minutes or months: write 1min or 1mo$/,
        ],
        [
          ["prune", "--min-age", "2m"],
          /^error: Cannot read duration '2m' for '--min-age'/,
        ],
        [
          ["resume", "."],
          /^error: Cannot resume session '\.': it is a folder, not a session id: to resume in that project, run 'mpm-session -C \. resume'$/,
        ],
        [
          ["--color", "sometimes", "list"],
          /^error: Option '--color' got 'sometimes': use 'auto', 'always', 'never'/,
        ],
        [
          ["completions", "bsh"],
          /^error: Unknown shell 'bsh': use bash, zsh or fish: did you mean 'bash'\?$/,
        ],
        [["completions"], /^error: Name a shell: use bash, zsh or fish$/],
        [
          ["hook", "--json"],
          /^error: Option '--json' does not apply to 'hook'/,
        ],
        [
          ["install-hooks", "--user", "--local"],
          /^error: Give one of '--project', '--user' or '--local'/,
        ],
        [["-C"], /^error: Option '--directory' needs a value/],
        [
          ["pause", "--version"],
          /^error: Unknown option '--version' for 'pause'/,
        ],
      ];
      for (const [args, pattern] of cases) {
        const result = await runCli(box, args, { cwd: repo });
        assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
        if (args.includes("--json")) {
          assert.equal(JSON.parse(result.stdout).error.code, "usage");
        } else assert.equal(result.stdout, "", args.join(" "));
        const lines = result.stderr.trimEnd().split("\n");
        assert.equal(lines.length, 1, result.stderr);
        assert.match(lines[0], pattern, args.join(" "));
      }
      assert.ok(
        !exists(join(repo, ".claude-mpm")),
        "no usage error wrote anything",
      );
      // The advice in the -m error works when followed.
      const followed = await runCli(box, [
        "pause",
        "--message=--json",
        "--no-prune-worktrees",
      ], { cwd: repo });
      assert.equal(followed.code, 0, followed.stderr);
    }),
);

Deno.test(
  name("every --json document matches its schema and is snake_case"),
  () =>
    withBox(async (box) => {
      const repo = repoWithWorktrees(box);
      const json = async (args: string[], schema: string, code = 0) => {
        const r = await runCli(box, [...args, "--json"], { cwd: repo });
        assert.equal(r.code, code, `${args.join(" ")}: ${r.stderr}`);
        const doc = JSON.parse(r.stdout);
        assert.equal(Object.keys(doc)[0], "schema_version", args.join(" "));
        assertValid(doc, schema, args.join(" "));
        assertSnakeCase(doc);
        return doc;
      };
      const dry = await json(["prune", "--dry-run"], "prune.schema.json");
      assert.equal(dry.pruned_count, 0, "a dry run removes nothing");
      assert.equal(dry.would_prune_count, 1);
      assert.ok(exists(join(repo, ".claude", "worktrees", "done")));
      const paused = await json(["pause", "-m", "hi"], "pause.schema.json");
      assert.equal(paused.cleanup.pruned_count, 1);
      assert.equal(paused.cleanup.would_prune_count, 0);
      assert.equal(paused.export_path, null);
      assert.ok(exists(paused.files.json_path));
      await json(["prune"], "prune.schema.json");
      await json(["resume"], "resume.schema.json");
      const listed = await json(["list"], "list.schema.json");
      assert.equal(listed.sessions[0].error, null);
      const cleaned = await json(
        ["clean", "--keep", "0", "--dry-run"],
        "clean.schema.json",
      );
      assert.deepEqual(cleaned.deleted, []);
      await json(["install-hooks", "--dry-run"], "install-hooks.schema.json");
      const error = await json(
        ["resume", "--select", "0"],
        "error.schema.json",
        2,
      );
      assert.equal(error.error.code, "usage");
      const failed = await json(
        ["resume", "session-19990101-000000"],
        "error.schema.json",
        1,
      );
      assert.equal(failed.error.code, "failed");
      const early = await json(["pasue"], "error.schema.json", 2);
      assert.match(early.error.message, /did you mean 'pause'/);
    }),
);

Deno.test(
  name("-C names the project before or after the command"),
  () =>
    withBox(async (box) => {
      const repo = makeRepo(box);
      const before = await runCli(box, [
        "-C",
        repo,
        "pause",
        "-m",
        "one",
        "--no-prune-worktrees",
      ]);
      assert.equal(before.code, 0, before.stderr);
      const after = await runCli(box, ["list", "-C", repo, "--json"]);
      assert.equal(after.code, 0, after.stderr);
      assert.equal(JSON.parse(after.stdout).total, 1);
      const positional = await runCli(box, [
        "-C",
        box.dir,
        "prune",
        "repo",
        "--dry-run",
        "--json",
      ]);
      assert.equal(positional.code, 0, positional.stderr);
      const quiet = await runCli(box, ["-q", "-C", repo, "pause", "-m", "two"]);
      assert.equal(quiet.code, 0, quiet.stderr);
      assert.equal(quiet.stdout, "", "-q prints nothing on success");
      assert.equal(
        readdirSync(join(repo, ".claude-mpm", "sessions")).filter((n) =>
          n.endsWith(".json")
        ).length,
        2,
      );
    }),
);

Deno.test(
  name("-v lists every worktree, the removed ones included"),
  () =>
    withBox(async (box) => {
      const repo = repoWithWorktrees(box);
      const r = await runCli(box, ["prune", "-v"], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /^ {2}pruned +\.claude\/worktrees\/done \(done\)/m,
      );
      assert.match(
        r.stdout,
        /^ {2}preserved +\.claude\/worktrees\/wip \(wip\).*: dirty$/m,
      );
      assert.match(r.stderr, /prune took \d+\.\d\d s/);
    }),
);

Deno.test(
  name("a closed pipe ends quietly and the session is still written"),
  () =>
    withBox(async (box) => {
      const repo = makeRepo(box);
      for (let i = 0; i < 3; i++) {
        const r = await runCli(box, [
          "pause",
          "-m",
          `s${i}`,
          "--no-prune-worktrees",
        ], { cwd: repo });
        assert.equal(r.code, 0, r.stderr);
      }
      const [command, ...prefix] = cliCommand();
      for (
        const args of [["pause", "-m", "piped", "--json"], ["list", "--json"], [
          "resume",
        ]]
      ) {
        const result = await new Promise<
          { code: number | null; stderr: string }
        >((resolve, reject) => {
          const child = spawn(command, [...prefix, ...args], {
            cwd: repo,
            env: box.env,
            stdio: ["ignore", "pipe", "pipe"],
          });
          // The reader is gone before the CLI writes: like `| head -c0`.
          child.stdout.destroy();
          let stderr = "";
          child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
          child.on("error", reject);
          child.on("close", (code) => resolve({ code, stderr }));
        });
        assert.doesNotMatch(
          result.stderr,
          /\bat |Error|EPIPE|Broken pipe/i,
          `${args.join(" ")}: ${result.stderr}`,
        );
        assert.equal(result.stderr, "", args.join(" "));
        assert.equal(result.code, 0, args.join(" "));
      }
      const listed = await runCli(box, ["list", "--json"], { cwd: repo });
      assert.equal(
        JSON.parse(listed.stdout).total,
        4,
        "the piped pause wrote its session",
      );
    }),
);

Deno.test(name("a shell pipe to head -c1 ends quietly"), {
  ignore: spawnSync("sh", ["-c", "command -v head"]).status !== 0,
}, () =>
  withBox(async (box) => {
    const repo = makeRepo(box);
    const quoted = cliCommand().map((a) => `'${a}'`).join(" ");
    const r = spawnSync("sh", [
      "-c",
      `${quoted} pause -m x --json | head -c1; echo " rc=\${PIPESTATUS:-x}"`,
    ], {
      cwd: repo,
      env: box.env,
      encoding: "utf8",
    });
    assert.equal(r.stderr, "");
    assert.match(r.stdout, /^\{/);
    assert.equal(
      readdirSync(join(repo, ".claude-mpm", "sessions")).filter((n) =>
        n.endsWith(".json")
      ).length,
      1,
    );
    await Promise.resolve();
  }));

Deno.test(
  name("colour and ASCII follow the environment"),
  () =>
    withBox(async (box) => {
      const repo = makeRepo(box);
      for (let i = 0; i < 25; i++) writeFile(join(repo, `f${i}.txt`), "x\n");
      const env = { NO_COLOR: "" };
      const always = await runCli(box, [
        "pause",
        "-m",
        "c",
        "--color",
        "always",
      ], { cwd: repo, env });
      assert.ok(always.stdout.includes("\x1b[32m"));
      const forced = await runCli(box, ["list"], {
        cwd: repo,
        env: { NO_COLOR: "", FORCE_COLOR: "1" },
      });
      assert.ok(forced.stdout.includes("\x1b["));
      const never = await runCli(box, ["list", "--color=never"], {
        cwd: repo,
        env: { NO_COLOR: "", FORCE_COLOR: "1" },
      });
      assert.ok(!never.stdout.includes("\x1b["));
      const noColor = await runCli(box, ["list"], {
        cwd: repo,
        env: { NO_COLOR: "1", FORCE_COLOR: "1" },
      });
      assert.ok(!noColor.stdout.includes("\x1b["));
      // A long message is cut with an ellipsis: "…" in a UTF-8 locale,
      // "..." elsewhere (none set is the C locale).
      const long = "word ".repeat(60).trim();
      const p = await runCli(box, ["pause", "-q", "-m", long], { cwd: repo });
      assert.equal(p.code, 0, p.stderr);
      const utf8 = await runCli(box, ["list"], {
        cwd: repo,
        env: { LANG: "en_US.UTF-8" },
      });
      assert.match(utf8.stdout, /word…\n/);
      for (
        const env of [{ LANG: "C" }, {}, {
          LC_ALL: "C",
          LANG: "en_US.UTF-8",
        }] as Record<string, string>[]
      ) {
        const r = await runCli(box, ["list"], { cwd: repo, env });
        assert.equal(r.code, 0, r.stderr);
        // The ellipsis takes the two characters before it: same width.
        assert.match(r.stdout, /wo\.\.\.\n/, JSON.stringify(env));
        assert.ok(
          [...r.stdout].every((ch) => ch.charCodeAt(0) < 128),
          "ASCII only",
        );
      }
    }),
);

Deno.test(
  name("completions for bash, zsh and fish name every command and option"),
  () =>
    withBox(async (box) => {
      for (const shell of ["bash", "zsh", "fish"]) {
        const r = await runCli(box, ["completions", shell]);
        assert.equal(r.code, 0, r.stderr);
        for (
          const word of [
            "pause",
            "prune",
            "install-hooks",
            "dry-run",
            "older-than",
            "min-age",
            "directory",
          ]
        ) {
          assert.ok(
            r.stdout.includes(word),
            `${shell} completion names ${word}`,
          );
        }
        const check = shell === "fish"
          ? undefined
          : spawnSync(shell, ["-n"], { input: r.stdout, encoding: "utf8" });
        if (check && !check.error) {
          assert.equal(check.status, 0, `${shell} -n: ${check.stderr}`);
        }
      }
    }),
);

Deno.test(name("the README's command reference is current"), () => {
  const r = spawnSync(
    process.execPath.includes("deno") ? process.execPath : "deno",
    [
      "run",
      "-A",
      join(PROJECT_ROOT, "scripts", "readme.ts"),
      "--check",
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, `${r.stderr}: run 'deno task readme'`);
  return Promise.resolve();
});

Deno.test(
  name("help is made from the descriptors"),
  () =>
    withBox(async (box) => {
      const main = await runCli(box, ["--help"]);
      assert.equal(main.code, 0);
      for (
        const c of [
          "pause",
          "resume",
          "list",
          "prune",
          "clean",
          "hook",
          "install-hooks",
          "completions",
        ]
      ) {
        assert.match(main.stdout, new RegExp(`^  ${c} `, "m"));
      }
      const prune = await runCli(box, ["help", "prune"]);
      assert.match(prune.stdout, /--min-age DURATION/);
      assert.match(prune.stdout, /--keep-stale-locks/);
      const clean = await runCli(box, ["clean", "-h"]);
      assert.match(clean.stdout, /both apply/);
      git(box, box.dir, "--version");
    }),
);
