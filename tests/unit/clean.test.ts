/**
 * Unit tests for `parseDuration` in `lib/commands/clean.ts`: the
 * `--older-than` value, a number and one unit of s, m, h, d or w.
 *
 * @module
 */

import assert from "node:assert/strict";
import { parseDuration } from "../../lib/commands/clean.ts";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const W = 7 * D;

Deno.test("parseDuration: a number and a unit become milliseconds", () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: "seconds", input: "45s", expected: 45 * S },
    { name: "minutes", input: "90m", expected: 90 * M },
    { name: "hours", input: "12h", expected: 12 * H },
    { name: "days", input: "30d", expected: 30 * D },
    { name: "weeks", input: "2w", expected: 2 * W },
    { name: "zero", input: "0d", expected: 0 },
    { name: "decimal", input: "1.5h", expected: 1.5 * H },
    { name: "upper-case unit", input: "7D", expected: 7 * D },
    { name: "upper-case M is minutes", input: "10M", expected: 10 * M },
    { name: "space between number and unit", input: "3 d", expected: 3 * D },
    { name: "surrounding spaces", input: "  2w\n", expected: 2 * W },
    { name: "leading zeros", input: "007s", expected: 7 * S },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(parseDuration(input), expected, name);
  }
});

Deno.test("parseDuration: anything else is undefined", () => {
  const cases: { name: string; input: string }[] = [
    { name: "empty", input: "" },
    { name: "number without unit", input: "30" },
    { name: "unit without number", input: "d" },
    { name: "negative", input: "-1d" },
    { name: "plus sign", input: "+1d" },
    { name: "unknown unit (years)", input: "1y" },
    { name: "milliseconds are not a unit", input: "10ms" },
    { name: "word unit", input: "3 days" },
    { name: "two units", input: "1d2h" },
    { name: "dot without fraction", input: "1.d" },
    { name: "fraction without integer", input: ".5d" },
    { name: "exponent", input: "1e3s" },
    { name: "comma decimal", input: "1,5h" },
    { name: "hex", input: "0x10s" },
    { name: "Infinity", input: "Infinityd" },
  ];
  for (const { name, input } of cases) {
    assert.equal(parseDuration(input), undefined, name);
  }
});
