/**
 * Unit tests for `lib/decide/select.ts`: which saved session `resume`
 * shows for `latest`, an exact id, `--select N` and `--select <prefix>`.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type SelectionResult,
  selectSession,
  type SessionSelector,
} from "../../lib/decide/select.ts";

const OLD = "session-20240101-090000";
const MID = "session-20240102-090000";
const NEW = "session-20240103-090000";
const NEW2 = "session-20240103-090000-2";
const NEW10 = "session-20240103-090000-10";

/** Readable ids in no particular order: selection must sort them. */
const IDS = [MID, NEW10, OLD, NEW2, NEW];
/** Newest first: NEW10, NEW2, NEW, MID, OLD. */

type Expected =
  | { ok: true; id: string }
  | {
    ok: false;
    reason: "none" | "not-found" | "out-of-range" | "ambiguous";
    message?: RegExp;
    matches?: string[];
  };

function check(
  name: string,
  actual: SelectionResult,
  expected: Expected,
): void {
  assert.equal(actual.ok, expected.ok, `${name}: ok`);
  if (expected.ok) {
    assert.deepEqual(actual, expected, name);
    return;
  }
  assert.ok(!actual.ok);
  assert.equal(actual.reason, expected.reason, `${name}: reason`);
  assert.ok(actual.message.length > 0, `${name}: has a message`);
  if (expected.message) {
    assert.match(actual.message, expected.message, `${name}: message`);
  }
  assert.deepEqual(actual.matches, expected.matches, `${name}: matches`);
}

Deno.test("selectSession: every selector on an empty list is 'none'", () => {
  const selectors: SessionSelector[] = [
    { kind: "latest" },
    { kind: "latest", pointer: NEW },
    { kind: "exact", id: NEW },
    { kind: "select", value: "1" },
    { kind: "select", value: "2024" },
  ];
  for (const selector of selectors) {
    check(JSON.stringify(selector), selectSession([], selector), {
      ok: false,
      reason: "none",
      message: /^No paused sessions found$/,
    });
  }
});

Deno.test("selectSession: latest uses a valid LATEST pointer, else the newest by id order", () => {
  const cases: { name: string; input: SessionSelector; expected: Expected }[] =
    [
      {
        name: "no pointer: newest by numeric suffix (-10 beats -2)",
        input: { kind: "latest" },
        expected: { ok: true, id: NEW10 },
      },
      {
        name: "pointer naming a readable older session wins",
        input: { kind: "latest", pointer: MID },
        expected: { ok: true, id: MID },
      },
      {
        name: "pointer naming an unreadable session falls back to newest",
        input: { kind: "latest", pointer: "session-20991231-000000" },
        expected: { ok: true, id: NEW10 },
      },
      {
        name: "empty pointer falls back to newest",
        input: { kind: "latest", pointer: "" },
        expected: { ok: true, id: NEW10 },
      },
      {
        name: "garbage pointer falls back to newest",
        input: { kind: "latest", pointer: "../../etc/passwd" },
        expected: { ok: true, id: NEW10 },
      },
    ];
  for (const { name, input, expected } of cases) {
    check(name, selectSession(IDS, input), expected);
  }
});

Deno.test("selectSession: exact needs a readable id, with or without .json/.md", () => {
  const cases: { name: string; input: SessionSelector; expected: Expected }[] =
    [
      {
        name: "readable id",
        input: { kind: "exact", id: MID },
        expected: { ok: true, id: MID },
      },
      {
        name: ".json extension is dropped",
        input: { kind: "exact", id: `${OLD}.json` },
        expected: { ok: true, id: OLD },
      },
      {
        name: ".md extension is dropped",
        input: { kind: "exact", id: `${NEW2}.md` },
        expected: { ok: true, id: NEW2 },
      },
      {
        name: "unknown id is not-found and names it",
        input: { kind: "exact", id: "session-20991231-000000" },
        expected: {
          ok: false,
          reason: "not-found",
          message:
            /Cannot find session 'session-20991231-000000'.*mpm-session list/,
        },
      },
      {
        name: "a prefix is not an exact id",
        input: { kind: "exact", id: "session-20240102" },
        expected: { ok: false, reason: "not-found" },
      },
    ];
  for (const { name, input, expected } of cases) {
    check(name, selectSession(IDS, input), expected);
  }
});

Deno.test("selectSession: --select N picks the N-th newest; out of range says how many there are", () => {
  const cases: {
    name: string;
    input: { ids: string[]; value: string };
    expected: Expected;
  }[] = [
    {
      name: "1 is newest",
      input: { ids: IDS, value: "1" },
      expected: { ok: true, id: NEW10 },
    },
    {
      name: "2",
      input: { ids: IDS, value: "2" },
      expected: { ok: true, id: NEW2 },
    },
    {
      name: "last",
      input: { ids: IDS, value: "5" },
      expected: { ok: true, id: OLD },
    },
    {
      name: "surrounding spaces are trimmed",
      input: { ids: IDS, value: " 3 " },
      expected: { ok: true, id: NEW },
    },
    {
      name: "leading zeros are a number",
      input: { ids: IDS, value: "004" },
      expected: { ok: true, id: MID },
    },
    {
      name: "0 is out of range",
      input: { ids: IDS, value: "0" },
      expected: {
        ok: false,
        reason: "out-of-range",
        message:
          /^Cannot select session 0: there are 5 sessions: choose 1 to 5$/,
      },
    },
    {
      name: "one past the end is out of range",
      input: { ids: IDS, value: "6" },
      expected: { ok: false, reason: "out-of-range", message: /choose 1 to 5/ },
    },
    {
      name: "singular wording with one session",
      input: { ids: [OLD], value: "2" },
      expected: {
        ok: false,
        reason: "out-of-range",
        message: /there is 1 session: choose 1 to 1/,
      },
    },
    {
      name: "five digits is still a number",
      input: { ids: IDS, value: "99999" },
      expected: { ok: false, reason: "out-of-range" },
    },
  ];
  for (const { name, input, expected } of cases) {
    check(
      name,
      selectSession(input.ids, { kind: "select", value: input.value }),
      expected,
    );
  }
});

Deno.test("selectSession: --select <prefix> must match exactly one session, with or without 'session-'", () => {
  const cases: { name: string; input: string; expected: Expected }[] = [
    {
      name: "unique date prefix without 'session-'",
      input: "20240101",
      expected: { ok: true, id: OLD },
    },
    {
      name: "unique date prefix with 'session-'",
      input: "session-20240102",
      expected: { ok: true, id: MID },
    },
    {
      name: "six digits is a prefix, not a number",
      input: "202401",
      expected: {
        ok: false,
        reason: "ambiguous",
        matches: [NEW10, NEW2, NEW, MID, OLD],
        message:
          /^Cannot select '202401': it matches 5 sessions: .*: give more of the id$/,
      },
    },
    {
      name: "ambiguous prefix lists the matches newest first",
      input: "20240103",
      expected: {
        ok: false,
        reason: "ambiguous",
        matches: [NEW10, NEW2, NEW],
        message: new RegExp(`matches 3 sessions: ${NEW10}, ${NEW2}, ${NEW}: `),
      },
    },
    {
      name: "unique suffixed id",
      input: "20240103-090000-10",
      expected: { ok: true, id: NEW10 },
    },
    {
      name: "prefix matching nothing is not-found",
      input: "209912",
      expected: {
        ok: false,
        reason: "not-found",
        message: /Cannot find a session matching '209912'.*mpm-session list/,
      },
    },
    {
      name: "fewer than six digits is a number, even if it looks like a year",
      input: "2024",
      expected: { ok: false, reason: "out-of-range" },
    },
    {
      name: "non-numeric text matching nothing is not-found",
      input: "yesterday",
      expected: { ok: false, reason: "not-found" },
    },
    {
      name: "'session-' is only added once",
      input: "session-session-2024",
      expected: { ok: false, reason: "not-found" },
    },
  ];
  for (const { name, input, expected } of cases) {
    check(name, selectSession(IDS, { kind: "select", value: input }), expected);
  }
});

Deno.test("selectSession: an ambiguous message shows at most 10 ids, then an ellipsis", () => {
  const ids = Array.from(
    { length: 12 },
    (_, i) => `session-20240105-1200${String(i).padStart(2, "0")}`,
  );
  const result = selectSession(ids, { kind: "select", value: "20240105" });
  assert.ok(!result.ok);
  assert.equal(result.reason, "ambiguous");
  assert.equal(result.matches?.length, 12, "all matches are returned");
  assert.match(result.message, /matches 12 sessions: /);
  assert.match(result.message, /, …: give more of the id$/);
  const listed = result.message.match(/session-\d{8}-\d{6}/g) ?? [];
  assert.equal(listed.length, 10, "only ten ids are printed");
});

Deno.test("selectSession: selection does not reorder the caller's list", () => {
  const ids = [...IDS];
  selectSession(ids, { kind: "select", value: "1" });
  assert.deepEqual(ids, IDS);
});

Deno.test({
  name:
    "selectSession: --select with a complete id picks it even when it prefixes another id",
  fn: () => {
    const base = "session-20240103-090000";
    const ids = [base, `${base}-2`, `${base}-20`];
    const cases: { name: string; input: string; expected: Expected }[] = [
      { name: "base id", input: base, expected: { ok: true, id: base } },
      {
        name: "-2 while -20 exists",
        input: `${base}-2`,
        expected: { ok: true, id: `${base}-2` },
      },
      {
        name: "without 'session-'",
        input: "20240103-090000-2",
        expected: { ok: true, id: `${base}-2` },
      },
    ];
    for (const { name, input, expected } of cases) {
      check(
        name,
        selectSession(ids, { kind: "select", value: input }),
        expected,
      );
    }
  },
});
