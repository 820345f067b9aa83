/**
 * Times for people: how long ago, and a local date and time. Pure: the
 * current time and the time zone come from the caller and the runtime.
 *
 * @module
 */

import { plural } from "./fit.ts";

/** `just now`, `5 minutes ago`, `3 hours ago`, `2 days ago`, `5 weeks ago`… */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${plural(minutes, "minute")} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, "hour")} ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${plural(days, "day")} ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), "week")} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30), "month")} ago`;
  return `${plural(Math.floor(days / 365), "year")} ago`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * `Fri 27 Nov 17:45` in local time, with the year when it is not the
 * year of `nowMs`; the same in every locale.
 */
export function formatLocalTime(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  const year = d.getFullYear() === new Date(nowMs).getFullYear()
    ? ""
    : ` ${d.getFullYear()}`;
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${
    two(d.getHours())
  }:${two(d.getMinutes())}`;
}

/** `Paused 2 days ago (Fri 27 Nov 17:45, local time)`, or the raw text when unreadable. */
export function pausedLine(pausedAt: string, nowMs: number): string {
  const ms = Date.parse(pausedAt);
  if (Number.isNaN(ms)) return `Paused at ${pausedAt}`;
  return `Paused ${formatAge(nowMs - ms)} (${
    formatLocalTime(ms, nowMs)
  }, local time)`;
}
