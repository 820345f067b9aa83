/**
 * Unit tests for `lib/decide/merge_hooks.ts`: adding this tool's
 * PreCompact and SessionStart hooks to Claude Code settings without losing
 * anything, idempotently, and refusing shapes it does not understand.
 *
 * @module
 */

import assert from "node:assert/strict";
import { HOOK_EVENTS, mergeHooks } from "../../lib/decide/merge_hooks.ts";

const CMD = "mpm-session hook";

/** The group this tool adds for one event. */
const OURS = { matcher: "", hooks: [{ type: "command", command: CMD }] };

Deno.test("HOOK_EVENTS: PreCompact and SessionStart", () => {
  assert.deepEqual([...HOOK_EVENTS], ["PreCompact", "SessionStart"]);
});

Deno.test("mergeHooks: adds one group per missing event and keeps everything else", () => {
  const unrelated = {
    matcher: "Bash",
    hooks: [{ type: "command", command: "echo before-bash" }],
  };
  const cases: {
    name: string;
    input: unknown;
    expected: { settings: Record<string, unknown>; added: string[] };
  }[] = [
    {
      name: "empty settings",
      input: {},
      expected: {
        settings: { hooks: { PreCompact: [OURS], SessionStart: [OURS] } },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "null hooks count as none",
      input: { hooks: null },
      expected: {
        settings: { hooks: { PreCompact: [OURS], SessionStart: [OURS] } },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "other settings are kept",
      input: { model: "opus", permissions: { allow: ["Bash(git:*)"] } },
      expected: {
        settings: {
          model: "opus",
          permissions: { allow: ["Bash(git:*)"] },
          hooks: { PreCompact: [OURS], SessionStart: [OURS] },
        },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "unrelated events are kept",
      input: { hooks: { PreToolUse: [unrelated] } },
      expected: {
        settings: {
          hooks: {
            PreToolUse: [unrelated],
            PreCompact: [OURS],
            SessionStart: [OURS],
          },
        },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "unrelated groups of the same event are kept, ours appended",
      input: { hooks: { PreCompact: [unrelated] } },
      expected: {
        settings: {
          hooks: { PreCompact: [unrelated, OURS], SessionStart: [OURS] },
        },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "an event that already has our command is left alone",
      input: {
        hooks: {
          PreCompact: [{
            matcher: "auto",
            hooks: [{ type: "command", command: CMD, timeout: 30 }],
          }],
        },
      },
      expected: {
        settings: {
          hooks: {
            PreCompact: [{
              matcher: "auto",
              hooks: [{ type: "command", command: CMD, timeout: 30 }],
            }],
            SessionStart: [OURS],
          },
        },
        added: ["SessionStart"],
      },
    },
    {
      name: "odd group entries are kept and do not count as ours",
      input: {
        hooks: {
          SessionStart: ["junk", null, { hooks: "no" }, { hooks: [null, 1] }],
        },
      },
      expected: {
        settings: {
          hooks: {
            PreCompact: [OURS],
            SessionStart: [
              "junk",
              null,
              { hooks: "no" },
              { hooks: [null, 1] },
              OURS,
            ],
          },
        },
        added: ["PreCompact", "SessionStart"],
      },
    },
    {
      name: "a different command is not ours",
      input: {
        hooks: {
          PreCompact: [{ hooks: [{ type: "command", command: `${CMD} --x` }] }],
        },
      },
      expected: {
        settings: {
          hooks: {
            PreCompact: [{
              hooks: [{ type: "command", command: `${CMD} --x` }],
            }, OURS],
            SessionStart: [OURS],
          },
        },
        added: ["PreCompact", "SessionStart"],
      },
    },
  ];
  for (const { name, input, expected } of cases) {
    const result = mergeHooks(input, CMD);
    assert.deepEqual(result, { ok: true, ...expected }, name);
  }
});

Deno.test("mergeHooks: a second merge changes nothing and adds nothing", () => {
  const inputs: unknown[] = [
    {},
    { model: "opus", hooks: { PreToolUse: [{ matcher: "Bash", hooks: [] }] } },
    {
      hooks: {
        PreCompact: [{
          matcher: "",
          hooks: [{ type: "command", command: "other" }],
        }],
      },
    },
  ];
  for (const input of inputs) {
    const first = mergeHooks(input, CMD);
    assert.ok(first.ok);
    const second = mergeHooks(first.settings, CMD);
    assert.ok(second.ok);
    assert.deepEqual(second.added, [], JSON.stringify(input));
    assert.deepEqual(second.settings, first.settings, JSON.stringify(input));
    const third = mergeHooks(JSON.parse(JSON.stringify(second.settings)), CMD);
    assert.ok(third.ok);
    assert.deepEqual(third.added, [], "idempotent after a JSON round trip");
  }
});

Deno.test("mergeHooks: the input object is not changed", () => {
  const input = { hooks: { PreCompact: [{ matcher: "x", hooks: [] }] }, a: 1 };
  const copy = structuredClone(input);
  const result = mergeHooks(input, CMD);
  assert.ok(result.ok);
  assert.deepEqual(input, copy);
  assert.notEqual(result.settings, input);
});

Deno.test("mergeHooks: shapes it does not understand are refused with an error", () => {
  const cases: { name: string; input: unknown; expected: string }[] = [
    {
      name: "null",
      input: null,
      expected: "the settings are not a JSON object",
    },
    {
      name: "array",
      input: [],
      expected: "the settings are not a JSON object",
    },
    {
      name: "string",
      input: "{}",
      expected: "the settings are not a JSON object",
    },
    {
      name: "number",
      input: 1,
      expected: "the settings are not a JSON object",
    },
    {
      name: "undefined",
      input: undefined,
      expected: "the settings are not a JSON object",
    },
    {
      name: "hooks is a list",
      input: { hooks: [] },
      expected: "'hooks' is not an object",
    },
    {
      name: "hooks is a string",
      input: { hooks: "x" },
      expected: "'hooks' is not an object",
    },
    {
      name: "hooks is false",
      input: { hooks: false },
      expected: "'hooks' is not an object",
    },
    {
      name: "PreCompact is an object",
      input: { hooks: { PreCompact: {} } },
      expected: "'hooks.PreCompact' is not a list",
    },
    {
      name: "SessionStart is a string",
      input: { hooks: { SessionStart: "mpm-session hook" } },
      expected: "'hooks.SessionStart' is not a list",
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.deepEqual(
      mergeHooks(input, CMD),
      { ok: false, error: expected },
      name,
    );
  }
});
