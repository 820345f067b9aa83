/**
 * Unit tests for `lib/decide/clean_plan.ts`: which saved sessions `clean`
 * deletes under `--keep N`, `--older-than`, or both, and that the newest
 * session and the LATEST one are never chosen.
 *
 * @module
 */

import assert from "node:assert/strict";
import { planClean, sessionTime } from "../../lib/decide/clean_plan.ts";
import { compareSessionIds } from "../../lib/decide/session_id.ts";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2024, 0, 31, 12, 0, 0));

/** Session ids one day apart, newest (`d30`) last: d1 … d30 of January. */
const S = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => {
    const day = String(i + 1).padStart(2, "0");
    return [`d${i + 1}`, `session-202401${day}-120000`];
  }),
) as Record<string, string>;

/** Five sessions in shuffled order: days 1, 10, 20, 29, 30. */
const IDS = [S.d20, S.d1, S.d30, S.d10, S.d29];

Deno.test("sessionTime: reads the UTC time from an id, or undefined", () => {
  const cases: { name: string; input: string; expected: string | undefined }[] =
    [
      {
        name: "base id",
        input: "session-20240102-030405",
        expected: "2024-01-02T03:04:05.000Z",
      },
      {
        name: "suffixed id has the same time",
        input: "session-20240102-030405-7",
        expected: "2024-01-02T03:04:05.000Z",
      },
      {
        name: "leap day",
        input: "session-20240229-235959",
        expected: "2024-02-29T23:59:59.000Z",
      },
      {
        name: "not a session id",
        input: "LATEST-SESSION.txt",
        expected: undefined,
      },
      {
        name: "short date",
        input: "session-2024010-030405",
        expected: undefined,
      },
      { name: "empty", input: "", expected: undefined },
    ];
  for (const { name, input, expected } of cases) {
    assert.equal(sessionTime(input)?.toISOString(), expected, name);
  }
});

Deno.test("planClean: chooses the sessions the rule asks for, newest first, never the protected ones", () => {
  const cases: {
    name: string;
    input: {
      ids: string[];
      keep?: number;
      olderThanMs?: number;
      latest?: string;
    };
    expected: string[];
  }[] = [
    { name: "no rule: nothing", input: { ids: IDS }, expected: [] },
    { name: "empty list", input: { ids: [], keep: 1 }, expected: [] },
    {
      name: "keep 2",
      input: { ids: IDS, keep: 2 },
      expected: [S.d20, S.d10, S.d1],
    },
    { name: "keep 4", input: { ids: IDS, keep: 4 }, expected: [S.d1] },
    {
      name: "keep more than there are",
      input: { ids: IDS, keep: 10 },
      expected: [],
    },
    {
      name: "keep 0 still never deletes the newest",
      input: { ids: IDS, keep: 0 },
      expected: [S.d29, S.d20, S.d10, S.d1],
    },
    {
      name: "keep 0 with one session deletes nothing",
      input: { ids: [S.d1], keep: 0 },
      expected: [],
    },
    {
      name: "keep 1 never deletes LATEST even when it is old",
      input: { ids: IDS, keep: 1, latest: S.d10 },
      expected: [S.d29, S.d20, S.d1],
    },
    {
      name: "older than 15 days",
      input: { ids: IDS, olderThanMs: 15 * DAY },
      expected: [S.d10, S.d1],
    },
    {
      name: "older than 0: everything but the newest",
      input: { ids: IDS, olderThanMs: 0 },
      expected: [S.d29, S.d20, S.d10, S.d1],
    },
    {
      name: "older than, never the newest even if it is old",
      input: { ids: [S.d1, S.d2], olderThanMs: DAY },
      expected: [S.d1],
    },
    {
      name: "older than, never LATEST",
      input: { ids: IDS, olderThanMs: 15 * DAY, latest: S.d1 },
      expected: [S.d10],
    },
    {
      name: "exactly as old as the limit is kept",
      input: { ids: IDS, olderThanMs: 21 * DAY },
      expected: [S.d1],
    },
    {
      name: "one millisecond younger than its age is deleted",
      input: { ids: IDS, olderThanMs: 21 * DAY - 1 },
      expected: [S.d10, S.d1],
    },
    {
      name: "both: beyond keep AND older than",
      input: { ids: IDS, keep: 2, olderThanMs: 15 * DAY },
      expected: [S.d10, S.d1],
    },
    {
      name: "both: keep protects old sessions within the count",
      input: { ids: IDS, keep: 4, olderThanMs: 5 * DAY },
      expected: [S.d1],
    },
    {
      name: "both: age protects young sessions beyond the count",
      input: { ids: IDS, keep: 1, olderThanMs: 25 * DAY },
      expected: [S.d1],
    },
    {
      name: "a LATEST pointer not in the list protects nothing else",
      input: { ids: IDS, keep: 3, latest: "session-20991231-000000" },
      expected: [S.d10, S.d1],
    },
    {
      name: "collision suffixes: -10 is newer than -2",
      input: {
        ids: [
          "session-20240101-120000-10",
          "session-20240101-120000-2",
          "session-20240101-120000",
        ],
        keep: 1,
      },
      expected: ["session-20240101-120000-2", "session-20240101-120000"],
    },
    {
      name: "older than never deletes an id whose time cannot be read",
      input: { ids: ["junk", S.d1, S.d30], olderThanMs: DAY },
      expected: [S.d1],
    },
  ];
  for (const { name, input, expected } of cases) {
    const plan = planClean(input.ids, {
      keep: input.keep,
      olderThanMs: input.olderThanMs,
      latest: input.latest,
      now: NOW,
    });
    assert.deepEqual(plan, expected, name);
    const newest = [...input.ids].sort(compareSessionIds).at(-1);
    if (newest !== undefined) {
      assert.equal(plan.includes(newest), false, `${name}: newest kept`);
    }
    if (input.latest) {
      assert.equal(plan.includes(input.latest), false, `${name}: LATEST kept`);
    }
  }
});

Deno.test("planClean: does not reorder the caller's list", () => {
  const ids = [...IDS];
  planClean(ids, { keep: 1, now: NOW });
  assert.deepEqual(ids, IDS);
});
