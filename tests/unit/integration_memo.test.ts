/**
 * Unit tests for `lib/gather/integration_memo.ts`: which memo texts are
 * trusted, what is written back, and when it needs writing.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  defaultKeyOf,
  type IntegrationMemo,
  memoChanged,
  parseIntegrationMemo,
  serializeIntegrationMemo,
} from "../../lib/gather/integration_memo.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const SHA256 = "c".repeat(64);
const KEY = defaultKeyOf(["refs/heads/main"], ["1".repeat(40)]);
const FORMAT = "mpm-session integration memo v1";

Deno.test("defaultKeyOf: every default ref with its tip", () => {
  assert.equal(
    defaultKeyOf(["refs/heads/main", "refs/remotes/origin/main"], [A, B]),
    `refs/heads/main=${A} refs/remotes/origin/main=${B}`,
  );
  assert.notEqual(
    defaultKeyOf(["refs/heads/main"], [A]),
    defaultKeyOf(["refs/heads/main"], [B]),
    "a moved tip is another key",
  );
});

Deno.test("parseIntegrationMemo: trusts only its own format for the same default tips", () => {
  const memo = (o: Record<string, unknown>) =>
    JSON.stringify({ format: FORMAT, default: KEY, ...o });
  const cases: { name: string; input: string; expected: string[] }[] = [
    {
      name: "valid",
      input: memo({ not_integrated: [A, B] }),
      expected: [A, B],
    },
    {
      name: "SHA-256 ids",
      input: memo({ not_integrated: [SHA256] }),
      expected: [SHA256],
    },
    { name: "empty file", input: "", expected: [] },
    { name: "not JSON", input: "{oops", expected: [] },
    { name: "JSON null", input: "null", expected: [] },
    { name: "an array", input: `[${JSON.stringify(A)}]`, expected: [] },
    {
      name: "another format",
      input: JSON.stringify({
        format: "v0",
        default: KEY,
        not_integrated: [A],
      }),
      expected: [],
    },
    {
      name: "another default tip",
      input: memo({ default: defaultKeyOf(["refs/heads/main"], [B]) }),
      expected: [],
    },
    {
      name: "list missing",
      input: memo({}),
      expected: [],
    },
    {
      name: "list not an array",
      input: memo({ not_integrated: A }),
      expected: [],
    },
    {
      name: "malformed ids are dropped, good ones kept",
      input: memo({
        not_integrated: [A, "HEAD", A.toUpperCase(), 7, null, `${B}\n`, B],
      }),
      expected: [A, B],
    },
  ];
  for (const { name, input, expected } of cases) {
    const parsed = parseIntegrationMemo(input, KEY);
    assert.deepEqual([...parsed.notIntegrated], expected, name);
    assert.equal(parsed.found.size, 0, `${name}: nothing found yet`);
    assert.equal(parsed.defaultKey, KEY, `${name}: key`);
  }
});

Deno.test("serializeIntegrationMemo: writes what this run found, sorted, and reads back", () => {
  const memo: IntegrationMemo = {
    defaultKey: KEY,
    notIntegrated: new Set([A]),
    found: new Set([B, A]),
  };
  const text = serializeIntegrationMemo(memo);
  assert.ok(text.endsWith("\n"));
  assert.deepEqual(JSON.parse(text).not_integrated, [A, B]);
  assert.deepEqual([...parseIntegrationMemo(text, KEY).notIntegrated], [A, B]);
  assert.equal(parseIntegrationMemo(text, "other").notIntegrated.size, 0);
});

Deno.test("memoChanged: only when this run found another set of tips", () => {
  const cases: {
    name: string;
    known: string[];
    found: string[];
    expected: boolean;
  }[] = [
    { name: "same tips", known: [A, B], found: [B, A], expected: false },
    { name: "nothing either way", known: [], found: [], expected: false },
    { name: "a new tip", known: [A], found: [A, B], expected: true },
    { name: "a tip gone", known: [A, B], found: [A], expected: true },
    { name: "swapped", known: [A], found: [B], expected: true },
  ];
  for (const { name, known, found, expected } of cases) {
    assert.equal(
      memoChanged({
        defaultKey: KEY,
        notIntegrated: new Set(known),
        found: new Set(found),
      }),
      expected,
      name,
    );
  }
});
