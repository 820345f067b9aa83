/**
 * Chooses which saved session `resume` and SessionStart show, and whether
 * an automatic pause repeats the previous one. Pure: no I/O.
 *
 * @module
 */

import { compareSessionIds } from "./session_id.ts";
import type { CarriedMessage, SessionDocument } from "../types.ts";

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

/** How close two automatic pauses must be to count as one (ms). */
export const AUTO_PAUSE_REPEAT_MS = 60_000;

/** How far back a worktree's manual message is carried (ms). */
export const CARRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a session was written by a hook rather than a person. */
export function isAutomatic(doc: SessionDocument): boolean {
  return doc.trigger?.source === "hook";
}

/** The worktree a session was paused in (older sessions: the project). */
export function worktreeOf(doc: SessionDocument): string {
  return doc.active_context?.worktree_path ?? doc.project_path;
}

function todoKey(doc: Pick<SessionDocument, "todos">): string {
  return JSON.stringify(doc.todos.map((t) => [t.content, t.status]));
}

function statusKey(doc: Pick<SessionDocument, "git_context">): string {
  const s = doc.git_context.status;
  return JSON.stringify([
    s.modified_files,
    s.untracked_files,
    s.staged_files,
    s.conflicted_files,
    s.counts,
  ]);
}

/**
 * Whether an automatic pause repeats the previous one: the same
 * conversation and worktree paused automatically within 60 s with the same
 * HEAD, status and todos (PreCompact can fire twice in one turn, and when
 * no compaction follows). Such a pause writes nothing new.
 */
export function repeatsAutoPause(
  previous: readonly SessionDocument[],
  next: SessionDocument,
): SessionDocument | undefined {
  const at = Date.parse(next.paused_at);
  const conversation = next.claude_code.session_id;
  if (!conversation) return undefined;
  return previous.find((doc) => {
    if (!isAutomatic(doc)) return false;
    if (doc.claude_code?.session_id !== conversation) return false;
    if (worktreeOf(doc) !== worktreeOf(next)) return false;
    const then = Date.parse(doc.paused_at);
    if (!(at - then >= 0 && at - then <= AUTO_PAUSE_REPEAT_MS)) return false;
    return doc.git_context.head === next.git_context.head &&
      doc.git_context.branch === next.git_context.branch &&
      statusKey(doc) === statusKey(next) && todoKey(doc) === todoKey(next);
  });
}

/**
 * The newest message a person wrote, for an automatic pause: the latest
 * manual pause of the same conversation, else the latest manual pause of
 * the same worktree within 24 hours.
 */
export function carriedMessage(
  previous: readonly SessionDocument[],
  next: SessionDocument,
): CarriedMessage | null {
  const at = Date.parse(next.paused_at);
  const manual = previous.filter((doc) =>
    !isAutomatic(doc) && doc.conversation?.summary &&
    Date.parse(doc.paused_at) <= at
  ).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  const conversation = next.claude_code.session_id;
  const found =
    (conversation
      ? manual.find((doc) => doc.claude_code?.session_id === conversation)
      : undefined) ??
      manual.find((doc) =>
        worktreeOf(doc) === worktreeOf(next) &&
        at - Date.parse(doc.paused_at) <= CARRY_WINDOW_MS
      );
  if (found) {
    return {
      text: found.conversation.summary!,
      paused_at: found.paused_at,
      session_id: found.session_id,
    };
  }
  // An automatic pause carries what the previous one carried.
  const carried = previous.filter((doc) =>
    isAutomatic(doc) && doc.conversation?.carried_message &&
    Date.parse(doc.paused_at) <= at &&
    ((conversation && doc.claude_code?.session_id === conversation) ||
      (worktreeOf(doc) === worktreeOf(next) &&
        at - Date.parse(doc.conversation.carried_message.paused_at) <=
          CARRY_WINDOW_MS))
  ).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  return carried[0]?.conversation.carried_message ?? null;
}

/** What SessionStart (and `resume` in a worktree) should show. */
export interface StartChoice {
  /** The conversation just compacted, for `compact`. */
  conversationId?: string;
  /** The worktree the command runs in. */
  worktreePath: string;
  /** Only sessions paused at or after this time (ms), when set. */
  notBeforeMs?: number;
}

/**
 * Picks a session among loaded ones, newest first: for `compact` the
 * newest of that conversation; else the newest paused in this worktree;
 * else the project's newest. Sessions older than `notBeforeMs` never count.
 */
export function chooseSession(
  docs: readonly SessionDocument[],
  choice: StartChoice,
): SessionDocument | undefined {
  const fresh = docs.filter((doc) =>
    choice.notBeforeMs === undefined ||
    Date.parse(doc.paused_at) >= choice.notBeforeMs
  ).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  if (choice.conversationId) {
    const same = fresh.find((doc) =>
      doc.claude_code?.session_id === choice.conversationId
    );
    if (same) return same;
  }
  return fresh.find((doc) => worktreeOf(doc) === choice.worktreePath) ??
    fresh[0];
}
