/**
 * End-to-end tests of the git calls `pause` saves: the stash is counted
 * from its reflog exactly as `git stash list` counts it, and once the
 * sessions folder holds our own `.gitignore`, no `check-ignore` is run.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git, makeRepo, runCliJson, sandbox, writeFile } from "../helpers.ts";
import { fakeGit, faultHits } from "../faults/fault_helpers.ts";

interface PauseJson {
  // deno-lint-ignore no-explicit-any
  session: Record<string, any>;
}

Deno.test("pause: the stash count is what git stash list shows, after pushes and drops", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const count = async () =>
      (await runCliJson<PauseJson>(box, ["pause", "--no-prune-worktrees"], {
        cwd: repo,
      })).json.session.git_context.stash_count;
    assert.equal(await count(), 0, "no stash at all");
    for (const text of ["one\n", "two\n", "three\n"]) {
      writeFile(join(repo, "README.md"), text);
      git(box, repo, "stash", "-q");
    }
    git(box, repo, "stash", "drop", "-q", "stash@{1}");
    const listed = git(box, repo, "stash", "list").split("\n").filter(Boolean);
    assert.equal(listed.length, 2);
    assert.equal(await count(), 2);
    git(box, repo, "stash", "clear");
    assert.equal(await count(), 0, "cleared");
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: our own .gitignore in the sessions folder spares the check-ignore call", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const env = fakeGit(box, [{
      match: "check-ignore",
      mode: "slow",
      delay: 0,
    }]);
    const log = join(box.dir, "fakegit.log");
    const pause = () =>
      runCliJson<PauseJson>(box, ["pause", "--no-prune-worktrees"], {
        cwd: repo,
        env,
      });
    await pause();
    assert.equal(faultHits(box).length, 1, "the first pause asks git");
    const ignore = join(repo, ".claude-mpm", "sessions", ".gitignore");
    assert.match(readFileSync(ignore, "utf8"), /^\*$/m);
    rmSync(log, { force: true });
    await pause();
    assert.deepEqual(faultHits(box), [], "our own file settles it");
    // A .gitignore that is not ours proves nothing: git is asked again.
    writeFileSync(ignore, "*.md\n");
    await pause();
    assert.equal(faultHits(box).length, 1);
  } finally {
    box.cleanup();
  }
});
