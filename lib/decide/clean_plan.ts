/**
 * Which saved sessions `clean` deletes. Pure: no I/O.
 *
 * @module
 */

import { compareSessionIds } from "./session_id.ts";

/** When a session was paused, read from its id (UTC). */
export function sessionTime(id: string): Date | undefined {
  const m = /^session-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(id);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * Picks the sessions to delete: those beyond the `keep` newest, and/or those
 * older than `olderThanMs` (both must agree when both are given). The newest
 * session and the LATEST one are never chosen.
 */
export function planClean(
  ids: readonly string[],
  rule: { keep?: number; olderThanMs?: number; latest?: string; now: Date },
): string[] {
  const newestFirst = [...ids].sort((a, b) => compareSessionIds(b, a));
  const protectedIds = new Set([newestFirst[0], rule.latest].filter(Boolean));
  return newestFirst.filter((id, index) => {
    if (protectedIds.has(id)) return false;
    if (rule.keep !== undefined && index < rule.keep) return false;
    if (rule.olderThanMs !== undefined) {
      const time = sessionTime(id);
      if (!time) return false;
      if (rule.now.getTime() - time.getTime() <= rule.olderThanMs) return false;
    }
    return rule.keep !== undefined || rule.olderThanMs !== undefined;
  });
}
