/**
 * Durations people type (`90min`, `12h`, `30d`, `2w`, `6mo`), read into
 * milliseconds. Pure: no I/O.
 *
 * A bare `m` is refused: `1m` meant a month to one user and a minute to the
 * tool, and deleted a two-minute-old session.
 *
 * @module
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every unit accepted, in milliseconds (a month is 30 days, a year 365). */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: SECOND,
  sec: SECOND,
  secs: SECOND,
  second: SECOND,
  seconds: SECOND,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
  mo: 30 * DAY,
  month: 30 * DAY,
  months: 30 * DAY,
  y: 365 * DAY,
  year: 365 * DAY,
  years: 365 * DAY,
};

/** The examples every duration message shows. */
export const DURATION_EXAMPLES = "90min, 12h, 30d, 2w or 6mo";

/** What {@link parseDuration} found: milliseconds, or why not. */
export type DurationResult =
  | { ok: true; ms: number }
  | { ok: false; message: string };

/**
 * Reads `text` as a non-negative number and a unit, such as `90min`, `12h`,
 * `30d`, `2w`, `6mo` or `1y`. Units: s/sec, min, h, d, w, mo, y (and their
 * spelt-out forms). `m` alone is refused with a hint.
 */
export function parseDuration(text: string): DurationResult {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  if (!match) {
    return {
      ok: false,
      message:
        `Cannot read duration '${text}': use a number and a unit, such as ${DURATION_EXAMPLES}`,
    };
  }
  const [, amount, rawUnit] = match;
  const unit = rawUnit.toLowerCase();
  if (unit === "m") {
    return {
      ok: false,
      message:
        `Cannot read duration '${text}': 'm' could mean minutes or months: write ${amount}min or ${amount}mo`,
    };
  }
  const size = DURATION_UNITS[unit];
  if (size === undefined) {
    return {
      ok: false,
      message:
        `Cannot read duration '${text}': unknown unit '${rawUnit}': use s, min, h, d, w, mo or y, such as ${DURATION_EXAMPLES}`,
    };
  }
  return { ok: true, ms: Number(amount) * size };
}
