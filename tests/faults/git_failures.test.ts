/**
 * Fault injection: git misbehaves. A `git` wrapper first on PATH delegates
 * to the real git except for chosen subcommands, where it fails (exit 128
 * with a message), prints garbage or nothing with exit 0, or hangs
 * (`sleep 30`, cut short by `MPM_GIT_TIMEOUT_MS=1500`); and git is missing
 * from PATH altogether. The promise: nothing is removed on a fact that could
 * not be read, `pause` still saves the session, every failure is one line,
 * and no stack trace reaches the user.
 *
 * @module
 */

import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  runCli,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import {
  asNobody,
  assertNoStack,
  assertOneErrorLine,
  CAN_RUN_AS_NOBODY,
  codes,
  fakeGit,
  faultHits,
  type GitFault,
  outcomeOf,
  pathWithoutGit,
  processesInside,
  registered,
  runCliWith,
  skippable,
  type Summary,
  waitFor,
} from "./fault_helpers.ts";

const WT = join(".claude", "worktrees");

/** Runs `prune --json` with the faults and returns exit code and report. */
async function pruneWith(
  box: Sandbox,
  repo: string,
  faults: GitFault[],
  ...args: string[]
): Promise<{ code: number; summary: Summary; stderr: string }> {
  const env = faults.length > 0 ? fakeGit(box, faults) : {};
  const result = await runCli(box, ["prune", "--json", ...args], {
    cwd: repo,
    env,
  });
  assertNoStack(result.stderr);
  let summary: Summary;
  try {
    summary = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `prune printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { code: result.code, summary, stderr: result.stderr };
}

/** Asserts each named worktree is on disk, whole and registered. */
function assertIntact(box: Sandbox, repo: string, names: string[]): void {
  const list = registered(box, repo);
  for (const name of names) {
    const path = join(repo, WT, name);
    assert.ok(exists(join(path, "README.md")), `${name} is still on disk`);
    assert.ok(exists(join(path, ".git")), `${name} still has its .git file`);
    assert.ok(list.includes(path), `${name} is still registered`);
  }
}

/** A repository with clean, disposable worktrees: two branches, one detached. */
function repoWithDisposables(box: Sandbox): string {
  const repo = makeRepo(box);
  addWorktree(box, repo, "alpha");
  addWorktree(box, repo, "beta");
  addWorktree(box, repo, "gamma", { detach: true });
  return repo;
}

Deno.test("git status fails inside worktrees: each one is preserved as 'unknown' and stays on disk", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const { code, summary } = await pruneWith(box, repo, [
      { match: "status", mode: "fail", onlyInWorktrees: true },
    ]);
    assert.equal(code, 0);
    assert.ok(faultHits(box).length >= 3, "the fault fired for every worktree");
    for (const name of ["alpha", "beta", "gamma"]) {
      const o = outcomeOf(summary.worktrees, name);
      assert.equal(o.action, "preserved", name);
      assert.ok(codes(o).includes("unknown"), `${name}: ${codes(o)}`);
      assert.ok(
        o.reasons.some((r) =>
          /git status failed: injected failure of git status/.test(r.message)
        ),
        JSON.stringify(o.reasons),
      );
    }
    assert.equal(summary.pruned_count, 0);
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);
    // Control: without the fault the same worktrees are disposable.
    const control = await pruneWith(box, repo, []);
    assert.equal(control.summary.pruned_count, 3);
  } finally {
    box.cleanup();
  }
});

Deno.test("git worktree list fails: prune is skipped with the reason, the orphan sweep too, nothing removed", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    mkdirSync(join(repo, WT, "empty-orphan"));
    const { code, summary } = await pruneWith(box, repo, [
      { match: "worktree list", mode: "fail" },
    ]);
    assert.equal(code, 1, "a skipped cleanup exits 1");
    assert.match(
      summary.skipped ?? "",
      /git worktree list failed: injected failure of git worktree/,
    );
    assert.equal(summary.orphan_sweep_skipped, summary.skipped);
    assert.deepEqual(summary.worktrees, []);
    assert.deepEqual(summary.orphans, []);
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);
    assert.ok(exists(join(repo, WT, "empty-orphan")), "the orphan stays");
    // The text output says the same in one block, with nothing on stderr.
    const text = await runCli(box, ["prune"], {
      cwd: repo,
      env: fakeGit(box, [{ match: "worktree list", mode: "fail" }]),
    });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /Skipped: git worktree list failed/);
    assert.equal(text.stderr, "");
  } finally {
    box.cleanup();
  }
});

Deno.test("git for-each-ref fails: worktrees on branches are preserved as 'unknown'; a detached one is still judged", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const { code, summary } = await pruneWith(box, repo, [
      { match: "for-each-ref", mode: "fail" },
    ]);
    assert.equal(code, 0);
    assert.ok(faultHits(box).length >= 1);
    for (const name of ["alpha", "beta"]) {
      const o = outcomeOf(summary.worktrees, name);
      assert.equal(o.action, "preserved", name);
      assert.ok(codes(o).includes("unknown"));
      assert.ok(
        o.reasons.some((r) => /cannot read branches/.test(r.message)),
        JSON.stringify(o.reasons),
      );
    }
    // Its commits are checked with rev-list, which still works.
    assert.equal(outcomeOf(summary.worktrees, "gamma").action, "pruned");
    assertIntact(box, repo, ["alpha", "beta"]);
  } finally {
    box.cleanup();
  }
});

Deno.test("git diff or merge-tree fails or lies: a branch whose integration needs them is preserved", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const squash = addWorktree(box, repo, "squashed");
    writeFile(join(squash, "a.txt"), "a\n");
    commitAll(box, squash, "a");
    git(box, repo, "merge", "-q", "--squash", "squashed");
    git(box, repo, "commit", "-q", "-m", "squash a");
    writeFile(join(repo, "later.txt"), "later\n");
    commitAll(box, repo, "later");
    const runs: [string, GitFault][] = [
      ["diff fails", { match: "diff", mode: "fail" }],
      ["merge-tree fails", { match: "merge-tree", mode: "fail" }],
      ["merge-tree hangs", { match: "merge-tree", mode: "hang" }],
      ["merge-tree prints garbage", {
        match: "merge-tree",
        mode: "garbage",
        output: "not-a-tree-id\\n",
      }],
    ];
    for (const [label, fault] of runs) {
      const before = faultHits(box).length;
      const { code, summary } = await pruneWith(box, repo, [fault]);
      assert.equal(code, 0, label);
      assert.ok(faultHits(box).length > before, `${label}: the fault fired`);
      const o = outcomeOf(summary.worktrees, "squashed");
      assert.equal(o.action, "preserved", label);
      assert.ok(
        codes(o).includes("unknown") || codes(o).includes("not-integrated"),
        `${label}: ${JSON.stringify(o.reasons)}`,
      );
      assert.ok(
        o.reasons.some((r) =>
          r.message === "merge status could not be determined"
        ),
        `${label}: ${JSON.stringify(o.reasons)}`,
      );
      assertIntact(box, repo, ["squashed"]);
      assert.ok(exists(join(squash, "a.txt")));
    }
    // Control: with a working git the squash merge is recognised; no
    // failed or garbled answer above was remembered as "not integrated".
    const control = await pruneWith(box, repo, []);
    assert.equal(
      outcomeOf(control.summary.worktrees, "squashed").action,
      "pruned",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("git status prints garbage with exit 0: worktrees are preserved, never judged clean", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const garbage = [
      "garbage\\0",
      "this is not porcelain output\\nat all\\n",
      "\\001\\002\\377\\376binary\\0",
      "1 .M N... 100644\\0", // a record cut short
      "2 R. N... 100644 100644 100644 abc def R100\\0", // short rename record
      "u UU\\0", // short conflict record
    ];
    for (const output of garbage) {
      const { code, summary } = await pruneWith(box, repo, [
        { match: "status", mode: "garbage", onlyInWorktrees: true, output },
      ]);
      assert.equal(code, 0, output);
      for (const name of ["alpha", "beta", "gamma"]) {
        const o = outcomeOf(summary.worktrees, name);
        assert.equal(o.action, "preserved", `${name} with status ${output}`);
        assert.ok(codes(o).includes("unknown"), `${name}: ${codes(o)}`);
      }
      assertIntact(box, repo, ["alpha", "beta", "gamma"]);
    }
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "git status prints nothing (or only unknown headers) with exit 0: worktrees are preserved",
  fn: async () => {
    const box = sandbox();
    try {
      const repo = repoWithDisposables(box);
      for (const output of ["", "# not.a.real.header x\\0"]) {
        const { summary } = await pruneWith(box, repo, [
          { match: "status", mode: "garbage", onlyInWorktrees: true, output },
        ]);
        for (const name of ["alpha", "beta", "gamma"]) {
          const o = outcomeOf(summary.worktrees, name);
          assert.equal(
            o.action,
            "preserved",
            `${name} with status output ${JSON.stringify(output)}`,
          );
        }
        assertIntact(box, repo, ["alpha", "beta", "gamma"]);
      }
    } finally {
      box.cleanup();
    }
  },
});

Deno.test("git status hangs: prune finishes after the git timeout, preserves, and leaves no git behind", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const started = Date.now();
    const { code, summary } = await pruneWith(box, repo, [
      { match: "status", mode: "hang", onlyInWorktrees: true },
    ]);
    const elapsed = Date.now() - started;
    console.log(`  prune with hanging status took ${elapsed} ms`);
    assert.ok(elapsed < 15_000, `took ${elapsed} ms; the hang is 30 s`);
    assert.equal(code, 0);
    for (const name of ["alpha", "beta", "gamma"]) {
      const o = outcomeOf(summary.worktrees, name);
      assert.equal(o.action, "preserved", name);
      assert.ok(
        o.reasons.some((r) => /git status failed: timed out/.test(r.message)),
        JSON.stringify(o.reasons),
      );
    }
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);
    assert.ok(
      await waitFor(() => processesInside(repo).length === 0, 3000, 50),
      `timed-out git calls were killed: ${processesInside(repo)}`,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("git worktree list hangs: prune finishes after the timeout and is skipped with 'timed out'", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const started = Date.now();
    const { code, summary } = await pruneWith(box, repo, [
      { match: "worktree list", mode: "hang" },
    ]);
    assert.ok(Date.now() - started < 15_000);
    assert.equal(code, 1);
    assert.match(summary.skipped ?? "", /timed out/);
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);
  } finally {
    box.cleanup();
  }
});

interface PauseJson {
  session: {
    session_id: string;
    warnings: string[];
    git_context: {
      is_git_repo: boolean;
      errors: string[];
      status: { clean: boolean };
    };
    worktree_prune_summary?: Summary;
  };
  files: { json_path: string; markdown_path: string; latest_path: string };
}

/** Checks the three session files exist and agree with the printed result. */
function assertSessionWritten(result: PauseJson): void {
  const { files, session } = result;
  const saved = JSON.parse(readFileSync(files.json_path, "utf8"));
  assert.equal(saved.session_id, session.session_id);
  assert.ok(
    readFileSync(files.markdown_path, "utf8").includes(session.session_id),
  );
  assert.equal(
    readFileSync(files.latest_path, "utf8").split("\n")[0],
    session.session_id,
  );
}

Deno.test("pause with failing git still writes its session files (exit 0) and records each failure in git_context.errors", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const env = fakeGit(box, [
      { match: "status", mode: "fail" },
      { match: "log", mode: "fail" },
      { match: "worktree list", mode: "fail" },
      { match: "for-each-ref", mode: "fail" },
      { match: "check-ignore", mode: "fail" },
    ]);
    const result = await runCli(
      box,
      ["pause", "-m", "git is broken", "--json"],
      {
        cwd: repo,
        env,
      },
    );
    assertNoStack(result.stderr);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as PauseJson;
    assertSessionWritten(out);
    const ctx = out.session.git_context;
    assert.equal(ctx.is_git_repo, true);
    assert.equal(
      ctx.status.clean,
      false,
      "an unread status is not a clean one",
    );
    assert.ok(
      ctx.errors.some((e) =>
        /^Cannot read status: injected failure of git status/.test(e)
      ),
      JSON.stringify(ctx.errors),
    );
    assert.ok(
      ctx.errors.some((e) => /^Cannot read worktree list: /.test(e)),
      JSON.stringify(ctx.errors),
    );
    const md = readFileSync(out.files.markdown_path, "utf8");
    assert.match(md, /## Warnings/);
    assert.match(md, /Cannot read status: injected failure/);
    // The cleanup could not list worktrees, so it removed nothing.
    assert.match(
      out.session.worktree_prune_summary?.skipped ?? "",
      /worktree list failed/,
    );
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause with a hanging git status finishes after the timeout and saves 'timed out' in git_context.errors", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const started = Date.now();
    const result = await runCli(box, ["pause", "-m", "slow git", "--json"], {
      cwd: repo,
      env: fakeGit(box, [{ match: "status", mode: "hang" }]),
    });
    assert.ok(Date.now() - started < 15_000);
    assertNoStack(result.stderr);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as PauseJson;
    assertSessionWritten(out);
    assert.ok(
      out.session.git_context.errors.includes("Cannot read status: timed out"),
      JSON.stringify(out.session.git_context.errors),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("git missing from PATH: prune prints one line and exits 1; pause still saves with a warning; resume and list work", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    const env = { PATH: pathWithoutGit(box), MPM_GIT_TIMEOUT_MS: "1500" };
    const pruned = await runCli(box, ["prune"], { cwd: repo, env });
    assert.equal(pruned.code, 1);
    assert.equal(pruned.stdout, "");
    const line = assertOneErrorLine(pruned.stderr);
    assert.ok(
      line.startsWith(
        "error: Cannot prune worktrees: 'git' was not found on PATH",
      ),
      line,
    );
    const jsonPrune = await runCli(box, ["prune", "--json"], {
      cwd: repo,
      env,
    });
    assert.equal(jsonPrune.code, 1);
    assertOneErrorLine(jsonPrune.stderr);

    const paused = await runCli(box, ["pause", "-m", "no git here", "--json"], {
      cwd: repo,
      env,
    });
    assertNoStack(paused.stderr);
    assert.equal(paused.code, 0, paused.stderr);
    const out = JSON.parse(paused.stdout) as PauseJson;
    assertSessionWritten(out);
    assert.equal(out.session.git_context.is_git_repo, false);
    assert.ok(
      out.session.warnings.some((w) => /git was not found on PATH/.test(w)),
      JSON.stringify(out.session.warnings),
    );
    assertIntact(box, repo, ["alpha", "beta", "gamma"]);

    const text = await runCli(box, ["pause", "-m", "again"], {
      cwd: repo,
      env,
    });
    assert.equal(text.code, 0);
    assert.match(text.stdout, /Warning: git was not found on PATH/);
    assertNoStack(text.stderr);

    const resumed = await runCli(box, ["resume"], { cwd: repo, env });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /Resuming session session-/);
    assertNoStack(resumed.stderr);
    const listed = await runCli(box, ["list"], { cwd: repo, env });
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(listed.stdout.trim().split("\n").length, 3);
  } finally {
    box.cleanup();
  }
});

Deno.test("a git that exits non-zero with many lines: errors stay one line in the report and on the terminal", async () => {
  const box = sandbox();
  try {
    const repo = repoWithDisposables(box);
    writeFileSync(join(repo, "x.txt"), "x\n");
    const result = await runCli(box, ["prune"], {
      cwd: repo,
      env: {
        ...fakeGit(box, [
          { match: "status", mode: "fail", onlyInWorktrees: true },
        ]),
        // Wide enough that the last reason is not cut at the line's end.
        COLUMNS: "250",
      },
    });
    assert.equal(result.code, 0);
    assert.equal(result.stderr, "");
    assert.doesNotMatch(result.stdout, /unexpected line two/);
    for (const name of ["alpha", "beta", "gamma"]) {
      assert.match(
        result.stdout,
        new RegExp(
          `\\.claude/worktrees/${name} +.*git status failed: injected failure of git status`,
        ),
      );
    }
  } finally {
    box.cleanup();
  }
});

const unsearchable = skippable(
  "a PATH folder the user cannot search comes before git (run as nobody): prune and pause still find git",
  CAN_RUN_AS_NOBODY,
  "needs root and setpriv to run as nobody",
);

Deno.test({
  ...unsearchable,
  ignore: unsearchable.ignore,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = repoWithDisposables(box);
      const { prefix, env } = asNobody(box);
      const closed = join(box.dir, "closed-bin");
      mkdirSync(closed);
      chmodSync(closed, 0o700); // owned by root: nobody cannot search it
      env.PATH = `${closed}:${env.PATH}`;
      const pruned = await runCliWith(box, ["prune", "--dry-run", "--json"], {
        cwd: repo,
        env,
        prefix,
      });
      assertNoStack(pruned.stderr);
      assert.equal(pruned.code, 0, pruned.stderr);
      assert.equal(JSON.parse(pruned.stdout).would_prune_count, 3);
      const paused = await runCliWith(box, ["pause", "-m", "x", "--json"], {
        cwd: repo,
        env,
        prefix,
      });
      assertNoStack(paused.stderr);
      assert.equal(paused.code, 0, paused.stderr);
      const out = JSON.parse(paused.stdout) as PauseJson;
      assert.equal(out.session.git_context.is_git_repo, true);
      assert.deepEqual(out.session.git_context.errors, []);
    } finally {
      box.cleanup();
    }
  },
});

Deno.test("a git killed by a signal is a failure, never a success: nothing with work is removed, nothing is reported pruned that is not", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const ahead = addWorktree(box, repo, "ahead");
    writeFile(join(ahead, "feature.txt"), "feature\n");
    commitAll(box, ahead, "feature");
    const detached = addWorktree(box, repo, "detached", { detach: true });
    writeFile(join(detached, "lonely.txt"), "lonely\n");
    commitAll(box, detached, "a commit only HEAD holds");
    const runs: [string, GitFault, string, string][] = [
      // A killed `diff --quiet` once read as "no difference": integrated.
      ["diff killed", { match: "diff", mode: "killed" }, "ahead", "unknown"],
      [
        "merge-tree killed",
        { match: "merge-tree", mode: "killed" },
        "ahead",
        "unknown",
      ],
      // A killed `rev-list` once read as "no commit of its own".
      [
        "rev-list killed",
        { match: "rev-list", mode: "killed" },
        "detached",
        "unknown",
      ],
    ];
    for (const [label, fault, name, code] of runs) {
      const before = faultHits(box).length;
      const { code: exit, summary } = await pruneWith(box, repo, [fault]);
      assert.equal(exit, 0, label);
      assert.ok(faultHits(box).length > before, `${label}: the fault fired`);
      const o = outcomeOf(summary.worktrees, name);
      assert.equal(o.action, "preserved", `${label}: ${JSON.stringify(o)}`);
      assert.ok(
        codes(o).includes(code),
        `${label}: ${JSON.stringify(o.reasons)}`,
      );
      assert.ok(exists(join(repo, ".claude", "worktrees", name)), label);
    }
    assert.ok(exists(join(ahead, "feature.txt")));
    assert.ok(exists(join(detached, "lonely.txt")));
    // A killed `worktree remove` once read as "removed".
    const done = addWorktree(box, repo, "done");
    const { summary } = await pruneWith(box, repo, [
      { match: "worktree remove", mode: "killed" },
    ]);
    const removal = outcomeOf(summary.worktrees, "done");
    assert.equal(removal.action, "preserved", JSON.stringify(removal));
    assert.deepEqual(codes(removal), ["git-refused"]);
    assert.match(removal.reasons[0].message, /killed by SIGKILL/);
    assert.ok(exists(join(done, "README.md")), "it is whole, back in place");
  } finally {
    box.cleanup();
  }
});
