/**
 * End-to-end tests of the cleanup rules for what `git status` does not
 * show: index flags, filters, case, the caller's environment, nested
 * repositories and worktrees, mounts, private refs, foreign owners,
 * caches, orphan clones and borrowed objects. Real repositories, real CLI.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  chownSync,
  mkdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import process from "node:process";
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
}

interface Summary {
  worktrees: Outcome[];
  orphans: Outcome[];
}

const WT = join(".claude", "worktrees");
const isRoot = process.getuid?.() === 0;

async function prune(
  box: Sandbox,
  cwd: string,
  env: Record<string, string> = {},
): Promise<Summary> {
  return (await runCliJson<Summary>(box, ["prune"], { cwd, env })).json;
}

function outcome(list: Outcome[], name: string): Outcome {
  const found = list.find((o) => o.relative_path === join(WT, name));
  assert.ok(found, `no outcome for ${name}: ${JSON.stringify(list)}`);
  return found;
}

function codes(o: Outcome): string[] {
  return o.reasons.map((r) => r.code);
}

Deno.test("prune: index flags, clean filters and case hide changes from status; they keep the worktree", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, "f1.txt"), "one\n");
    writeFile(join(repo, "nb.ipynb"), "cells\n");
    writeFile(join(repo, ".gitattributes"), "*.ipynb filter=strip\n");
    commitAll(box, repo, "files");
    git(box, repo, "config", "filter.strip.clean", "head -n 1");
    git(box, repo, "config", "filter.strip.smudge", "cat");

    const assumed = addWorktree(box, repo, "assumed");
    git(box, assumed, "update-index", "--assume-unchanged", "f1.txt");
    writeFile(join(assumed, "f1.txt"), "changed only here\n");

    const skipped = addWorktree(box, repo, "skipped");
    git(box, skipped, "update-index", "--skip-worktree", "f1.txt");
    writeFile(join(skipped, "f1.txt"), "changed only here\n");

    // Absent under skip-worktree, as sparse checkout leaves it: no change.
    const sparse = addWorktree(box, repo, "sparse");
    git(box, sparse, "update-index", "--skip-worktree", "f1.txt");
    rmSync(join(sparse, "f1.txt"));

    const stat = addWorktree(box, repo, "ignore-stat");
    git(box, stat, "config", "core.ignoreStat", "true");
    git(box, stat, "update-index", "--really-refresh");
    writeFile(join(stat, "f1.txt"), "one!\n");

    const filtered = addWorktree(box, repo, "filtered");
    writeFile(join(filtered, "nb.ipynb"), "cells\noutputs only here\n");

    const cased = addWorktree(box, repo, "cased");
    git(box, cased, "config", "core.ignoreCase", "true");
    writeFile(join(cased, "F1.TXT"), "a different file\n");

    addWorktree(box, repo, "clean");

    const summary = await prune(box, repo);
    const w = (name: string) => outcome(summary.worktrees, name);
    for (const name of ["assumed", "skipped", "ignore-stat", "filtered"]) {
      assert.deepEqual(codes(w(name)), ["hidden-changes"], name);
      assert.match(w(name).reasons[0].message, /'(f1\.txt|nb\.ipynb)'/);
    }
    assert.deepEqual(codes(w("cased")), ["dirty"]);
    assert.ok(exists(join(cased, "F1.TXT")));
    assert.equal(w("sparse").action, "pruned");
    assert.equal(w("clean").action, "pruned");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a filter only some worktrees read (includeIf, worktree config) still keeps them", async () => {
  const box = sandbox();
  try {
    // The config is read once for all worktrees only when every worktree
    // reads the same: here one worktree reads a filter the others do not.
    const filterFile = join(box.dir, "strip.gitconfig");
    writeFileSync(filterFile, '[filter "strip"]\n\tclean = head -n 1\n');
    const setups: Record<string, (repo: string, wt: string) => void> = {
      "include-if": (repo) =>
        git(
          box,
          repo,
          "config",
          `includeIf.gitdir:${realpathSync(repo)}/.git/worktrees/filtered.path`,
          filterFile,
        ),
      "worktree-config": (repo, wt) => {
        git(box, repo, "config", "extensions.worktreeConfig", "true");
        git(box, wt, "config", "--worktree", "filter.strip.clean", "head -n 1");
      },
    };
    for (const [name, setup] of Object.entries(setups)) {
      const repo = makeRepo(box, name);
      writeFile(join(repo, "nb.ipynb"), "cells\n");
      writeFile(join(repo, ".gitattributes"), "*.ipynb filter=strip\n");
      commitAll(box, repo, "files");
      const filtered = addWorktree(box, repo, "filtered");
      const plain = addWorktree(box, repo, "plain");
      setup(repo, filtered);
      writeFile(join(filtered, "nb.ipynb"), "cells\noutputs only here\n");
      // Staging runs the clean filter: the index then matches HEAD and
      // status is silent, though the file holds more.
      git(box, filtered, "add", "nb.ipynb");
      assert.equal(git(box, filtered, "status", "--porcelain"), "", name);

      const summary = await prune(box, repo);
      const w = (wt: string) => outcome(summary.worktrees, wt);
      assert.deepEqual(codes(w("filtered")), ["hidden-changes"], name);
      assert.ok(exists(join(filtered, "nb.ipynb")), name);
      // No filter applies there, so nothing is hidden and it goes.
      assert.equal(w("plain").action, "pruned", name);
      assert.ok(!exists(plain), name);
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a run from a git hook decides like one from a shell", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const dirty = addWorktree(box, repo, "dirty");
    writeFile(join(dirty, "notes.txt"), "idea\n");
    const clean = addWorktree(box, repo, "clean");
    // What git sets for hooks, and worse: all of it points elsewhere.
    const other = makeRepo(box, "other");
    const env = {
      GIT_INDEX_FILE: join(other, ".git", "index"),
      GIT_DIR: join(other, ".git"),
      GIT_WORK_TREE: other,
      GIT_OBJECT_DIRECTORY: join(other, ".git", "objects"),
      GIT_CONFIG_PARAMETERS: "'status.showuntrackedfiles'='no'",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "core.excludesFile",
      GIT_CONFIG_VALUE_0: "/dev/null",
      GIT_NAMESPACE: "x",
    };
    const summary = await prune(box, repo, env);
    assert.deepEqual(codes(outcome(summary.worktrees, "dirty")), ["dirty"]);
    assert.equal(outcome(summary.worktrees, "clean").action, "pruned");
    assert.ok(exists(join(dirty, "notes.txt")));
    assert.ok(!exists(clean));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: nested repositories and worktrees, also in ignored caches, keep the candidate", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, ".gitignore"), "node_modules/\n");
    commitAll(box, repo, "ignore node_modules");
    const withRepo = addWorktree(box, repo, "with-repo");
    const inner = join(withRepo, "node_modules", "dep");
    mkdirSync(inner, { recursive: true });
    git(box, inner, "init", "-q");
    writeFile(join(inner, "work.txt"), "only here\n");

    const outer = addWorktree(box, repo, "outer");
    const nestedPath = join(outer, "node_modules", "inner");
    git(box, repo, "worktree", "add", "-q", "-b", "inner", nestedPath);

    const summary = await prune(box, repo);
    const o = outcome(summary.worktrees, "with-repo");
    assert.deepEqual(codes(o), ["nested-repository"]);
    assert.match(o.reasons[0].message, /node_modules\/dep/);
    const out = outcome(summary.worktrees, "outer");
    assert.deepEqual(codes(out), ["nested-worktree"]);
    assert.match(out.reasons[0].message, /node_modules\/inner/);
    assert.ok(exists(join(inner, "work.txt")));
    assert.ok(exists(nestedPath));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a commit only refs/worktree or the HEAD reflog holds keeps the worktree", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "private");
    writeFile(join(wt, "x.txt"), "x\n");
    commitAll(box, wt, "only on a private ref");
    git(box, wt, "update-ref", "refs/worktree/keep", "HEAD");
    git(box, wt, "reset", "-q", "--hard", "HEAD~");
    const reflog = addWorktree(box, repo, "reflog");
    writeFile(join(reflog, "y.txt"), "y\n");
    commitAll(box, reflog, "only in the reflog");
    git(box, reflog, "reset", "-q", "--hard", "HEAD~");
    const summary = await prune(box, repo);
    for (const name of ["private", "reflog"]) {
      assert.deepEqual(
        codes(outcome(summary.worktrees, name)),
        ["private-refs"],
        name,
      );
    }
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a cache name counts only for a folder ignored as a whole", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(join(repo, "build", "README.md"), "tracked build folder\n");
    writeFile(join(repo, ".gitignore"), "*.bin\nnode_modules/\n");
    commitAll(box, repo, "build folder");
    const wt = addWorktree(box, repo, "tracked-build");
    writeFile(join(wt, "build", "model.bin"), "trained for a week\n");
    const cache = addWorktree(box, repo, "cache");
    writeFile(join(cache, "node_modules", "x", "i.js"), "x\n");
    const summary = await prune(box, repo);
    const o = outcome(summary.worktrees, "tracked-build");
    assert.deepEqual(codes(o), ["unique-ignored-files"]);
    assert.match(o.reasons[0].message, /build\/model\.bin/);
    assert.equal(outcome(summary.worktrees, "cache").action, "pruned");
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: orphan clones go only when remotes outside .claude/worktrees hold every commit and nobody borrows their objects", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const origin = makeRepo(box, "origin");
    const wtDir = join(repo, WT);
    mkdirSync(wtDir, { recursive: true });
    const good = join(wtDir, "good");
    git(box, box.dir, "clone", "-q", origin, good);
    const fine = join(wtDir, "fine");
    git(box, box.dir, "clone", "-q", origin, fine);
    // Its only remote is another clone inside .claude/worktrees/.
    const inside = join(wtDir, "inside");
    git(box, box.dir, "clone", "-q", good, inside);
    writeFile(join(inside, "n.txt"), "n\n");
    commitAll(box, inside, "pushed only to a sibling");
    git(box, inside, "push", "-q", "origin", "HEAD:refs/heads/side");
    git(box, inside, "fetch", "-q", "origin");
    // A note is a ref too.
    const noted = join(wtDir, "noted");
    git(box, box.dir, "clone", "-q", origin, noted);
    git(box, noted, "notes", "add", "-m", "only here");
    // The main repository borrows a clone's objects.
    const lender = join(wtDir, "lender");
    git(box, box.dir, "clone", "-q", origin, lender);
    writeFileSync(
      join(repo, ".git", "objects", "info", "alternates"),
      join(lender, ".git", "objects") + "\n",
    );
    const summary = await prune(box, repo);
    const o = (name: string) => outcome(summary.orphans, name);
    assert.deepEqual(codes(o("inside")), ["unpushed-commits"]);
    assert.deepEqual(codes(o("noted")), ["unpushed-commits"]);
    assert.deepEqual(codes(o("lender")), ["borrowed-objects"]);
    assert.ok(exists(lender));
    assert.ok(exists(inside));
    // good received the push: its branch 'side' is on none of its remotes.
    assert.deepEqual(codes(o("good")), ["unpushed-commits"]);
    assert.equal(o("fine").action, "swept");
    assert.ok(!exists(fine));
  } finally {
    box.cleanup();
  }
});

Deno.test({
  name: "prune: mount points inside a worktree keep it, and the mount stays",
  ignore: !isRoot,
  fn: async () => {
    const box = sandbox();
    const mounted: string[] = [];
    try {
      const repo = makeRepo(box);
      writeFile(join(repo, ".gitignore"), "node_modules/\n");
      commitAll(box, repo, "ignores");
      const wt = addWorktree(box, repo, "mounted");
      const target = join(wt, "node_modules", "data");
      mkdirSync(target, { recursive: true });
      execFileSync("mount", ["-t", "tmpfs", "tmpfs", target]);
      mounted.push(target);
      writeFileSync(join(target, "precious"), "x\n");
      const bind = addWorktree(box, repo, "bound");
      const src = join(box.dir, "elsewhere");
      mkdirSync(src);
      writeFileSync(join(src, "precious"), "x\n");
      const bindTarget = join(bind, "node_modules", "b");
      mkdirSync(bindTarget, { recursive: true });
      execFileSync("mount", ["--bind", src, bindTarget]);
      mounted.push(bindTarget);
      const summary = await prune(box, repo);
      for (const name of ["mounted", "bound"]) {
        assert.deepEqual(
          codes(outcome(summary.worktrees, name)),
          ["mount-point"],
          name,
        );
      }
      assert.ok(exists(join(target, "precious")));
      assert.ok(exists(join(src, "precious")));
    } finally {
      for (const m of mounted.reverse()) {
        try {
          execFileSync("umount", [m]);
        } catch {
          execFileSync("umount", ["-l", m]);
        }
      }
      box.cleanup();
    }
  },
});

Deno.test({
  name:
    "prune: a worktree or clone owned by another user is kept and never opened",
  ignore: !isRoot,
  fn: async () => {
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const wt = addWorktree(box, repo, "theirs");
      const origin = makeRepo(box, "origin");
      const clone = join(repo, WT, "their-clone");
      git(box, box.dir, "clone", "-q", origin, clone);
      // nobody
      execFileSync("chown", ["-R", "65534:65534", wt, clone]);
      chownSync(join(repo, WT), 0, 0);
      const summary = await prune(box, repo);
      assert.deepEqual(
        codes(outcome(summary.worktrees, "theirs")),
        ["foreign-owner"],
      );
      assert.deepEqual(
        codes(outcome(summary.orphans, "their-clone")),
        ["foreign-owner"],
      );
      assert.ok(exists(wt));
      assert.ok(exists(clone));
    } finally {
      box.cleanup();
    }
  },
});

Deno.test("prune: names that are not UTF-8 are kept as unknown and shown escaped", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wtDir = join(repo, WT);
    mkdirSync(wtDir, { recursive: true });
    // A worktree and an empty orphan folder, both named with byte 0xE9.
    execFileSync(
      "bash",
      [
        "-c",
        `git worktree add -q -b latin1 $'${wtDir}/caf\\xe9' && mkdir $'${wtDir}/empty\\xff'`,
      ],
      { cwd: repo, env: box.env },
    );
    const summary = await prune(box, repo);
    const wt = summary.worktrees.find((o) => o.relative_path.includes("caf"));
    assert.ok(wt, JSON.stringify(summary.worktrees));
    assert.equal(wt.action, "preserved");
    assert.deepEqual(codes(wt), ["unknown"]);
    assert.match(wt.relative_path, /caf\\xe9/);
    const orphan = summary.orphans.find((o) =>
      o.relative_path.includes("empty")
    );
    assert.ok(orphan, JSON.stringify(summary.orphans));
    assert.equal(orphan.action, "preserved");
    // Node reads the name as bytes (escaped); Deno's node:fs only lossily.
    assert.match(orphan.relative_path, /empty(\\xff|\uFFFD)/);
    const left = execFileSync("ls", [wtDir], { encoding: "latin1" });
    assert.match(left, /caf\xe9/);
    assert.match(left, /empty\xff/);
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: a --separate-git-dir repository is cleaned from its main worktree, and says why not from elsewhere", async () => {
  const box = sandbox();
  try {
    const main = join(box.dir, "wt");
    git(
      box,
      box.dir,
      "init",
      "-q",
      "-b",
      "main",
      `--separate-git-dir=${join(box.dir, "gd")}`,
      main,
    );
    git(box, main, "commit", "-q", "--allow-empty", "-m", "initial");
    const a = addWorktree(box, main, "a");
    const linked = await runCli(box, ["prune", "--dry-run", "--json"], {
      cwd: a,
    });
    const fromLinked = JSON.parse(linked.stdout) as { skipped: string | null };
    assert.match(
      fromLinked.skipped ?? "",
      /separate-git-dir.*run the cleanup from the main worktree/,
    );
    const summary = await prune(box, main);
    assert.equal(outcome(summary.worktrees, "a").action, "pruned");
    assert.ok(!exists(a));
  } finally {
    box.cleanup();
  }
});

Deno.test("prune: the tool's own .claude-mpm session files in a worktree are no unique work", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const own = addWorktree(box, repo, "own-files");
    writeFile(
      join(own, ".claude-mpm", "sessions", "session-20260101-x.json"),
      "{}\n",
    );
    writeFile(
      join(own, ".claude-mpm", "sessions", "session-20260101-x.md"),
      "# s\n",
    );
    writeFile(
      join(own, ".claude-mpm", "sessions", "LATEST-SESSION.txt"),
      "x\n",
    );
    writeFile(join(own, ".claude-mpm", "sessions", ".gitignore"), "*\n");
    const other = addWorktree(box, repo, "other-files");
    writeFile(join(other, ".claude-mpm", "sessions", "session-1.json"), "{}\n");
    writeFile(join(other, ".claude-mpm", "notes.txt"), "mine\n");
    const summary = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
      cwd: repo,
    })).json;
    assert.equal(outcome(summary.worktrees, "own-files").action, "would-prune");
    const o = outcome(summary.worktrees, "other-files");
    assert.equal(o.action, "preserved");
    assert.deepEqual(codes(o), ["dirty"]);
    // Untracked and not ignored: git itself would refuse to remove them,
    // so the real run deletes exactly these files first, as the dry run said.
    const bare = addWorktree(box, repo, "bare-files");
    writeFile(
      join(bare, ".claude-mpm", "sessions", "session-20260101-y.json"),
      "{}\n",
    );
    writeFile(
      join(bare, ".claude-mpm", "sessions", "LATEST-SESSION.txt"),
      "y\n",
    );
    const dry = (await runCliJson<Summary>(box, ["prune", "--dry-run"], {
      cwd: repo,
    })).json;
    assert.equal(outcome(dry.worktrees, "bare-files").action, "would-prune");
    const real = (await runCliJson<Summary>(box, ["prune"], { cwd: repo }))
      .json;
    assert.equal(outcome(real.worktrees, "own-files").action, "pruned");
    assert.equal(outcome(real.worktrees, "bare-files").action, "pruned");
    assert.ok(!exists(bare));
    assert.equal(outcome(real.worktrees, "other-files").action, "preserved");
    assert.ok(exists(join(other, ".claude-mpm", "notes.txt")));
    assert.ok(exists(join(other, ".claude-mpm", "sessions", "session-1.json")));
  } finally {
    box.cleanup();
  }
});
