/**
 * Reads saved sessions from `.claude-mpm/sessions/`: this tool's, earlier
 * versions' (`-N` ids) and claude-mpm's own, each normalised into one
 * well-formed {@link SessionDocument}.
 *
 * @module
 */

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  compareSessionIds,
  sessionIdFromFileName,
} from "../decide/session_id.ts";
import type {
  CommitInfo,
  SessionDocument,
  TaskItem,
  TodoItem,
} from "../types.ts";

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
 * An ISO 8601 UTC time for the times other writers save: claude-mpm's
 * `2026-12-01 20:36:35.398121+00:00` (Python's `isoformat()`, sometimes
 * with a space) and git's `2026-12-01 20:30:00 +0000` become
 * `2026-12-01T20:36:35.398Z`; a time without a zone is read as UTC, as
 * claude-mpm does. Text that is not a time is kept as it is.
 */
export function normaliseTime(value: unknown): string {
  if (typeof value !== "string") return value == null ? "" : String(value);
  const match =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/
      .exec(value.trim());
  if (!match) return value;
  const [, day, time, fraction, zone] = match;
  const ms = fraction ? `.${fraction.slice(0, 3).padEnd(3, "0")}` : "";
  let offset = "Z";
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
  }
  const date = new Date(`${day}T${time}${ms}${offset}`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A list of strings from a list, a `{name: command}` object or one string. */
function stringList(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value
    : isObject(value)
    ? Object.values(value)
    : typeof value === "string"
    ? [value]
    : [];
  return items.map((item) =>
    text(item) ??
      (isObject(item)
        ? text(item.path) ?? text(item.file) ?? text(item.command)
        : undefined)
  ).filter((item): item is string => item !== undefined);
}

/**
 * Todos as a list: ours are already one; claude-mpm saves
 * `{"active": [...], "completed": [...]}`, of strings or objects.
 */
function todoList(value: unknown): TodoItem[] {
  const one = (item: unknown, status: string): TodoItem | undefined => {
    if (typeof item === "string") return { content: item, status };
    if (!isObject(item)) return undefined;
    const content = text(item.content) ?? text(item.title) ??
      text(item.subject) ?? text(item.text) ?? "";
    return {
      ...item,
      content,
      status: text(item.status) ?? status,
    } as TodoItem;
  };
  const pick = (items: unknown, status: string) =>
    (Array.isArray(items) ? items : []).map((i) => one(i, status)).filter((
      t,
    ): t is TodoItem => t !== undefined);
  if (Array.isArray(value)) return pick(value, "pending");
  if (isObject(value)) {
    return [
      ...pick(value.active, "pending"),
      ...pick(value.in_progress, "in_progress"),
      ...pick(value.pending, "pending"),
      ...pick(value.completed, "completed"),
    ];
  }
  return [];
}

/** Tasks with a subject: claude-mpm's `{id, title, description, ...}` too. */
function taskList(value: unknown, status: string): TaskItem[] {
  return (Array.isArray(value) ? value : []).filter(isObject).map((item) => ({
    ...item,
    id: text(item.id) ?? "",
    subject: text(item.subject) ?? text(item.title) ?? text(item.content) ??
      "(untitled)",
    status: text(item.status) ?? status,
  } as TaskItem));
}

/** Commits with string fields and ISO times; claude-mpm's short shas stay. */
function commitList(value: unknown): CommitInfo[] {
  return (Array.isArray(value) ? value : []).filter(isObject).map((c) => ({
    ...c,
    sha: text(c.sha) ?? "",
    author: text(c.author) ?? "",
    timestamp: normaliseTime(c.timestamp),
    message: text(c.message) ?? "",
  }));
}

/** Whether a document was written by claude-mpm rather than by this tool. */
function writtenByClaudeMpm(doc: Loose): boolean {
  return doc.tool === undefined && doc.schema_version === undefined &&
    ("context_usage" in doc || "important_reminders" in doc ||
      isObject(doc.todos));
}

/**
 * Fills fields older or foreign writers may have left out, and reads
 * claude-mpm's own shapes, so readers can rely on a well-formed document:
 * its `paused_at` becomes ISO 8601 UTC, its tasks get a `subject`, its
 * `todos` object becomes a list, its `validation_commands` object a list,
 * and a HEAD it did not save is `null` (unknown, not "no commits since").
 */
export function normaliseSession(
  doc: Partial<SessionDocument>,
): SessionDocument {
  const raw = doc as unknown as Loose;
  const git = (isObject(doc.git_context) ? doc.git_context : {}) as Partial<
    SessionDocument["git_context"]
  >;
  const status = (isObject(git.status) ? git.status : {}) as Partial<
    SessionDocument["git_context"]["status"]
  >;
  const list = <T>(v: unknown): T[] => Array.isArray(v) ? v as T[] : [];
  const resume =
    (isObject(doc.resume_instructions) ? doc.resume_instructions : {}) as Loose;
  const tasks = (isObject(doc.task_list) ? doc.task_list : {}) as Loose;
  const summary = doc.conversation?.summary;
  return {
    ...doc,
    schema_version: doc.schema_version ?? 0,
    session_id: doc.session_id!,
    paused_at: normaliseTime(doc.paused_at),
    project_path: text(doc.project_path) ?? "",
    conversation: {
      ...(isObject(doc.conversation) ? doc.conversation : {}),
      summary: typeof summary === "string" ? summary : null,
    },
    git_context: {
      is_git_repo: git.is_git_repo ?? false,
      branch: text(git.branch) ?? null,
      head: text(git.head) || null,
      detached: git.detached ?? false,
      upstream: git.upstream ?? null,
      ahead: git.ahead ?? null,
      behind: git.behind ?? null,
      recent_commits: commitList(git.recent_commits),
      status: {
        clean: status.clean ?? true,
        modified_files: stringList(status.modified_files),
        untracked_files: stringList(status.untracked_files),
        staged_files: stringList(status.staged_files),
        unstaged_files: stringList(status.unstaged_files),
        conflicted_files: stringList(status.conflicted_files),
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
      errors: stringList(git.errors),
    },
    active_context: {
      ...(isObject(doc.active_context) ? doc.active_context : {}),
      working_directory: text(doc.active_context?.working_directory) ?? "",
    },
    resume_instructions: {
      quick_start: stringList(resume.quick_start),
      files_to_review: stringList(resume.files_to_review),
      validation_commands: stringList(resume.validation_commands),
    },
    todos: todoList(doc.todos),
    task_list: {
      pending_tasks: taskList(tasks.pending_tasks, "pending"),
      in_progress_tasks: taskList(tasks.in_progress_tasks, "in_progress"),
      completed_count: typeof tasks.completed_count === "number"
        ? tasks.completed_count
        : 0,
    },
    claude_code: doc.claude_code ??
      { session_id: null, transcript_path: null, sources: [] },
    trigger: doc.trigger ?? { source: "cli" },
    warnings: stringList(doc.warnings),
    tool: doc.tool ??
      (writtenByClaudeMpm(raw)
        ? { name: "claude-mpm", version: "unknown" }
        : { name: "unknown", version: "unknown" }),
  };
}
