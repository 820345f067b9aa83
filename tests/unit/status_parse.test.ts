/**
 * Unit tests for `lib/gather/status_parse.ts`: parsing of
 * `git status --porcelain=v2 -z --branch --show-stash` output and the
 * `isDirty` rule, and the arguments that ask for it. Fixtures follow the
 * exact record layout git prints.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  isDirty,
  type ParsedStatus,
  parsePorcelainV2,
  statusArgs,
  type StatusEntry,
} from "../../lib/gather/status_parse.ts";

const OID = "f756cefe304cc3de7ec0b6ead9d3ef7ec8bd1881";
const H1 = "587be6b4c3f93f93c489c0111bba5596147a26cb";
const H2 = "78981922613b2afb6025042ff6bd878ac1994e85";
const H3 = "28ce6a8b26aa170e1de65536fe8abe1832bd3242";
const ZERO = "0".repeat(40);

/** A `1` (ordinary change) record for `path` with status letters `xy`. */
function ordinary(xy: string, path: string): string {
  return `1 ${xy} N... 100644 100644 100644 ${H1} ${H2} ${path}`;
}

/** A `2` (rename/copy) record; the original path is the next NUL record. */
function renamed(xy: string, path: string, orig: string, score = "R100") {
  return `2 ${xy} N... 100644 100644 100644 ${H1} ${H1} ${score} ${path}\0${orig}`;
}

/** A `u` (unmerged) record. */
function unmerged(xy: string, path: string): string {
  return `u ${xy} N... 100644 100644 100644 100644 ${H1} ${H2} ${H3} ${path}`;
}

/** Joins records the way `-z` prints them: each followed by NUL. */
function z(...records: string[]): string {
  return records.map((r) => `${r}\0`).join("");
}

function empty(): ParsedStatus {
  return {
    stashCount: 0,
    staged: [],
    modified: [],
    untracked: [],
    conflicted: [],
    ignored: [],
  };
}

/** Drops keys whose value is `undefined`: the parser leaves them out. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

Deno.test("parsePorcelainV2: empty output is an empty, clean status", () => {
  const parsed = parsePorcelainV2("");
  assert.deepEqual(parsed, empty());
  assert.equal(isDirty(parsed), false);
});

Deno.test("parsePorcelainV2: headers set head, branch, upstream, ahead/behind and stash", () => {
  const cases: {
    name: string;
    input: string;
    expected: Partial<ParsedStatus>;
  }[] = [
    {
      name: "branch.oid sets head",
      input: z(`# branch.oid ${OID}`),
      expected: { head: OID },
    },
    {
      name: "branch.oid (initial) leaves head undefined (unborn branch)",
      input: z("# branch.oid (initial)", "# branch.head master"),
      expected: { head: undefined, branch: "master" },
    },
    {
      name: "branch.head sets the branch name",
      input: z("# branch.head feature/a1"),
      expected: { branch: "feature/a1" },
    },
    {
      name: "branch.head (detached) leaves branch undefined",
      input: z(`# branch.oid ${OID}`, "# branch.head (detached)"),
      expected: { head: OID, branch: undefined },
    },
    {
      name: "branch.upstream sets the upstream",
      input: z("# branch.upstream origin/main"),
      expected: { upstream: "origin/main" },
    },
    {
      name: "branch.ab sets ahead and behind",
      input: z("# branch.ab +3 -12"),
      expected: { ahead: 3, behind: 12 },
    },
    {
      name: "branch.ab +0 -0 sets zeros, not undefined",
      input: z("# branch.ab +0 -0"),
      expected: { ahead: 0, behind: 0 },
    },
    {
      name: "a malformed branch.ab is ignored",
      input: z("# branch.ab 3 12"),
      expected: { ahead: undefined, behind: undefined },
    },
    {
      name: "stash sets the stash count",
      input: z("# stash 4"),
      expected: { stashCount: 4 },
    },
    {
      name: "a non-numeric stash count becomes 0",
      input: z("# stash lots"),
      expected: { stashCount: 0 },
    },
    {
      name: "unknown headers are ignored",
      input: z("# branch.future something", "# other"),
      expected: {},
    },
  ];
  for (const { name, input, expected } of cases) {
    const parsed = parsePorcelainV2(input);
    assert.deepEqual(
      parsed,
      { ...empty(), ...withoutUndefined(expected) },
      name,
    );
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(parsed[key as keyof ParsedStatus], value, `${name}: ${key}`);
    }
    assert.equal(isDirty(parsed), false, `${name}: headers alone are clean`);
  }
});

Deno.test("parsePorcelainV2: ordinary records sort into staged and modified by their XY letters", () => {
  const cases: {
    name: string;
    input: string;
    expected: { staged: string[]; modified: string[] };
  }[] = [
    {
      name: "index-only change (M.) is staged",
      input: z(ordinary("M.", "a.ts")),
      expected: { staged: ["a.ts"], modified: [] },
    },
    {
      name: "worktree-only change (.M) is modified",
      input: z(ordinary(".M", "a.ts")),
      expected: { staged: [], modified: ["a.ts"] },
    },
    {
      name: "both (MM) is staged and modified",
      input: z(ordinary("MM", "a.ts")),
      expected: { staged: ["a.ts"], modified: ["a.ts"] },
    },
    {
      name: "added (A.) is staged",
      input: z(ordinary("A.", "new.ts")),
      expected: { staged: ["new.ts"], modified: [] },
    },
    {
      name: "deleted in worktree (.D) is modified",
      input: z(ordinary(".D", "gone.ts")),
      expected: { staged: [], modified: ["gone.ts"] },
    },
    {
      name: "type change (T.) is staged",
      input: z(ordinary("T.", "link")),
      expected: { staged: ["link"], modified: [] },
    },
  ];
  for (const { name, input, expected } of cases) {
    const parsed = parsePorcelainV2(input);
    assert.deepEqual(parsed.staged.map((e) => e.path), expected.staged, name);
    assert.deepEqual(
      parsed.modified.map((e) => e.path),
      expected.modified,
      name,
    );
    assert.equal(isDirty(parsed), true, name);
  }
});

Deno.test("parsePorcelainV2: an entry keeps both status letters and no origPath", () => {
  const parsed = parsePorcelainV2(z(ordinary("AM", "x.ts")));
  const expected: StatusEntry = { path: "x.ts", index: "A", worktree: "M" };
  assert.deepEqual(parsed.staged, [expected]);
  assert.deepEqual(parsed.modified, [expected]);
  assert.equal("origPath" in parsed.staged[0], false);
});

Deno.test("parsePorcelainV2: a rename takes its origPath from the next NUL record", () => {
  const cases: {
    name: string;
    input: string;
    expected: StatusEntry;
  }[] = [
    {
      name: "staged rename",
      input: z(renamed("R.", "new.ts", "old.ts")),
      expected: {
        path: "new.ts",
        origPath: "old.ts",
        index: "R",
        worktree: ".",
      },
    },
    {
      name: "rename with spaces in both names",
      input: z(renamed("R.", "new name.txt", "old name.txt")),
      expected: {
        path: "new name.txt",
        origPath: "old name.txt",
        index: "R",
        worktree: ".",
      },
    },
    {
      name: "copy with a partial score",
      input: z(renamed("C.", "b.ts", "a.ts", "C75")),
      expected: { path: "b.ts", origPath: "a.ts", index: "C", worktree: "." },
    },
    {
      name: "origPath that looks like a header record is still a path",
      input: z(renamed("R.", "b", "# branch.head evil")),
      expected: {
        path: "b",
        origPath: "# branch.head evil",
        index: "R",
        worktree: ".",
      },
    },
    {
      name: "origPath that looks like an untracked record is still a path",
      input: z(renamed("R.", "b", "? c")),
      expected: { path: "b", origPath: "? c", index: "R", worktree: "." },
    },
  ];
  for (const { name, input, expected } of cases) {
    const parsed = parsePorcelainV2(input);
    assert.deepEqual(parsed.staged, [expected], name);
    assert.deepEqual(parsed.untracked, [], `${name}: origPath not untracked`);
    assert.equal(parsed.branch, undefined, `${name}: origPath not a header`);
  }
});

Deno.test("parsePorcelainV2: records after a rename are still parsed", () => {
  const parsed = parsePorcelainV2(
    z(renamed("RM", "new.ts", "old.ts"), ordinary(".M", "c.ts"), "? u.txt"),
  );
  assert.deepEqual(parsed.staged.map((e) => e.path), ["new.ts"]);
  assert.deepEqual(parsed.modified.map((e) => e.path), ["new.ts", "c.ts"]);
  assert.deepEqual(parsed.untracked, ["u.txt"]);
});

Deno.test("parsePorcelainV2: unmerged `u` records are conflicted, not staged or modified", () => {
  const cases: { name: string; input: string; expected: string[] }[] = [
    {
      name: "both modified",
      input: z(unmerged("UU", "c.txt")),
      expected: ["c.txt"],
    },
    {
      name: "added by us",
      input: z(unmerged("AU", "a.txt")),
      expected: ["a.txt"],
    },
    {
      name: "deleted by them",
      input: z(unmerged("UD", "d.txt")),
      expected: ["d.txt"],
    },
    {
      name: "conflicted path with spaces",
      input: z(unmerged("AA", "dir/both added.txt")),
      expected: ["dir/both added.txt"],
    },
  ];
  for (const { name, input, expected } of cases) {
    const parsed = parsePorcelainV2(input);
    assert.deepEqual(parsed.conflicted, expected, name);
    assert.deepEqual(parsed.staged, [], name);
    assert.deepEqual(parsed.modified, [], name);
    assert.equal(isDirty(parsed), true, name);
  }
});

Deno.test("parsePorcelainV2: untracked and ignored paths keep every character", () => {
  const names = [
    "plain.txt",
    "with space.txt",
    "  leading and trailing  ",
    "line\nbreak.txt",
    'qu"ote.txt',
    "it's.txt",
    "ünïcödé/日本語.txt",
    "emoji-😀.md",
    "tab\there",
    "back\\slash",
    "dir/sub/deep.txt",
  ];
  for (const name of names) {
    const untracked = parsePorcelainV2(z(`? ${name}`));
    assert.deepEqual(untracked.untracked, [name], `untracked ${name}`);
    assert.equal(isDirty(untracked), true, `untracked ${name} is dirty`);
    const ignored = parsePorcelainV2(z(`! ${name}`));
    assert.deepEqual(ignored.ignored, [name], `ignored ${name}`);
    const changed = parsePorcelainV2(z(ordinary(".M", name)));
    assert.deepEqual(
      changed.modified.map((e) => e.path),
      [name],
      `modified ${name}`,
    );
    const conflict = parsePorcelainV2(z(unmerged("UU", name)));
    assert.deepEqual(conflict.conflicted, [name], `conflicted ${name}`);
  }
});

Deno.test("parsePorcelainV2: a full status from a real repository", () => {
  const output = z(
    `# branch.oid ${OID}`,
    "# branch.head main",
    "# branch.upstream origin/main",
    "# branch.ab +1 -2",
    "# stash 1",
    ordinary(".M", "c.txt"),
    `1 A. N... 000000 100644 100644 ${ZERO} ${H1} new name.txt`,
    renamed("R.", "moved.txt", "orig.txt"),
    unmerged("UU", "conflict.txt"),
    "? line\nbreak.txt",
    "? ünï.txt",
    "! node_modules/",
  );
  assert.deepEqual(parsePorcelainV2(output), {
    head: OID,
    branch: "main",
    upstream: "origin/main",
    ahead: 1,
    behind: 2,
    stashCount: 1,
    staged: [
      { path: "new name.txt", index: "A", worktree: "." },
      { path: "moved.txt", origPath: "orig.txt", index: "R", worktree: "." },
    ],
    modified: [{ path: "c.txt", index: ".", worktree: "M" }],
    untracked: ["line\nbreak.txt", "ünï.txt"],
    conflicted: ["conflict.txt"],
    ignored: ["node_modules/"],
  });
});

Deno.test("parsePorcelainV2: output without a trailing NUL parses the same", () => {
  const withNul = z("# branch.head main", "? a", "? b");
  const without = withNul.slice(0, -1);
  assert.deepEqual(parsePorcelainV2(without), parsePorcelainV2(withNul));
});

Deno.test("parsePorcelainV2: records that are not porcelain v2 throw", () => {
  const cases: { name: string; input: string; expected: RegExp }[] = [
    {
      name: "porcelain v1 line",
      input: z(" M file.txt"),
      expected: /unexpected record/,
    },
    {
      name: "unknown record kind",
      input: z("x something"),
      expected: /unexpected record ' ?x something'/,
    },
    {
      name: "short ordinary record",
      input: z("1 .M N..."),
      expected: /short record/,
    },
    {
      name: "short rename record",
      input: z(`2 R. N... 100644 100644 100644 ${H1} ${H1} new.ts`, "old.ts"),
      expected: /short record/,
    },
    {
      name: "short unmerged record",
      input: z(`u UU N... 100644 100644 100644 100644 ${H1} file`),
      expected: /short record/,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.throws(() => parsePorcelainV2(input), expected, name);
  }
});

Deno.test("isDirty: any staged, modified, untracked or conflicted path is dirty; ignored paths are not", () => {
  const entry: StatusEntry = { path: "a", index: "M", worktree: "." };
  const cases: { name: string; input: ParsedStatus; expected: boolean }[] = [
    { name: "nothing", input: empty(), expected: false },
    {
      name: "headers only",
      input: { ...empty(), head: OID, branch: "main", stashCount: 3 },
      expected: false,
    },
    {
      name: "ignored only",
      input: { ...empty(), ignored: ["dist/"] },
      expected: false,
    },
    { name: "staged", input: { ...empty(), staged: [entry] }, expected: true },
    {
      name: "modified",
      input: { ...empty(), modified: [entry] },
      expected: true,
    },
    {
      name: "untracked",
      input: { ...empty(), untracked: ["u"] },
      expected: true,
    },
    {
      name: "conflicted",
      input: { ...empty(), conflicted: ["c"] },
      expected: true,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isDirty(input), expected, name);
  }
});

Deno.test("statusArgs: porcelain v2, NUL-separated, every untracked file, plus what is asked", () => {
  const base = ["status", "--porcelain=v2", "-z", "--untracked-files=all"];
  const cases: {
    name: string;
    input: Parameters<typeof statusArgs>[0];
    expected: string[];
  }[] = [
    { name: "nothing more", input: {}, expected: base },
    {
      name: "branch headers",
      input: { branch: true },
      expected: [...base, "--branch"],
    },
    {
      name: "branch headers without ahead/behind",
      input: { branch: true, aheadBehind: false },
      expected: [...base, "--branch", "--no-ahead-behind"],
    },
    {
      name: "no ahead/behind flag without branch headers",
      input: { aheadBehind: false },
      expected: base,
    },
    {
      name: "stash",
      input: { stash: true },
      expected: [...base, "--show-stash"],
    },
    {
      name: "ignored files",
      input: { ignored: true },
      expected: [...base, "--ignored=matching"],
    },
    {
      name: "no renames",
      input: { renames: false },
      expected: [...base, "--no-renames"],
    },
    {
      name: "renames on is git's default",
      input: { renames: true },
      expected: base,
    },
    {
      name: "everything",
      input: {
        branch: true,
        aheadBehind: false,
        stash: true,
        ignored: true,
        renames: false,
      },
      expected: [
        ...base,
        "--branch",
        "--no-ahead-behind",
        "--show-stash",
        "--ignored=matching",
        "--no-renames",
      ],
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(statusArgs(input), expected, name);
  }
});
