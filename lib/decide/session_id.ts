/**
 * Session identifiers: `session-YYYYMMDD-HHMMSS` in UTC, the pattern
 * claude-mpm's readers look for (they see no other name). A pause in a
 * second another session already holds takes the next free second, so ids
 * stay in that pattern and still sort in pause order; `paused_at` keeps the
 * true time. Ids with a `-N` suffix, written by earlier versions, are still
 * read. Pure: no I/O.
 *
 * @module
 */

const ID_PATTERN = /^session-(\d{8})-(\d{6})(?:-(\d+))?$/;

/** The base identifier for a pause at `date`, in UTC. */
export function baseSessionId(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const day = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${
    pad(date.getUTCDate())
  }`;
  const time = `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${
    pad(date.getUTCSeconds())
  }`;
  return `session-${day}-${time}`;
}

/**
 * The `attempt`-th candidate id for a pause at `pausedAt`: its own second
 * first, then each following second. Every candidate is in claude-mpm's
 * `session-YYYYMMDD-HHMMSS` pattern.
 */
export function candidateSessionId(pausedAt: Date, attempt: number): string {
  const step = Math.max(0, Math.floor(attempt) - 1);
  return baseSessionId(new Date(pausedAt.getTime() + step * 1000));
}

/** The start of the UTC second an id names, or `undefined` if malformed. */
export function sessionIdTime(id: string): Date | undefined {
  const match = ID_PATTERN.exec(id);
  if (!match) return undefined;
  const [d, t] = [match[1], match[2]];
  const ms = Date.UTC(
    Number(d.slice(0, 4)),
    Number(d.slice(4, 6)) - 1,
    Number(d.slice(6, 8)),
    Number(t.slice(0, 2)),
    Number(t.slice(2, 4)),
    Number(t.slice(4, 6)),
  );
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * The modification time given to a session's files: the second its id
 * names plus the pause's milliseconds. claude-mpm's readers take the newest
 * file by modification time, so this keeps that order equal to id order,
 * however long each pause took to finish; for a pause that kept its own
 * second it is exactly `paused_at`.
 */
export function sessionFileTime(id: string, pausedAt: Date): Date {
  const start = sessionIdTime(id);
  if (!start) return pausedAt;
  const fraction = ((pausedAt.getTime() % 1000) + 1000) % 1000;
  return new Date(start.getTime() + fraction);
}

/** Whether `name` is a well-formed session id. */
export function isSessionId(name: string): boolean {
  return ID_PATTERN.test(name);
}

/**
 * Orders session ids oldest first: by timestamp, then by collision suffix
 * as a number (so `-10` comes after `-9`). Malformed ids sort first.
 */
export function compareSessionIds(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka[0] !== kb[0]) return ka[0] < kb[0] ? -1 : 1;
  if (ka[1] !== kb[1]) return ka[1] - kb[1];
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKey(id: string): [string, number] {
  const match = ID_PATTERN.exec(id);
  if (!match) return ["", 0];
  return [`${match[1]}${match[2]}`, match[3] ? Number(match[3]) : 1];
}

/** The session id a session file name belongs to, if it is one. */
export function sessionIdFromFileName(name: string): string | undefined {
  const match = /^(session-\d{8}-\d{6}(?:-\d+)?)\.(json|md)$/.exec(name);
  return match ? match[1] : undefined;
}
