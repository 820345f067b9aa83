/**
 * End-to-end tests of witnesses: a worktree kept for a change is kept on
 * the next run without a `git status` of it while the change is there
 * exactly as seen, and gets the full check again once anything the
 * witness depends on changes. Witnesses only ever keep; a dry run never
 * writes them; a damaged file is read as empty.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import process from "node:process";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  makeRepo,
  PROJECT_ROOT,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import { fakeGit, faultHits } from "../faults/fault_helpers.ts";
import type { PruneSummary, WorktreeOutcome } from "../../mod.ts";

const WT = join(".claude", "worktrees");
const WITNESSES = join(".git", "mpm-session", "witnesses.json");

/** Logs every `status` run inside a worktree, then runs the real git. */
function countingGit(box: Sandbox): Record<string, string> {
  return fakeGit(box, [
    { match: "status", mode: "slow", delay: 0, onlyInWorktrees: true },
  ]);
}

/**
 * The worktree status calls since the last look, by worktree name; the
 * re-check in the trash right before a deletion is not counted.
 */
function statusCalls(box: Sandbox): string[] {
  const hits = faultHits(box).map((line) =>
    line.replace(/^.*\/\.claude\/worktrees\//, "")
  ).filter((name) => !name.startsWith(".mpm-trash"));
  rmSync(join(box.dir, "fakegit.log"), { force: true });
  return hits.sort();
}

async function prune(
  box: Sandbox,
  repo: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<Map<string, WorktreeOutcome>> {
  const { json } = await runCliJson<PruneSummary>(
    box,
    ["prune", ...args],
    { cwd: repo, env },
  );
  return new Map(json.worktrees.map((w) => [w.relative_path, w]));
}

function reasonsOf(outcome: WorktreeOutcome | undefined): string {
  assert.ok(outcome, "the worktree is reported");
  return outcome.reasons.map((r) => `${r.code}: ${r.message}`).join("\n");
}

/** Worktrees kept for an untracked, a modified and an ignored file, and one to remove. */
function repoWithKeptWorktrees(box: Sandbox): string {
  const repo = makeRepo(box);
  writeFile(join(repo, ".gitignore"), "*.log\n");
  commitAll(box, repo, "ignore logs");
  writeFile(join(addWorktree(box, repo, "notes"), "notes.txt"), "mine\n");
  writeFile(join(addWorktree(box, repo, "edit"), "README.md"), "edited\n");
  writeFile(join(addWorktree(box, repo, "logs"), "run.log"), "output\n");
  addWorktree(box, repo, "clean");
  return repo;
}

Deno.test("prune witnesses: a second run keeps worktrees with a change without a status of them", async () => {
  const box = sandbox();
  try {
    const repo = repoWithKeptWorktrees(box);
    const env = countingGit(box);
    const first = await prune(box, repo, env);
    assert.equal(first.get(join(WT, "clean"))?.action, "pruned");
    assert.deepEqual(
      statusCalls(box).map((l) => l.split("/")[0]),
      ["clean", "edit", "logs", "notes"],
    );
    assert.match(reasonsOf(first.get(join(WT, "notes"))), /^dirty: /m);
    assert.doesNotMatch(
      reasonsOf(first.get(join(WT, "notes"))),
      /as in the last run/,
    );
    const saved = JSON.parse(readFileSync(join(repo, WITNESSES), "utf8"));
    assert.deepEqual(Object.keys(saved.witnesses).length, 3);

    const second = await prune(box, repo, env);
    assert.deepEqual(statusCalls(box), [], "no status of a witnessed worktree");
    for (const name of ["notes", "edit", "logs"]) {
      assert.equal(second.get(join(WT, name))?.action, "preserved");
      assert.ok(exists(join(repo, WT, name)));
    }
    assert.match(
      reasonsOf(second.get(join(WT, "notes"))),
      /^dirty: has uncommitted or untracked changes \(untracked 'notes\.txt', as in the last run\)$/m,
    );
    assert.match(
      reasonsOf(second.get(join(WT, "edit"))),
      /\(modified 'README\.md', as in the last run\)/,
    );
    assert.match(
      reasonsOf(second.get(join(WT, "logs"))),
      /^unique-ignored-files: .*: 'run\.log' \(as in the last run\)$/m,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune witnesses: a changed witness falls back to the full check, which decides", async () => {
  const box = sandbox();
  try {
    const repo = repoWithKeptWorktrees(box);
    const env = countingGit(box);
    await prune(box, repo, env);
    statusCalls(box);
    // The untracked file goes: the worktree is now clean and may go.
    rmSync(join(repo, WT, "notes", "notes.txt"));
    // The edited file changes again: its witness no longer holds, the
    // full check keeps the worktree for the edit.
    writeFile(join(repo, WT, "edit", "README.md"), "edited again, longer\n");
    const second = await prune(box, repo, env);
    assert.deepEqual(
      statusCalls(box).map((l) => l.split("/")[0]),
      ["edit", "notes"],
    );
    assert.equal(second.get(join(WT, "notes"))?.action, "pruned");
    assert.ok(!exists(join(repo, WT, "notes")));
    assert.equal(second.get(join(WT, "edit"))?.action, "preserved");
    assert.doesNotMatch(
      reasonsOf(second.get(join(WT, "edit"))),
      /as in the last run/,
    );
    const saved = JSON.parse(readFileSync(join(repo, WITNESSES), "utf8"));
    const names = Object.keys(saved.witnesses).map((p) =>
      p.replace(/^.*\//, "")
    ).sort();
    assert.deepEqual(names, ["edit", "logs"], "the removed one's is dropped");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune witnesses: a dry run reads witnesses but writes none", async () => {
  const box = sandbox();
  try {
    const repo = repoWithKeptWorktrees(box);
    const env = countingGit(box);
    const dry = await prune(box, repo, env, "--dry-run");
    assert.equal(dry.get(join(WT, "notes"))?.action, "preserved");
    assert.ok(!existsSync(join(repo, WITNESSES)), "no witness file");
    await prune(box, repo, env);
    statusCalls(box);
    const before = readFileSync(join(repo, WITNESSES), "utf8");
    const second = await prune(box, repo, env, "--dry-run");
    assert.deepEqual(statusCalls(box), [], "the dry run used the witnesses");
    assert.match(
      reasonsOf(second.get(join(WT, "notes"))),
      /as in the last run/,
    );
    // A dry run after a change: the full check, and the file untouched.
    rmSync(join(repo, WT, "notes", "notes.txt"));
    const third = await prune(box, repo, env, "--dry-run");
    assert.equal(third.get(join(WT, "notes"))?.action, "would-prune");
    assert.equal(readFileSync(join(repo, WITNESSES), "utf8"), before);
  } finally {
    box.cleanup();
  }
});

Deno.test("prune witnesses: a damaged or foreign witness file is read as empty", async () => {
  const box = sandbox();
  try {
    const repo = repoWithKeptWorktrees(box);
    const env = countingGit(box);
    await prune(box, repo, env);
    const good = readFileSync(join(repo, WITNESSES), "utf8");
    const notes = join(repo, WT, "notes");
    const forged = JSON.parse(good);
    // A witness for a clean worktree, with keys that cannot match.
    addWorktree(box, repo, "spare");
    forged.witnesses[join(repo, WT, "spare")] = {
      ...forged.witnesses[notes],
      keys: {},
    };
    for (
      const text of [
        "{not json",
        good.slice(0, good.length / 2),
        JSON.stringify({ format: "other", witnesses: {} }),
        JSON.stringify(forged),
      ]
    ) {
      writeFileSync(join(repo, WITNESSES), text);
      statusCalls(box);
      const run = await prune(box, repo, env, "--dry-run");
      assert.equal(run.get(join(WT, "notes"))?.action, "preserved");
      assert.equal(run.get(join(WT, "spare"))?.action, "would-prune", text);
    }
    const real = await prune(box, repo, env);
    assert.equal(real.get(join(WT, "spare"))?.action, "pruned");
    assert.equal(real.get(join(WT, "notes"))?.action, "preserved");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune witnesses: what the Node bundle (the plugin) remembers holds for the Deno CLI, and back", () => {
  const box = sandbox();
  try {
    const repo = repoWithKeptWorktrees(box);
    const deno = [
      process.execPath,
      "run",
      "-A",
      "--quiet",
      join(PROJECT_ROOT, "cli.ts"),
    ];
    const node = [
      process.env.MPM_TEST_NODE ?? "node",
      join(PROJECT_ROOT, "plugin", "mpm-session.mjs"),
    ];
    const run = (command: string[]) => {
      const out = execFileSync(command[0], [
        ...command.slice(1),
        "prune",
        "--json",
      ], {
        cwd: repo,
        env: box.env,
        encoding: "utf8",
      });
      const summary = JSON.parse(out) as PruneSummary;
      return new Map(summary.worktrees.map((w) => [w.relative_path, w]));
    };
    run(deno);
    for (
      const [name, command] of [["node", node], ["deno", deno], [
        "node",
        node,
      ]] as const
    ) {
      const outcomes = run([...command]);
      for (const wt of ["notes", "edit", "logs"]) {
        assert.match(
          reasonsOf(outcomes.get(join(WT, wt))),
          /as in the last run/,
          `${name} after the other runtime: ${wt}`,
        );
      }
    }
  } finally {
    box.cleanup();
  }
});
