/**
 * Reads Claude Code's todos and tasks for this project's conversation.
 * Missing files are normal; unreadable ones become warnings, never errors.
 *
 * @module
 */

import { open, readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
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

/** Claude Code cuts encoded folder names longer than this and adds a hash. */
export const MAX_ENCODED_LENGTH = 200;

/**
 * Whether a `projects/` folder name may be the encoding of `path`: equal,
 * or (for a long path, whose name Claude Code cuts at 200 characters and
 * ends with a hash of the full path) the same first 200 characters. The
 * hash is not recomputed: the native client hashes with its runtime's own
 * function, so a candidate is confirmed by the transcript's `cwd` instead.
 */
export function folderMayEncode(folder: string, path: string): boolean {
  const encoded = encodeProjectPath(path);
  if (encoded.length <= MAX_ENCODED_LENGTH) return folder === encoded;
  return folder.startsWith(`${encoded.slice(0, MAX_ENCODED_LENGTH)}-`);
}

/**
 * Whether a `projects/` folder may hold sessions started at or below
 * `path`: its name encodes `path` or a folder inside it. Encoding loses
 * information (`a/b` and `a-b` look alike), so a match is only a candidate.
 */
function folderMayBeInside(folder: string, path: string): boolean {
  const encoded = encodeProjectPath(path);
  const head = encoded.slice(0, MAX_ENCODED_LENGTH);
  return folder === encoded || folder.startsWith(`${head}-`) ||
    (encoded.length <= MAX_ENCODED_LENGTH && folder.startsWith(encoded));
}

/** The most bytes read from a transcript's start to find its `cwd`. */
const CWD_SCAN_BYTES = 1024 * 1024;

/** Reads `cwd` from the first records of a transcript that have one. */
export async function transcriptCwd(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = new Uint8Array(CWD_SCAN_BYTES);
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

function isSameOrBelow(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Finds the newest transcript of a conversation held anywhere in the
 * project: its records' `cwd` is one of `roots` (the project's worktrees)
 * or a folder inside one. Folders are chosen by name first, then confirmed
 * by the `cwd` field.
 */
export async function findLatestTranscript(
  configDir: string,
  roots: string | readonly string[],
): Promise<{ sessionId: string; path: string } | undefined> {
  const rootList = typeof roots === "string" ? [roots] : [...roots];
  const projectsDir = join(configDir, "projects");
  let folders: string[];
  try {
    folders = (await readdir(projectsDir)).filter((name) =>
      rootList.some((root) => folderMayBeInside(name, root))
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
        if (!info.isFile()) continue;
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
    const cwd = await transcriptCwd(candidate.path);
    if (cwd && rootList.some((root) => isSameOrBelow(root, cwd))) {
      return { sessionId: candidate.sessionId, path: candidate.path };
    }
  }
  return undefined;
}

/**
 * Finds the transcript of conversation `sessionId`:
 * `projects/<encoded start folder>/<id>.jsonl`. The folders the session
 * may have started in (`likelyStarts`) are tried first, then every
 * project folder.
 */
export async function transcriptForSession(
  configDir: string,
  sessionId: string,
  likelyStarts: readonly string[] = [],
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(sessionId)) return undefined;
  const projectsDir = join(configDir, "projects");
  const file = `${sessionId}.jsonl`;
  const isFile = async (path: string) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  };
  let folders: string[];
  try {
    folders = await readdir(projectsDir);
  } catch {
    return undefined;
  }
  const likely = folders.filter((f) =>
    likelyStarts.some((start) => folderMayEncode(f, start))
  );
  for (
    const folder of [
      ...likely,
      ...folders.filter((f) => !likely.includes(f)),
    ]
  ) {
    const path = join(projectsDir, folder, file);
    if (await isFile(path)) return path;
  }
  return undefined;
}

/** Bytes read per step when reading a transcript backwards. */
export const TAIL_CHUNK_BYTES = 1024 * 1024;

/** A line longer than this is skipped by the backwards reader. */
export const MAX_TAIL_LINE_BYTES = 32 * 1024 * 1024;

/**
 * The current TodoWrite list of a transcript: the `toolUseResult.newTodos`
 * of its latest record that has one. The file is read from its end in
 * chunks and reading stops at that record, so memory stays bounded (one
 * chunk plus one line) whatever the transcript's size.
 *
 * @returns `undefined` when no record holds a todo list.
 */
export async function latestTranscriptTodos(
  path: string,
  chunkBytes = TAIL_CHUNK_BYTES,
): Promise<TodoItem[] | undefined> {
  const handle = await open(path, "r");
  try {
    let position = (await handle.stat()).size;
    let carry: Uint8Array = new Uint8Array(0);
    let skippingLongLine = false;
    const buffer = new Uint8Array(chunkBytes);
    const decoder = new TextDecoder();
    const check = (bytes: Uint8Array): TodoItem[] | undefined => {
      if (bytes.length === 0) return undefined;
      const line = decoder.decode(bytes);
      if (!line.includes('"newTodos"')) return undefined;
      try {
        const todos = JSON.parse(line)?.toolUseResult?.newTodos;
        if (!Array.isArray(todos)) return undefined;
        return todos.map(normaliseTodo).filter((t): t is TodoItem =>
          t !== undefined
        );
      } catch {
        return undefined;
      }
    };
    while (position > 0) {
      const size = Math.min(chunkBytes, position);
      position -= size;
      const { bytesRead } = await handle.read(buffer, 0, size, position);
      const chunk = buffer.subarray(0, bytesRead);
      // Lines end in this chunk at each newline, read from the last one back.
      let end = chunk.length;
      for (let i = chunk.length - 1; i >= 0; i--) {
        if (chunk[i] !== 0x0a) continue;
        const tail = chunk.subarray(i + 1, end);
        if (!skippingLongLine) {
          const found = check(concat(tail, carry));
          if (found) return found;
        }
        carry = new Uint8Array(0);
        skippingLongLine = false;
        end = i;
      }
      if (!skippingLongLine) {
        carry = concat(chunk.subarray(0, end), carry);
        if (carry.length > MAX_TAIL_LINE_BYTES) {
          // No todo list is that long: drop the line instead of holding it.
          carry = new Uint8Array(0);
          skippingLongLine = true;
        }
      }
    }
    return skippingLongLine ? undefined : check(carry);
  } finally {
    await handle.close();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The folder name Claude Code gives a task list id: one path component,
 * every character other than a letter, digit, `-` or `_` replaced by `-`.
 * The client's own rule was not available to read; this one keeps every id
 * it generates (UUIDs) unchanged and can never leave `tasks/`.
 */
export function sanitiseTaskListId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, "-");
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
 * `CLAUDE_CODE_SESSION_ID` when set (its transcript derived), else the
 * newest transcript whose `cwd` lies inside one of `roots` (the project's
 * worktrees). Todos come from the transcript's latest TodoWrite result,
 * else from the `todos/` files older clients wrote; tasks from
 * `tasks/<CLAUDE_CODE_TASK_LIST_ID or session id>/`.
 */
export async function readClaudeState(
  roots: string | readonly string[],
  env: Record<string, string | undefined> = process.env,
  known: { transcriptPath?: string; likelyStarts?: readonly string[] } = {},
): Promise<ClaudeState> {
  const rootList = typeof roots === "string" ? [roots] : [...roots];
  const configDir = claudeConfigDir(env);
  const state: ClaudeState = {
    sessionId: null,
    transcriptPath: null,
    todos: [],
    tasks: [],
    sources: [],
    warnings: [],
  };
  const sessionId = env.CLAUDE_CODE_SESSION_ID;
  if (sessionId) {
    state.sessionId = sessionId;
    state.transcriptPath = known.transcriptPath ??
      await transcriptForSession(configDir, sessionId, [
        ...(known.likelyStarts ?? []),
        ...rootList,
      ]) ?? null;
  } else {
    const transcript = await findLatestTranscript(configDir, rootList);
    state.sessionId = transcript?.sessionId ?? null;
    state.transcriptPath = known.transcriptPath ?? transcript?.path ?? null;
  }
  const taskListId = env.CLAUDE_CODE_TASK_LIST_ID || state.sessionId;
  if (taskListId) {
    await readTasks(
      join(configDir, "tasks", sanitiseTaskListId(taskListId)),
      state,
    );
  }
  let fromTranscript: TodoItem[] | undefined;
  if (state.transcriptPath) {
    try {
      fromTranscript = await latestTranscriptTodos(state.transcriptPath);
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") {
        state.warnings.push(
          `Cannot read todos from transcript '${state.transcriptPath}': ${
            (error as Error).message
          }`,
        );
      }
    }
  }
  if (fromTranscript) {
    state.todos.push(...fromTranscript);
    state.sources.push(state.transcriptPath!);
  } else if (state.sessionId) {
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
