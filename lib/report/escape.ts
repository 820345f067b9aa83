/**
 * Escaping for text shown in Markdown and terminals. Pure: no I/O.
 *
 * @module
 */

/** Control characters other than tab and newline. */
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Replaces control characters with visible `\uXXXX` escapes. */
export function escapeControl(text: string): string {
  return text.replace(
    CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Escapes text so Markdown shows it literally, with no markup or HTML, and
 * only where a character would render wrong: `#` starts a heading only at
 * the line's start, `&` matters only before an entity, `_` never
 * emphasises inside a word.
 */
export function escapeMarkdown(text: string): string {
  return escapeControl(text).split("\n").map((line) =>
    line.replace(/[\\`*\[\]<>|~]/g, "\\$&")
      .replace(/&(?=#?\w+;)/g, "\\&")
      .replace(
        /(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu,
        (m) => m.replace("_", "\\_"),
      )
      // What starts a heading, a list, a rule or a setext heading.
      .replace(/^(\s*)([-+=#])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
  ).join("\n");
}

/**
 * A Markdown code span holding `text` literally, on one line: the fence is
 * longer than any run of backticks inside, and newlines become `\n`.
 */
export function codeSpan(text: string): string {
  const oneLine = escapeControl(text).replace(/\n/g, "\\n").replace(
    /\t/g,
    "\\t",
  );
  const longest = Math.max(
    0,
    ...(oneLine.match(/`+/g) ?? []).map((run) => run.length),
  );
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space from each side when both sides have one.
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ||
      oneLine.length === 0 ||
      (oneLine.startsWith(" ") && oneLine.endsWith(" ") &&
        oneLine.trim() !== "")
    ? " "
    : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Shows a file path on one line for a terminal, escaping what would break it. */
export function displayPath(path: string): string {
  const escaped = escapeControl(path).replace(/\n/g, "\\n").replace(
    /\t/g,
    "\\t",
  );
  return escaped;
}

/** Cuts `text` to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line of `text`, or an empty string. */
export function firstLine(text: string | null | undefined): string {
  return (text ?? "").split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ??
    "";
}
