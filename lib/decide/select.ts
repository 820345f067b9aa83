/**
 * Chooses which saved session `resume` shows. Pure: no I/O.
 *
 * @module
 */

import { compareSessionIds } from "./session_id.ts";

/** How the user asked for a session. */
export type SessionSelector =
  | { kind: "latest"; pointer?: string }
  | { kind: "exact"; id: string }
  | { kind: "select"; value: string };

/** The outcome of a selection. */
export type SelectionResult =
  | { ok: true; id: string }
  | {
    ok: false;
    reason: "none" | "not-found" | "out-of-range" | "ambiguous";
    message: string;
    matches?: string[];
  };

/**
 * Picks a session id from the readable ones.
 *
 * - latest: the LATEST pointer when it names a readable session, else the
 *   newest by id order;
 * - exact: that id;
 * - select: a number N is the N-th newest; anything else is an id prefix
 *   that must match exactly one session (with or without `session-`).
 */
export function selectSession(
  readableIds: readonly string[],
  selector: SessionSelector,
): SelectionResult {
  const newestFirst = [...readableIds].sort((a, b) => compareSessionIds(b, a));
  if (newestFirst.length === 0) {
    return { ok: false, reason: "none", message: "No paused sessions found" };
  }
  switch (selector.kind) {
    case "latest": {
      if (selector.pointer && newestFirst.includes(selector.pointer)) {
        return { ok: true, id: selector.pointer };
      }
      return { ok: true, id: newestFirst[0] };
    }
    case "exact": {
      const id = selector.id.replace(/\.(json|md)$/, "");
      return newestFirst.includes(id) ? { ok: true, id } : {
        ok: false,
        reason: "not-found",
        message:
          `Cannot find session '${id}': run 'mpm-session list' to see the saved sessions`,
      };
    }
    case "select": {
      const value = selector.value.trim();
      if (/^\d+$/.test(value) && value.length < 6) {
        const n = Number(value);
        if (n < 1 || n > newestFirst.length) {
          return {
            ok: false,
            reason: "out-of-range",
            message: `Cannot select session ${value}: there ${
              newestFirst.length === 1
                ? "is 1 session"
                : `are ${newestFirst.length} sessions`
            }: choose 1 to ${newestFirst.length}`,
          };
        }
        return { ok: true, id: newestFirst[n - 1] };
      }
      const prefix = value.startsWith("session-") ? value : `session-${value}`;
      // A complete id is that session, even when longer ids start with it.
      if (newestFirst.includes(prefix)) return { ok: true, id: prefix };
      const matches = newestFirst.filter((id) => id.startsWith(prefix));
      if (matches.length === 1) return { ok: true, id: matches[0] };
      if (matches.length === 0) {
        return {
          ok: false,
          reason: "not-found",
          message:
            `Cannot find a session matching '${value}': run 'mpm-session list' to see the saved sessions`,
        };
      }
      return {
        ok: false,
        reason: "ambiguous",
        message:
          `Cannot select '${value}': it matches ${matches.length} sessions: ${
            matches.slice(0, 10).join(", ")
          }${matches.length > 10 ? ", …" : ""}: give more of the id`,
        matches,
      };
    }
  }
}
