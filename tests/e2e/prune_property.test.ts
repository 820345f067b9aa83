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
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { prune } from "../../mod.ts";
import { makeRepo, sandbox } from "../helpers.ts";
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
