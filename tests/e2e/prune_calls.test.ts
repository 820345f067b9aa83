/**
 * End-to-end tests of the git calls a cleanup makes: a steady state (every
 * worktree kept for what the last run saw) costs a fixed handful of calls,
 * whatever the number of worktrees, and a removal reads each worktree's
 * index once per judgement. The real CLI, with git wrapped to count.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  git,
  makeRepo,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import { fakeGit, faultHits } from "../faults/fault_helpers.ts";
import type { PruneSummary } from "../../mod.ts";

/** Where rescue refs live. */
const RESCUE = "refs/mpm-session/rescue/";

/** The git subcommands counted. */
const COUNTED = [
  "worktree list",
  "worktree move",
  "worktree remove",
  "status",
  "ls-files",
  "config",
  "for-each-ref",
  "rev-list",
  "rev-parse",
  "diff",
  "merge-tree",
  "update-ref",
];

/** Counts every call of a counted subcommand, by subcommand. */
function countingGit(box: Sandbox): Record<string, string> {
  return fakeGit(
    box,
    COUNTED.map((match) => ({ match, mode: "slow" as const, delay: 0 })),
  );
}

/** The calls since the last look, by subcommand. */
function calls(box: Sandbox): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of faultHits(box)) {
    const match = COUNTED.find((m) => line.startsWith(`slow ${m} `));
    if (match) out[match] = (out[match] ?? 0) + 1;
  }
  rmSync(join(box.dir, "fakegit.log"), { force: true });
  return out;
}

async function prune(
  box: Sandbox,
  repo: string,
  env: Record<string, string>,
): Promise<PruneSummary> {
  return (await runCliJson<PruneSummary>(box, ["prune"], { cwd: repo, env }))
    .json;
}

Deno.test("prune calls: a steady state lists the worktrees once and reads no worktree's status, index or merges", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (let i = 0; i < 6; i++) {
      writeFile(join(addWorktree(box, repo, `notes-${i}`), "notes.txt"), "x\n");
      const own = addWorktree(box, repo, `own-${i}`);
      writeFile(join(own, `work-${i}.txt`), "work\n");
      commitAll(box, own, "work of its own");
    }
    const env = countingGit(box);
    const first = await prune(box, repo, env);
    assert.equal(first.preserved_count, 12);
    calls(box);

    const second = await prune(box, repo, env);
    assert.equal(second.preserved_count, 12);
    const made = calls(box);
    assert.equal(made["worktree list"], 1, JSON.stringify(made));
    for (
      const sub of ["status", "ls-files", "rev-list", "diff", "merge-tree"]
    ) {
      assert.equal(made[sub] ?? 0, 0, `${sub}: ${JSON.stringify(made)}`);
    }
    // The branches only: no --merged (the memo settles every branch of its
    // own), no rescue refs (the last run saw none that could expire).
    assert.equal(made["for-each-ref"], 1, JSON.stringify(made));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune calls: removing a worktree reads its index once per judgement, its config once per run, its HEAD from files", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (let i = 0; i < 3; i++) addWorktree(box, repo, `done-${i}`);
    const env = countingGit(box);
    const summary = await prune(box, repo, env);
    assert.equal(summary.pruned_count, 3);
    const made = calls(box);
    // Judged where it is, then again in the trash.
    assert.equal(made["status"], 6, JSON.stringify(made));
    assert.equal(made["ls-files"], 6, JSON.stringify(made));
    // `config --list` once for all, `core.worktree` of the main worktree.
    assert.equal(made["config"], 2, JSON.stringify(made));
    // A new worktree's reflog holds only its HEAD: nothing to ask git.
    assert.equal(made["rev-list"] ?? 0, 0, JSON.stringify(made));
    assert.equal(made["worktree remove"], 3, JSON.stringify(made));
    // Only to locate the repository: HEAD is read from its files for the
    // re-check and the rescue.
    assert.equal(made["rev-parse"], 1, JSON.stringify(made));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune calls: rescue refs are listed for expiry only when the oldest may be due, and at least once a day", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const note = join(repo, ".git", "mpm-session", "rescue-expiry.json");
    const rescueRefs = () =>
      git(box, repo, "for-each-ref", "--format=%(refname)", RESCUE)
        .split("\n").filter(Boolean);
    const env = countingGit(box);
    addWorktree(box, repo, "done");
    await prune(box, repo, env);
    calls(box);
    const written = JSON.parse(readFileSync(note, "utf8"));
    assert.equal(typeof written.oldest, "number", "the rescue was noted");
    assert.equal(rescueRefs().length, 2, "HEAD and branch tip rescued");

    // An older version writes refs without noting them.
    const sha = git(box, repo, "rev-parse", "HEAD");
    git(box, repo, "update-ref", `${RESCUE}old/1000-x/HEAD`, sha);
    await prune(box, repo, env);
    assert.equal(calls(box)["for-each-ref"], 1, "only the branches are listed");
    assert.ok(rescueRefs().some((r) => r.includes("/old/")), "not yet seen");

    // A day later the refs are listed again, and the expired one goes.
    writeFileSync(
      note,
      JSON.stringify({ ...written, checked: written.checked - 2 * 86400 }),
    );
    await prune(box, repo, env);
    assert.equal(calls(box)["for-each-ref"], 2, "branches and rescue refs");
    assert.ok(!rescueRefs().some((r) => r.includes("/old/")), "expired");
    assert.equal(rescueRefs().length, 2, "the recent rescue stays");

    // A damaged note only costs the listing.
    writeFileSync(note, "{damaged");
    await prune(box, repo, env);
    assert.equal(calls(box)["for-each-ref"], 2);
    assert.equal(JSON.parse(readFileSync(note, "utf8")).oldest, written.oldest);
  } finally {
    box.cleanup();
  }
});
