/**
 * Property test of the cleanup's containment: random trees of folders,
 * files and symlinks (pointing in and out, with `..` and odd names) under
 * `.claude/worktrees/`. Whatever the tree, nothing outside changes and
 * nothing with content is swept.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { prune } from "../../mod.ts";
import {
  addWorktree,
  git,
  makeRepo,
  type Sandbox,
  sandbox,
} from "../helpers.ts";
import { seededRandom } from "../prng.ts";

const NAMES = [
  "a",
  "b c",
  "ünï",
  "new\nline",
  "..x",
  "x..",
  ".hidden",
  "-dash",
  "q'uote",
  "*star",
  "long-" + "n".repeat(60),
];

/** Records every path below `root` with what it is, without following symlinks. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = lstatSync(path);
      if (info.isSymbolicLink()) out.set(path, `link:${readlinkSync(path)}`);
      else if (info.isDirectory()) {
        out.set(path, "dir");
        walk(path);
      } else out.set(path, `file:${readFileSync(path, "utf8")}`);
    }
  };
  walk(root);
  return out;
}

function hasContent(snap: Map<string, string>, dir: string): boolean {
  for (const key of snap.keys()) if (key.startsWith(dir + "/")) return true;
  return false;
}

Deno.test("property: random trees under .claude/worktrees never lose content or escape", async () => {
  let swept = 0;
  let preserved = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const random = seededRandom(seed);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      const outside = join(box.dir, "outside");
      mkdirSync(join(outside, "empty-target"), { recursive: true });
      writeFileSync(join(outside, "precious.txt"), "keep");
      const wt = join(repo, ".claude", "worktrees");
      mkdirSync(wt, { recursive: true });
      const dirs = [wt];
      const count = 5 + Math.floor(random() * 20);
      for (let i = 0; i < count; i++) {
        const parent = pick(dirs);
        const name = `${pick(NAMES)}${i}`;
        const path = join(parent, name);
        const kind = random();
        if (kind < 0.4) {
          mkdirSync(path);
          dirs.push(path);
        } else if (kind < 0.6) {
          writeFileSync(path, `content ${i}`);
        } else if (kind < 0.7) {
          symlinkSync(
            pick([outside, join(outside, "empty-target"), "..", "../..", "/"]),
            path,
          );
        } else if (kind < 0.8) {
          symlinkSync(pick(dirs), path);
        } else if (kind < 0.9) {
          mkdirSync(path);
          writeFileSync(
            join(path, ".git"),
            `gitdir: ${
              pick(["../nowhere", "/nonexistent", join(repo, ".git")])
            }\n`,
          );
        } else {
          mkdirSync(path); // empty
          dirs.push(path);
        }
      }
      const beforeOutside = snapshot(box.dir.replace(/$/, ""));
      const beforeInside = snapshot(wt);
      const summary = await prune({ projectPath: repo });
      const afterInside = snapshot(wt);
      // Nothing outside .claude/worktrees changed.
      const afterOutside = snapshot(box.dir);
      for (const [path, what] of beforeOutside) {
        if (path.startsWith(wt + "/")) continue;
        assert.equal(
          afterOutside.get(path),
          what,
          `seed ${seed}: ${path} changed`,
        );
      }
      // Only empty plain directories directly below .claude/worktrees went.
      for (const [path, what] of beforeInside) {
        if (afterInside.has(path)) continue;
        const top = join(wt, path.slice(wt.length + 1).split("/")[0]);
        const swept = summary.orphans.find((o) => o.path === top);
        assert.ok(
          swept && swept.action === "swept",
          `seed ${seed}: ${path} vanished without a sweep`,
        );
        assert.equal(
          beforeInside.get(top),
          "dir",
          `seed ${seed}: ${top} was not a directory`,
        );
        assert.ok(
          !hasContent(beforeInside, top),
          `seed ${seed}: ${top} had content (${what})`,
        );
      }
      for (const o of summary.orphans) {
        if (o.action === "swept") assert.equal(o.kind, "plain");
        if (o.action === "swept") swept++;
        else preserved++;
      }
    } finally {
      box.cleanup();
    }
  }
  // The trees must exercise both outcomes, or the property proves nothing.
  assert.ok(swept > 5, `only ${swept} sweeps`);
  assert.ok(preserved > 50, `only ${preserved} preserved`);
});

/** Every state a worktree or folder under `.claude/worktrees/` can be put in. */
const STATES = [
  "clean",
  "untracked",
  "modified",
  "staged",
  "unmerged-commit",
  "detached-clean",
  "detached-commit",
  "locked",
  "gitlink",
  "bent-gitdir",
  "missing",
  "missing-staged",
  "nested",
  "clone",
  "clone-unpushed",
  "empty-dir",
  "plain-file-dir",
] as const;

function makeState(
  box: Sandbox,
  repo: string,
  name: string,
  state: typeof STATES[number],
): void {
  const wtRoot = join(repo, ".claude", "worktrees");
  const path = join(wtRoot, name);
  const commit = (cwd: string, file: string) => {
    writeFileSync(join(cwd, file), `${name} ${file}\n`);
    git(box, cwd, "add", file);
    git(box, cwd, "commit", "-q", "-m", `${name} ${file}`);
  };
  switch (state) {
    case "clone":
    case "clone-unpushed":
      git(box, repo, "clone", "-q", repo, path);
      if (state === "clone-unpushed") commit(path, "c.txt");
      return;
    case "empty-dir":
      mkdirSync(path);
      return;
    case "plain-file-dir":
      mkdirSync(path);
      writeFileSync(join(path, "notes.txt"), "mine\n");
      return;
  }
  const detached = state.startsWith("detached");
  addWorktree(box, repo, name, { detach: detached });
  switch (state) {
    case "untracked":
      writeFileSync(join(path, "u.txt"), "u\n");
      break;
    case "modified":
      writeFileSync(join(path, "README.md"), "changed\n");
      break;
    case "staged":
      writeFileSync(join(path, "s.txt"), "s\n");
      git(box, path, "add", "s.txt");
      break;
    case "unmerged-commit":
    case "detached-commit":
      commit(path, "w.txt");
      break;
    case "locked":
      git(box, repo, "worktree", "lock", path);
      break;
    case "gitlink": {
      const sha = git(box, repo, "rev-parse", "HEAD");
      git(
        box,
        path,
        "update-index",
        "--add",
        "--cacheinfo",
        `160000,${sha},sub`,
      );
      mkdirSync(join(path, "sub"));
      break;
    }
    case "bent-gitdir":
      writeFileSync(
        join(repo, ".git", "worktrees", name, "gitdir"),
        join(box.dir, "elsewhere", name, ".git") + "\n",
      );
      break;
    case "missing":
      rmSync(path, { recursive: true });
      break;
    case "missing-staged":
      writeFileSync(join(path, "s.txt"), "only copy\n");
      git(box, path, "add", "s.txt");
      rmSync(path, { recursive: true });
      break;
    case "nested":
      git(
        box,
        repo,
        "worktree",
        "add",
        "-q",
        "-b",
        `${name}-inner`,
        join(path, "inner"),
      );
      break;
  }
}

Deno.test("property: on random repositories, what --dry-run says would go is exactly what the real run removes", async () => {
  let removed = 0;
  let kept = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const random = seededRandom(1000 + seed);
    const box = sandbox();
    try {
      const repo = makeRepo(box);
      mkdirSync(join(repo, ".claude", "worktrees"), { recursive: true });
      const count = 4 + Math.floor(random() * 6);
      for (let i = 0; i < count; i++) {
        const state = STATES[Math.floor(random() * STATES.length)];
        makeState(box, repo, `w${i}-${state}`, state);
      }
      const dry = await prune({ projectPath: repo, dryRun: true });
      const real = await prune({ projectPath: repo });
      const said = (s: typeof dry) =>
        [
          ...s.worktrees.map((w) =>
            `${w.relative_path} ${
              w.action === "would-prune" ? "pruned" : w.action
            }`
          ),
          ...s.orphans.map((o) =>
            `${o.relative_path} ${
              o.action === "would-sweep" ? "swept" : o.action
            }`
          ),
        ].sort();
      assert.deepEqual(
        said(real),
        said(dry),
        `seed ${seed}: the real run departed from the plan`,
      );
      for (const w of real.worktrees) {
        assert.ok(
          !w.reasons.some((r) => r.code === "git-refused"),
          `seed ${seed}: git refused where the plan said go: ${
            JSON.stringify(w)
          }`,
        );
        if (w.action === "pruned") removed++;
        else kept++;
        const name = w.relative_path.split("/").at(-1) ?? "";
        // A worktree nested in another, and the other, both stay.
        const disposable = /-(clean|detached-clean)$/.test(name);
        assert.equal(
          w.action === "pruned" || w.action === "admin-pruned",
          disposable || /-missing$/.test(name),
          `seed ${seed}: ${name} ${w.action} ${JSON.stringify(w.reasons)}`,
        );
      }
    } finally {
      box.cleanup();
    }
  }
  assert.ok(removed > 2 && kept > 10, `removed ${removed}, kept ${kept}`);
});
