/**
 * Reads saved sessions from `.claude-mpm/sessions/`.
 *
 * @module
 */

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  compareSessionIds,
  sessionIdFromFileName,
} from "../decide/session_id.ts";
import type { SessionDocument } from "../types.ts";

/** Folder, relative to the project root, where sessions live. */
export const SESSIONS_DIR = join(".claude-mpm", "sessions");

/** Name of the pointer to the newest session. */
export const LATEST_FILE = "LATEST-SESSION.txt";

/** The sessions folder of a project. */
export function sessionsDirFor(projectRoot: string): string {
  return join(projectRoot, SESSIONS_DIR);
}

/**
 * Lists the ids that have a JSON file, newest first, from file names alone.
 *
 * @returns an empty list when the folder does not exist.
 */
export async function listSessionIds(sessionsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(sessionsDir);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw new Error(
      `Cannot read sessions folder '${sessionsDir}': ${
        (error as Error).message
      }`,
    );
  }
  const ids = names.filter((n) => n.endsWith(".json")).map(
    sessionIdFromFileName,
  ).filter((id): id is string => id !== undefined);
  return ids.sort((a, b) => compareSessionIds(b, a));
}

/** Reads the session id named by `LATEST-SESSION.txt`, if any. */
export async function readLatestPointer(
  sessionsDir: string,
): Promise<string | undefined> {
  try {
    const text = await readFile(join(sessionsDir, LATEST_FILE), "utf8");
    return /session-\d{8}-\d{6}(?:-\d+)?/.exec(text)?.[0];
  } catch {
    return undefined;
  }
}

/**
 * Loads and checks one session document.
 *
 * @throws {Error} naming the file when it is unreadable or not a session.
 */
export async function loadSession(
  sessionsDir: string,
  id: string,
): Promise<SessionDocument> {
  const path = join(sessionsDir, `${id}.json`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(
      `Cannot read session '${path}': ${(error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Cannot read session '${path}': not valid JSON`);
  }
  const doc = value as Partial<SessionDocument>;
  if (
    typeof doc !== "object" || doc === null ||
    typeof doc.session_id !== "string" || typeof doc.paused_at !== "string"
  ) {
    throw new Error(
      `Cannot read session '${path}': missing 'session_id' or 'paused_at'`,
    );
  }
  return normaliseSession(doc);
}

/**
 * Fills fields older or foreign writers may have left out, so readers can
 * rely on the shape.
 */
export function normaliseSession(
  doc: Partial<SessionDocument>,
): SessionDocument {
  const git = (doc.git_context ?? {}) as Partial<
    SessionDocument["git_context"]
  >;
  const status = (git.status ?? {}) as Partial<
    SessionDocument["git_context"]["status"]
  >;
  const list = <T>(v: unknown): T[] => Array.isArray(v) ? v as T[] : [];
  return {
    ...doc,
    schema_version: doc.schema_version ?? 0,
    session_id: doc.session_id!,
    paused_at: doc.paused_at!,
    project_path: doc.project_path ?? "",
    conversation: {
      ...doc.conversation,
      summary: doc.conversation?.summary ?? null,
    },
    git_context: {
      is_git_repo: git.is_git_repo ?? false,
      branch: git.branch ?? null,
      head: git.head ?? null,
      detached: git.detached ?? false,
      upstream: git.upstream ?? null,
      ahead: git.ahead ?? null,
      behind: git.behind ?? null,
      recent_commits: list(git.recent_commits),
      status: {
        clean: status.clean ?? true,
        modified_files: list(status.modified_files),
        untracked_files: list(status.untracked_files),
        staged_files: list(status.staged_files),
        unstaged_files: list(status.unstaged_files),
        conflicted_files: list(status.conflicted_files),
        counts: status.counts ?? {
          modified: list(status.modified_files).length,
          staged: list(status.staged_files).length,
          unstaged: list(status.unstaged_files).length,
          untracked: list(status.untracked_files).length,
          conflicted: list(status.conflicted_files).length,
        },
        truncated: status.truncated ?? false,
      },
      stash_count: git.stash_count ?? 0,
      operation_in_progress: git.operation_in_progress ?? null,
      worktree_count: git.worktree_count ?? 0,
      errors: list(git.errors),
    },
    active_context: {
      ...doc.active_context,
      working_directory: doc.active_context?.working_directory ?? "",
    },
    resume_instructions: {
      quick_start: list(doc.resume_instructions?.quick_start),
      files_to_review: list(doc.resume_instructions?.files_to_review),
      validation_commands: list(doc.resume_instructions?.validation_commands),
    },
    todos: list(doc.todos),
    task_list: {
      pending_tasks: list(doc.task_list?.pending_tasks),
      in_progress_tasks: list(doc.task_list?.in_progress_tasks),
      completed_count: doc.task_list?.completed_count ?? 0,
    },
    claude_code: doc.claude_code ??
      { session_id: null, transcript_path: null, sources: [] },
    trigger: doc.trigger ?? { source: "cli" },
    warnings: list(doc.warnings),
    tool: doc.tool ?? { name: "unknown", version: "unknown" },
  };
}
