/**
 * Tests of the one walk of a candidate folder (`walkNested`): on random
 * trees of files, folders, symlinks, FIFOs and `.git` entries it finds
 * every `.git` entry below the root, never follows a symlink, and measures
 * what `directorySize` measures, less the folders of nested repositories
 * (which keep the candidate anyway).
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { walkNested } from "../../lib/gather/nested.ts";
import { directorySize } from "../../lib/gather/disk_usage.ts";
import { pick, seededRandom } from "../prng.ts";

/** What a plain recursive lstat walk finds: the reference. */
function reference(root: string): { bytes: number; gitEntries: string[] } {
  let bytes = 0;
  const gitEntries: string[] = [];
  const visit = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      const childRel = rel === "" ? name : `${rel}/${name}`;
      const info = lstatSync(abs);
      if (name === ".git") {
        if (rel !== "") gitEntries.push(childRel);
        if (!info.isDirectory()) bytes += info.size;
        continue;
      }
      if (info.isDirectory()) visit(abs, childRel);
      else bytes += info.size;
    }
  };
  visit(root, "");
  return { bytes, gitEntries: gitEntries.sort() };
}

function randomTree(root: string, random: () => number): void {
  const dirs = [root];
  const outside = mkdtempSync(join(tmpdir(), "mpm-walk-outside-"));
  writeFileSync(join(outside, "big"), "z".repeat(10_000));
  for (let i = 0; i < 60; i++) {
    const dir = pick(random, dirs);
    const name = pick(random, ["a", "b", "c", ".git", "d.txt", "e"]) + i;
    const kind = pick(random, ["file", "file", "dir", "link", "fifo", "git"]);
    const path = join(dir, kind === "git" ? ".git" : name);
    try {
      if (kind === "file") {
        writeFileSync(path, "x".repeat(Math.floor(random() * 500)));
      } else if (kind === "dir") {
        mkdirSync(path);
        dirs.push(path);
      } else if (kind === "link") {
        // A link to a folder outside: never followed, counted as itself.
        symlinkSync(outside, path);
      } else if (kind === "fifo") {
        execFileSync("mkfifo", [path]);
      } else if (random() < 0.5) {
        writeFileSync(path, "gitdir: /nowhere\n");
      } else {
        mkdirSync(path);
        writeFileSync(join(path, "HEAD"), "ref: refs/heads/main\n");
      }
    } catch (error) {
      // A name taken twice: keep the tree as it is.
      const code = (error as { code?: string }).code;
      if (code !== "EEXIST" && code !== "EISDIR") throw error;
    }
  }
  rmSync(outside, { recursive: true, force: true });
}

Deno.test("walkNested: finds every .git entry below the root and measures every byte, on random trees", async () => {
  for (let seed = 1; seed <= 25; seed++) {
    const root = mkdtempSync(join(tmpdir(), "mpm-walk-"));
    try {
      randomTree(root, seededRandom(seed));
      const want = reference(root);
      const got = await walkNested(root);
      assert.deepEqual(got.gitEntries, want.gitEntries, `seed ${seed}`);
      assert.equal(got.bytes, want.bytes, `seed ${seed}: bytes`);
      assert.deepEqual(got.mounts, [], `seed ${seed}: mounts`);
      assert.deepEqual(got.undecodableNames, [], `seed ${seed}: names`);
      if (want.gitEntries.every((e) => !e.endsWith("/.git"))) {
        // Without nested repositories both measures agree.
        assert.equal(got.bytes, await directorySize(root), `seed ${seed}`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

Deno.test("walkNested: a mount point listed in the mount table is found without crossing it", async () => {
  const root = mkdtempSync(join(tmpdir(), "mpm-walk-"));
  try {
    mkdirSync(join(root, "data", "inner"), { recursive: true });
    const facts = await walkNested(root, {
      mounts: [join(root, "data", "inner"), "/elsewhere", root],
    });
    assert.deepEqual(facts.mounts, ["data/inner"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
