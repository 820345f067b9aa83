/**
 * Table-driven tests of rescue ref names: every folder name becomes one
 * valid ref path component, and every prefix is unique.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rescueName, rescuePrefix } from "../../lib/act/rescue.ts";

const names: [string, string][] = [
  ["agent-a1", "agent-a1"],
  ["b c", "b-c"],
  ["..x", "x"],
  ["x..y", "x-y"],
  ["q'uote", "q-uote"],
  ["*star", "star"],
  ["ünï", "n-"],
  ["new\nline", "new-line"],
  ["name.lock", "name-lock"],
  [".hidden", "hidden"],
  ["...", "worktree"],
];

for (const [input, expected] of names) {
  Deno.test(`rescue name of ${JSON.stringify(input)} is a valid ref component`, () => {
    const name = rescueName(`/repo/.claude/worktrees/${input}`);
    assert.equal(name, expected);
    const ref = `${rescuePrefix(name, 1_700_000_000_000)}/HEAD`;
    // git itself is the judge of a valid ref name.
    execFileSync("git", ["check-ref-format", ref]);
  });
}

Deno.test("rescue prefixes for the same name in the same second differ", () => {
  const a = rescuePrefix("a-b", 1_700_000_000_000);
  const b = rescuePrefix("a-b", 1_700_000_000_000);
  assert.notEqual(a, b);
  assert.match(a, /^refs\/mpm-session\/rescue\/a-b\/1700000000-[0-9a-z]+$/);
});
