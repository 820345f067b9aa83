/**
 * Fault injection: runs collide. Eight `pause` processes at once in one
 * repository with disposable worktrees present; two `prune` processes at
 * once; a stale cleanup lock left by a dead process; a lock held by another
 * machine; a corrupt lock file. The promise: every pause saves its own
 * session under its own id, LATEST is always whole, each worktree is removed
 * by exactly one run, and a lock never blocks silently or forever.
 *
 * @module
 */

import assert from "node:assert/strict";
import { hostname } from "node:os";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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
  addCleanWorktrees,
  assertNoStack,
  outcomeOf,
  registered,
  spawnCli,
  type SpawnResult,
  type Summary,
} from "./fault_helpers.ts";

const WT = join(".claude", "worktrees");
const LOCK = join(".git", "mpm-session", "prune.lock");

interface Fixture {
  repo: string;
  disposable: string[];
  dirty: string;
}

function makeFixture(box: Sandbox, count: number): Fixture {
  const repo = makeRepo(box);
  const disposable = addCleanWorktrees(box, repo, count);
  const dirty = addWorktree(box, repo, "with-work");
  writeFile(join(dirty, "wip.txt"), "wip\n");
  return { repo, disposable, dirty };
}

/** Each disposable worktree is gone; the one with work is untouched. */
function assertEndState(box: Sandbox, fx: Fixture): void {
  const list = registered(box, fx.repo);
  for (const name of fx.disposable) {
    const path = join(fx.repo, WT, name);
    assert.ok(!exists(path) && !list.includes(path), `${name} is gone`);
  }
  assert.ok(list.includes(fx.dirty));
  assert.equal(readFileSync(join(fx.dirty, "wip.txt"), "utf8"), "wip\n");
  assert.ok(!exists(join(fx.repo, LOCK)), "the lock was released");
}

/** Which runs pruned each worktree: name to run indexes. */
function prunedBy(summaries: (Summary | undefined)[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  summaries.forEach((s, i) => {
    for (const w of s?.worktrees ?? []) {
      if (w.action !== "pruned") continue;
      const name = w.relative_path.split("/").pop()!;
      by.set(name, [...(by.get(name) ?? []), i]);
    }
  });
  return by;
}

/** Outcomes where git refused a worktree that another run had removed. */
function refusedAfterOthersRemoved(
  summaries: (Summary | undefined)[],
): string[] {
  const by = prunedBy(summaries);
  const found: string[] = [];
  summaries.forEach((s, i) => {
    for (const w of s?.worktrees ?? []) {
      const name = w.relative_path.split("/").pop()!;
      const others = (by.get(name) ?? []).filter((j) => j !== i);
      if (others.length > 0 && w.action !== "pruned") {
        found.push(
          `run ${i}: ${name} ${w.action} (${
            w.reasons.map((r) => `${r.code}: ${r.message}`).join("; ")
          }) although run ${others} pruned it`,
        );
      }
    }
  });
  return found;
}

async function eightPauses(box: Sandbox, fx: Fixture) {
  const runs = Array.from(
    { length: 8 },
    (_, i) =>
      spawnCli(box, ["pause", "-m", `parallel run ${i}`, "--json"], {
        cwd: fx.repo,
      }),
  );
  const results = await Promise.all(runs.map((r) => r.done));
  const sessions = results.map((r, i) => {
    assertNoStack(r.stderr);
    assert.equal(r.code, 0, `run ${i}: ${r.stderr}`);
    return JSON.parse(r.stdout).files.json_path as string;
  }).map((path) => JSON.parse(readFileSync(path, "utf8")));
  return { results, sessions };
}

Deno.test("8 pauses at once with disposable worktrees: all exit 0, 8 distinct sessions, LATEST whole, each worktree pruned at most once", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box, 6);
    const { sessions } = await eightPauses(box, fx);
    const ids = sessions.map((s) => s.session_id as string);
    assert.equal(new Set(ids).size, 8, `distinct ids: ${ids}`);
    for (const s of sessions) {
      assert.match(s.conversation.summary, /^parallel run \d$/);
    }
    const messages = new Set(sessions.map((s) => s.conversation.summary));
    assert.equal(messages.size, 8, "each run saved its own message");
    const dir = join(fx.repo, ".claude-mpm", "sessions");
    const files = readdirSync(dir);
    assert.equal(files.filter((f) => f.endsWith(".json")).length, 8);
    assert.equal(files.filter((f) => f.endsWith(".md")).length, 8);
    assert.deepEqual(files.filter((f) => f.endsWith(".tmp")), []);
    const latest = readFileSync(join(dir, "LATEST-SESSION.txt"), "utf8");
    const lines = latest.split("\n");
    assert.ok(ids.includes(lines[0]), `LATEST names one of them: ${lines[0]}`);
    assert.match(
      latest,
      /^session-[\d-]+\npaused_at: .+\nproject: .+\njson: .+\nmarkdown: .+\nresume: mpm-session resume\n$/,
    );
    assert.equal(lines[3], `json: .claude-mpm/sessions/${lines[0]}.json`);
    assert.ok(exists(join(dir, `${lines[0]}.md`)));

    const summaries = sessions.map((s) => s.worktree_prune_summary as Summary);
    const by = prunedBy(summaries);
    for (const [name, runs] of by) {
      assert.equal(runs.length, 1, `${name} was pruned by runs ${runs}`);
    }
    for (const [i, s] of summaries.entries()) {
      if (s.skipped) assert.match(s.skipped, /already running/, `run ${i}`);
      else {
        assert.equal(outcomeOf(s.worktrees, "with-work").action, "preserved");
      }
    }
    assertEndState(box, fx);
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "8 pauses at once: no run reports a git-refused error for a worktree another run removed",
  fn: async () => {
    const box = sandbox();
    try {
      const fx = makeFixture(box, 6);
      const { sessions } = await eightPauses(box, fx);
      const summaries = sessions.map((s) =>
        s.worktree_prune_summary as Summary
      );
      assert.deepEqual(refusedAfterOthersRemoved(summaries), []);
      assertEndState(box, fx);
    } finally {
      box.cleanup();
    }
  },
});

async function twoPrunes(
  box: Sandbox,
  fx: Fixture,
): Promise<{ results: SpawnResult[]; summaries: Summary[] }> {
  const runs = [0, 1].map(() =>
    spawnCli(box, ["prune", "--json"], { cwd: fx.repo })
  );
  const results = await Promise.all(runs.map((r) => r.done));
  const summaries = results.map((r, i) => {
    assertNoStack(r.stderr);
    const s = JSON.parse(r.stdout) as Summary;
    // A run that found the other one busy exits 1 and says so.
    if (s.skipped) {
      assert.equal(r.code, 1);
      assert.match(s.skipped, /already running/, `run ${i}`);
    } else assert.equal(r.code, 0, `run ${i}: ${r.stderr}`);
    return s;
  });
  return { results, summaries };
}

Deno.test("two prunes at once: each worktree is pruned by exactly one run; the other waits or says 'already running'", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box, 10);
    const { summaries } = await twoPrunes(box, fx);
    const by = prunedBy(summaries);
    for (const name of fx.disposable) {
      assert.equal(
        by.get(name)?.length,
        1,
        `${name}: pruned by ${by.get(name)}`,
      );
    }
    for (const s of summaries) {
      if (!s.skipped) {
        assert.equal(outcomeOf(s.worktrees, "with-work").action, "preserved");
      }
    }
    console.log(
      `  run outcomes: ${
        summaries.map((s) => s.skipped ? "skipped" : `${s.pruned_count} pruned`)
      }`,
    );
    assertEndState(box, fx);
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "two prunes at once: the run that waited does not act on worktrees the other removed",
  fn: async () => {
    const box = sandbox();
    try {
      const fx = makeFixture(box, 10);
      const { summaries } = await twoPrunes(box, fx);
      assert.deepEqual(refusedAfterOthersRemoved(summaries), []);
      assertEndState(box, fx);
    } finally {
      box.cleanup();
    }
  },
});

Deno.test("a stale lock left by a dead process on this machine is taken over with a note, and the lock is gone afterwards", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box, 2);
    mkdirSync(dirname(join(fx.repo, LOCK)), { recursive: true });
    writeFileSync(
      join(fx.repo, LOCK),
      JSON.stringify({
        pid: 999999999,
        host: hostname(),
        started: "2020-01-01T00:00:00.000Z",
      }) + "\n",
    );
    const result = await runCli(box, ["prune", "--json"], { cwd: fx.repo });
    assertNoStack(result.stderr);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as Summary;
    assert.ok(
      summary.notes.some((n) =>
        /stale cleanup lock/.test(n) && /999999999/.test(n)
      ),
      JSON.stringify(summary.notes),
    );
    assert.equal(summary.pruned_count, 2);
    assertEndState(box, fx);
    assert.deepEqual(
      readdirSync(join(fx.repo, ".git")).filter((n) => n.includes("lock")),
      [],
      "no lock or moved-aside lock is left",
    );
    const text = await runCli(box, ["prune"], { cwd: fx.repo });
    assert.doesNotMatch(text.stdout, /stale/, "the note appears once only");
  } finally {
    box.cleanup();
  }
});

Deno.test("a lock held by another machine, or an empty lock file (a crash mid-write), is never taken over: skipped (exit 1) with the lock path to delete, nothing removed", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box, 2);
    const lock = join(fx.repo, LOCK);
    for (
      const content of [
        JSON.stringify({
          pid: 999999999,
          host: "some-other-machine.example",
          started: "2020-01-01T00:00:00.000Z",
        }),
        "",
      ]
    ) {
      mkdirSync(dirname(lock), { recursive: true });
      writeFileSync(lock, content);
      const result = await runCli(box, ["prune", "--json"], { cwd: fx.repo });
      assertNoStack(result.stderr);
      assert.equal(result.code, 1, `lock ${JSON.stringify(content)}`);
      const summary = JSON.parse(result.stdout) as Summary;
      assert.match(summary.skipped ?? "", /another cleanup is already running/);
      assert.ok(
        (summary.skipped ?? "").includes(lock),
        `the message names the lock to delete: ${summary.skipped}`,
      );
      assert.equal(
        readFileSync(lock, "utf8"),
        content,
        "the lock is untouched",
      );
      for (const name of fx.disposable) {
        assert.ok(exists(join(fx.repo, WT, name, "README.md")), name);
      }
    }
    // Once the user deletes it, cleanup runs again.
    const { rmSync } = await import("node:fs");
    rmSync(lock);
    const after = await runCli(box, ["prune", "--json"], { cwd: fx.repo });
    assert.equal(after.code, 0, after.stderr);
    assertEndState(box, fx);
  } finally {
    box.cleanup();
  }
});
