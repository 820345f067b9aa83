/**
 * Reads Claude Code's todos and tasks for this project's conversation.
 * Missing files are normal; unreadable ones become warnings, never errors.
 *
 * @module
 */

import { open, readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import type { TaskItem, TaskListSnapshot, TodoItem } from "../types.ts";

/** Todos and tasks found for a conversation. */
export interface ClaudeState {
  /** The conversation id, when one was found. */
  sessionId: string | null;
  /** The transcript of that conversation, when found. */
  transcriptPath: string | null;
  /** TodoWrite items. */
  todos: TodoItem[];
  /** Task list. */
  tasks: TaskItem[];
  /** Files the items were read from. */
  sources: string[];
  /** Files that could not be read, one line each. */
  warnings: string[];
}

/** Where Claude Code keeps its files: `CLAUDE_CONFIG_DIR` or `~/.claude`. */
export function claudeConfigDir(
  env: Record<string, string | undefined> = process.env,
): string {
  return env.CLAUDE_CONFIG_DIR || join(homeDir(env), ".claude");
}

/**
 * The home directory: `HOME` (or `USERPROFILE` on Windows) first, so the
 * narrow Deno permissions (`--allow-env`, no `--allow-sys`) suffice.
 */
export function homeDir(
  env: Record<string, string | undefined> = process.env,
): string {
  const fromEnv = env.HOME || env.USERPROFILE;
  if (fromEnv) return fromEnv;
  try {
    return homedir();
  } catch {
    return ".";
  }
}

/**
 * The folder name Claude Code uses for a project: the real path with every
 * character that is not a letter or digit replaced by `-`.
 */
export function encodeProjectPath(realPath: string): string {
  return realPath.replace(/[^a-zA-Z0-9]/g, "-");
}

/** Reads `cwd` from the first lines of a transcript. */
async function transcriptCwd(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = new Uint8Array(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = new TextDecoder().decode(buffer.subarray(0, bytesRead));
    for (const line of text.split("\n")) {
      if (!line.includes('"cwd"')) continue;
      try {
        const record = JSON.parse(line);
        if (typeof record?.cwd === "string") return record.cwd;
      } catch {
        // A cut-off last line; keep looking.
      }
    }
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
  return undefined;
}

/**
 * Finds the newest transcript of a conversation held in `projectRoot`.
 * Long paths are shortened by Claude Code with a hash, so candidates are
 * folders sharing the encoded prefix, confirmed by their `cwd` field.
 */
export async function findLatestTranscript(
  configDir: string,
  projectRoot: string,
): Promise<{ sessionId: string; path: string } | undefined> {
  const projectsDir = join(configDir, "projects");
  const encoded = encodeProjectPath(projectRoot);
  let folders: string[];
  try {
    folders = (await readdir(projectsDir)).filter((name) =>
      name === encoded ||
      (encoded.length > 100 && name.startsWith(encoded.slice(0, 100)))
    );
  } catch {
    return undefined;
  }
  const candidates: { path: string; sessionId: string; mtime: number }[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(join(projectsDir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith(".jsonl")) continue;
      const path = join(projectsDir, folder, name);
      try {
        const info = await stat(path);
        candidates.push({
          path,
          sessionId: name.slice(0, -".jsonl".length),
          mtime: info.mtimeMs,
        });
      } catch {
        continue;
      }
    }
  }
  candidates.sort((a, b) => b.mtime - a.mtime);
  for (const candidate of candidates) {
    if (await transcriptCwd(candidate.path) === projectRoot) {
      return { sessionId: candidate.sessionId, path: candidate.path };
    }
  }
  return undefined;
}

/** Normalises one todo-like record, or returns `undefined`. */
export function normaliseTodo(value: unknown): TodoItem | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const content = typeof record.content === "string"
    ? record.content
    : typeof record.subject === "string"
    ? record.subject
    : undefined;
  if (content === undefined) return undefined;
  const todo: TodoItem = {
    content,
    status: typeof record.status === "string" ? record.status : "pending",
  };
  if (typeof record.activeForm === "string") {
    todo.activeForm = record.activeForm;
  }
  if (typeof record.id === "string" || typeof record.id === "number") {
    todo.id = String(record.id);
  }
  if (typeof record.priority === "string") todo.priority = record.priority;
  return todo;
}

/** Normalises one task record, or returns `undefined`. */
export function normaliseTask(value: unknown): TaskItem | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const subject = typeof record.subject === "string"
    ? record.subject
    : typeof record.content === "string"
    ? record.content
    : undefined;
  if (subject === undefined) return undefined;
  const strings = (v: unknown) => Array.isArray(v) ? v.map(String) : undefined;
  const task: TaskItem = {
    id: record.id === undefined ? "" : String(record.id),
    subject,
    status: typeof record.status === "string" ? record.status : "pending",
  };
  for (const key of ["description", "activeForm", "owner"] as const) {
    if (typeof record[key] === "string") task[key] = record[key] as string;
  }
  const blocks = strings(record.blocks);
  if (blocks) task.blocks = blocks;
  const blockedBy = strings(record.blockedBy);
  if (blockedBy) task.blockedBy = blockedBy;
  return task;
}

/**
 * Parses a todos document handed in with `--todos`: an array of todos or
 * tasks, or an object with a `todos` or `tasks` array.
 *
 * @throws {Error} when the text is not such a document.
 */
export function parseTodosDocument(text: string): TodoItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(value)
    ? value
    : Array.isArray((value as { todos?: unknown })?.todos)
    ? (value as { todos: unknown[] }).todos
    : Array.isArray((value as { tasks?: unknown })?.tasks)
    ? (value as { tasks: unknown[] }).tasks
    : undefined;
  if (!list) {
    throw new Error("expected an array of todos or an object with 'todos'");
  }
  return list.map(normaliseTodo).filter((t): t is TodoItem => t !== undefined);
}

/** Splits tasks into the saved snapshot. */
export function taskListSnapshot(tasks: TaskItem[]): TaskListSnapshot {
  return {
    pending_tasks: tasks.filter((t) => t.status === "pending"),
    in_progress_tasks: tasks.filter((t) => t.status === "in_progress"),
    completed_count: tasks.filter((t) => t.status === "completed").length,
  };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8"));
}

/**
 * Collects todos and tasks for the project's conversation:
 * `CLAUDE_CODE_SESSION_ID` when set, else the newest transcript whose `cwd`
 * is the project root.
 */
export async function readClaudeState(
  projectRoot: string,
  env: Record<string, string | undefined> = process.env,
): Promise<ClaudeState> {
  const configDir = claudeConfigDir(env);
  const state: ClaudeState = {
    sessionId: null,
    transcriptPath: null,
    todos: [],
    tasks: [],
    sources: [],
    warnings: [],
  };
  const transcript = env.CLAUDE_CODE_SESSION_ID
    ? undefined
    : await findLatestTranscript(configDir, projectRoot);
  state.sessionId = env.CLAUDE_CODE_SESSION_ID || transcript?.sessionId || null;
  state.transcriptPath = transcript?.path ?? null;
  const taskListId = env.CLAUDE_CODE_TASK_LIST_ID || state.sessionId;
  if (taskListId) await readTasks(join(configDir, "tasks", taskListId), state);
  if (state.sessionId) {
    await readTodos(join(configDir, "todos"), state.sessionId, state);
  }
  return state;
}

async function readTasks(dir: string, state: ClaudeState): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  } catch {
    return;
  }
  names.sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" })
  );
  for (const name of names) {
    const path = join(dir, name);
    try {
      const task = normaliseTask(await readJson(path));
      if (!task) throw new Error("not a task");
      state.tasks.push(task);
      if (!state.sources.includes(dir)) state.sources.push(dir);
    } catch (error) {
      state.warnings.push(
        `Skipped task file '${path}': ${(error as Error).message}`,
      );
    }
  }
}

async function readTodos(
  dir: string,
  sessionId: string,
  state: ClaudeState,
): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) =>
      n.startsWith(`${sessionId}-agent-`) && n.endsWith(".json")
    ).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const value = await readJson(path);
      if (!Array.isArray(value)) throw new Error("not a list of todos");
      const todos = value.map(normaliseTodo).filter((t): t is TodoItem =>
        t !== undefined
      );
      state.todos.push(...todos);
      state.sources.push(path);
    } catch (error) {
      state.warnings.push(
        `Skipped todo file '${path}': ${(error as Error).message}`,
      );
    }
  }
}
