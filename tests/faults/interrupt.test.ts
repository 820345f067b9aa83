/**
 * Fault injection: the cleanup is interrupted part way. Forty disposable
 * worktrees and four with work; `git worktree remove` is slowed down (a git
 * wrapper sleeps first) so removals are reliably under way; then the run gets
 * Ctrl-C (SIGINT to its whole process group, as a terminal sends it),
 * SIGTERM (to the CLI alone, as a supervisor sends it), two SIGINTs, or
 * SIGKILL to the whole group (a hard kill). Also interrupted runs simulated
 * by hand: entries left in `.claude/worktrees/.mpm-trash/`. The promise:
 * every worktree is either whole and registered or fully gone, work is never
 * touched, and the next run finishes what was left.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { recordTrashEntry } from "../../lib/act/trash_manifest.ts";
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
  addCleanWorktrees,
  assertNoStack,
  codes,
  fakeGit,
  outcomeOf,
  processesInside,
  REAL_GIT,
  registered,
  spawnCli,
  type SpawnResult,
  type Summary,
  waitFor,
} from "./fault_helpers.ts";

const WT = join(".claude", "worktrees");
const TRASH = ".mpm-trash";
const DISPOSABLE = 40;

interface Fixture {
  repo: string;
  disposable: string[];
  work: Record<string, { file: string; content: string }>;
}

/** Forty clean worktrees at main, plus four holding different kinds of work. */
function makeFixture(box: Sandbox): Fixture {
  const repo = makeRepo(box);
  writeFile(join(repo, ".gitignore"), ".env\n");
  commitAll(box, repo, "ignore .env");
  const disposable = addCleanWorktrees(box, repo, DISPOSABLE);
  const work: Fixture["work"] = {
    "work-untracked": { file: "notes.txt", content: "an idea\n" },
    "work-staged": { file: "staged.txt", content: "staged\n" },
    "work-commit": { file: "feature.txt", content: "unmerged\n" },
    "work-env": { file: ".env", content: "TOKEN=only-here\n" },
  };
  for (const [name, { file, content }] of Object.entries(work)) {
    const path = addWorktree(box, repo, name);
    writeFile(join(path, file), content);
    if (name === "work-staged") git(box, path, "add", file);
    if (name === "work-commit") commitAll(box, path, "unmerged work");
  }
  return { repo, disposable, work };
}

/**
 * Records a hand-made trash entry in the trash manifest, as the tool does
 * before each move: what an interrupted run leaves is always recorded.
 */
async function prove(repo: string, entry: string): Promise<void> {
  await recordTrashEntry(
    join(repo, ".git"),
    basename(entry),
    lstatSync(entry).ino,
    entry,
  );
}

function trashDir(repo: string): string {
  return join(repo, WT, TRASH);
}

function trashEntries(repo: string): string[] {
  try {
    return readdirSync(trashDir(repo));
  } catch {
    return [];
  }
}

/**
 * The core promise: each disposable worktree is either whole and registered
 * (its files present, clean to the real git) or fully gone (not on disk, not
 * registered); with `allowTrash`, entries may also sit whole in the trash
 * for the next run to finish, registered there or (a move cut short) still
 * under their old path.
 */
function assertWholeOrGone(
  box: Sandbox,
  fx: Fixture,
  allowTrash = false,
): { whole: string[]; gone: string[] } {
  const list = registered(box, fx.repo);
  const whole: string[] = [];
  const gone: string[] = [];
  for (const name of fx.disposable) {
    const path = join(fx.repo, WT, name);
    if (allowTrash && list.includes(path) && !exists(path)) {
      // Killed inside `git worktree move`, after its rename and before it
      // recorded the new place: git still names the old path, the folder
      // sits whole in the trash, and the next run finishes it.
      const entry = trashEntries(fx.repo).find((e) => e.startsWith(`${name}~`));
      assert.ok(
        entry,
        `${name}: registered, but neither home nor in the trash`,
      );
      for (const file of ["README.md", ".gitignore"]) {
        assert.ok(
          exists(join(trashDir(fx.repo), entry, file)),
          `${name}: its move was cut short, and ${file} is gone`,
        );
      }
      continue;
    }
    if (list.includes(path)) {
      assert.ok(
        exists(join(path, "README.md")),
        `${name}: registered but README.md is gone`,
      );
      assert.ok(
        exists(join(path, ".gitignore")),
        `${name}: registered but .gitignore is gone`,
      );
      const status = execFileSync(REAL_GIT, ["status", "--porcelain"], {
        cwd: path,
        env: box.env,
        encoding: "utf8",
      });
      assert.equal(status, "", `${name}: registered and whole, so clean`);
      whole.push(name);
    } else {
      assert.ok(!exists(path), `${name}: not registered but still on disk`);
      // Killed while git rewrote its registration: listed nowhere, but
      // whole in the trash for the next run to finish.
      const entry = trashEntries(fx.repo).find((e) => e.startsWith(`${name}~`));
      if (allowTrash && entry) {
        assert.ok(
          exists(join(trashDir(fx.repo), entry, "README.md")),
          `${name}: listed nowhere, and not whole in the trash`,
        );
        continue;
      }
      gone.push(name);
    }
  }
  const inTrash = list.filter((p) => p.includes(`/${TRASH}/`));
  if (!allowTrash) {
    assert.deepEqual(
      inTrash,
      [],
      "no registered worktree is left in the trash",
    );
  }
  for (const path of inTrash) {
    assert.ok(
      exists(join(path, ".git")),
      `${path}: registered trash entry has its .git`,
    );
  }
  return { whole, gone };
}

/** Every worktree with work is exactly as it was. */
function assertWorkIntact(box: Sandbox, fx: Fixture): void {
  const list = registered(box, fx.repo);
  for (const [name, { file, content }] of Object.entries(fx.work)) {
    const path = join(fx.repo, WT, name);
    assert.ok(list.includes(path), `${name} is still registered`);
    assert.equal(
      readFileSync(join(path, file), "utf8"),
      content,
      `${name}/${file}`,
    );
  }
}

/** Runs prune with the slowed `git worktree remove` and interrupts it. */
async function interruptPrune(
  box: Sandbox,
  fx: Fixture,
  interrupt: (run: ReturnType<typeof spawnCli>) => Promise<void> | void,
): Promise<SpawnResult> {
  const env = fakeGit(box, [
    { match: "worktree remove", mode: "slow", delay: 0.25 },
  ]);
  const run = spawnCli(box, ["prune", "--json"], { cwd: fx.repo, env });
  const started = await waitFor(
    () => trashEntries(fx.repo).length > 0,
    60_000,
    2,
  );
  assert.ok(started, "removals started (an entry appeared in the trash)");
  await interrupt(run);
  const result = await run.done;
  // Git processes of a hard-killed run may still be finishing.
  await waitFor(() => processesInside(fx.repo).length === 0, 10_000, 20);
  assertNoStack(result.stderr);
  return result;
}

/** The next, uninterrupted run: finishes everything, loses nothing. */
async function assertNextRunFinishes(
  box: Sandbox,
  fx: Fixture,
  remaining: string[],
): Promise<Summary> {
  const next = await runCli(box, ["prune", "--json"], { cwd: fx.repo });
  assertNoStack(next.stderr);
  assert.equal(next.code, 0, next.stderr);
  const summary = JSON.parse(next.stdout) as Summary;
  for (const name of remaining) {
    assert.equal(outcomeOf(summary.worktrees, name).action, "pruned", name);
  }
  for (const name of Object.keys(fx.work)) {
    assert.equal(outcomeOf(summary.worktrees, name).action, "preserved", name);
  }
  const after = assertWholeOrGone(box, fx);
  assert.deepEqual(after.whole, [], "every disposable worktree is gone now");
  assertWorkIntact(box, fx);
  assert.ok(
    !exists(trashDir(fx.repo)) || summary.trash.remaining.length > 0,
    "the trash folder is gone, or what is left in it is reported",
  );
  assert.ok(!exists(trashDir(fx.repo)), "the trash folder is gone");
  return summary;
}

function assertGracefulReport(result: SpawnResult, whole: string[]): void {
  const summary = JSON.parse(result.stdout) as Summary;
  const interrupted = summary.worktrees.filter((w) =>
    codes(w).includes("interrupted")
  );
  assert.ok(interrupted.length > 0, "some worktrees were never reached");
  assert.ok(summary.pruned_count < DISPOSABLE, "the run stopped early");
  const reportedPruned = summary.worktrees.filter((w) => w.action === "pruned")
    .map((w) => w.relative_path.split("/").pop()!);
  for (const name of reportedPruned) {
    assert.ok(!whole.includes(name), `${name} is reported pruned and is gone`);
  }
}

Deno.test("SIGINT to the process group (Ctrl-C) during removals: exit 130, each worktree whole or gone, work intact, next run finishes", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box);
    const result = await interruptPrune(
      box,
      fx,
      (run) => run.killGroup("SIGINT"),
    );
    assert.equal(result.code, 130, result.stderr);
    assert.match(
      result.stderr,
      /Interrupted: finishing the removals under way/,
    );
    const { whole, gone } = assertWholeOrGone(box, fx);
    console.log(
      `  after Ctrl-C: ${gone.length} removed, ${whole.length} whole`,
    );
    assert.ok(!exists(trashDir(fx.repo)), "nothing is left in the trash");
    assertWorkIntact(box, fx);
    assertGracefulReport(result, whole);
    await assertNextRunFinishes(box, fx, whole);
  } finally {
    box.cleanup();
  }
});

Deno.test("SIGTERM to the CLI during removals: removals under way finish, exit 143, each worktree whole or gone, next run finishes", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box);
    const result = await interruptPrune(box, fx, (run) => run.kill("SIGTERM"));
    // cli.ts finishes the removals under way, then exits 128 + 15.
    assert.equal(result.code, 143, result.stderr);
    assert.match(
      result.stderr,
      /Interrupted: finishing the removals under way/,
    );
    const { whole, gone } = assertWholeOrGone(box, fx);
    console.log(
      `  after SIGTERM: ${gone.length} removed, ${whole.length} whole`,
    );
    assert.ok(!exists(trashDir(fx.repo)), "removals under way finished");
    assertWorkIntact(box, fx);
    assertGracefulReport(result, whole);
    await assertNextRunFinishes(box, fx, whole);
  } finally {
    box.cleanup();
  }
});

Deno.test("two SIGINTs (stop at once): exit 130 right away, nothing half-removed outside the trash, next run finishes", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box);
    const result = await interruptPrune(box, fx, async (run) => {
      run.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 50));
      run.kill("SIGINT");
    });
    assert.equal(result.code, 130, result.stderr);
    const { whole, gone } = assertWholeOrGone(box, fx, true);
    console.log(
      `  after two SIGINTs: ${gone.length} removed, ${whole.length} whole, trash: ${
        trashEntries(fx.repo).length
      }`,
    );
    assertWorkIntact(box, fx);
    const summary = await assertNextRunFinishes(box, fx, whole);
    assert.deepEqual(summary.trash.remaining, []);
  } finally {
    box.cleanup();
  }
});

Deno.test("SIGKILL to the whole process group mid-removal: the next run takes over the lock, finishes the trash, and loses nothing", async () => {
  const box = sandbox();
  try {
    const fx = makeFixture(box);
    const result = await interruptPrune(
      box,
      fx,
      (run) => run.killGroup("SIGKILL"),
    );
    assert.equal(result.signal, "SIGKILL");
    const { whole, gone } = assertWholeOrGone(box, fx, true);
    const left = trashEntries(fx.repo);
    console.log(
      `  after SIGKILL: ${gone.length} removed, ${whole.length} whole, ${left.length} in the trash`,
    );
    assertWorkIntact(box, fx);
    const summary = await assertNextRunFinishes(box, fx, whole);
    assert.ok(
      summary.notes.some((n) => /stale cleanup lock/.test(n)),
      `the dead run's lock was taken over: ${JSON.stringify(summary.notes)}`,
    );
    if (left.length > 0) {
      assert.equal(
        summary.trash.emptied.length,
        left.length,
        `every trash entry was finished: ${JSON.stringify(summary.trash)}`,
      );
    }
    assert.ok(!exists(join(fx.repo, ".git", "mpm-session", "prune.lock")));
  } finally {
    box.cleanup();
  }
});

Deno.test("recovery: a worktree moved into the trash and an empty folder there are finished by the next prune and reported", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const moved = addWorktree(box, repo, "moved");
    const keep = addWorktree(box, repo, "keep-me");
    writeFile(join(keep, "wip.txt"), "wip\n");
    const trash = trashDir(repo);
    mkdirSync(trash);
    const movedEntry = join(trash, "moved~abc");
    git(box, repo, "worktree", "move", moved, movedEntry);
    await prove(repo, movedEntry);
    const emptyEntry = join(trash, "orphan~abd");
    mkdirSync(emptyEntry);
    const next = await runCli(box, ["prune", "--json"], { cwd: repo });
    assertNoStack(next.stderr);
    assert.equal(next.code, 0, next.stderr);
    const summary = JSON.parse(next.stdout) as Summary;
    assert.deepEqual([...summary.trash.emptied].sort(), [
      movedEntry,
      emptyEntry,
    ]);
    assert.deepEqual(summary.trash.remaining, []);
    assert.ok(!exists(trash), "the trash folder is gone");
    const list = registered(box, repo);
    assert.ok(!list.includes(movedEntry), "the moved worktree is deregistered");
    assert.ok(list.includes(keep));
    assert.equal(readFileSync(join(keep, "wip.txt"), "utf8"), "wip\n");
    assert.equal(outcomeOf(summary.worktrees, "keep-me").action, "preserved");
    const text = await runCli(box, ["prune"], { cwd: repo });
    assert.doesNotMatch(text.stdout, /interrupted run/, "reported once only");
  } finally {
    box.cleanup();
  }
});

Deno.test("recovery: a move into the trash cut short (folder renamed, registration old or blank) is finished, or moved back when it gained work", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const cut = addWorktree(box, repo, "cut");
    const late = addWorktree(box, repo, "cut-late");
    const trash = trashDir(repo);
    mkdirSync(trash);
    // What a kill between git's rename and its update of the admin files
    // leaves: the folder is in the trash, git still names the old path.
    const cutEntry = join(trash, "cut~abc.worktree");
    const lateEntry = join(trash, "cut-late~abd.worktree");
    renameSync(cut, cutEntry);
    renameSync(late, lateEntry);
    await prove(repo, cutEntry);
    await prove(repo, lateEntry);
    writeFile(join(lateEntry, "new.txt"), "written after the check\n");
    assert.ok(registered(box, repo).includes(cut), "git still names 'cut'");
    // Killed while rewriting the registration (truncated, not yet written):
    // git lists the worktree nowhere at all.
    const blank = addWorktree(box, repo, "blank");
    const blankEntry = join(trash, "blank~abe.worktree");
    renameSync(blank, blankEntry);
    await prove(repo, blankEntry);
    writeFileSync(join(repo, ".git", "worktrees", "blank", "gitdir"), "");
    assert.ok(
      !registered(box, repo).some((p) => p.includes("blank")),
      "git lists 'blank' nowhere",
    );

    const next = await runCli(box, ["prune", "--json"], { cwd: repo });
    assertNoStack(next.stderr);
    assert.equal(next.code, 0, next.stderr);
    const summary = JSON.parse(next.stdout) as Summary;
    assert.deepEqual([...summary.trash.emptied].sort(), [blankEntry, cutEntry]);
    assert.deepEqual(summary.trash.restored, [lateEntry]);
    assert.deepEqual(summary.trash.remaining, []);
    const list = registered(box, repo);
    for (const gone of [cut, cutEntry, lateEntry, blank, blankEntry]) {
      assert.ok(!list.includes(gone), `${gone} is not registered`);
      assert.ok(!exists(gone), `${gone} is not on disk`);
    }
    assert.ok(list.includes(late), "the worktree with work is back home");
    assert.equal(
      readFileSync(join(late, "new.txt"), "utf8"),
      "written after the check\n",
    );
    assert.deepEqual(codes(outcomeOf(summary.worktrees, "cut-late")), [
      "dirty",
    ]);
    assert.ok(
      !summary.worktrees.some((w) => w.relative_path.endsWith("/cut")),
      `the finished worktree is not judged again: ${
        JSON.stringify(summary.worktrees)
      }`,
    );
    assert.ok(!exists(trash), "the trash folder is gone");
  } finally {
    box.cleanup();
  }
});

/**
 * A git wrapper whose first `git worktree <sub>` call runs `action` (a
 * shell line over the call's arguments, `$3` and `$4`) and dies as a
 * Ctrl-C would make it; later calls run the real git.
 */
function gitCutOnce(
  box: Sandbox,
  sub: "move" | "remove",
  action: string,
): { env: Record<string, string>; marker: string } {
  const bin = join(box.dir, "cutbin");
  mkdirSync(bin);
  const marker = join(box.dir, "cut-once");
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh
if [ "$1" = worktree ] && [ "$2" = ${sub} ] && [ ! -e '${marker}' ]; then
  : > '${marker}'
  ${action}
  exit 130
fi
exec '${REAL_GIT}' "$@"
`,
  );
  chmodSync(join(bin, "git"), 0o755);
  return { env: { PATH: `${bin}:${box.env.PATH}` }, marker };
}

Deno.test("a git move or removal stopped part way by a Ctrl-C that reached git is finished in the same run", async () => {
  const cases: { name: string; sub: "move" | "remove"; action: string }[] = [
    {
      name: "the move renamed the folder, then died before recording it",
      sub: "move",
      action: `mv "$3" "$4"`,
    },
    {
      name: "the removal deleted part of the worktree, its .git file too",
      sub: "remove",
      action: `rm -f "$3/README.md" "$3/.gitignore" "$3/.git"`,
    },
  ];
  for (const { name, sub, action } of cases) {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const victim = addWorktree(box, repo, "victim");
      const { env, marker } = gitCutOnce(box, sub, action);
      const run = await runCli(box, ["prune", "--json"], { cwd: repo, env });
      assertNoStack(run.stderr);
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.ok(exists(marker), `${name}: the cut git really ran`);
      const summary = JSON.parse(run.stdout) as Summary;
      assert.equal(
        outcomeOf(summary.worktrees, "victim").action,
        "pruned",
        name,
      );
      assert.ok(!exists(victim), `${name}: nothing is left at its path`);
      assert.ok(!exists(trashDir(repo)), `${name}: nothing is in the trash`);
      assert.deepEqual(
        registered(box, repo).filter((p) => p.includes(".claude")),
        [],
        `${name}: no registration is left behind`,
      );
    } finally {
      box.cleanup();
    }
  }
});

Deno.test("recovery: a trash entry that lost its .git file and tracked files to a killed removal is finished; one with other work is moved back", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const trash = trashDir(repo);
    const half = join(trash, "half~abc.worktree");
    const busy = join(trash, "busy~abd.worktree");
    git(box, repo, "worktree", "add", "-q", "-b", "half", half);
    git(box, repo, "worktree", "add", "-q", "-b", "busy", busy);
    await prove(repo, half);
    await prove(repo, busy);
    // What git leaves when killed while deleting the folder: files gone in
    // directory order, the .git file among them.
    for (const entry of [half, busy]) {
      rmSync(join(entry, ".git"));
      rmSync(join(entry, "README.md"));
    }
    writeFile(join(busy, "notes.txt"), "not in git\n");
    const run = await runCli(box, ["prune", "--json"], { cwd: repo });
    assertNoStack(run.stderr);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Summary;
    assert.deepEqual(summary.trash.emptied, [half]);
    assert.deepEqual(summary.trash.restored, [busy]);
    const list = registered(box, repo);
    assert.ok(
      !list.includes(half) && !exists(half),
      "the half-removed one is gone",
    );
    const home = join(repo, ".claude", "worktrees", "busy");
    assert.ok(
      list.includes(home),
      "the one with work is back home, registered",
    );
    assert.equal(readFileSync(join(home, "notes.txt"), "utf8"), "not in git\n");
    assert.deepEqual(codes(outcomeOf(summary.worktrees, "busy")), ["dirty"]);
  } finally {
    box.cleanup();
  }
});

Deno.test("recovery: a registration left in the trash without its folder is removed, and only that", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const entry = join(trashDir(repo), "ghost~abc.worktree");
    git(box, repo, "worktree", "add", "-q", "-b", "ghost", entry);
    const keep = addWorktree(box, repo, "keep-me");
    writeFile(join(keep, "wip.txt"), "wip\n");
    rmSync(entry, { recursive: true });
    const run = await runCli(box, ["prune", "--json"], { cwd: repo });
    assertNoStack(run.stderr);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Summary;
    assert.deepEqual(summary.trash.emptied, [entry]);
    const list = registered(box, repo);
    assert.ok(!list.includes(entry), "the stale registration is gone");
    assert.ok(list.includes(keep));
    assert.equal(readFileSync(join(keep, "wip.txt"), "utf8"), "wip\n");
    assert.equal(
      git(box, repo, "rev-parse", "--verify", "refs/heads/ghost").length,
      40,
      "its branch stays",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("recovery: a worktree in the trash that gained work is moved back whole, never deleted", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "late-work");
    const trash = trashDir(repo);
    mkdirSync(trash);
    const entry = join(trash, "late-work~xyz");
    git(box, repo, "worktree", "move", wt, entry);
    writeFile(join(entry, "new.txt"), "written after the check\n");
    const next = await runCli(box, ["prune", "--json"], { cwd: repo });
    assertNoStack(next.stderr);
    assert.equal(next.code, 0, next.stderr);
    const summary = JSON.parse(next.stdout) as Summary;
    assert.deepEqual(summary.trash.emptied, []);
    assert.ok(registered(box, repo).includes(wt), "moved back to its own name");
    assert.ok(!registered(box, repo).includes(entry));
    assert.equal(
      readFileSync(join(wt, "new.txt"), "utf8"),
      "written after the check\n",
    );
    // From then on it is an ordinary worktree with work, and stays.
    const again = await runCli(box, ["prune", "--json"], { cwd: repo });
    const later = JSON.parse(again.stdout) as Summary;
    assert.deepEqual(codes(outcomeOf(later.worktrees, "late-work")), ["dirty"]);
    assert.equal(
      readFileSync(join(wt, "new.txt"), "utf8"),
      "written after the check\n",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name:
    "recovery: a worktree whose removal was killed part way is finished, not moved back half-removed",
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "half");
      writeFile(join(wt, "src", "a.txt"), "a\n");
      writeFile(join(wt, "src", "b.txt"), "b\n");
      commitAll(box, wt, "files");
      git(box, repo, "merge", "-q", "half");
      const trash = trashDir(repo);
      mkdirSync(trash);
      const entry = join(trash, "half~k1ll");
      git(box, repo, "worktree", "move", wt, entry);
      await prove(repo, entry);
      // What a killed `git worktree remove` leaves: part of the files gone.
      rmSync(join(entry, "README.md"));
      rmSync(join(entry, "src", "a.txt"));
      const next = await runCli(box, ["prune", "--json"], { cwd: repo });
      assertNoStack(next.stderr);
      const summary = JSON.parse(next.stdout) as Summary;
      const list = registered(box, repo);
      assert.ok(
        !list.includes(wt),
        "no half-removed worktree is registered outside the trash",
      );
      assert.ok(
        summary.trash.emptied.includes(entry) ||
          summary.trash.remaining.includes(entry),
        JSON.stringify(summary.trash),
      );
    } finally {
      box.cleanup();
    }
  },
});
