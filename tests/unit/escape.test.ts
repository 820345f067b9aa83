/**
 * Unit tests for `lib/report/escape.ts`: control characters made visible,
 * Markdown specials escaped, code spans that hold any text literally on one
 * line, terminal paths, truncation and first lines. Code spans are checked
 * by decoding them with the CommonMark code-span rules.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  codeSpan,
  displayPath,
  escapeControl,
  escapeMarkdown,
  firstLine,
  truncate,
} from "../../lib/report/escape.ts";

Deno.test("escapeControl: control characters become \\uXXXX; tab, newline and printable text stay", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: "plain text", input: "hello, world", expected: "hello, world" },
    { name: "NUL", input: "a\0b", expected: "a\\u0000b" },
    { name: "bell", input: "\x07", expected: "\\u0007" },
    { name: "backspace", input: "\b", expected: "\\u0008" },
    { name: "tab kept", input: "a\tb", expected: "a\tb" },
    { name: "newline kept", input: "a\nb", expected: "a\nb" },
    { name: "vertical tab", input: "\v", expected: "\\u000b" },
    { name: "form feed", input: "\f", expected: "\\u000c" },
    { name: "carriage return", input: "a\rb", expected: "a\\u000db" },
    {
      name: "ANSI escape",
      input: "\x1b[31mred\x1b[0m",
      expected: "\\u001b[31mred\\u001b[0m",
    },
    { name: "unit separator", input: "\x1f", expected: "\\u001f" },
    { name: "space is not control", input: " ", expected: " " },
    { name: "DEL", input: "\x7f", expected: "\\u007f" },
    { name: "C1 NEL", input: "\x85", expected: "\\u0085" },
    { name: "C1 CSI", input: "\x9b", expected: "\\u009b" },
    { name: "last C1", input: "\x9f", expected: "\\u009f" },
    { name: "no-break space is printable", input: "\xa0", expected: "\xa0" },
    { name: "line separator", input: "\u2028", expected: "\\u2028" },
    { name: "paragraph separator", input: "\u2029", expected: "\\u2029" },
    { name: "unicode letters", input: "ünï 日本 😀", expected: "ünï 日本 😀" },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(escapeControl(input), expected, name);
  }
});

Deno.test("escapeControl: no control character other than tab and newline survives", () => {
  for (let code = 0; code <= 0x2030; code++) {
    const c = String.fromCharCode(code);
    const out = escapeControl(c);
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    assert.equal(
      out,
      isControl ? `\\u${code.toString(16).padStart(4, "0")}` : c,
      `U+${code.toString(16)}`,
    );
  }
});

Deno.test("escapeMarkdown: inline markup and HTML characters are backslash-escaped", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    {
      name: "plain words",
      input: "fix the parser 42",
      expected: "fix the parser 42",
    },
    { name: "heading", input: "# Title", expected: "\\# Title" },
    { name: "emphasis", input: "*a* _b_", expected: "\\*a\\* \\_b\\_" },
    { name: "strong", input: "**a**", expected: "\\*\\*a\\*\\*" },
    { name: "strikethrough", input: "~~x~~", expected: "\\~\\~x\\~\\~" },
    { name: "code span", input: "`rm -rf`", expected: "\\`rm -rf\\`" },
    { name: "code fence", input: "```sh", expected: "\\`\\`\\`sh" },
    {
      name: "link text brackets",
      input: "[x](http://e.com)",
      expected: "\\[x\\](http://e.com)",
    },
    { name: "image brackets", input: "![i](u)", expected: "!\\[i\\](u)" },
    {
      name: "HTML tag",
      input: "<script>alert(1)</script>",
      expected: "\\<script\\>alert(1)\\</script\\>",
    },
    {
      name: "autolink",
      input: "<http://e.com>",
      expected: "\\<http://e.com\\>",
    },
    { name: "HTML entity", input: "&amp;", expected: "\\&amp;" },
    { name: "numeric entity", input: "&#60;", expected: "\\&#60;" },
    {
      name: "# inside a line is not a heading: left alone",
      input: "see issue #123",
      expected: "see issue #123",
    },
    {
      name: "& that starts no entity is left alone",
      input: "A & B",
      expected: "A & B",
    },
    {
      name: "_ inside a word never emphasises: left alone",
      input: "snake_case_name",
      expected: "snake_case_name",
    },
    { name: "block quote marker", input: "> quoted", expected: "\\> quoted" },
    { name: "table pipe", input: "a | b", expected: "a \\| b" },
    { name: "backslash itself", input: "a\\b", expected: "a\\\\b" },
    {
      name: "control char: escaped, then its backslash escaped",
      input: "\x1b",
      expected: "\\\\u001b",
    },
    {
      name: "parentheses and dots stay readable (deliberate since bb8e17c)",
      input: "pruned 2 (3.5 MB)",
      expected: "pruned 2 (3.5 MB)",
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(escapeMarkdown(input), expected, name);
  }
});

Deno.test("escapeMarkdown: no unescaped inline-markup character survives", () => {
  // Always escaped; `#`, `_` and `&` only where they would render (line
  // start, word edges, before an entity).
  const always = "\\`*[]<>|~";
  const specials = `${always}_&`;
  const text = `${specials} a${specials}b ${specials}${specials}`;
  const out = escapeMarkdown(`#${text}\n_x &amp; y_`);
  assert.ok(out.startsWith("\\#"), out);
  assert.ok(out.endsWith("\\_x \\&amp; y\\_"), out);
  // Walk the output: every special must be preceded by an escaping backslash.
  for (let i = 0; i < out.length; i++) {
    if (out[i] === "\\") {
      assert.ok(
        `${specials}#`.includes(out[i + 1] ?? ""),
        `lone backslash at ${i}`,
      );
      i++;
      continue;
    }
    assert.equal(always.includes(out[i]), false, `unescaped ${out[i]} at ${i}`);
  }
});

// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Undoes CommonMark backslash escapes of ASCII punctuation. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

Deno.test("escapeMarkdown: removing the escapes gives back the control-escaped text", () => {
  const samples = [
    "plain",
    "**bold** and _it_ `code` [l](u) <b>&amp;</b> # h | t ~ + - . ! \\",
    "a\\*b",
    "\\\\",
    "\x1b[0m \u2028 tab\there",
    "ünï 😀 = ' \" : ; ? @ ^ $ % ,",
  ];
  for (const s of samples) {
    assert.equal(
      unescapeMarkdown(escapeMarkdown(s)),
      escapeControl(s),
      JSON.stringify(s),
    );
  }
});

/**
 * Decodes one inline code span by the CommonMark rules: the opening and
 * closing backtick runs have equal length, no run of that length is inside,
 * and one leading and trailing space is stripped when both are present and
 * the content is not all spaces.
 */
function decodeCodeSpan(span: string): string {
  const open = /^`+/.exec(span)?.[0] ?? "";
  assert.ok(open.length > 0, `not a code span: ${span}`);
  assert.ok(
    span.endsWith(open) && span.length >= 2 * open.length,
    `unclosed: ${span}`,
  );
  let content = span.slice(open.length, span.length - open.length);
  // A backtick touching a fence would make that fence run longer.
  assert.equal(content.startsWith("`"), false, `opening run too long: ${span}`);
  assert.equal(content.endsWith("`"), false, `closing run too long: ${span}`);
  for (const run of content.match(/`+/g) ?? []) {
    assert.notEqual(run.length, open.length, `span closes early: ${span}`);
  }
  assert.equal(content.includes("\n"), false, `span is not one line: ${span}`);
  if (
    content.startsWith(" ") && content.endsWith(" ") && content.trim() !== ""
  ) {
    content = content.slice(1, -1);
  }
  return content;
}

/** What a code span should show for `text`: one line, controls visible. */
function shown(text: string): string {
  return escapeControl(text).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}

Deno.test("codeSpan: exact output for backticks, newlines, tabs and controls", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: "plain path", input: "src/a.ts", expected: "`src/a.ts`" },
    {
      name: "markdown specials are literal in code",
      input: "*a*_b_",
      expected: "`*a*_b_`",
    },
    { name: "one backtick inside", input: "a`b", expected: "``a`b``" },
    { name: "two backticks inside", input: "a``b", expected: "```a``b```" },
    {
      name: "longest run decides",
      input: "a`b```c``d",
      expected: "````a`b```c``d````",
    },
    { name: "leading backtick is padded", input: "`x", expected: "`` `x ``" },
    { name: "trailing backtick is padded", input: "x`", expected: "`` x` ``" },
    { name: "only a backtick", input: "`", expected: "`` ` ``" },
    { name: "empty", input: "", expected: "`  `" },
    { name: "newline becomes \\n", input: "a\nb", expected: "`a\\nb`" },
    { name: "tab becomes \\t", input: "a\tb", expected: "`a\\tb`" },
    {
      name: "ANSI escape made visible",
      input: "\x1b[2J",
      expected: "`\\u001b[2J`",
    },
    {
      name: "carriage return made visible",
      input: "a\r\nb",
      expected: "`a\\u000d\\nb`",
    },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(codeSpan(input), expected, name);
  }
});

Deno.test("codeSpan: decodes back to the shown text for many generated strings", () => {
  const alphabet = [
    "a",
    "b",
    "`",
    "``",
    "```",
    " ",
    "\n",
    "\t",
    "\x1b",
    "*",
    "_",
    "\\",
    "ü",
  ];
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  let checked = 0;
  for (let i = 0; i < 2000; i++) {
    const length = Math.floor(rand() * 8);
    let text = "";
    for (let j = 0; j < length; j++) {
      text += alphabet[Math.floor(rand() * alphabet.length)];
    }
    const display = shown(text);
    if (display.trim() === "") continue; // All spaces cannot survive as a span.
    checked++;
    assert.equal(decodeCodeSpan(codeSpan(text)), display, JSON.stringify(text));
  }
  assert.ok(checked > 1000, `only ${checked} strings were checked`);
});

Deno.test({
  name: "codeSpan: text with a leading and a trailing space keeps both",
  fn: () => {
    for (const text of [" a ", "  two  ", " `x` "]) {
      assert.equal(
        decodeCodeSpan(codeSpan(text)),
        shown(text),
        JSON.stringify(text),
      );
    }
  },
});

Deno.test("displayPath: one line, controls, newlines and tabs visible", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    {
      name: "plain",
      input: ".claude/worktrees/a1",
      expected: ".claude/worktrees/a1",
    },
    { name: "spaces kept", input: "my dir/a b", expected: "my dir/a b" },
    { name: "newline", input: "a\nb", expected: "a\\nb" },
    { name: "tab", input: "a\tb", expected: "a\\tb" },
    {
      name: "ANSI escape",
      input: "\x1b]0;title\x07",
      expected: "\\u001b]0;title\\u0007",
    },
    { name: "carriage return", input: "ok\rEVIL", expected: "ok\\u000dEVIL" },
    { name: "unicode kept", input: "ünï/日本", expected: "ünï/日本" },
  ];
  for (const { name, input, expected } of cases) {
    const out = displayPath(input);
    assert.equal(out, expected, name);
    assert.equal(RAW_CONTROL.test(out), false, `${name}: no raw controls`);
  }
});

Deno.test("truncate: at most `max` characters, with … marking a cut", () => {
  const cases: { name: string; input: [string, number]; expected: string }[] = [
    { name: "shorter", input: ["abc", 5], expected: "abc" },
    { name: "exactly max", input: ["abcde", 5], expected: "abcde" },
    { name: "one over", input: ["abcdef", 5], expected: "abcd…" },
    {
      name: "much longer",
      input: ["x".repeat(1000), 10],
      expected: `${"x".repeat(9)}…`,
    },
    { name: "max 1", input: ["abc", 1], expected: "…" },
    { name: "empty", input: ["", 3], expected: "" },
  ];
  for (const { name, input, expected } of cases) {
    const out = truncate(input[0], input[1]);
    assert.equal(out, expected, name);
    assert.ok(out.length <= input[1] || input[0] === "", `${name}: length`);
  }
});

Deno.test("firstLine: the first non-blank line, trimmed", () => {
  const cases: {
    name: string;
    input: string | null | undefined;
    expected: string;
  }[] = [
    { name: "null", input: null, expected: "" },
    { name: "undefined", input: undefined, expected: "" },
    { name: "empty", input: "", expected: "" },
    { name: "blank lines only", input: "  \n\t\n", expected: "" },
    { name: "one line", input: "  fix it  ", expected: "fix it" },
    {
      name: "skips leading blank lines",
      input: "\n\n  second\nthird",
      expected: "second",
    },
    { name: "CRLF", input: "first\r\nsecond", expected: "first" },
  ];
  for (const { name, input, expected } of cases) {
    assert.equal(firstLine(input), expected, name);
  }
});
