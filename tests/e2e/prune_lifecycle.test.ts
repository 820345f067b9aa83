/**
 * The cleanup's lifecycle on real repositories: the check after the move
 * into the trash (races played through the `onMovedToTrash` seam, not
 * timing), `minAgeMs`, rescue refs and the journal, `restore`, the trash
 * manifest, and registrations whose folder is gone.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { listRestorable, prune, restore, UserError } from "../../mod.ts";
import type { PruneSummary, WorktreeOutcome } from "../../mod.ts";
import {
  addWorktree,
  commitAll,
  exists,
  git,
  makeRepo,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";

const WT = join(".claude", "worktrees");

function outcome(summary: PruneSummary, name: string): WorktreeOutcome {
  const found = summary.worktrees.find((w) =>
    w.relative_path === join(WT, name)
  );
  assert.ok(found, `no outcome for ${name}: ${JSON.stringify(summary)}`);
  return found;
}

function codes(o: { reasons: { code: string }[] }): string[] {
  return o.reasons.map((r) => r.code);
}

function listed(box: Sandbox, repo: string): string[] {
  return git(box, repo, "worktree", "list", "--porcelain").split("\n")
    .filter((l) => l.startsWith("worktree ")).map((l) => l.slice(9));
}

function refs(box: Sandbox, repo: string, prefix: string): string[] {
  const out = git(box, repo, "for-each-ref", "--format=%(refname)", prefix);
  return out === "" ? [] : out.split("\n");
}

Deno.test("race: a worktree that gains a file between the move and the check goes back whole", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "racer");
    const summary = await prune({
      projectPath: repo,
      onMovedToTrash: (trashPath) => {
        writeFileSync(join(trashPath, "late.txt"), "written during cleanup\n");
      },
    });
    const o = outcome(summary, "racer");
    assert.equal(o.action, "preserved");
    assert.deepEqual(codes(o), ["changed-during-cleanup"]);
    assert.match(o.reasons[0].message, /untracked/);
    assert.equal(
      readFileSync(join(wt, "late.txt"), "utf8"),
      "written during cleanup\n",
    );
    assert.ok(listed(box, repo).includes(wt), "registered at home again");
    assert.deepEqual(
      refs(box, repo, "refs/mpm-session/"),
      [],
      "no rescue ref for a kept one",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("race: a commit made between the move and the check keeps the worktree", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "committer");
    const summary = await prune({
      projectPath: repo,
      onMovedToTrash: (trashPath) => {
        writeFile(join(trashPath, "work.txt"), "work\n");
        commitAll(box, trashPath, "work done during cleanup");
      },
    });
    const o = outcome(summary, "committer");
    assert.equal(o.action, "preserved");
    assert.deepEqual(codes(o), ["changed-during-cleanup"]);
    assert.ok(exists(join(wt, "work.txt")));
    assert.equal(
      git(box, wt, "log", "-1", "--format=%s"),
      "work done during cleanup",
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("race: an orphan clone that gains a commit in the trash goes back", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const clone = join(repo, WT, "clone");
    mkdirSync(join(repo, WT), { recursive: true });
    git(box, repo, "clone", "-q", repo, clone);
    const summary = await prune({
      projectPath: repo,
      onMovedToTrash: (trashPath) => {
        writeFile(join(trashPath, "x.txt"), "x\n");
        git(box, trashPath, "add", "x.txt");
        git(box, trashPath, "commit", "-q", "-m", "unpushed");
      },
    });
    const o = summary.orphans.find((x) => x.path === clone)!;
    assert.equal(o.action, "preserved");
    assert.deepEqual(codes(o), ["changed-during-cleanup"]);
    assert.equal(git(box, clone, "log", "-1", "--format=%s"), "unpushed");
  } finally {
    box.cleanup();
  }
});

Deno.test("min-age: a recently active worktree is kept as recently-active; an old one goes; both report last activity", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const fresh = addWorktree(box, repo, "fresh");
    const old = addWorktree(box, repo, "old");
    const past = new Date(Date.now() - 3 * 86400_000);
    const admin = join(repo, ".git", "worktrees", "old");
    for (
      const p of [
        old,
        join(old, "README.md"),
        join(old, ".git"),
        admin,
        join(admin, "index"),
        join(admin, "HEAD"),
      ]
    ) {
      utimesSync(p, past, past);
    }
    const dry = await prune({
      projectPath: repo,
      dryRun: true,
      minAgeMs: 86400_000,
    });
    assert.deepEqual(codes(outcome(dry, "fresh")), ["recently-active"]);
    assert.equal(outcome(dry, "old").action, "would-prune");
    const lastOld = Date.parse(outcome(dry, "old").last_activity_at!);
    assert.ok(
      Math.abs(lastOld - past.getTime()) < 2000,
      "old: activity is its newest mtime",
    );
    assert.ok(
      Date.now() - Date.parse(outcome(dry, "fresh").last_activity_at!) <
        600_000,
    );
    const real = await prune({ projectPath: repo, minAgeMs: 86400_000 });
    assert.equal(outcome(real, "fresh").action, "preserved");
    assert.equal(outcome(real, "old").action, "pruned");
    assert.ok(exists(fresh) && !exists(old));
  } finally {
    box.cleanup();
  }
});

Deno.test("rescue: a removed worktree leaves rescue refs and a journal line; restore brings it back on its re-created branch", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "done");
    writeFile(join(wt, "f.txt"), "f\n");
    commitAll(box, wt, "feature");
    git(box, repo, "merge", "-q", "--ff-only", "done");
    const tip = git(box, wt, "rev-parse", "HEAD");
    git(box, wt, "update-ref", "refs/worktree/mine", tip);
    const summary = await prune({ projectPath: repo, deleteBranches: true });
    const o = outcome(summary, "done");
    assert.equal(o.action, "pruned");
    assert.equal(o.branch_deleted, true);
    assert.ok(!exists(wt));
    const saved = refs(box, repo, "refs/mpm-session/rescue/done/");
    assert.ok(saved.some((r) => r.endsWith("/HEAD")), saved.join(" "));
    assert.ok(saved.some((r) => r.endsWith("/refs/heads/done")));
    assert.ok(
      saved.some((r) => r.endsWith("/refs/worktree/mine")),
      "its own refs too",
    );
    assert.equal(o.rescue_ref, saved.find((r) => r.endsWith("/HEAD")));
    const journal = readFileSync(
      join(repo, ".git", "mpm-session", "journal.jsonl"),
      "utf8",
    )
      .trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(journal.length, 1);
    assert.equal(journal[0].path, wt);
    assert.equal(journal[0].branch, "done");
    assert.equal(journal[0].head, tip);
    assert.equal(journal[0].facts.integration_check, "ancestor");
    const list = await listRestorable({ projectPath: repo });
    assert.equal(list[0].name, "done");

    const back = await restore({ projectPath: repo, target: "done" });
    assert.equal(back.branch_recreated, true);
    assert.match(
      back.message,
      /^Restored '\.claude\/worktrees\/done' on branch 'done' at [0-9a-f]{12} \(branch re-created/,
    );
    assert.equal(git(box, wt, "rev-parse", "HEAD"), tip);
    assert.equal(git(box, wt, "symbolic-ref", "--short", "HEAD"), "done");
    assert.equal(readFileSync(join(wt, "f.txt"), "utf8"), "f\n");
    assert.equal(git(box, wt, "rev-parse", "refs/worktree/mine"), tip);
    assert.match(back.message, /with 1 ref of its own$/);

    await assert.rejects(
      restore({ projectPath: repo, target: wt }),
      (e: Error) =>
        e instanceof UserError && /is taken/.test(e.message) &&
        !e.message.includes("\n"),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("restore refuses when the branch now points elsewhere, and names nothing it cannot find", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    addWorktree(box, repo, "moved-on");
    const summary = await prune({ projectPath: repo });
    assert.equal(outcome(summary, "moved-on").action, "pruned");
    writeFile(join(repo, "more.txt"), "more\n");
    commitAll(box, repo, "more");
    git(box, repo, "branch", "-f", "moved-on", "HEAD");
    await assert.rejects(
      restore({ projectPath: repo, target: "moved-on" }),
      (e: Error) =>
        e instanceof UserError &&
        /branch 'moved-on' now points elsewhere/.test(e.message),
    );
    await assert.rejects(
      restore({ projectPath: repo, target: "never-was" }),
      (e: Error) =>
        e instanceof UserError && /records no removal/.test(e.message),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("rescue: a swept clone's refs and objects are fetched into the main repository first; expired rescue refs are pruned", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    mkdirSync(join(repo, WT), { recursive: true });
    const clone = join(repo, WT, "cl");
    git(box, repo, "clone", "-q", repo, clone);
    const sha = git(box, clone, "rev-parse", "HEAD");
    git(
      box,
      repo,
      "update-ref",
      "refs/mpm-session/rescue/ancient/1000/HEAD",
      sha,
    );
    const recent = `refs/mpm-session/rescue/recent/${
      Math.floor(Date.now() / 1000) - 86400
    }-x/HEAD`;
    git(box, repo, "update-ref", recent, sha);
    const summary = await prune({ projectPath: repo });
    assert.equal(summary.orphans[0].action, "swept");
    assert.ok(!exists(clone));
    const saved = refs(box, repo, "refs/mpm-session/rescue/");
    assert.ok(
      saved.some((r) =>
        /^refs\/mpm-session\/rescue\/cl\/\d+-[0-9a-z]+\/HEAD$/.test(r)
      ),
      saved.join(" "),
    );
    assert.ok(
      saved.some((r) =>
        /\/cl\/\d+-[0-9a-z]+\/refs\/remotes\/origin\/main$/.test(r)
      ),
    );
    assert.ok(
      !saved.some((r) => r.includes("/ancient/")),
      "the expired ref is gone",
    );
    assert.ok(saved.includes(recent), "a day-old rescue ref stays");
    const entry = (await listRestorable({ projectPath: repo }))[0];
    assert.equal(entry.kind, "clone");
  } finally {
    box.cleanup();
  }
});

Deno.test("trash: an entry the tool cannot show it put there is moved back under a free name, never deleted", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const trash = join(repo, WT, ".mpm-trash");
    mkdirSync(trash, { recursive: true });
    const planted = join(trash, "taken~abc.orphan");
    git(box, repo, "clone", "-q", repo, planted);
    mkdirSync(join(repo, WT, "taken"));
    writeFileSync(join(repo, WT, "taken", "x"), "occupied\n");
    const dry = await prune({ projectPath: repo, dryRun: true });
    // The dry run says what the real run does: it goes back.
    assert.deepEqual(dry.trash.restored, [planted]);
    assert.ok(
      dry.notes.some((n) => /next real run deletes each only if/.test(n)),
      JSON.stringify(dry.notes),
    );
    assert.ok(exists(join(planted, ".git")), "a dry run touches no trash");
    const summary = await prune({ projectPath: repo });
    assert.deepEqual(summary.trash.restored, [planted]);
    assert.deepEqual(summary.trash.emptied, []);
    const back = join(repo, WT, "taken-2");
    assert.ok(exists(join(back, ".git")), "moved back whole under a free name");
    assert.ok(
      summary.notes.some((n) => n.includes("taken-2") && /manifest/.test(n)),
      JSON.stringify(summary.notes),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("gone folders: a registration is kept (needs-repair / staged-only-copy) unless its folder is really gone; a hand-moved worktree is repaired and judged", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const renamed = addWorktree(box, repo, "renamed");
    const dirtyMoved = addWorktree(box, repo, "dirty-moved");
    const twice = addWorktree(box, repo, "twice");
    const staged = addWorktree(box, repo, "staged");
    const gone = addWorktree(box, repo, "gone");
    renameSync(renamed, join(repo, WT, "renamed-by-hand"));
    writeFile(join(dirtyMoved, "work.txt"), "mine\n");
    renameSync(dirtyMoved, join(repo, WT, "dirty-elsewhere"));
    // Two folders name one registration: which is the worktree is unclear.
    cpSync(twice, join(repo, WT, "twice-copy"), { recursive: true });
    renameSync(twice, join(repo, WT, "twice-moved"));
    writeFile(join(staged, "s.txt"), "only in the index\n");
    git(box, staged, "add", "s.txt");
    rmSync(staged, { recursive: true });
    rmSync(gone, { recursive: true });
    const dry = await prune({ projectPath: repo, dryRun: true });
    assert.equal(outcome(dry, "renamed-by-hand").action, "would-prune");
    assert.deepEqual(codes(outcome(dry, "dirty-elsewhere")), ["dirty"]);
    assert.ok(
      dry.notes.some((n) => /would repair .*renamed-by-hand/.test(n)),
      dry.notes.join("\n"),
    );
    assert.deepEqual(codes(outcome(dry, "twice")), ["needs-repair"]);
    assert.match(
      outcome(dry, "twice").reasons[0].message,
      /git worktree repair/,
    );
    assert.deepEqual(codes(outcome(dry, "staged")), ["staged-only-copy"]);
    for (const copy of ["twice-copy", "twice-moved"]) {
      const byHand = dry.orphans.find((o) => o.path === join(repo, WT, copy));
      assert.equal(byHand?.action, "preserved", copy);
    }
    assert.equal(outcome(dry, "gone").action, "admin-pruned");
    const real = await prune({ projectPath: repo });
    assert.deepEqual(
      real.worktrees.map((w) => [w.relative_path, w.action]),
      dry.worktrees.map((
        w,
      ) => [w.relative_path, w.action === "would-prune" ? "pruned" : w.action]),
      "the real run did what the dry run said",
    );
    assert.ok(!exists(join(repo, WT, "renamed-by-hand")));
    assert.ok(exists(join(repo, WT, "dirty-elsewhere", "work.txt")));
    assert.ok(exists(join(repo, ".git", "worktrees", "staged")));
    assert.ok(!exists(join(repo, ".git", "worktrees", "gone")));

    // .claude/worktrees itself missing (a moved parent): nothing is dropped.
    renameSync(join(repo, ".claude"), join(repo, "claude-moved"));
    const moved = await prune({ projectPath: repo });
    assert.ok(moved.worktrees.length >= 2);
    for (const w of moved.worktrees) {
      assert.equal(w.action, "preserved");
      assert.ok(
        codes(w).includes("needs-repair") ||
          codes(w).includes("staged-only-copy"),
        JSON.stringify(w),
      );
    }
    assert.equal(readdirSync(join(repo, ".git", "worktrees")).length, 3);
  } finally {
    box.cleanup();
  }
});

Deno.test("plan: what git would refuse on is known to the dry run (gitlink, .git file not pointing back)", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const link = addWorktree(box, repo, "gitlink");
    const sha = git(box, repo, "rev-parse", "HEAD");
    git(box, link, "update-index", "--add", "--cacheinfo", `160000,${sha},sub`);
    mkdirSync(join(link, "sub"));
    git(box, link, "commit", "-q", "-m", "gitlink");
    git(box, repo, "merge", "-q", "--ff-only", "gitlink");
    const bent = addWorktree(box, repo, "bent");
    writeFileSync(
      join(repo, ".git", "worktrees", "bent", "gitdir"),
      join(box.dir, "elsewhere", ".git") + "\n",
    );
    const dry = await prune({ projectPath: repo, dryRun: true });
    assert.ok(
      codes(outcome(dry, "gitlink")).includes("submodules"),
      JSON.stringify(outcome(dry, "gitlink")),
    );
    const real = await prune({ projectPath: repo });
    assert.equal(outcome(real, "gitlink").action, "preserved");
    assert.ok(!codes(outcome(real, "gitlink")).includes("git-refused"));
    assert.ok(exists(link));
    // Its folder no longer matches its registration: an orphan git-file
    // entry to both runs, kept, and still there.
    for (const run of [dry, real]) {
      const o = run.orphans.find((x) => x.path === bent);
      assert.equal(o?.action, "preserved", JSON.stringify(run.orphans));
    }
    assert.ok(lstatSync(bent).isDirectory());
  } finally {
    box.cleanup();
  }
});

Deno.test("rescue: when rescue refs cannot be written, nothing is deleted (rescue-failed) and the worktree goes back whole", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "unsaved");
    // A file where the rescue refs' folder must go: git cannot write them.
    writeFileSync(join(repo, ".git", "refs", "mpm-session"), "in the way\n");
    const summary = await prune({ projectPath: repo });
    const o = outcome(summary, "unsaved");
    assert.equal(o.action, "preserved");
    assert.deepEqual(codes(o), ["rescue-failed"]);
    assert.ok(listed(box, repo).includes(wt), "registered at home again");
    assert.ok(exists(join(wt, "README.md")));
    assert.ok(!exists(join(repo, ".git", "mpm-session", "journal.jsonl")));
  } finally {
    box.cleanup();
  }
});
