/**
 * Loads the newest saved sessions of a project, for choosing what a hook
 * shows and whether an automatic pause repeats the previous one.
 * Unreadable files are skipped.
 *
 * @module
 */

import { listSessionIds, loadSession } from "./sessions.ts";
import { mapPool } from "../pool.ts";
import type { SessionDocument } from "../types.ts";

/** The most sessions read back when choosing among them. */
export const RECENT_SESSIONS_LIMIT = 200;

/** The newest `limit` readable sessions, newest first. */
export async function loadRecentSessions(
  sessionsDir: string,
  limit = RECENT_SESSIONS_LIMIT,
): Promise<SessionDocument[]> {
  const ids = (await listSessionIds(sessionsDir).catch(() => [])).slice(
    0,
    limit,
  );
  const docs = await mapPool(
    ids,
    (id) => loadSession(sessionsDir, id).catch(() => undefined),
    16,
  );
  return docs.filter((d): d is SessionDocument => d !== undefined);
}
