/**
 * Session identifiers: `session-YYYYMMDD-HHMMSS` in UTC, with `-N` added
 * when several sessions start in the same second. Pure: no I/O.
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

/** The `attempt`-th candidate id: the base first, then `base-2`, `base-3`… */
export function candidateSessionId(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
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
