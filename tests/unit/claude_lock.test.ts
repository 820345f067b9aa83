/**
 * Unit tests for `lib/decide/claude_lock.ts`: Claude Code's lock reasons,
 * `/proc/<pid>/stat` lines whose command name holds spaces and
 * parentheses, and the verdict on a lock's owner.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  judgeClaudeLock,
  parseClaudeLockReason,
  parseProcStat,
  staleLockNote,
} from "../../lib/decide/claude_lock.ts";

Deno.test("parseClaudeLockReason reads Claude Code's own form only", () => {
  const cases: [string, ReturnType<typeof parseClaudeLockReason>][] = [
    ["claude session feat (pid 4242 start 98765)", {
      kind: "session",
      name: "feat",
      pid: 4242,
      startTicks: "98765",
    }],
    ["claude agent agent-a1b2c3 (pid 7 start 0)", {
      kind: "agent",
      name: "agent-a1b2c3",
      pid: 7,
      startTicks: "0",
    }],
    ["claude session my name (pid 12 start 34)", {
      kind: "session",
      name: "my name",
      pid: 12,
      startTicks: "34",
    }],
    ["claude agent x (pid 12 start 34)\n", {
      kind: "agent",
      name: "x",
      pid: 12,
      startTicks: "34",
    }],
    ["claude agent x (pid 0 start 34)", undefined],
    ["claude agent x (pid 12)", undefined],
    ["agent still running (pid 999)", undefined],
    ["claude worker x (pid 12 start 34)", undefined],
    ["Claude agent x (pid 12 start 34)", undefined],
    ["claude agent x (pid 12 start 34) extra", undefined],
    ["", undefined],
  ];
  for (const [reason, expected] of cases) {
    assert.deepEqual(parseClaudeLockReason(reason), expected, reason);
  }
});

function statLine(comm: string, state: string, start: string): string {
  // Fields 3..52 after the name; field 22 is the start time.
  const after = [state];
  for (let field = 4; field <= 52; field++) {
    after.push(field === 22 ? start : String(field));
  }
  return `4242 (${comm}) ${after.join(" ")}\n`;
}

Deno.test("parseProcStat splits after the last parenthesis", () => {
  const cases: [string, ReturnType<typeof parseProcStat>][] = [
    [statLine("claude", "S", "98765"), { state: "S", startTicks: "98765" }],
    [statLine("a b) (c d", "R", "5"), { state: "R", startTicks: "5" }],
    [
      statLine(
        ") 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21",
        "S",
        "77",
      ),
      {
        state: "S",
        startTicks: "77",
      },
    ],
    [statLine("zombie", "Z", "12"), { state: "Z", startTicks: "12" }],
    ["4242 claude S 1 2 3", undefined],
    ["4242 (claude) S 1 2 3", undefined],
    ["", undefined],
    [statLine("x", "S", "notanumber"), undefined],
  ];
  for (const [line, expected] of cases) {
    assert.deepEqual(parseProcStat(line), expected, line);
  }
});

Deno.test("judgeClaudeLock keeps only a live owner with the same start", () => {
  const owner = parseClaudeLockReason("claude agent a (pid 5 start 100)")!;
  const present = (state: string, startTicks: string) => ({
    kind: "present" as const,
    stat: { state, startTicks },
  });
  assert.deepEqual(judgeClaudeLock(owner, present("S", "100")), {
    kind: "live",
  });
  assert.deepEqual(judgeClaudeLock(owner, present("S", "101")), {
    kind: "stale",
    why: "reused",
  });
  assert.deepEqual(judgeClaudeLock(owner, present("Z", "100")), {
    kind: "stale",
    why: "gone",
  });
  assert.deepEqual(judgeClaudeLock(owner, { kind: "absent" }), {
    kind: "stale",
    why: "gone",
  });
  assert.deepEqual(
    judgeClaudeLock(owner, { kind: "unknown", why: "no /proc" }),
    { kind: "unknown", why: "no /proc" },
  );
});

Deno.test("staleLockNote uses the report's wording", () => {
  const owner = parseClaudeLockReason("claude agent agent-a1 (pid 5 start 1)")!;
  assert.equal(
    staleLockNote(owner, "gone", false),
    "unlocked stale lock of claude agent agent-a1 (pid 5 gone)",
  );
  assert.equal(
    staleLockNote(owner, "gone", true),
    "would unlock stale lock of claude agent agent-a1 (pid 5 gone)",
  );
  assert.match(staleLockNote(owner, "reused", false), /pid 5 gone, now used/);
});
