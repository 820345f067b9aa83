/**
 * `hook`: Claude Code hook events. PreCompact saves a session; SessionStart
 * hands the latest session back to the conversation. Anything else, and any
 * failure, prints nothing: a hook must never break the editor.
 *
 * @module
 */

import process from "node:process";
import { pause } from "./pause.ts";
import { resume } from "./resume.ts";
import { renderResume } from "../report/text.ts";
import { colorsFor } from "../report/color.ts";

/** Most characters of context handed to SessionStart (a few thousand tokens). */
export const MAX_CONTEXT_CHARS = 8000;

/** Options for {@link handleHookEvent}. */
export interface HookOptions {
  /** Clean up worktrees on PreCompact too. */
  prune?: boolean;
  /** Environment for reading Claude Code files. */
  env?: Record<string, string | undefined>;
  /** Where to report failures; they never change the exit code. */
  warn?: (line: string) => void;
  /** SessionStart injects only sessions paused within this many ms (`--max-age`). */
  maxAgeMs?: number;
  /** The time `maxAgeMs` is measured from; defaults to now. */
  now?: Date;
}

/** Sessions older than this are not injected at SessionStart: 7 days. */
export const DEFAULT_HOOK_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const SESSION_START_SOURCES = new Set([
  "startup",
  "resume",
  "clear",
  "compact",
]);

/**
 * Handles one hook event given as JSON text.
 *
 * @returns what to print on standard output (often nothing).
 */
export async function handleHookEvent(
  input: string,
  options: HookOptions = {},
): Promise<string> {
  const warn = options.warn ??
    ((line: string) => process.stderr.write(line + "\n"));
  let event: Record<string, unknown>;
  try {
    const value = JSON.parse(input);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return "";
    }
    event = value;
  } catch {
    return "";
  }
  const name = event.hook_event_name;
  const cwd = typeof event.cwd === "string" ? event.cwd : undefined;
  try {
    if (name === "PreCompact") {
      const trigger = typeof event.trigger === "string"
        ? event.trigger
        : undefined;
      await pause({
        projectPath: cwd,
        message: `Automatic pause before ${trigger ?? "a"} compaction`,
        trigger: { source: "hook", event: "PreCompact", trigger },
        claudeSessionId: typeof event.session_id === "string"
          ? event.session_id
          : undefined,
        transcriptPath: typeof event.transcript_path === "string"
          ? event.transcript_path
          : undefined,
        pruneWorktrees: Boolean(options.prune),
        env: options.env,
      });
      return "";
    }
    if (name === "SessionStart") {
      const source = event.source;
      if (typeof source !== "string" || !SESSION_START_SOURCES.has(source)) {
        return "";
      }
      // `compact`: the session just saved for this conversation; otherwise
      // (and failing that) the newest of this worktree, else the project.
      const result = await resume({
        projectPath: cwd,
        env: options.env,
        conversationId:
          source === "compact" && typeof event.session_id === "string"
            ? event.session_id
            : undefined,
        maxAgeMs: options.maxAgeMs ?? DEFAULT_HOOK_MAX_AGE_MS,
        now: options.now,
      });
      if (!result.session) return "";
      let context = renderResume(result, colorsFor(false, {}));
      context =
        `Paused session from mpm-session (read it before continuing):\n\n${context}`;
      if (context.length > MAX_CONTEXT_CHARS) {
        context = `${
          context.slice(0, MAX_CONTEXT_CHARS)
        }\n… (cut; see .claude-mpm/sessions/${result.session.session_id}.md)`;
      }
      return JSON.stringify({
        hookSpecificOutput: {
          hookEventName: "SessionStart",
          additionalContext: context,
        },
      }) + "\n";
    }
  } catch (error) {
    warn(`mpm-session hook: ${(error as Error).message}`);
  }
  return "";
}
