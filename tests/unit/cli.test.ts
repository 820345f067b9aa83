/**
 * Unit tests for the CLI's pure parts: the command-line parser (global
 * options before or after the command), "did you mean", the colour rules
 * and the locale check.
 *
 * @module
 */

import assert from "node:assert/strict";
import { parseCommandLine } from "../../lib/cli/parse.ts";
import { closest } from "../../lib/cli/suggest.ts";
import { isUtf8Locale, toAscii } from "../../lib/cli/locale.ts";
import { wantsColor } from "../../lib/report/color.ts";
import { COMMANDS } from "../../lib/commands/registry.ts";
import { UsageError } from "../../lib/errors.ts";

Deno.test("parseCommandLine: global options before or after the command", () => {
  for (
    const args of [
      ["-C", "/p", "-q", "prune", "--dry-run"],
      ["prune", "-C", "/p", "--dry-run", "-q"],
      ["-q", "prune", "-C/p", "--dry-run"],
      ["prune", "--directory=/p", "-q", "--dry-run"],
    ]
  ) {
    const parsed = parseCommandLine(args, COMMANDS);
    assert.equal(parsed.kind, "command", args.join(" "));
    if (parsed.kind !== "command") continue;
    assert.equal(parsed.command.name, "prune");
    assert.equal(parsed.global.directory, "/p", args.join(" "));
    assert.equal(parsed.global.quiet, true, args.join(" "));
    assert.equal(parsed.values["dry-run"], true, args.join(" "));
  }
});

Deno.test("parseCommandLine: a value may start with a dash unless it is an option", () => {
  const parsed = parseCommandLine(["list", "-n", "-1"], COMMANDS);
  assert.equal(parsed.kind === "command" && parsed.values.limit, "-1");
  const eq = parseCommandLine(["pause", "--message=--json"], COMMANDS);
  assert.equal(eq.kind === "command" && eq.values.message, "--json");
  assert.throws(
    () => parseCommandLine(["pause", "-m", "--json"], COMMANDS),
    (e) => e instanceof UsageError && /--message=--json/.test(e.message),
  );
});

Deno.test("parseCommandLine: short flags cluster, -- ends options", () => {
  const parsed = parseCommandLine(["-qv", "resume", "--", "-x"], COMMANDS);
  assert.ok(parsed.kind === "command");
  if (parsed.kind !== "command") return;
  assert.equal(parsed.global.quiet && parsed.global.verbose, true);
  assert.deepEqual(parsed.positionals, ["-x"]);
});

Deno.test("closest: typing slips find the name, far-off words do not", () => {
  const cases: [string, string[], string | undefined][] = [
    ["pasue", ["pause", "prune", "resume"], "pause"],
    ["prnue", ["pause", "prune", "resume"], "prune"],
    ["dryrun", ["dry-run", "json"], "dry-run"],
    ["jsno", ["json", "help"], "json"],
    ["frobnicate", ["pause", "prune", "resume", "list"], undefined],
    ["x", ["pause"], undefined],
    ["install", ["install-hooks", "list"], "install-hooks"],
  ];
  for (const [input, known, expected] of cases) {
    assert.equal(closest(input, known), expected, input);
  }
});

Deno.test("wantsColor: --color, NO_COLOR, FORCE_COLOR, TERM=dumb, then the terminal", () => {
  const cases: [
    boolean,
    Record<string, string>,
    "auto" | "always" | "never",
    boolean,
  ][] = [
    [true, {}, "auto", true],
    [false, {}, "auto", false],
    [true, { NO_COLOR: "1" }, "auto", false],
    [true, { NO_COLOR: "" }, "auto", true],
    [false, { FORCE_COLOR: "1" }, "auto", true],
    [true, { FORCE_COLOR: "0" }, "auto", false],
    [false, { FORCE_COLOR: "" }, "auto", false],
    [true, { NO_COLOR: "1", FORCE_COLOR: "1" }, "auto", false],
    [true, { TERM: "dumb" }, "auto", false],
    [false, { TERM: "dumb", FORCE_COLOR: "1" }, "auto", true],
    [false, { NO_COLOR: "1" }, "always", true],
    [true, { FORCE_COLOR: "1" }, "never", false],
  ];
  for (const [tty, env, mode, expected] of cases) {
    assert.equal(
      wantsColor(tty, env, mode),
      expected,
      JSON.stringify([tty, env, mode]),
    );
  }
});

Deno.test("isUtf8Locale: LC_ALL, then LC_CTYPE, then LANG; none is C", () => {
  const cases: [Record<string, string>, boolean][] = [
    [{}, false],
    [{ LANG: "en_GB.UTF-8" }, true],
    [{ LANG: "C.utf8" }, true],
    [{ LANG: "C" }, false],
    [{ LC_ALL: "C", LANG: "en_US.UTF-8" }, false],
    [{ LC_ALL: "", LC_CTYPE: "de_DE.UTF-8", LANG: "C" }, true],
    [{ LC_CTYPE: "POSIX", LANG: "en_US.UTF-8" }, false],
  ];
  for (const [env, expected] of cases) {
    assert.equal(isUtf8Locale(env), expected, JSON.stringify(env));
  }
  const ascii: [string, string][] = [
    ["a … b → c — d", "a ... b -> c -- d"],
    // Shortened text keeps its length: the ellipsis takes two characters.
    [".claude/worktrees/a-long…feature", ".claude/worktrees/a-lo...feature"],
    ["branch a-worktree-with-l…", "branch a-worktree-with..."],
    ["    … and 2 more", "    ... and 2 more"],
  ];
  for (const [text, expected] of ascii) {
    assert.equal(toAscii(text), expected, text);
  }
  assert.equal(
    toAscii("abcdefgh…").length,
    "abcdefgh…".length,
    "a fitted line stays as wide",
  );
});
