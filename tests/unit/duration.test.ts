/**
 * Unit tests for `parseDuration` in `lib/decide/duration.ts`: the
 * `--older-than` and `--min-age` value, a number and one unit.
 *
 * @module
 */

import assert from "node:assert/strict";
import { parseDuration } from "../../lib/decide/duration.ts";
import { parseDuration as legacyParseDuration } from "../../lib/commands/clean.ts";

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const W = 7 * D;

Deno.test("parseDuration: a number and a unit become milliseconds", () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: "seconds", input: "45s", expected: 45 * S },
    { name: "sec", input: "45sec", expected: 45 * S },
    { name: "minutes", input: "90min", expected: 90 * MIN },
    { name: "minutes spelt out", input: "5 minutes", expected: 5 * MIN },
    { name: "hours", input: "12h", expected: 12 * H },
    { name: "days", input: "30d", expected: 30 * D },
    { name: "days spelt out", input: "3 days", expected: 3 * D },
    { name: "weeks", input: "2w", expected: 2 * W },
    { name: "months are 30 days", input: "6mo", expected: 180 * D },
    { name: "years are 365 days", input: "1y", expected: 365 * D },
    { name: "zero", input: "0d", expected: 0 },
    { name: "decimal", input: "1.5h", expected: 1.5 * H },
    { name: "upper-case unit", input: "7D", expected: 7 * D },
    { name: "upper-case MO", input: "2MO", expected: 60 * D },
    { name: "space between number and unit", input: "3 d", expected: 3 * D },
    { name: "surrounding spaces", input: "  2w\n", expected: 2 * W },
    { name: "leading zeros", input: "007s", expected: 7 * S },
  ];
  for (const { name, input, expected } of cases) {
    const result = parseDuration(input);
    assert.deepEqual(result, { ok: true, ms: expected }, name);
    assert.equal(legacyParseDuration(input), expected, name);
  }
});

Deno.test("parseDuration: anything else is refused with a message", () => {
  const cases: { name: string; input: string; hint: RegExp }[] = [
    { name: "empty", input: "", hint: /such as 90min/ },
    { name: "number without unit", input: "30", hint: /such as 90min/ },
    { name: "unit without number", input: "d", hint: /such as 90min/ },
    { name: "negative", input: "-1d", hint: /such as 90min/ },
    { name: "plus sign", input: "+1d", hint: /such as 90min/ },
    { name: "bare m", input: "1m", hint: /write 1min or 1mo/ },
    { name: "bare M", input: "10M", hint: /write 10min or 10mo/ },
    { name: "milliseconds are not a unit", input: "10ms", hint: /unit 'ms'/ },
    { name: "two units", input: "1d2h", hint: /such as 90min/ },
    { name: "dot without fraction", input: "1.d", hint: /such as 90min/ },
    { name: "fraction without integer", input: ".5d", hint: /such as 90min/ },
    { name: "exponent", input: "1e3s", hint: /such as 90min/ },
    { name: "comma decimal", input: "1,5h", hint: /such as 90min/ },
    { name: "hex", input: "0x10s", hint: /such as 90min/ },
    { name: "Infinity", input: "Infinityd", hint: /such as 90min/ },
  ];
  for (const { name, input, hint } of cases) {
    const result = parseDuration(input);
    assert.equal(result.ok, false, name);
    if (!result.ok) {
      assert.match(result.message, /^Cannot read duration '/, name);
      assert.match(result.message, hint, name);
    }
    assert.equal(legacyParseDuration(input), undefined, name);
  }
});
