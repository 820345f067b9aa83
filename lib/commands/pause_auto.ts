/**
 * What an automatic (hook) pause adds: the newest message a person wrote,
 * and the check that a PreCompact firing again within a minute on an
 * unchanged state writes nothing new.
 *
 * @module
 */

import { join } from "node:path";
import { carriedMessage, repeatsAutoPause } from "../decide/select.ts";
import { loadRecentSessions } from "../gather/recent_sessions.ts";
import { LATEST_FILE } from "../gather/sessions.ts";
import type { SessionFiles } from "../act/session_store.ts";
import type { SessionDocument } from "../types.ts";

/** What {@link autoPauseContext} found. */
export interface AutoPauseContext {
  /** The earlier session this pause repeats, when it does. */
  repeated?: { session: SessionDocument; files: SessionFiles; repeated: true };
  /** Fields to add to the new document. */
  extra(id: string): Partial<SessionDocument>;
}

/** Reads the recent sessions an automatic pause depends on. */
export async function autoPauseContext(
  sessionsDir: string,
  probe: SessionDocument,
): Promise<AutoPauseContext> {
  if (probe.trigger.source !== "hook") return { extra: () => ({}) };
  const recent = await loadRecentSessions(sessionsDir);
  const same = repeatsAutoPause(recent, probe);
  if (same) {
    return {
      repeated: {
        session: same,
        files: {
          id: same.session_id,
          jsonPath: join(sessionsDir, `${same.session_id}.json`),
          markdownPath: join(sessionsDir, `${same.session_id}.md`),
          latestPath: join(sessionsDir, LATEST_FILE),
        },
        repeated: true,
      },
      extra: () => ({}),
    };
  }
  const carried = carriedMessage(recent, probe);
  return {
    extra: () => ({
      conversation: { ...probe.conversation, carried_message: carried },
    }),
  };
}
