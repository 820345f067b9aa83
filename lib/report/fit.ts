/**
 * Fitting text to a terminal line: plurals, cutting at a word, shortening
 * a path in the middle. Pure: no I/O. Widths count UTF-16 code units, which
 * is one column for the paths and messages this tool prints.
 *
 * @module
 */

/** The width used when output is not a terminal. */
export const DEFAULT_WIDTH = 80;

/** The narrowest width lines are fitted to; below it they are cut anyway. */
export const MIN_WIDTH = 30;

/** `1 worktree`, `2 worktrees`: the count with the right form of the noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Cuts `text` to at most `max` characters at a word boundary, marking the
 * cut with `…`; a single word longer than `max` is cut inside.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? "…" : "";
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  // A word that ends exactly at the cut is whole.
  const kept = text[max - 1] === " " || space < max / 3
    ? room
    : room.slice(0, space);
  return `${kept.replace(/[\s,;:]+$/, "")}…`;
}

/**
 * Shortens `path` to at most `max` characters by replacing its middle with
 * `…`, keeping the start (where it is) and the end (its name).
 */
export function shortenMiddle(path: string, max: number): string {
  if (path.length <= max) return path;
  if (max <= 1) return max === 1 ? "…" : "";
  const tail = Math.ceil((max - 1) / 2);
  const head = max - 1 - tail;
  return `${path.slice(0, head)}…${path.slice(path.length - tail)}`;
}

/**
 * One entry on one line: `indent`, `label` padded to `labelWidth`, two
 * spaces, `detail`, at most `width` characters. The detail is cut at a word
 * first; the label is shortened in the middle only when it alone leaves no
 * room, so an entry never wraps.
 */
export function fitEntry(
  indent: string,
  label: string,
  detail: string,
  width: number,
  labelWidth = 0,
): string {
  const room = Math.max(width, MIN_WIDTH) - indent.length;
  if (detail === "") return indent + shortenMiddle(label, room);
  const padded = Math.max(label.length, Math.min(labelWidth, room));
  const whole = `${label.padEnd(padded)}  ${detail}`;
  if (whole.length <= room) return indent + whole;
  // The label stays whole while a useful start of the detail still fits;
  // else it is shortened in the middle, never below half the line.
  const minDetail = Math.min(detail.length, 16);
  const labelRoom = label.length + 2 + minDetail <= room
    ? label.length
    : Math.max(room - 2 - minDetail, Math.floor(room / 2));
  const shownLabel = label.length <= labelRoom
    ? label.padEnd(Math.min(padded, room - 2 - minDetail))
    : shortenMiddle(label, labelRoom);
  const detailRoom = room - shownLabel.length - 2;
  if (detailRoom < 4) return indent + shortenMiddle(label, room);
  return `${indent}${shownLabel}  ${cutAtWord(detail, detailRoom)}`;
}

/** Quotes a path for a shell command when it holds anything but safe characters. */
export function shellQuote(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text)
    ? text
    : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The width to fit lines to: the terminal's columns when output is a
 * terminal, else a positive `COLUMNS` from the environment, else 80.
 */
export function terminalWidth(
  columns: number | undefined,
  env: Record<string, string | undefined>,
): number {
  if (columns !== undefined && Number.isInteger(columns) && columns > 0) {
    return columns;
  }
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}
