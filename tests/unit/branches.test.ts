/**
 * Unit tests for the pure parts of `lib/gather/branches.ts`: reading
 * `%(upstream:track)` and choosing the default branch (origin/HEAD, then the
 * main worktree's branch, then `main`, then `master`).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  chooseDefaultBranch,
  type DefaultBranch,
  parseTrack,
} from "../../lib/gather/branches.ts";

Deno.test("parseTrack: ahead count and gone flag from %(upstream:track)", () => {
  const cases: {
    name: string;
    input: string;
    expected: { ahead: number; gone: boolean };
  }[] = [
    { name: "in sync (empty)", input: "", expected: { ahead: 0, gone: false } },
    { name: "ahead", input: "[ahead 2]", expected: { ahead: 2, gone: false } },
    {
      name: "behind only",
      input: "[behind 7]",
      expected: { ahead: 0, gone: false },
    },
    {
      name: "ahead and behind",
      input: "[ahead 12, behind 1]",
      expected: { ahead: 12, gone: false },
    },
    { name: "gone", input: "[gone]", expected: { ahead: 0, gone: true } },
    {
      name: "large count",
      input: "[ahead 123456]",
      expected: { ahead: 123456, gone: false },
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(parseTrack(input), expected, name);
  }
});

/** Ref trees as `for-each-ref` would report them. */
function trees(...refs: string[]): Map<string, string> {
  return new Map(refs.map((r, i) => [r, `tree-${i}-${r.split("/").pop()}`]));
}

Deno.test("chooseDefaultBranch: origin/HEAD first, then the main worktree's branch, then main, then master", () => {
  const cases: {
    name: string;
    input: {
      refs: Map<string, string>;
      originHead?: string;
      mainBranch?: string;
    };
    expected: { name: string; refs: string[] } | null;
  }[] = [
    {
      name: "origin/HEAD wins over everything",
      input: {
        refs: trees(
          "refs/heads/main",
          "refs/heads/trunk",
          "refs/remotes/origin/trunk",
        ),
        originHead: "refs/remotes/origin/trunk",
        mainBranch: "main",
      },
      expected: {
        name: "trunk",
        refs: ["refs/heads/trunk", "refs/remotes/origin/trunk"],
      },
    },
    {
      name: "origin/HEAD with only the remote-tracking ref",
      input: {
        refs: trees("refs/remotes/origin/develop", "refs/heads/main"),
        originHead: "refs/remotes/origin/develop",
      },
      expected: { name: "develop", refs: ["refs/remotes/origin/develop"] },
    },
    {
      name: "origin/HEAD naming a ref that does not exist falls through",
      input: {
        refs: trees("refs/heads/main"),
        originHead: "refs/remotes/origin/gone",
      },
      expected: { name: "main", refs: ["refs/heads/main"] },
    },
    {
      name: "an origin/HEAD outside refs/remotes/origin/ is ignored",
      input: {
        refs: trees("refs/heads/main", "refs/remotes/upstream/dev"),
        originHead: "refs/remotes/upstream/dev",
      },
      expected: { name: "main", refs: ["refs/heads/main"] },
    },
    {
      name: "main worktree's branch next",
      input: {
        refs: trees("refs/heads/main", "refs/heads/release"),
        mainBranch: "release",
      },
      expected: { name: "release", refs: ["refs/heads/release"] },
    },
    {
      name: "main worktree's branch that does not exist falls through",
      input: { refs: trees("refs/heads/master"), mainBranch: "feature" },
      expected: { name: "master", refs: ["refs/heads/master"] },
    },
    {
      name: "main before master",
      input: { refs: trees("refs/heads/master", "refs/heads/main") },
      expected: { name: "main", refs: ["refs/heads/main"] },
    },
    {
      name: "master when there is no main",
      input: { refs: trees("refs/heads/master", "refs/heads/dev") },
      expected: { name: "master", refs: ["refs/heads/master"] },
    },
    {
      name: "remote main alone counts",
      input: { refs: trees("refs/remotes/origin/main") },
      expected: { name: "main", refs: ["refs/remotes/origin/main"] },
    },
    {
      name: "local ref listed before the remote-tracking ref",
      input: { refs: trees("refs/remotes/origin/main", "refs/heads/main") },
      expected: {
        name: "main",
        refs: ["refs/heads/main", "refs/remotes/origin/main"],
      },
    },
    {
      name: "no candidate exists",
      input: { refs: trees("refs/heads/dev", "refs/remotes/upstream/main") },
      expected: null,
    },
    { name: "no refs at all", input: { refs: new Map() }, expected: null },
  ];
  for (const { name, input, expected } of cases) {
    const shas = new Map([...input.refs.keys()].map((r) => [r, `sha-${r}`]));
    const result = chooseDefaultBranch(
      input.refs,
      shas,
      input.originHead,
      input.mainBranch,
    );
    if (expected === null) {
      assert.equal(result, null, name);
      continue;
    }
    const want: DefaultBranch = {
      ...expected,
      trees: expected.refs.map((r) => input.refs.get(r)!),
      shas: expected.refs.map((r) => `sha-${r}`),
    };
    assert.deepEqual(result, want, name);
  }
});
