/**
 * Unit tests for the pure parts of `lib/gather/processes.ts`: reading a PID
 * out of a worktree lock reason, and matching process working directories
 * against a folder.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  pidFromLockReason,
  type ProcessCwds,
  processesInside,
} from "../../lib/gather/processes.ts";

Deno.test("pidFromLockReason: finds 'pid N' or 'process N', else undefined", () => {
  const cases: { name: string; input: string; expected: number | undefined }[] =
    [
      {
        name: "claude-style reason",
        input: "agent a1 (pid 4242)",
        expected: 4242,
      },
      { name: "upper case", input: "PID 17", expected: 17 },
      { name: "colon", input: "pid:123", expected: 123 },
      { name: "equals", input: "locked pid=99 on host", expected: 99 },
      { name: "hash", input: "pid #7", expected: 7 },
      { name: "no separator", input: "pid4242", expected: 4242 },
      { name: "process word", input: "held by process 555", expected: 555 },
      { name: "process with colon", input: "Process: 8", expected: 8 },
      {
        name: "pid preferred over process",
        input: "process 1 pid 2",
        expected: 2,
      },
      { name: "ten digits", input: "pid 1234567890", expected: 1234567890 },
      {
        name: "eleven digits is not a pid",
        input: "pid 12345678901",
        expected: undefined,
      },
      { name: "zero is not a pid", input: "pid 0", expected: undefined },
      { name: "no number", input: "pid unknown", expected: undefined },
      { name: "empty reason", input: "", expected: undefined },
      { name: "plain text", input: "agent a1 is working", expected: undefined },
      { name: "'pid' inside a word", input: "rapid 55", expected: undefined },
      { name: "'pids' is not 'pid'", input: "pids 5 6", expected: undefined },
      {
        name: "number followed by letters",
        input: "pid 12abc",
        expected: undefined,
      },
    ];
  for (const { name, input, expected } of cases) {
    assert.equal(pidFromLockReason(input), expected, name);
  }
});

Deno.test("processesInside: PIDs whose cwd is the folder or inside it; undefined when unknown", () => {
  const cwds: ProcessCwds = {
    available: true,
    cwds: [
      { pid: 1, cwd: "/repo/.claude/worktrees/a1" },
      { pid: 2, cwd: "/repo/.claude/worktrees/a1/src" },
      { pid: 3, cwd: "/repo/.claude/worktrees/a10" },
      { pid: 4, cwd: "/repo" },
      { pid: 5, cwd: "/repo/.claude/worktrees/a1-evil" },
    ],
  };
  const cases: {
    name: string;
    input: [ProcessCwds, string];
    expected: number[] | undefined;
  }[] = [
    {
      name: "folder and below",
      input: [cwds, "/repo/.claude/worktrees/a1"],
      expected: [1, 2],
    },
    {
      name: "with trailing slash",
      input: [cwds, "/repo/.claude/worktrees/a1/"],
      expected: [1, 2],
    },
    { name: "no process", input: [cwds, "/elsewhere"], expected: [] },
    {
      name: "parent sees all",
      input: [cwds, "/repo"],
      expected: [1, 2, 3, 4, 5],
    },
    {
      name: "not available",
      input: [{ available: false, reason: "no /proc" }, "/repo"],
      expected: undefined,
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(processesInside(input[0], input[1]), expected, name);
  }
});
