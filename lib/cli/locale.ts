/**
 * Whether the terminal's locale can show UTF-8, and a plain-ASCII stand-in
 * for the few symbols the text output uses. Pure: no I/O.
 *
 * @module
 */

/**
 * Whether the locale is UTF-8: the first non-empty one of `LC_ALL`,
 * `LC_CTYPE` and `LANG` names UTF-8. With none set the locale is POSIX `C`,
 * which is ASCII.
 */
export function isUtf8Locale(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /utf-?8/i.test(locale);
}

const ASCII: Readonly<Record<string, string>> = {
  "…": "...",
  "→": "->",
  "←": "<-",
  "—": "--",
  "–": "-",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "•": "*",
  "·": "-",
  "×": "x",
  "✓": "ok",
  "✗": "x",
  "≥": ">=",
  "≤": "<=",
  "\u00a0": " ",
};

const SYMBOL = new RegExp(`[${Object.keys(ASCII).join("")}]`, "g");

/**
 * Replaces the output's typographic symbols with ASCII. An ellipsis that
 * ends shortened text takes the two characters before it, so a line
 * fitted to the terminal's width keeps its length.
 */
export function toAscii(text: string): string {
  return text.replace(/[^\s.][^\s.]…/g, "...").replace(
    SYMBOL,
    (s) => ASCII[s],
  );
}
