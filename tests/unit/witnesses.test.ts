/**
 * Tests for `lib/gather/witnesses.ts`: which path witnesses a change, which
 * witness texts are trusted, and, on a real worktree, that a witness holds
 * exactly while nothing git's answer depends on has changed.
 *
 * @module
 */

import assert from "node:assert/strict";
import { appendFileSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import {
  parseWitnesses,
  pickWitness,
  serializeWitnesses,
  takeWitness,
  type Witness,
  witnessesChanged,
  witnessHolds,
  type WitnessPlace,
} from "../../lib/gather/witnesses.ts";
import { addWorktree, git, makeRepo, sandbox, writeFile } from "../helpers.ts";

const HEAD = "a".repeat(40);

Deno.test("pickWitness: a conflict first, then staged, modified, untracked", () => {
  const entry = (path: string) => ({ path, index: "M", worktree: "." });
  const cases = [
    {
      name: "nothing changed",
      status: { conflicted: [], staged: [], modified: [], untracked: [] },
      expected: undefined,
    },
    {
      name: "all kinds",
      status: {
        conflicted: ["c"],
        staged: [entry("s")],
        modified: [entry("m")],
        untracked: ["u"],
      },
      expected: { kind: "conflicted", path: "c" },
    },
    {
      name: "staged before modified",
      status: {
        conflicted: [],
        staged: [entry("s")],
        modified: [entry("m")],
        untracked: ["u"],
      },
      expected: { kind: "staged", path: "s" },
    },
    {
      name: "modified before untracked",
      status: {
        conflicted: [],
        staged: [],
        modified: [entry("m")],
        untracked: ["u"],
      },
      expected: { kind: "modified", path: "m" },
    },
    {
      name: "untracked alone",
      status: { conflicted: [], staged: [], modified: [], untracked: ["u"] },
      expected: { kind: "untracked", path: "u" },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(pickWitness(c.status), c.expected, c.name);
  }
});

Deno.test("parseWitnesses: only its own well-formed format is trusted", () => {
  const good: Witness = {
    head: HEAD,
    path: "notes.txt",
    kind: "untracked",
    keys: { "/r/notes.txt": "1:2:3:4:5:6", "/r/.gitignore": null },
  };
  const text = (o: unknown) => JSON.stringify(o);
  const format = "mpm-session witnesses v2";
  const cases: { name: string; input: string; size: number }[] = [
    { name: "empty", input: "", size: 0 },
    { name: "not JSON", input: "{", size: 0 },
    { name: "array", input: "[]", size: 0 },
    {
      name: "other format",
      input: text({ format: "v0", witnesses: { "/r": good } }),
      size: 0,
    },
    {
      name: "valid",
      input: text({ format, witnesses: { "/r": good } }),
      size: 1,
    },
    {
      name: "unknown kind dropped",
      input: text({ format, witnesses: { "/r": { ...good, kind: "gone" } } }),
      size: 0,
    },
    {
      name: "bad key dropped",
      input: text({ format, witnesses: { "/r": { ...good, keys: { a: 1 } } } }),
      size: 0,
    },
    {
      name: "missing head dropped",
      input: text({ format, witnesses: { "/r": { ...good, head: 7 } } }),
      size: 0,
    },
  ];
  for (const c of cases) {
    assert.equal(parseWitnesses(c.input).known.size, c.size, c.name);
  }
  const store = parseWitnesses(text({ format, witnesses: { "/r": good } }));
  assert.equal(witnessesChanged(store), true, "nothing found yet: changed");
  store.found.set("/r", good);
  assert.equal(witnessesChanged(store), false);
  assert.deepEqual(
    parseWitnesses(serializeWitnesses(store)).known.get("/r"),
    good,
    "round trip",
  );
});

Deno.test("witnessHolds: holds until the file, the index, an ignore file or HEAD changes", () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const wt = addWorktree(box, repo, "a1");
    const head = git(box, wt, "rev-parse", "HEAD");
    const place: WitnessPlace = {
      worktree: wt,
      gitDir: git(box, wt, "rev-parse", "--absolute-git-dir"),
      commonDir: join(repo, ".git"),
      mainRoot: repo,
    };
    const notes = writeFile(join(wt, "docs", "notes.txt"), "work\n");
    const untracked = takeWitness(
      place,
      head,
      "untracked",
      "docs/notes.txt",
    );
    assert.ok(untracked, "a witness is taken");
    assert.equal(witnessHolds(untracked, place, head), true);
    assert.equal(
      witnessHolds(untracked, place, "b".repeat(40)),
      false,
      "another HEAD",
    );
    assert.equal(witnessHolds(untracked, place, undefined), false);

    writeFile(join(wt, "docs", ".gitignore"), "notes.txt\n");
    assert.equal(
      witnessHolds(untracked, place, head),
      false,
      "a new ignore file on the way",
    );
    rmSync(join(wt, "docs", ".gitignore"));
    assert.equal(
      witnessHolds(untracked, place, head),
      true,
      "the ignore file gone again: as before",
    );

    appendFileSync(notes, "more\n");
    assert.equal(
      witnessHolds(untracked, place, head),
      false,
      "the file changed",
    );
    const again = takeWitness(place, head, "untracked", "docs/notes.txt");
    assert.ok(again);
    const later = new Date(Date.now() + 5000);
    utimesSync(notes, later, later);
    assert.equal(
      witnessHolds(again, place, head),
      false,
      "only the time changed: git would look again, so do we",
    );

    writeFile(join(wt, "README.md"), "changed\n");
    const modified = takeWitness(place, head, "modified", "README.md");
    assert.ok(modified);
    assert.equal(witnessHolds(modified, place, head), true);
    git(box, wt, "add", "README.md");
    assert.equal(
      witnessHolds(modified, place, head),
      false,
      "the index changed",
    );

    rmSync(join(wt, "README.md"));
    const deleted = takeWitness(place, head, "modified", "README.md");
    assert.ok(deleted, "a deleted file witnesses its deletion");
    assert.equal(witnessHolds(deleted, place, head), true);
    writeFile(join(wt, "README.md"), "# test\n");
    assert.equal(
      witnessHolds(deleted, place, head),
      false,
      "the file came back",
    );

    for (const bad of ["../escape", "/abs", "a/../../b", ""]) {
      assert.equal(
        takeWitness(place, head, "untracked", bad),
        undefined,
        `path '${bad}' cannot witness`,
      );
    }
    assert.equal(
      takeWitness(place, "not-a-sha", "untracked", "x"),
      undefined,
    );
  } finally {
    box.cleanup();
  }
});
