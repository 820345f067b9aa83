/**
 * Unit tests for `lib/decide/session_id.ts`: UTC formatting of session ids,
 * collision candidates, ordering, and recognising session file names.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  baseSessionId,
  candidateSessionId,
  compareSessionIds,
  isSessionId,
  sessionFileTime,
  sessionIdFromFileName,
  sessionIdTime,
} from "../../lib/decide/session_id.ts";

Deno.test("baseSessionId: formats the UTC time as session-YYYYMMDD-HHMMSS with zero padding", () => {
  const cases: { name: string; input: Date; expected: string }[] = [
    {
      name: "every field single-digit is padded",
      input: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      expected: "session-20240102-030405",
    },
    {
      name: "every field two-digit",
      input: new Date(Date.UTC(2025, 11, 31, 23, 59, 59)),
      expected: "session-20251231-235959",
    },
    {
      name: "midnight",
      input: new Date(Date.UTC(2024, 1, 29, 0, 0, 0)),
      expected: "session-20240229-000000",
    },
    {
      name: "milliseconds are dropped, not rounded",
      input: new Date(Date.UTC(2024, 5, 6, 7, 8, 9, 999)),
      expected: "session-20240606-070809",
    },
    {
      name: "a year below 1000 is padded to four digits",
      input: new Date(Date.UTC(999, 0, 1, 0, 0, 0)),
      expected: "session-09990101-000000",
    },
    {
      name: "UTC, not local time: an offset date is converted",
      input: new Date("2024-03-10T01:30:00+05:00"),
      expected: "session-20240309-203000",
    },
  ];
  for (const { name, input, expected } of cases) {
    const id = baseSessionId(input);
    assert.equal(id, expected, name);
    assert.equal(isSessionId(id), true, `${name}: well-formed`);
  }
});

Deno.test("candidateSessionId: the pause's own second first, then each next second, always in claude-mpm's pattern", () => {
  const pausedAt = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  const cases: { name: string; input: number; expected: string }[] = [
    { name: "attempt 0", input: 0, expected: "session-20240102-030405" },
    { name: "attempt 1", input: 1, expected: "session-20240102-030405" },
    { name: "attempt 2", input: 2, expected: "session-20240102-030406" },
    { name: "attempt 3", input: 3, expected: "session-20240102-030407" },
    {
      name: "attempt 56 crosses a minute",
      input: 56,
      expected: "session-20240102-030500",
    },
  ];
  for (const { name, input, expected } of cases) {
    const id = candidateSessionId(pausedAt, input);
    assert.equal(id, expected, name);
    assert.match(id, /^session-\d{8}-\d{6}$/, `${name}: claude-mpm's pattern`);
  }
  // Across midnight and a year end.
  assert.equal(
    candidateSessionId(new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 1)), 2),
    "session-20250101-000000",
  );
  // Candidates only grow, so later attempts always sort after earlier ones.
  for (let a = 1; a < 200; a++) {
    assert.equal(
      compareSessionIds(
        candidateSessionId(pausedAt, a),
        candidateSessionId(pausedAt, a + 1),
      ),
      -1,
      `attempt ${a} sorts before ${a + 1}`,
    );
  }
});

Deno.test("sessionIdTime: the second an id names; undefined when malformed", () => {
  const cases: { name: string; input: string; expected: string | undefined }[] =
    [
      {
        name: "base",
        input: "session-20240102-030405",
        expected: "2024-01-02T03:04:05.000Z",
      },
      {
        name: "legacy suffix",
        input: "session-20240102-030405-3",
        expected: "2024-01-02T03:04:05.000Z",
      },
      { name: "not an id", input: "session-test", expected: undefined },
    ];
  for (const { name, input, expected } of cases) {
    assert.equal(sessionIdTime(input)?.toISOString(), expected, name);
  }
});

Deno.test("sessionFileTime: paused_at for a pause in its own second, the id's second plus the milliseconds otherwise; ordered like ids", () => {
  const pausedAt = new Date("2026-12-01T20:36:20.900Z");
  const cases: { name: string; input: string; expected: string }[] = [
    {
      name: "own second",
      input: "session-20261201-203620",
      expected: "2026-12-01T20:36:20.900Z",
    },
    {
      name: "moved one second",
      input: "session-20261201-203621",
      expected: "2026-12-01T20:36:21.900Z",
    },
    {
      name: "malformed id keeps paused_at",
      input: "nope",
      expected: "2026-12-01T20:36:20.900Z",
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(
      sessionFileTime(input, pausedAt).toISOString(),
      expected,
      name,
    );
  }
  // A later id always gets a later time, whatever the pauses' milliseconds.
  const early = sessionFileTime(
    "session-20261201-203621",
    new Date("2026-12-01T20:36:20.001Z"),
  );
  const late = sessionFileTime(
    "session-20261201-203620",
    new Date("2026-12-01T20:36:20.999Z"),
  );
  assert.ok(early.getTime() > late.getTime());
});

Deno.test("isSessionId: only session-<8 digits>-<6 digits>[-N]", () => {
  const cases: { name: string; input: string; expected: boolean }[] = [
    { name: "base", input: "session-20240102-030405", expected: true },
    {
      name: "with suffix",
      input: "session-20240102-030405-12",
      expected: true,
    },
    { name: "no prefix", input: "20240102-030405", expected: false },
    { name: "short date", input: "session-2024012-030405", expected: false },
    { name: "short time", input: "session-20240102-03040", expected: false },
    {
      name: "empty suffix",
      input: "session-20240102-030405-",
      expected: false,
    },
    {
      name: "letter suffix",
      input: "session-20240102-030405-a",
      expected: false,
    },
    {
      name: "with extension",
      input: "session-20240102-030405.json",
      expected: false,
    },
    {
      name: "trailing newline",
      input: "session-20240102-030405\n",
      expected: false,
    },
    { name: "empty", input: "", expected: false },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(isSessionId(input), expected, name);
  }
});

Deno.test("compareSessionIds: orders by time, then by numeric suffix; malformed first", () => {
  const cases: {
    name: string;
    input: [string, string];
    expected: "<" | ">" | "=";
  }[] = [
    {
      name: "earlier day first",
      input: ["session-20240101-235959", "session-20240102-000000"],
      expected: "<",
    },
    {
      name: "earlier second first",
      input: ["session-20240101-120000", "session-20240101-120001"],
      expected: "<",
    },
    {
      name: "base before -2",
      input: ["session-20240101-120000", "session-20240101-120000-2"],
      expected: "<",
    },
    {
      name: "-2 before -10 (numeric, not string, order)",
      input: ["session-20240101-120000-2", "session-20240101-120000-10"],
      expected: "<",
    },
    {
      name: "-9 before -10",
      input: ["session-20240101-120000-9", "session-20240101-120000-10"],
      expected: "<",
    },
    {
      name: "-10 after -9 (reverse arguments)",
      input: ["session-20240101-120000-10", "session-20240101-120000-9"],
      expected: ">",
    },
    {
      name: "a suffixed id is older than the next second's base",
      input: ["session-20240101-120000-99", "session-20240101-120001"],
      expected: "<",
    },
    {
      name: "equal ids",
      input: ["session-20240101-120000-3", "session-20240101-120000-3"],
      expected: "=",
    },
    {
      name: "malformed sorts before well-formed",
      input: ["garbage", "session-19700101-000000"],
      expected: "<",
    },
    {
      name: "well-formed sorts after malformed",
      input: ["session-19700101-000000", "session-2024"],
      expected: ">",
    },
    {
      name: "two malformed ids fall back to string order",
      input: ["alpha", "beta"],
      expected: "<",
    },
    {
      name: "same time, -02 and -2 are the same number: string order decides",
      input: ["session-20240101-120000-02", "session-20240101-120000-2"],
      expected: "<",
    },
  ];
  for (const { name, input, expected } of cases) {
    const result = compareSessionIds(input[0], input[1]);
    const sign = result < 0 ? "<" : result > 0 ? ">" : "=";
    assert.equal(sign, expected, name);
    const reverse = compareSessionIds(input[1], input[0]);
    const reverseSign = reverse < 0 ? "<" : reverse > 0 ? ">" : "=";
    assert.equal(
      reverseSign,
      expected === "<" ? ">" : expected === ">" ? "<" : "=",
      `${name}: antisymmetric`,
    );
  }
});

Deno.test("compareSessionIds: sorting a shuffled list gives oldest first with -10 last", () => {
  const expected = [
    "not-a-session",
    "session-20231231-235959",
    "session-20240101-120000",
    "session-20240101-120000-2",
    "session-20240101-120000-3",
    "session-20240101-120000-9",
    "session-20240101-120000-10",
    "session-20240101-120000-11",
    "session-20240101-120001",
  ];
  const shuffled = [
    expected[6],
    expected[3],
    expected[8],
    expected[0],
    expected[7],
    expected[2],
    expected[5],
    expected[1],
    expected[4],
  ];
  assert.deepEqual([...shuffled].sort(compareSessionIds), expected);
});

Deno.test("sessionIdFromFileName: .json and .md files of well-formed ids only", () => {
  const cases: { name: string; input: string; expected: string | undefined }[] =
    [
      {
        name: "json",
        input: "session-20240102-030405.json",
        expected: "session-20240102-030405",
      },
      {
        name: "md",
        input: "session-20240102-030405.md",
        expected: "session-20240102-030405",
      },
      {
        name: "suffixed json",
        input: "session-20240102-030405-10.json",
        expected: "session-20240102-030405-10",
      },
      {
        name: "other extension",
        input: "session-20240102-030405.txt",
        expected: undefined,
      },
      {
        name: "temporary file",
        input: "session-20240102-030405.json.tmp",
        expected: undefined,
      },
      {
        name: "no extension",
        input: "session-20240102-030405",
        expected: undefined,
      },
      {
        name: "LATEST pointer",
        input: "LATEST-SESSION.txt",
        expected: undefined,
      },
      {
        name: "prefixed name",
        input: "old-session-20240102-030405.json",
        expected: undefined,
      },
      {
        name: "malformed id",
        input: "session-2024-030405.json",
        expected: undefined,
      },
      {
        name: "upper-case extension",
        input: "session-20240102-030405.JSON",
        expected: undefined,
      },
    ];
  for (const { name, input, expected } of cases) {
    assert.equal(sessionIdFromFileName(input), expected, name);
  }
});
