/**
 * End-to-end tests of the worktree cleanup: every rule on a real repository,
 * each outcome asserted on disk and in the report.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  runCli,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

interface Outcome {
  relative_path: string;
  action: string;
  reasons: { code: string; message: string }[];
  integration_check?: string | null;
  kind?: string;
  notes?: string[];
  branch_deleted?: boolean;
  branch_note?: string;
}

interface Summary {
  pruned_count: number;
  preserved_count: number;
  admin_pruned: number;
  worktrees: Outcome[];
  orphans_swept: number;
  orphans_preserved: number;
  orphans: Outcome[];
  orphan_sweep_skipped: string | null;
  skipped: string | null;
  dry_run: boolean;
  bytes_reclaimed: number;
  notes: string[];
}

const WT = join(".claude", "worktrees");

async function prune(
  box: Sandbox,
  cwd: string,
  ...args: string[]
): Promise<Summary> {
  return (await runCliJson<Summary>(box, ["prune", ...args], { cwd })).json;
}

function outcome(list: Outcome[], name: string): Outcome {
  const found = list.find((o) => o.relative_path === join(WT, name));
  assert.ok(
    found,
    `no outcome for ${name} in ${
      JSON.stringify(list.map((o) => o.relative_path))
    }`,
  );
  return found;
}

function codes(o: Outcome): string[] {
  return o.reasons.map((r) => r.code);
}

function registered(box: Sandbox, repo: string): string[] {
  return git(box, repo, "worktree", "list", "--porcelain").split("\n").filter((
    l,
  ) => l.startsWith("worktree "))
    .map((l) => l.slice("worktree ".length));
}

Deno.test("prune: clean merged worktrees go; every kind of unsaved work stays, with its reason", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), ".env\n");
    commitAll(box, repo, "ignore .env");
    addWorktree(box, repo, "clean");
    const untracked = addWorktree(box, repo, "untracked");
    writeFile(join(untracked, "notes.txt"), "idea\n");
    const staged = addWorktree(box, repo, "staged");
    writeFile(join(staged, "s.txt"), "s\n");
    git(box, staged, "add", "s.txt");
    const modified = addWorktree(box, repo, "modified");
    writeFile(join(modified, "README.md"), "changed\n");
    const ahead = addWorktree(box, repo, "ahead");
    writeFile(join(ahead, "feature.txt"), "f\n");
    commitAll(box, ahead, "unmerged work");
    const locked = addWorktree(box, repo, "locked");
    git(
      box,
      repo,
      "worktree",
      "lock",
      "--reason",
      "agent still running (pid 999999999)",
      locked,
    );
    // The lock alone keeps it, so its contents are not read or reported.
    writeFile(join(locked, "draft.txt"), "in progress\n");
    const hidden = addWorktree(box, repo, "hidden-untracked");
    git(box, repo, "config", "status.showUntrackedFiles", "no");
    writeFile(join(hidden, "deep", "secret.txt"), "x\n");
    const summary = await prune(box, repo);
    assert.equal(outcome(summary.worktrees, "clean").action, "pruned");
    assert.equal(
      outcome(summary.worktrees, "clean").integration_check,
      "ancestor",
    );
    assert.ok(!exists(join(repo, WT, "clean")));
    assert.deepEqual(codes(outcome(summary.worktrees, "untracked")), ["dirty"]);
    assert.match(
      outcome(summary.worktrees, "untracked").reasons[0].message,
      /1 untracked/,
    );
    assert.deepEqual(codes(outcome(summary.worktrees, "staged")), ["dirty"]);
    assert.deepEqual(codes(outcome(summary.worktrees, "modified")), ["dirty"]);
    assert.deepEqual(codes(outcome(summary.worktrees, "ahead")), [
      "not-integrated",
    ]);
    assert.deepEqual(codes(outcome(summary.worktrees, "locked")), ["locked"]);
    assert.ok(exists(join(locked, "draft.txt")), "the locked work is intact");
    assert.match(
      outcome(summary.worktrees, "locked").notes!.join(),
      /stale lock: process 999999999 no longer runs/,
    );
    assert.deepEqual(codes(outcome(summary.worktrees, "hidden-untracked")), [
      "dirty",
    ]);
    for (
      const name of [
        "untracked",
        "staged",
        "modified",
        "ahead",
        "locked",
        "hidden-untracked",
      ]
    ) {
      assert.ok(exists(join(repo, WT, name)), `${name} is still on disk`);
      assert.ok(
        registered(box, repo).includes(join(repo, WT, name)),
        `${name} is still registered`,
      );
    }
    assert.equal(summary.pruned_count, 1);
    assert.equal(summary.preserved_count, 6);
    assert.equal(readFileSync(join(untracked, "notes.txt"), "utf8"), "idea\n");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: squash-, rebase- and merge-integrated branches are recognised and named", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const squash = addWorktree(box, repo, "squashed");
    writeFile(join(squash, "a.txt"), "a\n");
    commitAll(box, squash, "a1");
    writeFile(join(squash, "a.txt"), "a2\n");
    commitAll(box, squash, "a2");
    const rebased = addWorktree(box, repo, "rebased");
    writeFile(join(rebased, "b.txt"), "b\n");
    commitAll(box, rebased, "b");
    const merged = addWorktree(box, repo, "merged");
    writeFile(join(merged, "c.txt"), "c\n");
    commitAll(box, merged, "c");
    const reverted = addWorktree(box, repo, "reverted");
    writeFile(join(reverted, "d.txt"), "d\n");
    commitAll(box, reverted, "add d");
    git(box, reverted, "rm", "-q", "d.txt");
    git(box, reverted, "commit", "-q", "-m", "remove d");
    // Integrate: squash a, cherry-pick b (a rebase merge), merge c, then move main on.
    git(box, repo, "merge", "-q", "--squash", "squashed");
    git(box, repo, "commit", "-q", "-m", "squash a");
    git(box, repo, "cherry-pick", git(box, repo, "rev-parse", "rebased"));
    git(box, repo, "merge", "-q", "--no-ff", "-m", "merge c", "merged");
    writeFile(join(repo, "later.txt"), "later\n");
    commitAll(box, repo, "later work");
    const summary = await prune(box, repo, "--dry-run");
    assert.equal(
      outcome(summary.worktrees, "merged").integration_check,
      "ancestor",
    );
    assert.equal(
      outcome(summary.worktrees, "squashed").integration_check,
      "merge-adds-nothing",
    );
    assert.equal(
      outcome(summary.worktrees, "rebased").integration_check,
      "merge-adds-nothing",
    );
    assert.equal(
      outcome(summary.worktrees, "reverted").integration_check,
      "three-dot-diff-empty",
    );
    for (const o of summary.worktrees) {
      assert.equal(o.action, "would-prune", o.relative_path);
    }
    // The dry run changed nothing.
    for (const name of ["squashed", "rebased", "merged", "reverted"]) {
      assert.ok(exists(join(repo, WT, name)));
    }
    const real = await prune(box, repo);
    assert.equal(real.pruned_count, 4);
    for (const name of ["squashed", "rebased", "merged", "reverted"]) {
      assert.ok(!exists(join(repo, WT, name)));
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a branch whose tree equals the default branch's counts as integrated", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const same = addWorktree(box, repo, "same-tree");
    writeFile(join(same, "x.txt"), "x\n");
    commitAll(box, same, "x");
    writeFile(join(repo, "x.txt"), "x\n");
    commitAll(box, repo, "x on main separately");
    const summary = await prune(box, repo, "--dry-run");
    assert.equal(
      outcome(summary.worktrees, "same-tree").integration_check,
      "tree-equal",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: unpushed commits keep a worktree; pushed and merged ones go; a gone upstream is fine", async () => {
  const box = sandbox();
  try {
    const origin = makeRepo(box, "origin");
    git(box, box.dir, "clone", "-q", origin, "clone");
    const repo = join(box.dir, "clone");
    const pushed = addWorktree(box, repo, "pushed");
    git(box, pushed, "push", "-q", "-u", "origin", "pushed");
    const unpushed = addWorktree(box, repo, "unpushed");
    git(box, unpushed, "push", "-q", "-u", "origin", "unpushed");
    writeFile(join(unpushed, "u.txt"), "u\n");
    commitAll(box, unpushed, "local only");
    // Integrated into main on the remote too, so only the push state keeps it.
    git(box, repo, "merge", "-q", "unpushed");
    const gone = addWorktree(box, repo, "gone");
    git(box, gone, "push", "-q", "-u", "origin", "gone");
    git(box, origin, "branch", "-q", "-D", "gone");
    git(box, repo, "fetch", "-q", "--prune");
    const summary = await prune(box, repo);
    assert.equal(outcome(summary.worktrees, "pushed").action, "pruned");
    assert.equal(outcome(summary.worktrees, "gone").action, "pruned");
    const kept = outcome(summary.worktrees, "unpushed");
    assert.deepEqual(codes(kept), ["unpushed-commits"]);
    assert.match(
      kept.reasons[0].message,
      /1 commit not pushed to origin\/unpushed/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: detached HEADs go only when every commit is held by a branch, tag or remote", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "detached-clean", { detach: true });
    const unique = addWorktree(box, repo, "detached-unique", { detach: true });
    writeFile(join(unique, "u.txt"), "u\n");
    commitAll(box, unique, "only here");
    const tagged = addWorktree(box, repo, "detached-tagged", { detach: true });
    writeFile(join(tagged, "t.txt"), "t\n");
    commitAll(box, tagged, "tagged");
    git(box, repo, "tag", "keep-me", git(box, tagged, "rev-parse", "HEAD"));
    const summary = await prune(box, repo);
    assert.equal(outcome(summary.worktrees, "detached-clean").action, "pruned");
    assert.equal(
      outcome(summary.worktrees, "detached-tagged").action,
      "pruned",
    );
    assert.deepEqual(codes(outcome(summary.worktrees, "detached-unique")), [
      "unreferenced-commits",
    ]);
    assert.ok(exists(join(unique, "u.txt")));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: ignored files decide: caches and copies of the main worktree go, anything else stays", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(
      join(repo, ".gitignore"),
      ".env\nnode_modules/\n*.log\nlocal.db\n",
    );
    commitAll(box, repo, "ignores");
    writeFile(join(repo, ".env"), "TOKEN=abc\n");
    const copy = addWorktree(box, repo, "env-copy");
    writeFile(join(copy, ".env"), "TOKEN=abc\n");
    writeFile(join(copy, "node_modules", "pkg", "index.js"), "x\n");
    const changed = addWorktree(box, repo, "env-changed");
    writeFile(join(changed, ".env"), "TOKEN=changed\n");
    const db = addWorktree(box, repo, "local-db");
    writeFile(join(db, "local.db"), "data\n");
    writeFile(join(db, "pkg", "node_modules", "x.js"), "x\n");
    const summary = await prune(box, repo);
    assert.equal(outcome(summary.worktrees, "env-copy").action, "pruned");
    const keptEnv = outcome(summary.worktrees, "env-changed");
    assert.deepEqual(codes(keptEnv), ["unique-ignored-files"]);
    assert.match(keptEnv.reasons[0].message, /'\.env'/);
    assert.match(
      outcome(summary.worktrees, "local-db").reasons[0].message,
      /'local\.db'/,
    );
    assert.equal(
      readFileSync(join(changed, ".env"), "utf8"),
      "TOKEN=changed\n",
    );
    // A configured cache name makes the database disposable.
    const again = await prune(box, repo, "--ignored-cache", "local.db");
    assert.equal(outcome(again.worktrees, "local-db").action, "pruned");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: submodules, operations in progress and running processes keep a worktree", async () => {
  const box = sandbox();
  try {
    const lib = makeRepo(box, "lib");
    const repo = makeRepo(box);
    const sub = addWorktree(box, repo, "with-submodule");
    git(
      box,
      sub,
      "-c",
      "protocol.file.allow=always",
      "submodule",
      "add",
      "-q",
      lib,
      "vendor/lib",
    );
    commitAll(box, sub, "add submodule");
    git(box, repo, "merge", "-q", "with-submodule");
    const rebasing = addWorktree(box, repo, "rebasing");
    writeFile(join(rebasing, "README.md"), "one\n");
    commitAll(box, rebasing, "one");
    writeFile(join(repo, "README.md"), "two\n");
    commitAll(box, repo, "two");
    try {
      git(box, rebasing, "rebase", "main");
    } catch {
      // Stopped on the conflict, as intended.
    }
    const busy = addWorktree(box, repo, "busy");
    const sleeper = spawn("sleep", ["30"], { cwd: busy, stdio: "ignore" });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const summary = await prune(box, repo);
      assert.ok(
        codes(outcome(summary.worktrees, "with-submodule")).includes(
          "submodules",
        ),
      );
      assert.ok(
        codes(outcome(summary.worktrees, "rebasing")).includes(
          "operation-in-progress",
        ),
      );
      const inUse = outcome(summary.worktrees, "busy");
      assert.deepEqual(codes(inUse), ["process-running"]);
      assert.match(inUse.reasons[0].message, new RegExp(`pid ${sleeper.pid}`));
      for (const name of ["with-submodule", "rebasing", "busy"]) {
        assert.ok(exists(join(repo, WT, name)));
      }
    } finally {
      sleeper.kill();
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: registrations whose directory is gone are cleaned; others outside are untouched", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const gone = addWorktree(box, repo, "gone");
    rmSync(gone, { recursive: true });
    const goneLocked = addWorktree(box, repo, "gone-locked");
    git(box, repo, "worktree", "lock", goneLocked);
    rmSync(goneLocked, { recursive: true });
    const elsewhere = join(box.dir, "elsewhere");
    git(box, repo, "worktree", "add", "-q", "-b", "elsewhere", elsewhere);
    rmSync(elsewhere, { recursive: true }); // like an unplugged drive
    const summary = await prune(box, repo);
    assert.equal(outcome(summary.worktrees, "gone").action, "admin-pruned");
    assert.equal(summary.admin_pruned, 1);
    assert.deepEqual(codes(outcome(summary.worktrees, "gone-locked")), [
      "locked",
    ]);
    const list = registered(box, repo);
    assert.ok(!list.includes(join(repo, WT, "gone")));
    assert.ok(list.includes(join(repo, WT, "gone-locked")));
    assert.ok(
      list.includes(elsewhere),
      "a worktree outside .claude/worktrees keeps its registration",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: orphaned directories: empty ones go, anything with content or history stays", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), ".claude/\n");
    commitAll(box, repo, "ignore .claude");
    const wt = join(repo, WT);
    mkdirSync(join(wt, "empty"), { recursive: true });
    writeFile(join(wt, "with-file", "data.txt"), "keep\n");
    mkdirSync(join(wt, "only-subdir", "inner"), { recursive: true });
    // A deregistered worktree: its .git file points at nothing.
    const dereg = addWorktree(box, repo, "deregistered");
    rmSync(join(repo, ".git", "worktrees", "deregistered"), {
      recursive: true,
    });
    // Clones: one fully pushed, one with a local commit, one dirty, one with a stash.
    const upstream = makeRepo(box, "upstream");
    for (
      const name of [
        "clone-pushed",
        "clone-local",
        "clone-dirty",
        "clone-stash",
        "clone-no-remote",
      ]
    ) {
      git(box, wt, "clone", "-q", upstream, name);
    }
    writeFile(join(wt, "clone-local", "l.txt"), "l\n");
    commitAll(box, join(wt, "clone-local"), "local");
    writeFile(join(wt, "clone-dirty", "README.md"), "dirty\n");
    writeFile(join(wt, "clone-stash", "README.md"), "stash\n");
    git(box, join(wt, "clone-stash"), "stash", "-q");
    git(box, join(wt, "clone-no-remote"), "remote", "remove", "origin");
    writeFileSync(join(wt, "stray-file"), "x");
    symlinkSync(join(box.dir, "upstream"), join(wt, "link-out"));
    symlinkSync(join(wt, "empty"), join(wt, "link-in"));
    const summary = await prune(box, repo);
    const o = (n: string) => outcome(summary.orphans, n);
    assert.equal(o("empty").action, "swept");
    assert.ok(!exists(join(wt, "empty")));
    assert.equal(o("clone-pushed").action, "swept");
    assert.ok(!exists(join(wt, "clone-pushed")));
    assert.deepEqual(codes(o("with-file")), ["not-empty"]);
    assert.deepEqual(codes(o("only-subdir")), ["not-empty"]);
    assert.deepEqual(codes(o("deregistered")), ["unreadable-git"]);
    assert.deepEqual(codes(o("clone-local")), ["unpushed-commits"]);
    assert.deepEqual(codes(o("clone-dirty")), ["dirty"]);
    // A stash is a commit on no remote too.
    assert.deepEqual(codes(o("clone-stash")), ["stash", "unpushed-commits"]);
    assert.deepEqual(codes(o("clone-no-remote")), ["unpushed-commits"]);
    assert.deepEqual(codes(o("stray-file")), ["not-a-directory"]);
    assert.deepEqual(codes(o("link-out")), ["symlink"]);
    assert.deepEqual(codes(o("link-in")), ["symlink"]);
    assert.ok(
      exists(join(box.dir, "upstream", "README.md")),
      "nothing behind a symlink is touched",
    );
    assert.ok(exists(join(dereg, "README.md")));
    assert.equal(summary.orphans_swept, 2);
    assert.ok(
      !exists(join(wt, ".mpm-trash")),
      "the trash folder is gone after a clean run",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: works from a subdirectory and from inside a worktree, never removing the current one", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const here = addWorktree(box, repo, "here");
    addWorktree(box, repo, "there");
    mkdirSync(join(repo, "src"));
    const fromInside = await prune(box, join(here), "--dry-run");
    assert.deepEqual(codes(outcome(fromInside.worktrees, "here")), [
      "current-worktree",
    ]);
    assert.equal(outcome(fromInside.worktrees, "there").action, "would-prune");
    const fromSub = await prune(box, join(repo, "src"));
    assert.equal(outcome(fromSub.worktrees, "here").action, "pruned");
    assert.equal(outcome(fromSub.worktrees, "there").action, "pruned");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: worktree names with spaces, unicode and newlines", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    for (const name of ["with space", "ünïcödé", "new\nline"]) {
      git(
        box,
        repo,
        "worktree",
        "add",
        "-q",
        "-b",
        `b${name.length}`,
        join(repo, WT, name),
      );
    }
    writeFile(join(repo, WT, "with space", "keep.txt"), "k\n");
    const summary = await prune(box, repo);
    assert.deepEqual(codes(outcome(summary.worktrees, "with space")), [
      "dirty",
    ]);
    assert.equal(outcome(summary.worktrees, "ünïcödé").action, "pruned");
    assert.equal(outcome(summary.worktrees, "new\nline").action, "pruned");
    assert.ok(exists(join(repo, WT, "with space", "keep.txt")));
    assert.ok(!exists(join(repo, WT, "new\nline")));
    const text = await runCli(box, ["prune", "--dry-run"], { cwd: repo });
    assert.match(
      text.stdout,
      // The real run left a witness: the dry run names the file it saw.
      /with space {2}untracked 'keep\.txt', as in the last run/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a repository whose own path holds a newline, run from a worktree too", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box, "odd\nrepo");
    const here = addWorktree(box, repo, "here");
    addWorktree(box, repo, "done");
    const fromInside = await prune(box, here, "--dry-run");
    assert.deepEqual(codes(outcome(fromInside.worktrees, "here")), [
      "current-worktree",
    ]);
    assert.equal(outcome(fromInside.worktrees, "done").action, "would-prune");
    const fromMain = await prune(box, repo);
    assert.equal(outcome(fromMain.worktrees, "done").action, "pruned");
    assert.equal(outcome(fromMain.worktrees, "here").action, "pruned");
    assert.ok(!exists(join(repo, WT, "done")));
    assert.ok(exists(join(repo, "README.md")), "the main worktree is intact");
  } finally {
    box.cleanup();
  }
});

/** Bytes of every non-folder entry below `dir`, symlinks as themselves. */
function bytesBelow(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    total += entry.isDirectory() ? bytesBelow(full) : lstatSync(full).size;
  }
  return total;
}

Deno.test("prune: the bytes reclaimed are every file removed, caches included, symlinks as themselves", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), "node_modules/\n");
    writeFile(join(repo, "data", "big.bin"), "x".repeat(100_000));
    for (let i = 0; i < 300; i++) {
      writeFile(join(repo, "src", `d${i % 7}`, `f${i}.txt`), `file ${i}\n`);
    }
    symlinkSync("/usr", join(repo, "link-out"));
    commitAll(box, repo, "content");
    const names = ["one", "two", "three"];
    let expected = 0;
    for (const name of names) {
      const wt = addWorktree(box, repo, name);
      writeFile(join(wt, "node_modules", "pkg", "index.js"), "y".repeat(5_000));
      expected += bytesBelow(wt);
    }
    assert.ok(expected > 3 * 100_000, "the fixture holds what it should");
    const dry = await prune(box, repo, "--dry-run");
    assert.equal(dry.bytes_reclaimed, expected, "dry run");
    const real = await prune(box, repo);
    assert.equal(real.pruned_count, 3);
    assert.equal(real.bytes_reclaimed, expected, "real run");
    for (const name of names) assert.ok(!exists(join(repo, WT, name)));
    assert.ok(exists("/usr/bin"), "the symlink's target is untouched");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: --delete-branches deletes merged branches with -d and keeps what git refuses", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "merged");
    const squash = addWorktree(box, repo, "squashed");
    writeFile(join(squash, "s.txt"), "s\n");
    commitAll(box, squash, "s");
    git(box, repo, "merge", "-q", "--squash", "squashed");
    git(box, repo, "commit", "-q", "-m", "squash");
    const summary = await prune(box, repo, "--delete-branches");
    assert.equal(outcome(summary.worktrees, "merged").branch_deleted, true);
    assert.equal(outcome(summary.worktrees, "squashed").branch_deleted, false);
    assert.match(
      outcome(summary.worktrees, "squashed").branch_note!,
      /branch 'squashed' kept: git refused/,
    );
    const branches = git(box, repo, "branch", "--format=%(refname:short)")
      .split("\n");
    assert.ok(!branches.includes("merged"));
    assert.ok(branches.includes("squashed"));
    // Without the flag branches always stay.
    addWorktree(box, repo, "plain");
    await prune(box, repo);
    assert.ok(
      git(box, repo, "branch", "--format=%(refname:short)").split("\n")
        .includes("plain"),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: --fail-on-preserved exits 3 when something was kept; text output and silence", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const nothing = await runCli(box, ["prune"], { cwd: repo });
    assert.equal(nothing.code, 0);
    assert.equal(nothing.stdout, "Nothing to clean under .claude/worktrees/\n");
    const dirty = addWorktree(box, repo, "dirty");
    writeFile(join(dirty, "x"), "x");
    const gate = await runCli(box, ["prune", "--fail-on-preserved"], {
      cwd: repo,
    });
    assert.equal(gate.code, 3);
    assert.match(
      gate.stdout,
      new RegExp(
        "^Worktree Cleanup:\\n {2}Kept 1 worktree with uncommitted changes " +
          "\\(next: git -C PATH status\\):\\n {4}" +
          "\\.claude/worktrees/dirty  1 untracked\\n",
      ),
    );
    const outside = await runCli(box, ["prune", box.dir]);
    assert.equal(outside.code, 1);
    assert.match(
      outside.stderr,
      /^error: Cannot prune worktrees in '.*': not inside a git repository\n$/,
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("pause: cleanup runs after the session is written and is saved in the JSON and markdown", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "stale");
    const keep = addWorktree(box, repo, "agent-abc");
    writeFile(join(keep, "wip.txt"), "wip\n");
    mkdirSync(join(repo, WT, "leftover"));
    const result = await runCli(box, ["pause", "-m", "with cleanup"], {
      cwd: repo,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /Worktree Cleanup:\n {2}Removed 1 worktree:\n {4}\.claude\/worktrees\/stale {2}integrated \(ancestor\), \d+ B\n {2}Kept 1 worktree with uncommitted changes \(next: git -C PATH status\):\n {4}\.claude\/worktrees\/agent-abc {2}1 untracked\n {2}Swept 1 orphaned directory:\n {4}\.claude\/worktrees\/leftover {2}empty directory\n/,
    );
    const id = /ID: +(session-\S+)/.exec(result.stdout)![1];
    const doc = JSON.parse(
      readFileSync(join(repo, ".claude-mpm", "sessions", `${id}.json`), "utf8"),
    );
    const s = doc.worktree_prune_summary;
    assert.equal(s.pruned_count, 1);
    assert.equal(s.preserved_count, 1);
    assert.equal(s.orphans_swept, 1);
    assert.equal(s.orphan_sweep_skipped, null);
    for (
      const key of ["admin_pruned", "worktrees", "orphans_preserved", "orphans"]
    ) assert.ok(key in s, key);
    const md = readFileSync(
      join(repo, ".claude-mpm", "sessions", `${id}.md`),
      "utf8",
    );
    assert.match(md, /## Worktree cleanup/);
    assert.match(
      md,
      /Removed 1 worktree:\n {2}- \.claude\/worktrees\/stale {2}integrated/,
    );
    const skip = await runCliJson<
      { cleanup: unknown; session: Record<string, unknown> }
    >(
      box,
      ["pause", "--no-prune-worktrees"],
      { cwd: repo },
    );
    assert.equal(skip.json.cleanup, null);
    assert.equal(skip.json.session.worktree_prune_summary, null);
    assert.ok(exists(join(repo, WT, "agent-abc", "wip.txt")));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a repository that ignores .claude/ and .claude-mpm/ judges each orphan by itself", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), ".claude/\n.claude-mpm/\n");
    commitAll(box, repo, "ignore tool folders");
    writeFile(join(repo, WT, "plain", "notes.md"), "important\n");
    const summary = await prune(box, repo);
    // git status in the outer repository would call this clean; it is not.
    assert.deepEqual(codes(outcome(summary.orphans, "plain")), ["not-empty"]);
    assert.ok(exists(join(repo, WT, "plain", "notes.md")));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a symlinked .claude/worktrees is never followed", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const target = join(box.dir, "target");
    mkdirSync(join(target, "empty-inside"), { recursive: true });
    mkdirSync(join(repo, ".claude"));
    symlinkSync(target, join(repo, WT));
    const result = await runCli(box, ["prune", "--json"], { cwd: repo });
    const summary = JSON.parse(result.stdout) as Summary;
    assert.match(summary.skipped!, /symlink/);
    assert.ok(exists(join(target, "empty-inside")));
  } finally {
    box.cleanup();
  }
});
