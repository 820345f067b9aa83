/**
 * Unit and property tests for `lib/decide/containment.ts`, the rule that
 * keeps every deletion inside `.claude/worktrees/`. The property tests
 * generate paths from adversarial segments with a seeded PRNG, so every run
 * checks the same cases, and compare against an independent segment-wise
 * model of POSIX path resolution.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join, relative, resolve, sep } from "node:path";
import {
  childrenOwned,
  isPlainSegment,
  isSameOrInside,
  isStrictlyInside,
} from "../../lib/decide/containment.ts";
import { pick, seededRandom } from "../prng.ts";

const WT = "/repo/.claude/worktrees";

Deno.test("isStrictlyInside: table of inside, outside and refused paths", () => {
  const cases: {
    name: string;
    input: [parent: string, child: string];
    expected: boolean;
  }[] = [
    { name: "direct child", input: [WT, `${WT}/a1`], expected: true },
    { name: "grandchild", input: [WT, `${WT}/a1/src/x.ts`], expected: true },
    {
      name: "parent with trailing slash",
      input: [`${WT}/`, `${WT}/a1`],
      expected: true,
    },
    {
      name: "child with trailing slash",
      input: [WT, `${WT}/a1/`],
      expected: true,
    },
    {
      name: "repeated slashes",
      input: [WT, "/repo//.claude///worktrees//a1"],
      expected: true,
    },
    { name: "a '.' segment", input: [WT, `${WT}/./a1`], expected: true },
    {
      name: "'..' that stays inside",
      input: [WT, `${WT}/a1/../a2`],
      expected: true,
    },
    {
      name: "name starting with '..'",
      input: [WT, `${WT}/..foo`],
      expected: true,
    },
    {
      name: "name ending with '..'",
      input: [WT, `${WT}/foo..`],
      expected: true,
    },
    { name: "name '...'", input: [WT, `${WT}/...`], expected: true },
    {
      name: "name with spaces",
      input: [WT, `${WT}/my worktree`],
      expected: true,
    },
    { name: "name with a newline", input: [WT, `${WT}/a\nb`], expected: true },
    { name: "unicode name", input: [WT, `${WT}/ünï-日本`], expected: true },
    {
      name: "backslashes are ordinary characters on POSIX",
      input: [WT, `${WT}/a\\..\\..\\x`],
      expected: true,
    },
    {
      name: "root contains everything else",
      input: ["/", "/etc"],
      expected: true,
    },
    { name: "equal", input: [WT, WT], expected: false },
    {
      name: "equal up to trailing slash",
      input: [WT, `${WT}/`],
      expected: false,
    },
    { name: "equal through '.'", input: [WT, `${WT}/.`], expected: false },
    {
      name: "equal through a child and '..'",
      input: [WT, `${WT}/a1/..`],
      expected: false,
    },
    { name: "parent directory", input: [WT, "/repo/.claude"], expected: false },
    { name: "root", input: [WT, "/"], expected: false },
    { name: "escape with '..'", input: [WT, `${WT}/../x`], expected: false },
    {
      name: "escape with deep '..'",
      input: [WT, `${WT}/a/../../../etc`],
      expected: false,
    },
    {
      name: "sibling sharing a string prefix",
      input: [WT, `${WT}-evil`],
      expected: false,
    },
    {
      name: "sibling sharing a string prefix, inside",
      input: [WT, `${WT}-evil/a1`],
      expected: false,
    },
    {
      name: "sibling '..'-suffixed",
      input: [WT, `${WT}../x`],
      expected: false,
    },
    { name: "unrelated", input: [WT, "/tmp/a1"], expected: false },
    { name: "root is not inside root", input: ["/", "/"], expected: false },
    { name: "relative child", input: [WT, "a1"], expected: false },
    {
      name: "relative parent",
      input: [".claude/worktrees", `${WT}/a1`],
      expected: false,
    },
    { name: "both relative", input: ["a", "a/b"], expected: false },
    { name: "empty child", input: [WT, ""], expected: false },
    { name: "empty parent", input: ["", `${WT}/a1`], expected: false },
    { name: "NUL in child", input: [WT, `${WT}/a1\0`], expected: false },
    {
      name: "NUL in parent",
      input: [`${WT}\0`, `${WT}\0/a1`],
      expected: false,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isStrictlyInside(input[0], input[1]), expected, name);
  }
});

Deno.test("isPlainSegment: one safe path segment only", () => {
  const cases: { name: string; input: string; expected: boolean }[] = [
    { name: "plain", input: "a1", expected: true },
    { name: "dotfile", input: ".env", expected: true },
    { name: "'..foo'", input: "..foo", expected: true },
    { name: "'foo..'", input: "foo..", expected: true },
    { name: "'...'", input: "...", expected: true },
    { name: "spaces", input: "my work tree", expected: true },
    { name: "newline", input: "a\nb", expected: true },
    { name: "unicode", input: "日本語", expected: true },
    { name: "empty", input: "", expected: false },
    { name: "'.'", input: ".", expected: false },
    { name: "'..'", input: "..", expected: false },
    { name: "slash", input: "a/b", expected: false },
    { name: "leading slash", input: "/a", expected: false },
    { name: "backslash", input: "a\\b", expected: false },
    { name: "backslash parent", input: "..\\x", expected: false },
    { name: "NUL", input: "a\0", expected: false },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isPlainSegment(input), expected, name);
    if (expected) {
      assert.equal(
        isStrictlyInside(WT, join(WT, input)),
        true,
        `${name}: a plain segment joined to the folder is inside it`,
      );
    }
  }
});

Deno.test("isSameOrInside: the folder itself or anything strictly inside", () => {
  const cases: {
    name: string;
    input: [parent: string, child: string];
    expected: boolean;
  }[] = [
    { name: "same", input: [WT, WT], expected: true },
    { name: "same with trailing slash", input: [WT, `${WT}/`], expected: true },
    { name: "same through '..'", input: [WT, `${WT}/a/..`], expected: true },
    { name: "inside", input: [WT, `${WT}/a1/src`], expected: true },
    { name: "parent", input: [WT, "/repo/.claude"], expected: false },
    { name: "prefix sibling", input: [WT, `${WT}-evil`], expected: false },
    { name: "escape", input: [WT, `${WT}/../x`], expected: false },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isSameOrInside(input[0], input[1]), expected, name);
  }
});

Deno.test({
  name: "isSameOrInside: refuses relative paths and NUL like isStrictlyInside",
  fn: () => {
    const cases: {
      name: string;
      input: [string, string];
      expected: boolean;
    }[] = [
      { name: "relative same", input: ["a", "a"], expected: false },
      {
        name: "relative vs its absolute form",
        input: ["a", resolve("a")],
        expected: false,
      },
      { name: "NUL same", input: ["/x\0", "/x\0"], expected: false },
    ];
    for (const { name, input, expected } of cases) {
      assert.equal(isSameOrInside(input[0], input[1]), expected, name);
    }
  },
});

// ---------------------------------------------------------------------------
// Property tests.

const SEGMENTS = [
  "..",
  ".",
  "",
  "a",
  "b",
  "worktrees",
  "worktrees-evil",
  ".claude",
  "with space",
  " ",
  "ünï",
  "日本",
  "line\nbreak",
  "..foo",
  "foo..",
  "...",
  "a\\b",
  "..\\..",
  "\\",
  "nul\0",
  "-",
  "~",
];

/** A random path: absolute or relative, with odd separators and segments. */
function randomPath(rand: () => number): string {
  const count = Math.floor(rand() * 6);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(pick(rand, SEGMENTS));
  const joiner = rand() < 0.2 ? "//" : "/";
  let path = parts.join(joiner);
  const start = rand();
  if (start < 0.75) path = `/${path}`;
  else if (start < 0.85) path = `//${path}`;
  if (rand() < 0.2) path += "/";
  return path;
}

/**
 * An independent model of `resolve` for absolute POSIX paths: the list of
 * segments after dropping empty and `.` segments and applying `..`.
 */
function segmentsOf(absolute: string): string[] {
  const out: string[] = [];
  for (const s of absolute.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out;
}

/** The model of strict containment, built from `segmentsOf`. */
function modelInside(parent: string, child: string): boolean {
  if (!parent.startsWith("/") || !child.startsWith("/")) return false;
  if (parent.includes("\0") || child.includes("\0")) return false;
  const p = segmentsOf(parent);
  const c = segmentsOf(child);
  return c.length > p.length && p.every((s, i) => c[i] === s);
}

/** Strict ancestors of an absolute, resolved path, root included. */
function ancestorsOf(resolved: string): string[] {
  const segs = segmentsOf(resolved);
  const out: string[] = [];
  for (let n = segs.length - 1; n >= 0; n--) {
    out.push(`/${segs.slice(0, n).join("/")}`);
  }
  return out;
}

const CASES = 2000;

Deno.test("property: isStrictlyInside agrees with a segment-wise model on 2000 random pairs", () => {
  const rand = seededRandom(0x5eed_1234);
  let inside = 0;
  for (let i = 0; i < CASES; i++) {
    const parent = randomPath(rand);
    // Half the children are built under the parent so both answers occur.
    const child = rand() < 0.5
      ? randomPath(rand)
      : `${parent}/${randomPath(rand)}`;
    const actual = isStrictlyInside(parent, child);
    const label = `case ${i}: ${JSON.stringify(parent)} ⊃ ${
      JSON.stringify(child)
    }`;
    assert.equal(actual, modelInside(parent, child), label);
    if (actual) inside++;
  }
  // The generator must exercise both outcomes well, or the test proves little.
  assert.ok(inside > CASES * 0.15, `only ${inside} inside cases`);
  assert.ok(inside < CASES * 0.85, `only ${CASES - inside} outside cases`);
});

Deno.test("property: whatever is strictly inside is not the parent and is not reached through '..'", () => {
  const rand = seededRandom(0xc0ffee);
  let checked = 0;
  for (let i = 0; i < CASES; i++) {
    const parent = randomPath(rand);
    const child = `${parent}/${randomPath(rand)}`;
    if (!isStrictlyInside(parent, child)) continue;
    checked++;
    const label = `case ${i}: ${JSON.stringify(parent)} ⊃ ${
      JSON.stringify(child)
    }`;
    assert.notEqual(
      resolve(child),
      resolve(parent),
      `${label}: equal to parent`,
    );
    const rel = relative(resolve(parent), resolve(child));
    assert.notEqual(rel, "", `${label}: empty relative path`);
    // The first segment of the relative path is never `..`. (A segment such
    // as `..foo` does start with the characters `..` and is inside.)
    assert.notEqual(rel.split(sep)[0], "..", `${label}: relative is ${rel}`);
    assert.equal(rel.startsWith("/"), false, `${label}: relative is absolute`);
    assert.equal(
      isSameOrInside(parent, child),
      true,
      `${label}: isSameOrInside`,
    );
  }
  assert.ok(checked > CASES * 0.3, `only ${checked} inside cases were checked`);
});

Deno.test("property: the parent itself, its ancestors and prefix-sharing siblings are never inside", () => {
  const rand = seededRandom(42);
  const suffixes = [
    "-evil",
    "evil",
    "..",
    ".",
    "..foo",
    " ",
    "\\x",
    "ünï",
    "\n",
  ];
  for (let i = 0; i < CASES; i++) {
    const parent = randomPath(rand);
    const label = `case ${i}: ${JSON.stringify(parent)}`;
    assert.equal(isStrictlyInside(parent, parent), false, `${label}: itself`);
    if (!parent.startsWith("/") || parent.includes("\0")) {
      // Refused outright: nothing is inside a relative or NUL parent.
      assert.equal(
        isStrictlyInside(parent, `${parent}/x`),
        false,
        `${label}: refused`,
      );
      continue;
    }
    const resolved = resolve(parent);
    assert.equal(
      isStrictlyInside(parent, `${parent}/`),
      false,
      `${label}: trailing /`,
    );
    assert.equal(
      isStrictlyInside(parent, `${parent}/.`),
      false,
      `${label}: /.`,
    );
    assert.equal(
      isStrictlyInside(parent, `${parent}/x/..`),
      false,
      `${label}: /x/..`,
    );
    assert.equal(isSameOrInside(parent, resolved), true, `${label}: same`);
    for (const ancestor of ancestorsOf(resolved)) {
      assert.equal(
        isStrictlyInside(parent, ancestor),
        false,
        `${label}: ancestor ${ancestor}`,
      );
      assert.equal(
        isSameOrInside(parent, ancestor),
        false,
        `${label}: ancestor ${ancestor} (same)`,
      );
    }
    if (resolved !== "/") {
      const suffix = pick(rand, suffixes);
      const sibling = `${resolved}${suffix}`;
      assert.equal(
        isStrictlyInside(parent, sibling),
        false,
        `${label}: sibling ${sibling}`,
      );
      assert.equal(
        isStrictlyInside(parent, `${sibling}/${randomPath(rand)}`),
        false,
        `${label}: below sibling ${sibling}`,
      );
      assert.equal(
        isSameOrInside(parent, sibling),
        false,
        `${label}: sibling (same)`,
      );
    }
  }
});

Deno.test("property: a plain segment joined to an absolute folder is always strictly inside it", () => {
  const rand = seededRandom(7);
  let plain = 0;
  for (let i = 0; i < CASES; i++) {
    const parent = `/${randomPath(rand)}`.replace(/\0/g, "");
    const name = pick(rand, SEGMENTS) +
      (rand() < 0.5 ? pick(rand, SEGMENTS) : "");
    if (!isPlainSegment(name)) {
      assert.ok(
        name === "" || name === "." || name === ".." || /[/\\\0]/.test(name),
        `case ${i}: ${JSON.stringify(name)} refused without cause`,
      );
      continue;
    }
    plain++;
    assert.equal(
      isStrictlyInside(parent, join(parent, name)),
      true,
      `case ${i}: ${JSON.stringify(parent)} + ${JSON.stringify(name)}`,
    );
  }
  assert.ok(plain > CASES * 0.3, `only ${plain} plain names were checked`);
});

Deno.test("property: strict containment is transitive and never symmetric", () => {
  const rand = seededRandom(99);
  let chains = 0;
  for (let i = 0; i < CASES; i++) {
    const a = randomPath(rand);
    const b = `${a}/${randomPath(rand)}`;
    const c = `${b}/${randomPath(rand)}`;
    const label = `case ${i}: ${JSON.stringify([a, b, c])}`;
    if (isStrictlyInside(a, b)) {
      assert.equal(isStrictlyInside(b, a), false, `${label}: symmetric`);
      if (isStrictlyInside(b, c)) {
        chains++;
        assert.equal(isStrictlyInside(a, c), true, `${label}: not transitive`);
      }
    }
  }
  assert.ok(chains > 100, `only ${chains} chains were checked`);
});

Deno.test("childrenOwned: the direct children that are or hold a registered path", () => {
  const cases: { name: string; input: string[]; expected: string[] }[] = [
    { name: "a worktree at a child", input: [`${WT}/a1`], expected: ["a1"] },
    {
      name: "a worktree nested deeper owns its top child",
      input: [`${WT}/group/a1`],
      expected: ["group"],
    },
    { name: "the folder itself owns nothing", input: [WT], expected: [] },
    {
      name: "outside owns nothing",
      input: ["/repo", "/elsewhere/a1"],
      expected: [],
    },
    {
      name: "a prefix-sharing sibling",
      input: [`${WT}-evil/a1`],
      expected: [],
    },
    {
      name: "'..' resolved first",
      input: [`${WT}/a1/../a2`, `${WT}/../worktrees/a3`],
      expected: ["a2", "a3"],
    },
    { name: "relative paths are refused", input: ["a1", "./a2"], expected: [] },
    {
      name: "odd names",
      input: [`${WT}/with space`, `${WT}/line\nbreak/x`, `${WT}/ünï`],
      expected: ["with space", "line\nbreak", "ünï"],
    },
    {
      name: "duplicates counted once",
      input: [`${WT}/a`, `${WT}/a/`],
      expected: ["a"],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(
      [...childrenOwned(WT, input)].sort(),
      expected.sort(),
      name,
    );
  }
});

Deno.test("property: childrenOwned agrees with asking every child about every path", () => {
  const rand = seededRandom(0x0c0ffee);
  for (let round = 0; round < 300; round++) {
    const paths = Array.from(
      { length: Math.floor(rand() * 8) },
      () =>
        rand() < 0.6
          ? `${WT}/${randomPath(rand).replace(/^\/+/, "")}`
          : randomPath(rand),
    );
    const children = [...SEGMENTS, "a1", "a2"].filter(isPlainSegment);
    const owned = childrenOwned(WT, paths);
    for (const name of children) {
      const pairwise = paths.some((p) => isSameOrInside(join(WT, name), p));
      assert.equal(
        owned.has(name),
        pairwise,
        `child ${JSON.stringify(name)} with paths ${JSON.stringify(paths)}`,
      );
    }
  }
});
