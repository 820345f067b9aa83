/**
 * End-to-end tests of the cleanup report as a person reads it: the real CLI
 * on a real repository with agent worktrees in mixed states, at fixed
 * widths (COLUMNS when not a terminal, the terminal's own columns in a
 * pseudo-terminal).
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  cliCommand,
  git,
  makeRepo,
  runCli,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

/** Stale, dirty, locked, unmerged and orphaned entries, one repository. */
function mixedRepo(box: Sandbox): string {
  const repo = makeRepo(box);
  for (const n of ["stale-1", "stale-2"]) addWorktree(box, repo, n);
  for (let i = 0; i < 12; i++) {
    const dirty = addWorktree(box, repo, `dirty-${String(i).padStart(2, "0")}`);
    writeFile(join(dirty, "wip.txt"), "x\n");
  }
  const locked = addWorktree(box, repo, "locked-1");
  git(box, repo, "worktree", "lock", "--reason", "agent a3 at work", locked);
  const feature = addWorktree(
    box,
    repo,
    "a-worktree-with-a-rather-long-descriptive-name-for-the-feature",
  );
  writeFile(join(feature, "f.txt"), "f\n");
  git(box, feature, "add", "f.txt");
  git(box, feature, "commit", "-q", "-m", "feature work");
  mkdirSync(join(repo, ".claude", "worktrees", "leftover"));
  return repo;
}

for (const width of [80, 120]) {
  Deno.test(`prune --dry-run at ${width} columns: grouped, one line per entry, fitted`, async () => {
    const box = sandbox();
    try {
      const repo = mixedRepo(box);
      const { code, stdout } = await runCli(box, ["prune", "--dry-run"], {
        cwd: repo,
        env: { COLUMNS: String(width), LANG: "C.UTF-8" },
      });
      assert.equal(code, 0);
      const lines = stdout.trimEnd().split("\n");
      for (const line of lines) {
        assert.ok(line.length <= width, `${line.length}: ${line}`);
      }
      assert.equal(lines[0], "Worktree Cleanup (dry run):");
      assert.ok(lines.includes("  Would remove 2 worktrees:"), stdout);
      assert.ok(
        lines.includes(
          "  Would keep 1 worktree locked by git (next: git worktree unlock .claude/worktrees/locked-1):",
        ) ||
          lines.includes(
            "  Would keep 1 worktree locked by git (next: git worktree unlock PATH):",
          ),
        stdout,
      );
      assert.ok(
        lines.includes(
          "  Would keep 12 worktrees with uncommitted changes (next: git -C PATH status):",
        ),
        stdout,
      );
      // Ten entries, then a pointer to the full list.
      const dirtyLines = lines.filter((l) =>
        /^ {4}\.claude\/worktrees\/dirty-/.test(l)
      );
      assert.equal(dirtyLines.length, 10);
      assert.ok(
        lines.includes("    … and 2 more: mpm-session worktrees"),
        stdout,
      );
      assert.doesNotMatch(stdout, /\(s\)|unsaved work| 0 /);
      const long = lines.find((l) => l.includes("for-the-feature"))!;
      assert.ok(long, stdout);
      if (width === 80) assert.match(long, /…/, "shortened in the middle");
      else {
        assert.ok(
          long.includes(
            ".claude/worktrees/a-worktree-with-a-rather-long-descriptive-name-for-the-feature",
          ),
        );
      }
    } finally {
      box.cleanup();
    }
  });
}

Deno.test("prune --delete-branches: each branch deleted is named", async () => {
  const box = sandbox();
  try {
    const repo = mixedRepo(box);
    const { code, stdout } = await runCli(box, ["prune", "--delete-branches"], {
      cwd: repo,
      env: { COLUMNS: "80", LANG: "C.UTF-8" },
    });
    assert.equal(code, 0);
    assert.match(
      stdout,
      /\n {2}Removed 2 worktrees:\n {4}\.claude\/worktrees\/stale-1 {2}integrated \(ancestor\), \d+ B\n {4}\.claude\/worktrees\/stale-2 {2}integrated \(ancestor\), \d+ B\n {2}Deleted 2 branches:\n {4}stale-1\n {4}stale-2\n/,
    );
    assert.match(
      stdout,
      /\n {2}Swept 1 orphaned directory:\n {4}\.claude\/worktrees\/leftover {2}empty directory\n/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name: "prune in a pseudo-terminal fits the terminal's own width",
  ignore: !hasScript(),
  fn: () => {
    const box = sandbox();
    try {
      const repo = mixedRepo(box);
      const command = [...cliCommand(), "prune", "--dry-run"].map((a) =>
        `'${a.replace(/'/g, "'\\''")}'`
      ).join(" ");
      const output = execFileSync(
        "script",
        ["-qec", `stty cols 60 rows 40; ${command}`, "/dev/null"],
        { cwd: repo, env: { ...box.env, COLUMNS: "" }, encoding: "utf8" },
      );
      // deno-lint-ignore no-control-regex
      const lines = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").split(
        /\r\n|\n|\r/,
      )
        .filter((l) => l.trim() !== "");
      assert.ok(
        lines.some((l) => l.includes("Would keep 12 worktrees")),
        output,
      );
      for (const line of lines) assert.ok(line.length <= 60, line);
      assert.ok(lines.some((l) => l.length > 50), "uses the width it has");
    } finally {
      box.cleanup();
    }
  },
});

function hasScript(): boolean {
  try {
    execFileSync("script", ["-qec", "true", "/dev/null"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
