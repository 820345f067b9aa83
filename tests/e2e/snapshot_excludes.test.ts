/**
 * End-to-end tests of the pause snapshot leaving out what is not the
 * person's work: agent worktrees under `.claude/worktrees/` and the tool's
 * own `.claude-mpm/` folder, even when the repository does not ignore them.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  addWorktree,
  git,
  makeRepo,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";

interface PauseJson {
  // deno-lint-ignore no-explicit-any
  session: Record<string, any>;
}

Deno.test("pause: the snapshot lists neither agent worktrees nor .claude-mpm, in counts or lists", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    // A kept (dirty) agent worktree and an orphan folder, neither ignored.
    const agent = addWorktree(box, repo, "agent-1");
    writeFile(join(agent, "draft.txt"), "work\n");
    writeFile(join(repo, ".claude", "worktrees", "orphan", "x.txt"), "x\n");
    writeFile(join(repo, "notes.txt"), "mine\n");
    writeFile(join(repo, ".claude", "settings.json"), "{}\n");
    // The first pause creates .claude-mpm/; the second must not list it.
    await runCliJson<PauseJson>(box, ["pause", "--no-prune-worktrees"], {
      cwd: repo,
    });
    const { json } = await runCliJson<PauseJson>(
      box,
      ["pause", "--no-prune-worktrees"],
      // A caller's environment must not turn the pathspec magic off.
      { cwd: repo, env: { GIT_LITERAL_PATHSPECS: "1" } },
    );
    const status = json.session.git_context.status;
    assert.deepEqual(status.untracked_files.sort(), [
      ".claude/settings.json",
      "notes.txt",
    ]);
    assert.equal(status.counts.untracked, 2);
    assert.equal(status.clean, false);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: a repository whose only untracked files are the tool's own is clean", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "agent-1");
    await runCliJson<PauseJson>(box, ["pause", "--no-prune-worktrees"], {
      cwd: repo,
    });
    const { json } = await runCliJson<PauseJson>(box, [
      "pause",
      "--no-prune-worktrees",
    ], { cwd: repo });
    const status = json.session.git_context.status;
    assert.equal(status.clean, true);
    assert.deepEqual(status.untracked_files, []);
    assert.equal(status.counts.untracked, 0);
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: from a subfolder or with -C, the snapshot is the whole worktree's, paths from its root", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, "src", "deep", "keep.txt"), "tracked\n");
    git(box, repo, "add", ".");
    git(box, repo, "commit", "-q", "-m", "src");
    const agent = addWorktree(box, repo, "agent-1");
    writeFile(join(agent, "draft.txt"), "work\n");
    writeFile(join(repo, "notes.txt"), "mine\n");
    writeFile(join(repo, "src", "deep", "keep.txt"), "changed\n");
    writeFile(join(repo, "src", "new.txt"), "new\n");
    const expected = {
      untracked: ["notes.txt", "src/new.txt"],
      modified: ["src/deep/keep.txt"],
    };
    const runs: [string, string[], string][] = [
      ["from the root", [], repo],
      ["from a subfolder", [], join(repo, "src", "deep")],
      ["with -C", ["-C", join(repo, "src")], box.dir],
    ];
    for (const [name, extra, cwd] of runs) {
      const { json } = await runCliJson<PauseJson>(
        box,
        [...extra, "pause", "--no-prune-worktrees"],
        { cwd },
      );
      const context = json.session.git_context;
      const status = context.status;
      assert.deepEqual(
        status.untracked_files.sort(),
        expected.untracked,
        name,
      );
      assert.deepEqual(status.modified_files, expected.modified, name);
      assert.equal(context.worktree_count, 2, name);
      assert.equal(context.recent_commits[0].message, "src", name);
      assert.equal(json.session.project_path, repo, name);
    }
  } finally {
    box.cleanup();
  }
});
