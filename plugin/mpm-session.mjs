#!/usr/bin/env node
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lib/errors.ts
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
var UserError, UsageError;
var init_errors = __esm({
  "lib/errors.ts"() {
    UserError = class extends Error {
      /** The exit code the CLI uses. */
      exitCode;
      /** Creates the error; `exitCode` defaults to 1. */
      constructor(message, exitCode = 1) {
        super(message);
        this.name = "UserError";
        this.exitCode = exitCode;
      }
    };
    UsageError = class extends UserError {
      /** Creates the error, always with exit code 2. */
      constructor(message) {
        super(message, 2);
        this.name = "UsageError";
      }
    };
  }
});

// lib/gather/claude.ts
import { open, readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import process from "node:process";
function claudeConfigDir(env = process.env) {
  return env.CLAUDE_CONFIG_DIR || join(homeDir(env), ".claude");
}
function homeDir(env = process.env) {
  const fromEnv = env.HOME || env.USERPROFILE;
  if (fromEnv) return fromEnv;
  try {
    return homedir();
  } catch {
    return ".";
  }
}
function encodeProjectPath(realPath) {
  return realPath.replace(/[^a-zA-Z0-9]/g, "-");
}
function folderMayEncode(folder, path) {
  const encoded = encodeProjectPath(path);
  if (encoded.length <= MAX_ENCODED_LENGTH) return folder === encoded;
  return folder.startsWith(`${encoded.slice(0, MAX_ENCODED_LENGTH)}-`);
}
function folderMayBeInside(folder, path) {
  const encoded = encodeProjectPath(path);
  const head = encoded.slice(0, MAX_ENCODED_LENGTH);
  return folder === encoded || folder.startsWith(`${head}-`) || encoded.length <= MAX_ENCODED_LENGTH && folder.startsWith(encoded);
}
async function transcriptCwd(path) {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = new Uint8Array(CWD_SCAN_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text3 = new TextDecoder().decode(buffer.subarray(0, bytesRead));
    for (const line of text3.split("\n")) {
      if (!line.includes('"cwd"')) continue;
      try {
        const record = JSON.parse(line);
        if (typeof record?.cwd === "string") return record.cwd;
      } catch {
      }
    }
  } catch {
    return void 0;
  } finally {
    await handle?.close();
  }
  return void 0;
}
function isSameOrBelow(parent, child) {
  const rel = relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
async function findLatestTranscript(configDir, roots) {
  const rootList = typeof roots === "string" ? [
    roots
  ] : [
    ...roots
  ];
  const projectsDir = join(configDir, "projects");
  let folders;
  try {
    folders = (await readdir(projectsDir)).filter((name) => rootList.some((root) => folderMayBeInside(name, root)));
  } catch {
    return void 0;
  }
  const candidates = [];
  for (const folder of folders) {
    let names;
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
          mtime: info.mtimeMs
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
      return {
        sessionId: candidate.sessionId,
        path: candidate.path
      };
    }
  }
  return void 0;
}
async function transcriptForSession(configDir, sessionId, likelyStarts = []) {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(sessionId)) return void 0;
  const projectsDir = join(configDir, "projects");
  const file = `${sessionId}.jsonl`;
  const isFile = async (path) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  };
  let folders;
  try {
    folders = await readdir(projectsDir);
  } catch {
    return void 0;
  }
  const likely = folders.filter((f) => likelyStarts.some((start) => folderMayEncode(f, start)));
  for (const folder of [
    ...likely,
    ...folders.filter((f) => !likely.includes(f))
  ]) {
    const path = join(projectsDir, folder, file);
    if (await isFile(path)) return path;
  }
  return void 0;
}
async function latestTranscriptTodos(path, chunkBytes = TAIL_CHUNK_BYTES) {
  const handle = await open(path, "r");
  try {
    let position = (await handle.stat()).size;
    let carry = new Uint8Array(0);
    let skippingLongLine = false;
    const buffer = new Uint8Array(chunkBytes);
    const decoder = new TextDecoder();
    const check = (bytes) => {
      if (bytes.length === 0) return void 0;
      const line = decoder.decode(bytes);
      if (!line.includes('"newTodos"')) return void 0;
      try {
        const todos = JSON.parse(line)?.toolUseResult?.newTodos;
        if (!Array.isArray(todos)) return void 0;
        return todos.map(normaliseTodo).filter((t) => t !== void 0);
      } catch {
        return void 0;
      }
    };
    while (position > 0) {
      const size = Math.min(chunkBytes, position);
      position -= size;
      const { bytesRead } = await handle.read(buffer, 0, size, position);
      const chunk = buffer.subarray(0, bytesRead);
      let end = chunk.length;
      for (let i = chunk.length - 1; i >= 0; i--) {
        if (chunk[i] !== 10) continue;
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
          carry = new Uint8Array(0);
          skippingLongLine = true;
        }
      }
    }
    return skippingLongLine ? void 0 : check(carry);
  } finally {
    await handle.close();
  }
}
function concat(a, b) {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
function sanitiseTaskListId(id) {
  return id.replace(/[^a-zA-Z0-9_-]/g, "-");
}
function normaliseTodo(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const record = value;
  const content = typeof record.content === "string" ? record.content : typeof record.subject === "string" ? record.subject : void 0;
  if (content === void 0) return void 0;
  const todo = {
    content,
    status: typeof record.status === "string" ? record.status : "pending"
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
function normaliseTask(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const record = value;
  const subject = typeof record.subject === "string" ? record.subject : typeof record.content === "string" ? record.content : void 0;
  if (subject === void 0) return void 0;
  const strings = (v) => Array.isArray(v) ? v.map(String) : void 0;
  const task = {
    id: record.id === void 0 ? "" : String(record.id),
    subject,
    status: typeof record.status === "string" ? record.status : "pending"
  };
  for (const key of [
    "description",
    "activeForm",
    "owner"
  ]) {
    if (typeof record[key] === "string") task[key] = record[key];
  }
  const blocks = strings(record.blocks);
  if (blocks) task.blocks = blocks;
  const blockedBy = strings(record.blockedBy);
  if (blockedBy) task.blockedBy = blockedBy;
  return task;
}
function parseTodosDocument(text3) {
  let value;
  try {
    value = JSON.parse(text3);
  } catch (error) {
    throw new Error(`not valid JSON: ${error.message}`);
  }
  const list = Array.isArray(value) ? value : Array.isArray(value?.todos) ? value.todos : Array.isArray(value?.tasks) ? value.tasks : void 0;
  if (!list) {
    throw new Error("expected an array of todos or an object with 'todos'");
  }
  return list.map(normaliseTodo).filter((t) => t !== void 0);
}
function taskListSnapshot(tasks) {
  return {
    pending_tasks: tasks.filter((t) => t.status === "pending"),
    in_progress_tasks: tasks.filter((t) => t.status === "in_progress"),
    completed_count: tasks.filter((t) => t.status === "completed").length
  };
}
async function readJson(path) {
  return JSON.parse(await readFile(path, "utf8"));
}
async function readClaudeState(roots, env = process.env, known = {}) {
  const rootList = typeof roots === "string" ? [
    roots
  ] : [
    ...roots
  ];
  const configDir = claudeConfigDir(env);
  const state = {
    sessionId: null,
    transcriptPath: null,
    todos: [],
    tasks: [],
    sources: [],
    warnings: []
  };
  const sessionId = env.CLAUDE_CODE_SESSION_ID;
  if (sessionId) {
    state.sessionId = sessionId;
    state.transcriptPath = known.transcriptPath ?? await transcriptForSession(configDir, sessionId, [
      ...known.likelyStarts ?? [],
      ...rootList
    ]) ?? null;
  } else {
    const transcript = await findLatestTranscript(configDir, rootList);
    state.sessionId = transcript?.sessionId ?? null;
    state.transcriptPath = known.transcriptPath ?? transcript?.path ?? null;
  }
  const taskListId = env.CLAUDE_CODE_TASK_LIST_ID || state.sessionId;
  if (taskListId) {
    await readTasks(join(configDir, "tasks", sanitiseTaskListId(taskListId)), state);
  }
  let fromTranscript;
  if (state.transcriptPath) {
    try {
      fromTranscript = await latestTranscriptTodos(state.transcriptPath);
    } catch (error) {
      if (error.code !== "ENOENT") {
        state.warnings.push(`Cannot read todos from transcript '${state.transcriptPath}': ${error.message}`);
      }
    }
  }
  if (fromTranscript) {
    state.todos.push(...fromTranscript);
    state.sources.push(state.transcriptPath);
  } else if (state.sessionId) {
    await readTodos(join(configDir, "todos"), state.sessionId, state);
  }
  return state;
}
async function readTasks(dir, state) {
  let names;
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  } catch {
    return;
  }
  names.sort((a, b) => a.localeCompare(b, void 0, {
    numeric: true,
    sensitivity: "base"
  }));
  for (const name of names) {
    const path = join(dir, name);
    try {
      const task = normaliseTask(await readJson(path));
      if (!task) throw new Error("not a task");
      state.tasks.push(task);
      if (!state.sources.includes(dir)) state.sources.push(dir);
    } catch (error) {
      state.warnings.push(`Skipped task file '${path}': ${error.message}`);
    }
  }
}
async function readTodos(dir, sessionId, state) {
  let names;
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(`${sessionId}-agent-`) && n.endsWith(".json")).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const value = await readJson(path);
      if (!Array.isArray(value)) throw new Error("not a list of todos");
      const todos = value.map(normaliseTodo).filter((t) => t !== void 0);
      state.todos.push(...todos);
      state.sources.push(path);
    } catch (error) {
      state.warnings.push(`Skipped todo file '${path}': ${error.message}`);
    }
  }
}
var MAX_ENCODED_LENGTH, CWD_SCAN_BYTES, TAIL_CHUNK_BYTES, MAX_TAIL_LINE_BYTES;
var init_claude = __esm({
  "lib/gather/claude.ts"() {
    MAX_ENCODED_LENGTH = 200;
    CWD_SCAN_BYTES = 1024 * 1024;
    TAIL_CHUNK_BYTES = 1024 * 1024;
    MAX_TAIL_LINE_BYTES = 32 * 1024 * 1024;
  }
});

// lib/decide/duration.ts
function parseDuration(text3) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text3);
  if (!match) {
    return {
      ok: false,
      message: `Cannot read duration '${text3}': use a number and a unit, such as ${DURATION_EXAMPLES}`
    };
  }
  const [, amount, rawUnit] = match;
  const unit = rawUnit.toLowerCase();
  if (unit === "m") {
    return {
      ok: false,
      message: `Cannot read duration '${text3}': 'm' could mean minutes or months: write ${amount}min or ${amount}mo`
    };
  }
  const size = DURATION_UNITS[unit];
  if (size === void 0) {
    return {
      ok: false,
      message: `Cannot read duration '${text3}': unknown unit '${rawUnit}': use s, min, h, d, w, mo or y, such as ${DURATION_EXAMPLES}`
    };
  }
  return {
    ok: true,
    ms: Number(amount) * size
  };
}
var SECOND, MINUTE, HOUR, DAY, DURATION_UNITS, DURATION_EXAMPLES;
var init_duration = __esm({
  "lib/decide/duration.ts"() {
    SECOND = 1e3;
    MINUTE = 60 * SECOND;
    HOUR = 60 * MINUTE;
    DAY = 24 * HOUR;
    DURATION_UNITS = {
      s: SECOND,
      sec: SECOND,
      secs: SECOND,
      second: SECOND,
      seconds: SECOND,
      min: MINUTE,
      mins: MINUTE,
      minute: MINUTE,
      minutes: MINUTE,
      h: HOUR,
      hr: HOUR,
      hrs: HOUR,
      hour: HOUR,
      hours: HOUR,
      d: DAY,
      day: DAY,
      days: DAY,
      w: 7 * DAY,
      week: 7 * DAY,
      weeks: 7 * DAY,
      mo: 30 * DAY,
      month: 30 * DAY,
      months: 30 * DAY,
      y: 365 * DAY,
      year: 365 * DAY,
      years: 365 * DAY
    };
    DURATION_EXAMPLES = "90min, 12h, 30d, 2w or 6mo";
  }
});

// lib/report/escape.ts
function escapeControl(text3) {
  return text3.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function escapeMarkdown(text3) {
  return escapeControl(text3).split("\n").map((line) => line.replace(/[\\`*\[\]<>|~]/g, "\\$&").replace(/&(?=#?\w+;)/g, "\\&").replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace("_", "\\_")).replace(/^(\s*)([-+=#])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2")).join("\n");
}
function codeSpan(text3) {
  const oneLine2 = escapeControl(text3).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  const longest = Math.max(0, ...(oneLine2.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine2.startsWith("`") || oneLine2.endsWith("`") || oneLine2.length === 0 || oneLine2.startsWith(" ") && oneLine2.endsWith(" ") && oneLine2.trim() !== "" ? " " : "";
  return `${fence}${pad}${oneLine2}${pad}${fence}`;
}
function displayPath(path) {
  const escaped = escapeControl(path).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return escaped;
}
function truncate(text3, max) {
  return text3.length <= max ? text3 : `${text3.slice(0, max - 1)}\u2026`;
}
function firstLine(text3) {
  return (text3 ?? "").split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ?? "";
}
var CONTROL;
var init_escape = __esm({
  "lib/report/escape.ts"() {
    CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
  }
});

// lib/report/fit.ts
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function cutAtWord(text3, max) {
  if (text3.length <= max) return text3;
  if (max <= 1) return max === 1 ? "\u2026" : "";
  const room = text3.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  const kept = text3[max - 1] === " " || space < max / 3 ? room : room.slice(0, space);
  return `${kept.replace(/[\s,;:]+$/, "")}\u2026`;
}
function shortenMiddle(path, max) {
  if (path.length <= max) return path;
  if (max <= 1) return max === 1 ? "\u2026" : "";
  const tail = Math.ceil((max - 1) / 2);
  const head = max - 1 - tail;
  return `${path.slice(0, head)}\u2026${path.slice(path.length - tail)}`;
}
function fitEntry(indent, label, detail, width, labelWidth = 0) {
  const room = Math.max(width, MIN_WIDTH) - indent.length;
  if (detail === "") return indent + shortenMiddle(label, room);
  const padded = Math.max(label.length, Math.min(labelWidth, room));
  const whole = `${label.padEnd(padded)}  ${detail}`;
  if (whole.length <= room) return indent + whole;
  const minDetail = Math.min(detail.length, 16);
  const labelRoom = label.length + 2 + minDetail <= room ? label.length : Math.max(room - 2 - minDetail, Math.floor(room / 2));
  const shownLabel = label.length <= labelRoom ? label.padEnd(Math.min(padded, room - 2 - minDetail)) : shortenMiddle(label, labelRoom);
  const detailRoom = room - shownLabel.length - 2;
  if (detailRoom < 4) return indent + shortenMiddle(label, room);
  return `${indent}${shownLabel}  ${cutAtWord(detail, detailRoom)}`;
}
function shellQuote(text3) {
  return /^[\w./@%+=:,-]+$/.test(text3) ? text3 : `'${text3.replace(/'/g, "'\\''")}'`;
}
function terminalWidth(columns, env) {
  if (columns !== void 0 && Number.isInteger(columns) && columns > 0) {
    return columns;
  }
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}
var DEFAULT_WIDTH, MIN_WIDTH;
var init_fit = __esm({
  "lib/report/fit.ts"() {
    DEFAULT_WIDTH = 80;
    MIN_WIDTH = 30;
  }
});

// lib/report/time.ts
function formatAge(ms) {
  const minutes = Math.floor(Math.max(0, ms) / 6e4);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${plural(minutes, "minute")} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, "hour")} ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${plural(days, "day")} ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), "week")} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30), "month")} ago`;
  return `${plural(Math.floor(days / 365), "year")} ago`;
}
function formatLocalTime(ms, nowMs) {
  const d = new Date(ms);
  const two = (n) => String(n).padStart(2, "0");
  const year = d.getFullYear() === new Date(nowMs).getFullYear() ? "" : ` ${d.getFullYear()}`;
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
function pausedLine(pausedAt, nowMs) {
  const ms = Date.parse(pausedAt);
  if (Number.isNaN(ms)) return `Paused at ${pausedAt}`;
  return `Paused ${formatAge(nowMs - ms)} (${formatLocalTime(ms, nowMs)}, local time)`;
}
var DAYS, MONTHS;
var init_time = __esm({
  "lib/report/time.ts"() {
    init_fit();
    DAYS = [
      "Sun",
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat"
    ];
    MONTHS = [
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec"
    ];
  }
});

// lib/report/kept_groups.ts
function keptGroupOf(reasons) {
  let best;
  for (const r of reasons) {
    const index = ORDER.get(r.code);
    if (index !== void 0 && (best === void 0 || index < best)) {
      best = index;
    }
  }
  return best === void 0 ? DEFAULT_KEPT_GROUP : KEPT_GROUPS[best];
}
function groupKept(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const row = keptGroupOf(entry.reasons);
    const list = groups.get(row) ?? [];
    list.push(entry);
    groups.set(row, list);
  }
  const rank = (row) => ORDER.get(row.code) ?? KEPT_GROUPS.length;
  return [
    ...groups
  ].sort(([a], [b]) => rank(a) - rank(b)).map(([row, list]) => ({
    row,
    entries: list
  }));
}
var KEPT_GROUPS, DEFAULT_KEPT_GROUP, ORDER;
var init_kept_groups = __esm({
  "lib/report/kept_groups.ts"() {
    KEPT_GROUPS = [
      {
        code: "current-worktree",
        phrase: "in use by this command",
        next: "run mpm-session prune from the main worktree"
      },
      {
        code: "in-use-by-claude",
        phrase: "in use by Claude Code",
        next: "end that Claude Code session, then run mpm-session prune"
      },
      {
        code: "process-running",
        phrase: "in use by a running process",
        next: "stop the process, then run mpm-session prune"
      },
      {
        code: "locked",
        phrase: "locked by git",
        next: "git worktree unlock PATH"
      },
      {
        code: "operation-in-progress",
        phrase: "with a merge or rebase in progress",
        next: "git -C PATH status"
      },
      {
        code: "dirty",
        phrase: "with uncommitted changes",
        next: "git -C PATH status"
      },
      {
        code: "hidden-changes",
        phrase: "with changes git status hides",
        next: "git -C PATH ls-files -v"
      },
      {
        code: "stash",
        phrase: "with stashed changes",
        next: "git -C PATH stash list"
      },
      {
        code: "unpushed-commits",
        phrase: "with unpushed commits",
        next: "git -C PATH push"
      },
      {
        code: "unreferenced-commits",
        phrase: "with commits no branch holds",
        next: "git -C PATH switch -c NEW-BRANCH"
      },
      {
        code: "not-integrated",
        phrase: "not merged into DEFAULT",
        next: "git -C PATH log --oneline -3",
        showBranch: true
      },
      {
        code: "unique-ignored-files",
        phrase: "with ignored files found nowhere else",
        next: "git -C PATH status --ignored"
      },
      {
        code: "submodules",
        phrase: "with initialised submodules",
        next: "git -C PATH submodule status"
      },
      {
        code: "nested-worktrees",
        phrase: "holding worktrees or submodules of their own",
        next: "git -C PATH worktree list"
      },
      {
        code: "nested-worktree",
        phrase: "holding or inside another worktree",
        next: "git worktree list",
        wholeReason: true
      },
      {
        code: "private-refs",
        phrase: "with commits only their own refs hold",
        next: "git -C PATH for-each-ref refs/worktree refs/bisect"
      },
      {
        code: "borrowed-objects",
        phrase: "whose objects another repository borrows",
        next: "git repack -a in the repository named",
        wholeReason: true
      },
      {
        code: "nested-repository",
        phrase: "holding another repository",
        next: "ls -a PATH"
      },
      {
        code: "recently-active",
        phrase: "active recently",
        next: "run mpm-session prune again later"
      },
      {
        code: "symlink",
        phrase: "that are symlinks (never followed)",
        next: "ls -l PATH"
      },
      {
        code: "not-a-directory",
        phrase: "that are files, not directories",
        next: "ls -l PATH"
      },
      {
        code: "other-filesystem",
        phrase: "on another file system (a mount)",
        next: "findmnt PATH"
      },
      {
        code: "mount-point",
        phrase: "holding a mount",
        next: "findmnt -R PATH"
      },
      {
        code: "foreign-owner",
        phrase: "owned by another user",
        next: "ls -ld PATH"
      },
      {
        code: "containment",
        phrase: "not strictly inside .claude/worktrees/",
        next: "git worktree list"
      },
      {
        code: "not-empty",
        phrase: "with files but no git checkout",
        next: "ls -a PATH"
      },
      {
        code: "foreign-worktree",
        phrase: "that belong to another repository",
        next: "git -C PATH rev-parse --git-common-dir"
      },
      {
        code: "undecodable-name",
        phrase: "with names that are not UTF-8",
        next: "ls -b PATH",
        wholeReason: true
      },
      {
        code: "needs-repair",
        phrase: "moved or renamed by hand",
        next: "git worktree repair PATH",
        wholeReason: true
      },
      {
        code: "staged-only-copy",
        phrase: "whose only copy of staged work is git's index",
        next: "git worktree repair, then git -C PATH status",
        wholeReason: true
      },
      {
        code: "unreadable-git",
        phrase: "with a .git file git cannot read",
        next: "git worktree repair"
      },
      {
        code: "git-refused",
        phrase: "that git refused to remove",
        next: "git -C PATH status",
        wholeReason: true
      },
      {
        code: "changed-during-cleanup",
        phrase: "that changed during the cleanup (put back whole)",
        next: "git -C PATH status",
        wholeReason: true
      },
      {
        code: "not-put-in-trash-by-tool",
        phrase: "found in the trash but not put there by this tool",
        next: "ls -a PATH",
        wholeReason: true
      },
      {
        code: "rescue-failed",
        phrase: "not removed: their rescue refs could not be written",
        next: "check the space and permissions of .git, then mpm-session prune",
        wholeReason: true
      },
      {
        code: "unsafe-trash",
        phrase: "not removed: the trash folder is unsafe",
        next: "ls -la .claude/worktrees/.mpm-trash",
        wholeReason: true
      },
      {
        code: "move-failed",
        phrase: "that could not be moved into the trash",
        next: "git -C PATH status",
        wholeReason: true
      },
      {
        code: "name-taken",
        phrase: "not moved: the name is taken",
        next: "ls -a .claude/worktrees",
        wholeReason: true
      },
      {
        code: "interrupted",
        phrase: "not reached before the interruption",
        next: "run mpm-session prune again"
      },
      {
        code: "unknown",
        phrase: "that could not be checked",
        next: "git -C PATH status",
        wholeReason: true
      }
    ];
    DEFAULT_KEPT_GROUP = {
      code: "other",
      phrase: "for other reasons",
      next: "git -C PATH status",
      wholeReason: true
    };
    ORDER = new Map(KEPT_GROUPS.map((row, index) => [
      row.code,
      index
    ]));
  }
});

// lib/report/prune_text.ts
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  const units = [
    "KB",
    "MB",
    "GB",
    "TB"
  ];
  let value = bytes / 1e3;
  let index = 0;
  while (Number(value.toFixed(1)) >= 1e3 && index < units.length - 1) {
    value /= 1e3;
    index++;
  }
  return `${value.toFixed(1)} ${units[index]}`;
}
function hasCleanupActivity(summary) {
  return summary.worktrees.length > 0 || summary.orphans.length > 0 || summary.orphan_sweep_skipped !== null || summary.skipped !== null || summary.trash.emptied.length > 0 || summary.trash.remaining.length > 0 || summary.trash.restored.length > 0;
}
function block(heading, entries, width, limit, more) {
  if (entries.length === 0) return [];
  const labelWidth = Math.max(...entries.map((e) => e.label.length));
  const shown = entries.length > limit ? entries.slice(0, limit) : entries;
  const lines = [
    ...typeof heading === "string" ? [
      cutAtWord(heading, width)
    ] : heading,
    ...shown.map((e) => fitEntry("  ", e.label, e.detail, width, labelWidth))
  ];
  if (shown.length < entries.length) {
    lines.push(cutAtWord(`  \u2026 and ${entries.length - shown.length} more${more}`, width));
  }
  return lines;
}
function singularPhrase(phrase) {
  return phrase.replace(/^that are symlinks/, "that is a symlink").replace(/^that are files, not directories/, "that is a file, not a directory").replace(/^that belong /, "that belongs ").replace(/ of their own$/, " of its own");
}
function keptHeading(verb, noun, count, row, defaultBranch, onlyPath, width) {
  const phrase = (count === 1 ? singularPhrase(row.phrase) : row.phrase).replaceAll("DEFAULT", defaultBranch ?? "the default branch");
  const head = `${verb} ${plural(count, noun.one, noun.many)} ${phrase}`;
  const nexts = onlyPath === void 0 ? [
    row.next
  ] : [
    row.next.replaceAll("PATH", shellQuote(onlyPath)),
    row.next
  ];
  for (const next2 of nexts) {
    const line = `${head} (next: ${next2}):`;
    if (line.length <= width) return [
      line
    ];
  }
  const next = nexts.find((n) => `  next: ${n}`.length <= width) ?? nexts.at(-1);
  return [
    cutAtWord(`${head}:`, width),
    `  next: ${next}`
  ];
}
function keptDetail(entry, row) {
  const parts = [];
  for (const r of entry.reasons) {
    if (r.code !== row.code || row.wholeReason) {
      parts.push(r.message);
      continue;
    }
    const afterColon = /^[^:]*: (.+)$/s.exec(r.message)?.[1];
    const inParens = /\(([^()]+)\)$/.exec(r.message)?.[1];
    const specific = afterColon ?? inParens;
    if (specific) parts.unshift(specific);
    else if (row.showBranch && entry.branch) {
      parts.unshift(`branch ${entry.branch}`);
    } else parts.unshift(r.message);
  }
  return displayPath(parts.join("; "));
}
function removedDetail(w) {
  const why = w.integration_check ? `integrated (${w.integration_check})` : "clean, nothing unique";
  return w.bytes_reclaimed > 0 ? `${why}, ${formatBytes(w.bytes_reclaimed)}` : why;
}
function orphanDetail(o) {
  const kind = o.kind === "plain" ? "empty directory" : o.kind;
  return o.bytes_reclaimed > 0 ? `${kind}, ${formatBytes(o.bytes_reclaimed)}` : kind;
}
function refusal(w) {
  return displayPath((w.branch_note ?? "git refused").replace(/^branch '.*' (?:kept|would be kept): /s, ""));
}
function branchFix(w) {
  const name = shellQuote(w.branch ?? "");
  return w.integration_check ? `integrated (${w.integration_check}): git branch -D ${name}` : `not proven integrated: git log --oneline ${name}`;
}
function pruneSummaryLines(summary, options = {}) {
  const width = options.width ?? DEFAULT_WIDTH;
  const limit = options.limit ?? GROUP_LIMIT;
  const lines = [];
  if (summary.skipped) {
    lines.push(cutAtWord(`Skipped: ${displayPath(summary.skipped)}`, width));
    return lines;
  }
  const dry = summary.dry_run;
  const listMore = `: ${LIST_COMMAND}`;
  const removed = summary.worktrees.filter((w) => w.action === "pruned" || w.action === "would-prune");
  const kept = summary.worktrees.filter((w) => w.action === "preserved");
  const admin = summary.worktrees.filter((w) => w.action === "admin-pruned");
  const path = (x) => displayPath(x.relative_path);
  lines.push(...block(`${dry ? "Would remove" : "Removed"} ${plural(removed.length, "worktree")}:`, removed.map((w) => ({
    label: path(w),
    detail: removedDetail(w)
  })), width, limit, dry ? listMore : ""));
  const deleted = removed.filter((w) => w.branch && w.branch_deleted === true);
  const refused = removed.filter((w) => w.branch && w.branch_deleted === false);
  lines.push(...block(`${dry ? "Would delete" : "Deleted"} ${plural(deleted.length, "branch", "branches")}:`, deleted.map((w) => ({
    label: displayPath(w.branch),
    detail: ""
  })), width, limit, ""));
  lines.push(...block(`${dry ? "Would keep" : "Kept"} ${plural(refused.length, "branch", "branches")} git branch -d ${dry ? "would refuse" : "refused"} to delete:`, refused.map((w) => ({
    label: displayPath(w.branch),
    detail: `${branchFix(w)}; ${refusal(w)}`
  })), width, limit, ""));
  lines.push(...block(`${dry ? "Would clean" : "Cleaned"} ${plural(admin.length, "registration")} whose directory was gone:`, admin.map((w) => ({
    label: path(w),
    detail: ""
  })), width, limit, ""));
  const verbKept = dry ? "Would keep" : "Kept";
  const keptBlocks = (entries, noun) => groupKept(entries).flatMap((group) => block(keptHeading(verbKept, noun, group.entries.length, group.row, summary.default_branch?.name, group.entries.length === 1 ? group.entries[0].relative_path : void 0, width), group.entries.map((x) => ({
    label: path(x),
    detail: keptDetail(x, group.row)
  })), width, limit, listMore));
  lines.push(...keptBlocks(kept, WORKTREE));
  for (const w of summary.worktrees) {
    for (const note of w.notes) {
      lines.push(cutAtWord(`Note: ${path(w)}: ${displayPath(note)}`, width));
    }
  }
  if (summary.orphan_sweep_skipped) {
    lines.push(cutAtWord(`Orphan sweep skipped: ${displayPath(summary.orphan_sweep_skipped)}`, width));
  }
  const swept = summary.orphans.filter((o) => o.action !== "preserved");
  const keptOrphans = summary.orphans.filter((o) => o.action === "preserved");
  lines.push(...block(`${dry ? "Would sweep" : "Swept"} ${plural(swept.length, ORPHAN.one, ORPHAN.many)}:`, swept.map((o) => ({
    label: path(o),
    detail: orphanDetail(o)
  })), width, limit, dry ? listMore : ""));
  lines.push(...keptBlocks(keptOrphans, ORPHAN));
  const item = (n) => plural(n, "item");
  const trash = summary.trash;
  lines.push(...block(`${dry ? "Would finish removing" : "Finished removing"} ${item(trash.emptied.length)} left by an interrupted run:`, trash.emptied.map((p) => ({
    label: displayPath(p),
    detail: ""
  })), width, limit, ""));
  lines.push(...block(dry ? `Would move back ${item(trash.restored.length)} this tool cannot show it put in the trash:` : `Moved back ${item(trash.restored.length)} an interrupted run had left in the trash (they hold work):`, trash.restored.map((p) => ({
    label: displayPath(p),
    detail: ""
  })), width, limit, ""));
  lines.push(...block(dry ? `Would judge again ${item(trash.remaining.length)} an interrupted run left in the trash:` : `Could not finish removing ${item(trash.remaining.length)} left by an interrupted run:`, trash.remaining.map((p) => ({
    label: displayPath(p),
    detail: ""
  })), width, limit, ""));
  if (summary.bytes_reclaimed > 0 && summary.bytes_reclaimed >= (options.minReclaimedBytes ?? 1)) {
    lines.push(`${dry ? "Would reclaim" : "Reclaimed"} ${formatBytes(summary.bytes_reclaimed)}`);
  }
  for (const note of summary.notes) {
    lines.push(cutAtWord(`Note: ${displayPath(note)}`, width));
  }
  return lines;
}
var GROUP_LIMIT, LIST_COMMAND, WORKTREE, ORPHAN;
var init_prune_text = __esm({
  "lib/report/prune_text.ts"() {
    init_escape();
    init_fit();
    init_kept_groups();
    GROUP_LIMIT = 10;
    LIST_COMMAND = "mpm-session worktrees";
    WORKTREE = {
      one: "worktree",
      many: "worktrees"
    };
    ORPHAN = {
      one: "orphaned directory",
      many: "orphaned directories"
    };
  }
});

// lib/report/text.ts
var text_exports = {};
__export(text_exports, {
  FILES_SHOWN: () => FILES_SHOWN,
  MESSAGE_SHOWN_CHARS: () => MESSAGE_SHOWN_CHARS,
  hangingWrap: () => hangingWrap,
  renderCleanup: () => renderCleanup,
  renderList: () => renderList,
  renderPause: () => renderPause,
  renderPrune: () => renderPrune,
  renderResume: () => renderResume,
  renderSessionText: () => renderSessionText
});
import { relative as relative2 } from "node:path";
function oneLine(text3) {
  return escapeControl(text3).replace(/[\r\n\t]+/g, " ");
}
function renderCleanup(summary, c, width = DEFAULT_WIDTH) {
  if (!summary || !hasCleanupActivity(summary)) return [];
  return [
    c.bold(summary.dry_run ? "Worktree Cleanup (dry run):" : "Worktree Cleanup:"),
    ...pruneSummaryLines(summary, {
      width: width - 2
    }).map((l) => `  ${l}`)
  ];
}
function renderPause(result, c, width = DEFAULT_WIDTH) {
  const doc = result.session;
  const root = doc.project_path;
  const rel = (p) => displayPath(relative2(root, p) || p);
  const git = doc.git_context;
  const lines = [
    c.green(c.bold("Session paused")),
    `  ID:        ${doc.session_id}`,
    `  Paused at: ${doc.paused_at}`,
    `  Project:   ${displayPath(root)}`,
    `  Files:     ${rel(result.files.jsonPath)}`,
    `             ${rel(result.files.markdownPath)}`,
    `             ${rel(result.files.latestPath)}`
  ];
  if (result.exportPath) {
    lines.push(`  Export:    ${displayPath(result.exportPath)}`);
  }
  if (doc.conversation.summary) {
    lines.push(`  Message:   ${cutAtWord(oneLine(firstLine(doc.conversation.summary)), Math.min(100, width - "  Message:   ".length))}`);
  }
  if (git.is_git_repo) {
    const where = git.branch ? `branch ${git.branch}` : "detached HEAD";
    const s = git.status.counts;
    lines.push(`  Git:       ${oneLine(where)}${git.head ? ` at ${git.head.slice(0, 7)}` : ""}, ${git.status.clean ? "clean" : `${s.modified} changed, ${s.untracked} untracked${s.conflicted ? `, ${s.conflicted} conflicted` : ""}`}`);
  }
  const open4 = doc.todos.filter((t) => t.status !== "completed").length + doc.task_list.pending_tasks.length + doc.task_list.in_progress_tasks.length;
  if (open4 > 0) lines.push(`  Open todos and tasks: ${open4}`);
  for (const w of doc.warnings) {
    lines.push(c.yellow(`  Warning: ${oneLine(w)}`));
  }
  for (const e of git.errors) lines.push(c.yellow(`  Warning: ${oneLine(e)}`));
  lines.push("", `Resume with: mpm-session resume`);
  const cleanup = renderCleanup(result.cleanup, c, width);
  if (cleanup.length > 0) lines.push("", ...cleanup);
  return lines.join("\n") + "\n";
}
function commitLine(indent, commit, width) {
  return cutAtWord(`${indent}${commit.sha.slice(0, 7)} ${oneLine(commit.message)}`, width);
}
function commitLines(commits, count, width) {
  const lines = commits.map((commit) => commitLine("    ", commit, width));
  if (count > commits.length) {
    lines.push(`    \u2026 and ${count - commits.length} more`);
  }
  return lines;
}
function renderResume(result, c, nowMs = Date.now(), width = Number.POSITIVE_INFINITY) {
  const lines = [];
  for (const w of result.warnings) {
    lines.push(c.yellow(`Warning: ${oneLine(w)}`));
  }
  const doc = result.session;
  if (!doc) {
    lines.push('No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"');
    return lines.join("\n") + "\n";
  }
  lines.push(...renderSessionText(doc, c, nowMs, width));
  const since = result.since;
  if (since) {
    lines.push("", c.bold("Since you paused:"));
    if (!since.available) {
      lines.push("  (not a git repository now: no git comparison)");
    } else {
      const branchNow = oneLine(since.branch_now ?? "detached HEAD");
      if (since.branch_switched) {
        lines.push(c.yellow(`  Branch switched: ${oneLine(doc.git_context.branch ?? "detached")} -> ${branchNow}`));
        if (doc.git_context.branch) {
          lines.push(`  Back to it with: git switch ${shellQuote(doc.git_context.branch)}`);
        }
      }
      if (since.unpushed_count !== null && since.unpushed_count > 0) {
        lines.push(`  Branch now: ${since.branch_now ? `${branchNow}, ` : "detached HEAD, "}${plural(since.unpushed_count, "commit")} not pushed:`, ...commitLines(since.unpushed_commits, since.unpushed_count, width));
      } else if (since.unpushed_count === 0) {
        lines.push(`  Branch now: ${branchNow}, everything pushed`);
      } else {
        lines.push(`  Branch now: ${branchNow}`);
      }
      if (since.head_unknown) {
        lines.push("  New commits: cannot tell: the session saved no full HEAD (it was written by claude-mpm)");
      } else if (since.head_diverged) {
        lines.push(c.yellow("  The paused commit is no longer in the history of HEAD"));
      }
      if (since.new_commit_count > 0) {
        lines.push(`  ${plural(since.new_commit_count, "new commit")} on this branch:`, ...commitLines(since.new_commits, since.new_commit_count, width));
      } else if (!since.head_diverged && !since.head_unknown) {
        lines.push("  No new commits on this branch");
      }
      if (since.files_changed_count > 0) {
        lines.push(`  ${plural(since.files_changed_count, "file")} changed by commits:`);
        for (const f of since.files_changed.slice(0, 10)) {
          lines.push(`    ${displayPath(f)}`);
        }
        if (since.files_changed_count > 10) {
          lines.push(`    \u2026 and ${since.files_changed_count - 10} more`);
        }
      }
      if (since.default_ref && since.default_new_count !== null) {
        const ref = oneLine(since.default_ref);
        lines.push(since.default_new_count === 0 ? `  ${ref}: no new commits since the pause (as last fetched)` : `  ${ref}: ${plural(since.default_new_count, "new commit")} since the pause (as last fetched):`, ...commitLines(since.default_new_commits, since.default_new_count, width));
      }
      const w = since.working_tree_now;
      if (w) {
        lines.push(w.modified + w.untracked + w.conflicted === 0 ? "  Working tree now: clean" : `  Working tree now: ${w.modified} changed, ${w.untracked} untracked${w.conflicted ? `, ${w.conflicted} conflicted` : ""}`);
      }
    }
    if (since.completed_since.length > 0) {
      lines.push(`  Todos completed since: ${since.completed_since.length}`);
    }
    if (since.open_todos.length > 0) {
      lines.push(`  Todos still open${since.todos_checked ? "" : " (as saved)"}: ${since.open_todos.length}`);
    }
  }
  return lines.join("\n") + "\n";
}
function hangingWrap(first, hang, text3, width) {
  const out = [];
  const paragraphs = text3.split(/\r?\n/).map((l) => escapeControl(l));
  paragraphs.forEach((paragraph, index) => {
    let line = index === 0 ? first : hang;
    let empty = true;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = hang;
        empty = true;
      }
      line += (empty ? "" : " ") + word;
      empty = false;
    }
    out.push(line.trimEnd());
  });
  return out;
}
function fileLines(label, files, count) {
  if (count === 0) return [];
  const lines = [
    `  ${label}:`
  ];
  for (const f of files.slice(0, FILES_SHOWN)) {
    lines.push(`    ${displayPath(f)}`);
  }
  const shown = Math.min(files.length, FILES_SHOWN);
  if (count > shown) lines.push(`    \u2026 and ${count - shown} more`);
  return lines;
}
function keptWorktreeLines(doc, width) {
  const summary = doc.worktree_prune_summary;
  if (!summary) return [];
  const kept = [
    ...summary.worktrees.filter((w) => w.action === "preserved"),
    ...summary.orphans.filter((o) => o.action === "preserved")
  ];
  if (kept.length === 0) return [];
  const lines = [
    `  Agent worktrees kept with work: ${kept.length} (mpm-session worktrees shows them now)`
  ];
  const shown = kept.slice(0, FILES_SHOWN);
  const labelWidth = Math.max(...shown.map((k) => k.relative_path.length));
  for (const k of shown) {
    const codes = [
      ...new Set(k.reasons.map((r) => r.code))
    ].join(", ");
    lines.push(fitEntry("    ", displayPath(k.relative_path), codes, width, labelWidth));
  }
  if (kept.length > FILES_SHOWN) {
    lines.push(`    \u2026 and ${kept.length - FILES_SHOWN} more`);
  }
  return lines;
}
function renderSessionText(doc, c, nowMs = Date.now(), width = Number.POSITIVE_INFINITY) {
  const git = doc.git_context;
  const lines = [
    c.bold(`Resuming session ${doc.session_id}`),
    `  ${pausedLine(doc.paused_at, nowMs)}`,
    `  Project:   ${displayPath(doc.project_path)}`
  ];
  if (doc.conversation.summary) {
    const full = doc.conversation.summary;
    const shown = full.length > MESSAGE_SHOWN_CHARS ? full.slice(0, MESSAGE_SHOWN_CHARS) : full;
    const hang = " ".repeat("  Message:   ".length);
    lines.push(...hangingWrap("  Message:   ", hang, shown, width));
    if (shown.length < full.length) {
      lines.push(`${hang}\u2026 (${full.length - shown.length} more characters in .claude-mpm/sessions/${doc.session_id}.json)`);
    }
  }
  const carried = doc.conversation.carried_message;
  if (carried) {
    const text3 = carried.text.slice(0, MESSAGE_SHOWN_CHARS).split(/\r?\n/).map((l) => escapeControl(l));
    lines.push(`  Last note: ${text3[0]}`, ...text3.slice(1).map((l) => `             ${l}`), `             (written ${carried.paused_at} with ${carried.session_id})`);
  }
  if (git.is_git_repo) {
    lines.push(`  Git:       ${git.branch ? `branch ${oneLine(git.branch)}` : "detached HEAD"}${git.head ? ` at ${git.head.slice(0, 7)}` : ""}${git.operation_in_progress ? ` (${git.operation_in_progress} in progress)` : ""}`);
    const s = git.status;
    if (!s.clean) {
      lines.push(`  Changes:   ${s.counts.modified} changed, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted`);
      lines.push(...fileLines("Changed", s.modified_files, s.counts.modified), ...fileLines("Untracked", s.untracked_files, s.counts.untracked));
    }
    if (git.recent_commits.length > 0) {
      lines.push("  Recent commits:");
      for (const commit of git.recent_commits) {
        lines.push(commitLine("    ", commit, width));
      }
    }
  }
  lines.push(...keptWorktreeLines(doc, width));
  const open4 = doc.todos.filter((t) => t.status !== "completed");
  if (open4.length > 0) {
    lines.push("  Todos:");
    for (const t of open4.slice(0, 15)) {
      lines.push(`    [${t.status === "in_progress" ? "~" : " "}] ${truncate(oneLine(t.content), 100)}`);
    }
    if (open4.length > 15) lines.push(`    \u2026 and ${open4.length - 15} more`);
  }
  const tasks = [
    ...doc.task_list.in_progress_tasks,
    ...doc.task_list.pending_tasks
  ];
  if (tasks.length > 0) {
    lines.push("  Tasks:");
    for (const t of tasks.slice(0, 15)) {
      lines.push(`    [${t.status === "in_progress" ? "~" : " "}] ${truncate(oneLine(t.subject), 100)}`);
    }
    if (tasks.length > 15) lines.push(`    \u2026 and ${tasks.length - 15} more`);
  }
  return lines;
}
function worktreeLabel(root, worktree) {
  if (!root) return worktree;
  if (worktree === root) return ".";
  return worktree.startsWith(`${root}/`) ? worktree.slice(root.length + 1) : worktree;
}
function renderList(result, c) {
  if (result.total === 0) {
    return 'No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"\n';
  }
  const rows = result.sessions.map((s) => [
    s.id,
    s.paused_at ? s.paused_at.replace("T", " ").replace(/\.\d+Z$/, "Z") : "?",
    s.error ? "(unreadable)" : oneLine(s.branch ?? "-"),
    s.worktree ? oneLine(worktreeLabel(result.projectRoot, s.worktree)) : "-",
    s.error ? oneLine(s.error) : truncate(oneLine(firstLine(s.message)), 60)
  ]);
  const header = [
    "ID",
    "PAUSED AT (UTC)",
    "BRANCH",
    "WORKTREE",
    "MESSAGE"
  ];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (r) => r.map((cell, i) => i === r.length - 1 ? cell : truncate(cell, widths[i]).padEnd(widths[i])).join("  ").trimEnd();
  const lines = [
    c.bold(fmt(header)),
    ...rows.map(fmt)
  ];
  if (result.sessions.length < result.total) {
    lines.push(c.dim(`(${result.sessions.length} of ${result.total} sessions shown; use --all or --limit N)`));
  }
  return lines.join("\n") + "\n";
}
function renderPrune(summary, c, width = DEFAULT_WIDTH) {
  const block2 = renderCleanup(summary, c, width);
  if (block2.length === 0) {
    return "Nothing to clean under .claude/worktrees/\n";
  }
  return block2.join("\n") + "\n";
}
var MESSAGE_SHOWN_CHARS, FILES_SHOWN;
var init_text = __esm({
  "lib/report/text.ts"() {
    init_escape();
    init_fit();
    init_time();
    init_prune_text();
    MESSAGE_SHOWN_CHARS = 4e3;
    FILES_SHOWN = 10;
  }
});

// lib/decide/session_id.ts
function baseSessionId(date) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  const day = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
  return `session-${day}-${time}`;
}
function candidateSessionId(pausedAt, attempt) {
  const step = Math.max(0, Math.floor(attempt) - 1);
  return baseSessionId(new Date(pausedAt.getTime() + step * 1e3));
}
function sessionIdTime(id) {
  const match = ID_PATTERN.exec(id);
  if (!match) return void 0;
  const [d, t] = [
    match[1],
    match[2]
  ];
  const ms = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)), Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4, 6)));
  return Number.isNaN(ms) ? void 0 : new Date(ms);
}
function sessionFileTime(id, pausedAt) {
  const start = sessionIdTime(id);
  if (!start) return pausedAt;
  const fraction = (pausedAt.getTime() % 1e3 + 1e3) % 1e3;
  return new Date(start.getTime() + fraction);
}
function compareSessionIds(a, b) {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka[0] !== kb[0]) return ka[0] < kb[0] ? -1 : 1;
  if (ka[1] !== kb[1]) return ka[1] - kb[1];
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortKey(id) {
  const match = ID_PATTERN.exec(id);
  if (!match) return [
    "",
    0
  ];
  return [
    `${match[1]}${match[2]}`,
    match[3] ? Number(match[3]) : 1
  ];
}
function sessionIdFromFileName(name) {
  const match = /^(session-\d{8}-\d{6}(?:-\d+)?)\.(json|md)$/.exec(name);
  return match ? match[1] : void 0;
}
var ID_PATTERN;
var init_session_id = __esm({
  "lib/decide/session_id.ts"() {
    ID_PATTERN = /^session-(\d{8})-(\d{6})(?:-(\d+))?$/;
  }
});

// lib/decide/select.ts
function selectSession(readableIds, selector) {
  const newestFirst = [
    ...readableIds
  ].sort((a, b) => compareSessionIds(b, a));
  if (newestFirst.length === 0) {
    return {
      ok: false,
      reason: "none",
      message: "No paused sessions found"
    };
  }
  switch (selector.kind) {
    case "latest": {
      if (selector.pointer && newestFirst.includes(selector.pointer)) {
        return {
          ok: true,
          id: selector.pointer
        };
      }
      return {
        ok: true,
        id: newestFirst[0]
      };
    }
    case "exact": {
      const id = selector.id.replace(/\.(json|md)$/, "");
      return newestFirst.includes(id) ? {
        ok: true,
        id
      } : {
        ok: false,
        reason: "not-found",
        message: `Cannot find session '${id}': run 'mpm-session list' to see the saved sessions`
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
            message: `Cannot select session ${value}: there ${newestFirst.length === 1 ? "is 1 session" : `are ${newestFirst.length} sessions`}: choose 1 to ${newestFirst.length}`
          };
        }
        return {
          ok: true,
          id: newestFirst[n - 1]
        };
      }
      const prefix = value.startsWith("session-") ? value : `session-${value}`;
      if (newestFirst.includes(prefix)) return {
        ok: true,
        id: prefix
      };
      const matches = newestFirst.filter((id) => id.startsWith(prefix));
      if (matches.length === 1) return {
        ok: true,
        id: matches[0]
      };
      if (matches.length === 0) {
        return {
          ok: false,
          reason: "not-found",
          message: `Cannot find a session matching '${value}': run 'mpm-session list' to see the saved sessions`
        };
      }
      return {
        ok: false,
        reason: "ambiguous",
        message: `Cannot select '${value}': it matches ${matches.length} sessions: ${matches.slice(0, 10).join(", ")}${matches.length > 10 ? ", \u2026" : ""}: give more of the id`,
        matches
      };
    }
  }
}
function isAutomatic(doc) {
  return doc.trigger?.source === "hook";
}
function worktreeOf(doc) {
  return doc.active_context?.worktree_path ?? doc.project_path;
}
function todoKey(doc) {
  return JSON.stringify(doc.todos.map((t) => [
    t.content,
    t.status
  ]));
}
function statusKey(doc) {
  const s = doc.git_context.status;
  return JSON.stringify([
    s.modified_files,
    s.untracked_files,
    s.staged_files,
    s.conflicted_files,
    s.counts
  ]);
}
function repeatsAutoPause(previous, next) {
  const at = Date.parse(next.paused_at);
  const conversation = next.claude_code.session_id;
  if (!conversation) return void 0;
  return previous.find((doc) => {
    if (!isAutomatic(doc)) return false;
    if (doc.claude_code?.session_id !== conversation) return false;
    if (worktreeOf(doc) !== worktreeOf(next)) return false;
    const then = Date.parse(doc.paused_at);
    if (!(at - then >= 0 && at - then <= AUTO_PAUSE_REPEAT_MS)) return false;
    return doc.git_context.head === next.git_context.head && doc.git_context.branch === next.git_context.branch && statusKey(doc) === statusKey(next) && todoKey(doc) === todoKey(next);
  });
}
function carriedMessage(previous, next) {
  const at = Date.parse(next.paused_at);
  const manual = previous.filter((doc) => !isAutomatic(doc) && doc.conversation?.summary && Date.parse(doc.paused_at) <= at).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  const conversation = next.claude_code.session_id;
  const found = (conversation ? manual.find((doc) => doc.claude_code?.session_id === conversation) : void 0) ?? manual.find((doc) => worktreeOf(doc) === worktreeOf(next) && at - Date.parse(doc.paused_at) <= CARRY_WINDOW_MS);
  if (found) {
    return {
      text: found.conversation.summary,
      paused_at: found.paused_at,
      session_id: found.session_id
    };
  }
  const carried = previous.filter((doc) => isAutomatic(doc) && doc.conversation?.carried_message && Date.parse(doc.paused_at) <= at && (conversation && doc.claude_code?.session_id === conversation || worktreeOf(doc) === worktreeOf(next) && at - Date.parse(doc.conversation.carried_message.paused_at) <= CARRY_WINDOW_MS)).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  return carried[0]?.conversation.carried_message ?? null;
}
function chooseSession(docs, choice) {
  const fresh = docs.filter((doc) => choice.notBeforeMs === void 0 || Date.parse(doc.paused_at) >= choice.notBeforeMs).sort((a, b) => Date.parse(b.paused_at) - Date.parse(a.paused_at));
  if (choice.conversationId) {
    const same2 = fresh.find((doc) => doc.claude_code?.session_id === choice.conversationId);
    if (same2) return same2;
  }
  return fresh.find((doc) => worktreeOf(doc) === choice.worktreePath) ?? fresh[0];
}
var AUTO_PAUSE_REPEAT_MS, CARRY_WINDOW_MS;
var init_select = __esm({
  "lib/decide/select.ts"() {
    init_session_id();
    AUTO_PAUSE_REPEAT_MS = 6e4;
    CARRY_WINDOW_MS = 24 * 60 * 60 * 1e3;
  }
});

// lib/gather/sessions.ts
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import { join as join2 } from "node:path";
function sessionsDirFor(projectRoot) {
  return join2(projectRoot, SESSIONS_DIR);
}
async function listSessionIds(sessionsDir) {
  let names;
  try {
    names = await readdir2(sessionsDir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw new Error(`Cannot read sessions folder '${sessionsDir}': ${error.message}`);
  }
  const ids = names.filter((n) => n.endsWith(".json")).map(sessionIdFromFileName).filter((id) => id !== void 0);
  return ids.sort((a, b) => compareSessionIds(b, a));
}
async function readLatestPointer(sessionsDir) {
  try {
    const text3 = await readFile3(join2(sessionsDir, LATEST_FILE), "utf8");
    return /session-\d{8}-\d{6}(?:-\d+)?/.exec(text3)?.[0];
  } catch {
    return void 0;
  }
}
async function loadSession(sessionsDir, id) {
  const path = join2(sessionsDir, `${id}.json`);
  let text3;
  try {
    text3 = await readFile3(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read session '${path}': ${error.message}`);
  }
  let value;
  try {
    value = JSON.parse(text3);
  } catch {
    throw new Error(`Cannot read session '${path}': not valid JSON`);
  }
  const doc = value;
  if (typeof doc !== "object" || doc === null || typeof doc.session_id !== "string" || typeof doc.paused_at !== "string") {
    throw new Error(`Cannot read session '${path}': missing 'session_id' or 'paused_at'`);
  }
  return normaliseSession(doc);
}
function normaliseTime(value) {
  if (typeof value !== "string") return value == null ? "" : String(value);
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!match) return value;
  const [, day, time, fraction, zone] = match;
  const ms = fraction ? `.${fraction.slice(0, 3).padEnd(3, "0")}` : "";
  let offset = "Z";
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
  }
  const date = /* @__PURE__ */ new Date(`${day}T${time}${ms}${offset}`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function text(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return void 0;
}
function stringList(value) {
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : typeof value === "string" ? [
    value
  ] : [];
  return items.map((item) => text(item) ?? (isObject(item) ? text(item.path) ?? text(item.file) ?? text(item.command) : void 0)).filter((item) => item !== void 0);
}
function todoList(value) {
  const one = (item, status) => {
    if (typeof item === "string") return {
      content: item,
      status
    };
    if (!isObject(item)) return void 0;
    const content = text(item.content) ?? text(item.title) ?? text(item.subject) ?? text(item.text) ?? "";
    return {
      ...item,
      content,
      status: text(item.status) ?? status
    };
  };
  const pick = (items, status) => (Array.isArray(items) ? items : []).map((i) => one(i, status)).filter((t) => t !== void 0);
  if (Array.isArray(value)) return pick(value, "pending");
  if (isObject(value)) {
    return [
      ...pick(value.active, "pending"),
      ...pick(value.in_progress, "in_progress"),
      ...pick(value.pending, "pending"),
      ...pick(value.completed, "completed")
    ];
  }
  return [];
}
function taskList(value, status) {
  return (Array.isArray(value) ? value : []).filter(isObject).map((item) => ({
    ...item,
    id: text(item.id) ?? "",
    subject: text(item.subject) ?? text(item.title) ?? text(item.content) ?? "(untitled)",
    status: text(item.status) ?? status
  }));
}
function commitList(value) {
  return (Array.isArray(value) ? value : []).filter(isObject).map((c) => ({
    ...c,
    sha: text(c.sha) ?? "",
    author: text(c.author) ?? "",
    timestamp: normaliseTime(c.timestamp),
    message: text(c.message) ?? ""
  }));
}
function writtenByClaudeMpm(doc) {
  return doc.tool === void 0 && doc.schema_version === void 0 && ("context_usage" in doc || "important_reminders" in doc || isObject(doc.todos));
}
function normaliseSession(doc) {
  const raw = doc;
  const git = isObject(doc.git_context) ? doc.git_context : {};
  const status = isObject(git.status) ? git.status : {};
  const list = (v) => Array.isArray(v) ? v : [];
  const resume2 = isObject(doc.resume_instructions) ? doc.resume_instructions : {};
  const tasks = isObject(doc.task_list) ? doc.task_list : {};
  const summary = doc.conversation?.summary;
  return {
    ...doc,
    schema_version: doc.schema_version ?? 0,
    session_id: doc.session_id,
    paused_at: normaliseTime(doc.paused_at),
    project_path: text(doc.project_path) ?? "",
    conversation: {
      ...isObject(doc.conversation) ? doc.conversation : {},
      summary: typeof summary === "string" ? summary : null
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
          conflicted: list(status.conflicted_files).length
        },
        truncated: status.truncated ?? false
      },
      stash_count: git.stash_count ?? 0,
      operation_in_progress: git.operation_in_progress ?? null,
      worktree_count: git.worktree_count ?? 0,
      errors: stringList(git.errors)
    },
    active_context: {
      ...isObject(doc.active_context) ? doc.active_context : {},
      working_directory: text(doc.active_context?.working_directory) ?? ""
    },
    resume_instructions: {
      quick_start: stringList(resume2.quick_start),
      files_to_review: stringList(resume2.files_to_review),
      validation_commands: stringList(resume2.validation_commands)
    },
    todos: todoList(doc.todos),
    task_list: {
      pending_tasks: taskList(tasks.pending_tasks, "pending"),
      in_progress_tasks: taskList(tasks.in_progress_tasks, "in_progress"),
      completed_count: typeof tasks.completed_count === "number" ? tasks.completed_count : 0
    },
    claude_code: doc.claude_code ?? {
      session_id: null,
      transcript_path: null,
      sources: []
    },
    trigger: doc.trigger ?? {
      source: "cli"
    },
    warnings: stringList(doc.warnings),
    tool: doc.tool ?? (writtenByClaudeMpm(raw) ? {
      name: "claude-mpm",
      version: "unknown"
    } : {
      name: "unknown",
      version: "unknown"
    })
  };
}
var SESSIONS_DIR, LATEST_FILE;
var init_sessions = __esm({
  "lib/gather/sessions.ts"() {
    init_session_id();
    SESSIONS_DIR = join2(".claude-mpm", "sessions");
    LATEST_FILE = "LATEST-SESSION.txt";
  }
});

// lib/pool.ts
import { availableParallelism } from "node:os";
import process3 from "node:process";
function defaultConcurrency() {
  const fromEnv = Number(process3.env.MPM_CONCURRENCY);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.min(16, Math.max(4, availableParallelism() * 3));
}
async function mapPool(items, fn, limit = defaultConcurrency()) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  }
  const workers = Array.from({
    length: Math.min(Math.max(1, limit), items.length)
  }, () => worker());
  await Promise.all(workers);
  return results;
}
var init_pool = __esm({
  "lib/pool.ts"() {
  }
});

// lib/gather/recent_sessions.ts
async function loadRecentSessions(sessionsDir, limit = RECENT_SESSIONS_LIMIT) {
  const ids = (await listSessionIds(sessionsDir).catch(() => [])).slice(0, limit);
  const docs = await mapPool(ids, (id) => loadSession(sessionsDir, id).catch(() => void 0), 16);
  return docs.filter((d) => d !== void 0);
}
var RECENT_SESSIONS_LIMIT;
var init_recent_sessions = __esm({
  "lib/gather/recent_sessions.ts"() {
    init_sessions();
    init_pool();
    RECENT_SESSIONS_LIMIT = 200;
  }
});

// lib/gather/worktree_list_parse.ts
function hasInvalidUtf8(bytes) {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i] < 128;
  if (ascii) return false;
  try {
    STRICT.decode(bytes);
    return false;
  } catch {
    return true;
  }
}
function escapeInvalidUtf8(bytes) {
  try {
    return STRICT.decode(bytes);
  } catch {
  }
  let out = "";
  let start = 0;
  const fatal = STRICT;
  const decodeRun = (from, to) => new TextDecoder("utf-8", {
    ignoreBOM: true
  }).decode(bytes.subarray(from, to));
  for (let i = 0; i < bytes.length; ) {
    let ok = 0;
    for (let len = 1; len <= 4 && i + len <= bytes.length; len++) {
      try {
        fatal.decode(bytes.subarray(i, i + len));
        ok = len;
        break;
      } catch {
      }
    }
    if (ok === 0) {
      out += decodeRun(start, i) + `\\x${bytes[i].toString(16).padStart(2, "0")}`;
      i++;
      start = i;
    } else i += ok;
  }
  return out + decodeRun(start, bytes.length);
}
function parseWorktreeList(output) {
  const fields2 = [];
  if (typeof output === "string") {
    for (const f of output.split("\0")) fields2.push({
      text: f,
      valid: true
    });
  } else {
    let start = 0;
    for (let i = 0; i <= output.length; i++) {
      if (i === output.length || output[i] === 0) {
        const bytes = output.subarray(start, i);
        const valid = !hasInvalidUtf8(bytes);
        fields2.push({
          text: valid ? new TextDecoder().decode(bytes) : escapeInvalidUtf8(bytes),
          valid
        });
        start = i + 1;
      }
    }
  }
  const records = [];
  let current;
  for (const { text: field, valid } of fields2) {
    if (field === "") {
      current = void 0;
      continue;
    }
    const space = field.indexOf(" ");
    const key = space < 0 ? field : field.slice(0, space);
    const value = space < 0 ? "" : field.slice(space + 1);
    if (key === "worktree") {
      current = {
        path: value,
        detached: false,
        bare: false
      };
      records.push(current);
      if (!valid) current.undecodable = true;
      continue;
    }
    if (!current) continue;
    if (!valid && (key === "branch" || key === "HEAD")) {
      current.undecodable = true;
    }
    switch (key) {
      case "HEAD":
        current.head = value;
        break;
      case "branch":
        current.branchRef = value;
        break;
      case "detached":
        current.detached = true;
        break;
      case "bare":
        current.bare = true;
        break;
      case "locked":
        current.lockReason = value;
        break;
      case "prunable":
        current.prunableReason = value;
        break;
    }
  }
  return records;
}
function shortBranchName(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}
var STRICT;
var init_worktree_list_parse = __esm({
  "lib/gather/worktree_list_parse.ts"() {
    STRICT = new TextDecoder("utf-8", {
      fatal: true,
      ignoreBOM: true
    });
  }
});

// lib/gather/git.ts
import { Buffer as Buffer2 } from "node:buffer";
import { spawn } from "node:child_process";
import { stat as stat2 } from "node:fs/promises";
import { constants } from "node:os";
import { delimiter, resolve } from "node:path";
import process4 from "node:process";
function describeGitFailure(result) {
  if (result.timedOut) return "timed out";
  const line = result.stderr.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  const text3 = line?.replace(/^(fatal|error|warning): /, "") ?? `exit code ${result.code}`;
  return text3.length > 300 ? `${text3.slice(0, 300)}\u2026` : text3;
}
function timeoutFromEnv() {
  const raw = process4.env.MPM_GIT_TIMEOUT_MS;
  const parsed = raw === void 0 ? NaN : Number(raw);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_GIT_TIMEOUT_MS;
}
function cleanEnv(env = process4.env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === void 0) continue;
    if (key.toUpperCase().startsWith("GIT_") && !USER_CONFIG_VARS.has(key)) {
      continue;
    }
    clean[key] = value;
  }
  return clean;
}
async function gitExecutable() {
  const pathEnv = process4.env.PATH ?? "";
  if (resolvedGit?.pathEnv === pathEnv) return resolvedGit.path;
  const windows = process4.platform === "win32";
  const name = windows ? "git.exe" : "git";
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === "") continue;
    const candidate = resolve(dir, name);
    try {
      const info = await stat2(candidate);
      if (info.isFile() && (windows || (info.mode & 73) !== 0)) {
        resolvedGit = {
          pathEnv,
          path: candidate
        };
        return candidate;
      }
    } catch {
    }
  }
  throw new GitNotFoundError();
}
async function runGit(args, options) {
  const readOnly = options.readOnly ?? true;
  const git = await gitExecutable();
  const argv = [
    ...readOnly ? [
      "--no-optional-locks",
      ...READ_ONLY_CONFIG
    ] : [],
    ...args
  ];
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv();
  gitCalls++;
  const result = await new Promise((done) => {
    const child = spawn(git, argv, {
      cwd: options.cwd,
      env: {
        ...cleanEnv(),
        ...BASE_ENV,
        ...readOnly ? {
          GIT_OPTIONAL_LOCKS: "0"
        } : {},
        ...options.env
      },
      stdio: [
        options.stdin === void 0 ? "ignore" : "pipe",
        "pipe",
        "pipe"
      ],
      windowsHide: true
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    if (options.stdin !== void 0) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(options.stdin);
    }
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      done({
        code: 124,
        stdout: "",
        stderr: "",
        timedOut: true
      });
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      done(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const killed = signal ? `fatal: git was killed by ${signal}
` : "";
      const out = Buffer2.concat(stdout);
      done({
        code: code ?? 128 + (constants.signals[signal] ?? 0),
        stdout: out.toString("utf8"),
        stdoutBytes: out,
        stderr: Buffer2.concat(stderr).toString("utf8") + killed,
        timedOut: false
      });
    });
  });
  if (!(result instanceof Error)) return result;
  return await launchFailure(result, options.cwd);
}
async function launchFailure(error, cwd) {
  const code = error.code;
  const cwdGone = await stat2(cwd).then((s) => !s.isDirectory(), () => true);
  if (cwdGone || code === "ENOTDIR") {
    return {
      code: 128,
      stdout: "",
      stderr: `fatal: cannot change to '${cwd}': no such directory`,
      timedOut: false
    };
  }
  if (code === "ENOENT") throw new GitNotFoundError();
  throw error;
}
async function gitOk(args, options) {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}
function splitNul(text3) {
  const parts = text3.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}
var DEFAULT_GIT_TIMEOUT_MS, GitNotFoundError, GitError, BASE_ENV, READ_ONLY_CONFIG, USER_CONFIG_VARS, resolvedGit, gitCalls;
var init_git = __esm({
  "lib/gather/git.ts"() {
    init_worktree_list_parse();
    DEFAULT_GIT_TIMEOUT_MS = 6e4;
    GitNotFoundError = class extends Error {
      constructor() {
        super("Cannot run git: 'git' was not found on PATH: install git or add it to PATH");
        this.name = "GitNotFoundError";
      }
    };
    GitError = class extends Error {
      /** The git arguments, for diagnostics. */
      args;
      /** The result git produced. */
      result;
      constructor(args, result) {
        super(`git ${args[0] ?? ""} failed: ${describeGitFailure(result)}`);
        this.name = "GitError";
        this.args = args;
        this.result = result;
      }
    };
    BASE_ENV = {
      GIT_TERMINAL_PROMPT: "0",
      GIT_PAGER: "cat",
      // Messages are parsed and quoted; keep them in one language.
      LC_ALL: "C",
      LANGUAGE: "C"
    };
    READ_ONLY_CONFIG = [
      "-c",
      "core.fsmonitor=false",
      "-c",
      "core.hooksPath=/dev/null",
      "-c",
      "core.untrackedCache=false",
      "-c",
      "status.showUntrackedFiles=all"
    ];
    USER_CONFIG_VARS = /* @__PURE__ */ new Set([
      "GIT_CONFIG_GLOBAL",
      "GIT_CONFIG_SYSTEM",
      "GIT_CONFIG_NOSYSTEM"
    ]);
    gitCalls = 0;
  }
});

// lib/gather/status_parse.ts
function statusArgs(options = {}) {
  return [
    "status",
    "--porcelain=v2",
    "-z",
    "--untracked-files=all",
    ...options.branch ? [
      "--branch"
    ] : [],
    ...options.branch && options.aheadBehind === false ? [
      "--no-ahead-behind"
    ] : [],
    ...options.stash ? [
      "--show-stash"
    ] : [],
    ...options.ignored ? [
      "--ignored=matching"
    ] : [],
    ...options.renames === false ? [
      "--no-renames"
    ] : []
  ];
}
function parsePorcelainV2(output, options = {}) {
  const status = {
    stashCount: 0,
    staged: [],
    modified: [],
    untracked: [],
    conflicted: [],
    ignored: []
  };
  const records = output.split("\0");
  let sawOid = false;
  let sawHead = false;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record === "") continue;
    const kind = record[0];
    if (kind === "#") {
      if (record.startsWith("# branch.oid ")) sawOid = true;
      if (record.startsWith("# branch.head ")) sawHead = true;
      parseHeader(record, status);
    } else if (kind === "1") {
      addChange(status, fields(record, 9), void 0);
    } else if (kind === "2") {
      addChange(status, fields(record, 10), records[++i]);
    } else if (kind === "u") {
      status.conflicted.push(fields(record, 11)[10]);
    } else if (kind === "?") {
      status.untracked.push(record.slice(2));
    } else if (kind === "!") {
      status.ignored.push(record.slice(2));
    } else {
      throw new Error(`Cannot parse git status: unexpected record '${record.slice(0, 40)}'`);
    }
  }
  if (options.expectBranchHeaders && !(sawOid && sawHead)) {
    throw new Error("Cannot parse git status: the branch headers are missing");
  }
  return status;
}
function fields(record, count) {
  const parts = [];
  let rest = record;
  for (let i = 0; i < count - 1; i++) {
    const space = rest.indexOf(" ");
    if (space < 0) {
      throw new Error(`Cannot parse git status: short record '${record.slice(0, 40)}'`);
    }
    parts.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  parts.push(rest);
  return parts;
}
function addChange(status, parts, origPath) {
  const [indexLetter, worktreeLetter] = parts[1];
  const entry = {
    path: parts[parts.length - 1],
    index: indexLetter,
    worktree: worktreeLetter,
    ...origPath === void 0 ? {} : {
      origPath
    }
  };
  if (indexLetter !== ".") status.staged.push(entry);
  if (worktreeLetter !== ".") status.modified.push(entry);
}
function parseHeader(record, status) {
  const [, key, ...rest] = record.split(" ");
  const value = rest.join(" ");
  switch (key) {
    case "branch.oid":
      if (value !== "(initial)") status.head = value;
      break;
    case "branch.head":
      if (value !== "(detached)") status.branch = value;
      break;
    case "branch.upstream":
      status.upstream = value;
      break;
    case "branch.ab": {
      const match = /^\+(\d+) -(\d+)$/.exec(value);
      if (match) {
        status.ahead = Number(match[1]);
        status.behind = Number(match[2]);
      }
      break;
    }
    case "stash":
      status.stashCount = Number(value) || 0;
      break;
  }
}
var init_status_parse = __esm({
  "lib/gather/status_parse.ts"() {
  }
});

// lib/types.ts
var SCHEMA_VERSION, MAX_LISTED_PATHS;
var init_types = __esm({
  "lib/types.ts"() {
    SCHEMA_VERSION = 1;
    MAX_LISTED_PATHS = 500;
  }
});

// lib/gather/repo.ts
import { readFile as readFile4, stat as stat3 } from "node:fs/promises";
import { join as join3, resolve as resolve2 } from "node:path";
async function locateRepo(cwd) {
  const flags2 = [
    "--show-toplevel",
    "--git-dir",
    "--git-common-dir"
  ];
  const ask = (...asked) => runGit([
    "rev-parse",
    "--path-format=absolute",
    ...asked
  ], {
    cwd
  });
  const all = await ask(...flags2);
  if (all.code !== 0 && /detected dubious ownership/.test(all.stderr)) {
    throw new UserError(`Cannot use the repository at '${cwd}': it is owned by another user: run the command as its owner, or trust it with 'git config --global --add safe.directory ${cwd}'`);
  }
  if (all.code !== 0) return void 0;
  let paths = all.stdout.split("\n");
  if (paths.at(-1) === "") paths.pop();
  if (paths.length !== flags2.length) {
    const each = await Promise.all(flags2.map((flag) => ask(flag)));
    if (each.some((r) => r.code !== 0)) return void 0;
    paths = each.map((r) => r.stdout.replace(/\n$/, ""));
  }
  const [topLevel, gitDir, commonDir] = paths;
  if (!topLevel || !gitDir || !commonDir) return void 0;
  return {
    topLevel,
    gitDir: resolve2(cwd, gitDir),
    commonDir: resolve2(cwd, commonDir)
  };
}
async function operationInProgress(gitDir) {
  const markers = [
    [
      "rebase-merge",
      "rebase"
    ],
    [
      "rebase-apply",
      "rebase"
    ],
    [
      "MERGE_HEAD",
      "merge"
    ],
    [
      "CHERRY_PICK_HEAD",
      "cherry-pick"
    ],
    [
      "REVERT_HEAD",
      "revert"
    ],
    [
      "BISECT_LOG",
      "bisect"
    ]
  ];
  const found = await Promise.all(markers.map(([name]) => exists(join3(gitDir, name))));
  const index = found.findIndex(Boolean);
  return index < 0 ? null : markers[index][1];
}
async function exists(path) {
  try {
    await stat3(path);
    return true;
  } catch {
    return false;
  }
}
async function recentCommits(cwd, count = 5) {
  const output = await gitOk([
    "log",
    `-${count}`,
    "--no-color",
    `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`
  ], {
    cwd
  });
  return parseCommitLog(output);
}
function parseCommitLog(output) {
  return output.split(RECORD).map((r) => r.replace(/^\n/, "")).filter((r) => r.length > 0).map((record) => {
    const [sha, author, timestamp, message] = record.split(FIELD);
    return {
      sha,
      author,
      timestamp,
      message: message ?? ""
    };
  });
}
function statusSnapshot(status) {
  const cap = (paths) => paths.slice(0, MAX_LISTED_PATHS);
  const stagedPaths = status.staged.map((e) => e.path);
  const unstagedPaths = status.modified.map((e) => e.path);
  const modified = [
    .../* @__PURE__ */ new Set([
      ...stagedPaths,
      ...unstagedPaths
    ])
  ];
  return {
    clean: stagedPaths.length + unstagedPaths.length + status.untracked.length + status.conflicted.length === 0,
    modified_files: cap(modified),
    untracked_files: cap(status.untracked),
    staged_files: cap(stagedPaths),
    unstaged_files: cap(unstagedPaths),
    conflicted_files: cap(status.conflicted),
    counts: {
      modified: modified.length,
      staged: stagedPaths.length,
      unstaged: unstagedPaths.length,
      untracked: status.untracked.length,
      conflicted: status.conflicted.length
    },
    truncated: [
      modified,
      status.untracked,
      status.conflicted
    ].some((l) => l.length > MAX_LISTED_PATHS)
  };
}
function emptyGitContext(errors = []) {
  return {
    is_git_repo: false,
    branch: null,
    head: null,
    detached: false,
    upstream: null,
    ahead: null,
    behind: null,
    recent_commits: [],
    status: statusSnapshot({
      stashCount: 0,
      staged: [],
      modified: [],
      untracked: [],
      conflicted: [],
      ignored: []
    }),
    stash_count: 0,
    operation_in_progress: null,
    worktree_count: 0,
    errors
  };
}
function unknownGitContext() {
  const context = emptyGitContext();
  context.status.clean = false;
  return context;
}
function failure(what, result) {
  return `Cannot read ${what}: ${describeGitFailure(result)}`;
}
async function stashCount(commonDir, cwd) {
  try {
    const text3 = await readFile4(join3(commonDir, "logs", "refs", "stash"), "utf8");
    return text3.split("\n").filter((line) => line !== "").length;
  } catch (error) {
    if (error.code === "ENOENT") return 0;
  }
  const list = await runGit([
    "stash",
    "list",
    "-z"
  ], {
    cwd
  });
  if (list.code !== 0) return failure("stash list", list);
  return list.stdout.split("\0").filter((e) => e !== "").length;
}
function startGitCapture(folder) {
  const failed2 = (error) => ({
    code: 128,
    stdout: "",
    stderr: error.message,
    timedOut: false
  });
  return {
    status: runGit([
      ...SNAPSHOT_STATUS_ARGS
    ], {
      cwd: folder,
      env: PATHSPEC_ENV
    }).catch(failed2),
    commits: recentCommits(folder).then((list) => ({
      ok: true,
      list
    }), (error) => ({
      ok: false,
      error
    })),
    worktreeList: runGit([
      "worktree",
      "list",
      "--porcelain",
      "-z"
    ], {
      cwd: folder
    }).catch(failed2)
  };
}
async function settleEarly(early) {
  await Promise.all([
    early.status,
    early.commits,
    early.worktreeList
  ]);
}
async function captureGitContext(repo, early = startGitCapture(repo.topLevel)) {
  const [statusResult, commits, worktrees, operation, stash] = await Promise.all([
    early.status,
    early.commits,
    early.worktreeList,
    operationInProgress(repo.gitDir),
    stashCount(repo.commonDir, repo.topLevel)
  ]);
  const context = emptyGitContext();
  context.is_git_repo = true;
  context.operation_in_progress = operation;
  if (statusResult.code === 0) {
    try {
      const status = parsePorcelainV2(statusResult.stdout, {
        expectBranchHeaders: true
      });
      context.branch = status.branch ?? null;
      context.head = status.head ?? null;
      context.detached = status.branch === void 0;
      context.upstream = status.upstream ?? null;
      context.ahead = status.ahead ?? null;
      context.behind = status.behind ?? null;
      if (typeof stash === "number") context.stash_count = stash;
      else context.errors.push(stash);
      context.status = statusSnapshot(status);
    } catch (error) {
      context.errors.push(`Cannot read status: ${error.message}`);
    }
  } else {
    context.errors.push(failure("status", statusResult));
  }
  if (context.errors.some((e) => e.startsWith("Cannot read status"))) {
    context.status.clean = false;
  }
  const statusRead = !context.errors.some((e) => e.startsWith("Cannot read status"));
  if (commits.ok) {
    context.recent_commits = commits.list;
  } else if (context.head !== null || !statusRead) {
    context.errors.push(`Cannot read recent commits: ${commits.error.message}`);
  }
  if (worktrees.code === 0) {
    context.worktree_count = parseWorktreeList(worktrees.stdout).length;
  } else {
    context.errors.push(failure("worktree list", worktrees));
  }
  return context;
}
var FULL_STATUS_ARGS, SNAPSHOT_EXCLUDED_DIRS, SNAPSHOT_STATUS_ARGS, PATHSPEC_ENV, FIELD, RECORD;
var init_repo = __esm({
  "lib/gather/repo.ts"() {
    init_errors();
    init_git();
    init_status_parse();
    init_worktree_list_parse();
    init_types();
    FULL_STATUS_ARGS = statusArgs({
      branch: true,
      stash: true
    });
    SNAPSHOT_EXCLUDED_DIRS = [
      ".claude/worktrees",
      ".claude-mpm"
    ];
    SNAPSHOT_STATUS_ARGS = [
      // The stash is counted from its reflog instead (see stashCount): the
      // status then need not walk it.
      ...statusArgs({
        branch: true
      }),
      "--",
      ":(top)",
      ...SNAPSHOT_EXCLUDED_DIRS.map((dir) => `:(top,exclude)${dir}`)
    ];
    PATHSPEC_ENV = {
      GIT_LITERAL_PATHSPECS: "0"
    };
    FIELD = "";
    RECORD = "";
  }
});

// lib/gather/project.ts
import { realpath, stat as stat4 } from "node:fs/promises";
import { join as join4, resolve as resolve3 } from "node:path";
import process5 from "node:process";
async function resolveProject(projectPath) {
  return await projectAt(await projectFolder(projectPath));
}
async function projectAt(workingDirectory, worktreeList) {
  const located = await locateAt(workingDirectory);
  const { repo } = located;
  if (repo) return {
    ...await worktreesOf(repo, worktreeList),
    ...located
  };
  return located.gitMissing ? {
    ...notGit(workingDirectory),
    gitMissing: true
  } : notGit(workingDirectory);
}
async function locateProject(projectPath) {
  return await locateAt(await projectFolder(projectPath));
}
async function projectFolder(projectPath) {
  const given = resolve3(process5.cwd(), projectPath ?? ".");
  let info;
  try {
    info = await stat4(given);
  } catch {
    throw new UserError(`Cannot use project path '${given}': no such directory: check the path or omit it to use the current directory`);
  }
  if (!info.isDirectory()) {
    throw new UserError(`Cannot use project path '${given}': not a directory: give the project's folder`);
  }
  return await realpath(given);
}
async function locateAt(workingDirectory) {
  try {
    const repo = await locateRepo(workingDirectory);
    return repo ? {
      workingDirectory,
      repo
    } : {
      workingDirectory
    };
  } catch (error) {
    if (!(error instanceof GitNotFoundError)) throw error;
    return {
      workingDirectory,
      gitMissing: true
    };
  }
}
function notGit(folder) {
  return {
    root: folder,
    worktreeRoot: folder,
    worktreeBranch: null,
    worktreeRoots: [
      folder
    ],
    workingDirectory: folder
  };
}
async function worktreesOf(repo, worktreeList) {
  const list = await (worktreeList ?? runGit([
    "worktree",
    "list",
    "--porcelain",
    "-z"
  ], {
    cwd: repo.topLevel
  }));
  const records = list.code === 0 ? parseWorktreeList(list.stdout) : [];
  const real2 = (p) => realpath(p).catch(() => p);
  const roots = await Promise.all(records.filter((r) => !r.bare).map((r) => real2(r.path)));
  const topReal = await real2(repo.topLevel);
  const current = records.find((r) => !r.bare && resolve3(r.path) === resolve3(repo.topLevel));
  const main2 = records[0];
  let root = topReal;
  if (main2 && !main2.bare) root = await real2(main2.path);
  else if (!main2 && repo.commonDir.endsWith("/.git")) {
    root = await real2(join4(repo.commonDir, ".."));
  }
  const branchRef = current?.branchRef;
  return {
    root,
    worktreeRoot: topReal,
    worktreeBranch: branchRef ? branchRef.replace(/^refs\/heads\//, "") : null,
    worktreeRoots: roots.length > 0 ? roots : [
      topReal
    ]
  };
}
var init_project = __esm({
  "lib/gather/project.ts"() {
    init_errors();
    init_git();
    init_repo();
    init_worktree_list_parse();
  }
});

// lib/gather/since.ts
function emptyOrientation(headUnknown = false) {
  return {
    head_unknown: headUnknown,
    unpushed_commits: [],
    unpushed_count: null,
    default_ref: null,
    default_new_commits: [],
    default_new_count: null
  };
}
function parseLog(stdout) {
  return stdout.split("\n").filter(Boolean).map((line) => {
    const [sha, message] = line.split("");
    return {
      sha,
      message: message ?? ""
    };
  });
}
async function remoteDefaultRef(cwd) {
  const head = await runGit([
    "symbolic-ref",
    "-q",
    "--short",
    "refs/remotes/origin/HEAD"
  ], {
    cwd
  });
  if (head.code === 0 && head.stdout.trim() !== "") return head.stdout.trim();
  const found = await runGit([
    "for-each-ref",
    "--format=%(refname:short)",
    "refs/remotes/origin/main",
    "refs/remotes/origin/master"
  ], {
    cwd
  });
  if (found.code !== 0) return null;
  const refs = found.stdout.split("\n").filter(Boolean);
  return refs.includes("origin/main") ? "origin/main" : refs[0] ?? null;
}
async function gatherOrientation(cwd, pausedAt, pausedHead) {
  const facts = emptyOrientation(pausedHead === null);
  const format = "--format=%H%x1f%s";
  const limit = `-${ORIENTATION_LIST_LIMIT}`;
  const notPushed = [
    "HEAD",
    "--not",
    "--remotes"
  ];
  const [remotes, unpushedCount, unpushedLog, defaultRef] = await Promise.all([
    runGit([
      "for-each-ref",
      "--count=1",
      "refs/remotes"
    ], {
      cwd
    }),
    runGit([
      "rev-list",
      "--count",
      ...notPushed
    ], {
      cwd
    }),
    runGit([
      "log",
      limit,
      format,
      ...notPushed
    ], {
      cwd
    }),
    remoteDefaultRef(cwd)
  ]);
  const hasRemotes = remotes.code === 0 && remotes.stdout.trim() !== "";
  if (hasRemotes && unpushedCount.code === 0 && unpushedLog.code === 0) {
    facts.unpushed_count = Number(unpushedCount.stdout.trim());
  }
  if (unpushedLog.code === 0) {
    facts.unpushed_commits = parseLog(unpushedLog.stdout);
  }
  if (defaultRef === null) return facts;
  const range = [
    `--since=${pausedAt}`,
    defaultRef,
    ...pausedHead ? [
      `^${pausedHead}`
    ] : [],
    "--"
  ];
  const [count, log] = await Promise.all([
    runGit([
      "rev-list",
      "--count",
      ...range
    ], {
      cwd
    }),
    runGit([
      "log",
      limit,
      format,
      ...range
    ], {
      cwd
    })
  ]);
  if (count.code === 0 && log.code === 0) {
    facts.default_ref = defaultRef;
    facts.default_new_count = Number(count.stdout.trim());
    facts.default_new_commits = parseLog(log.stdout);
  }
  return facts;
}
var ORIENTATION_LIST_LIMIT;
var init_since = __esm({
  "lib/gather/since.ts"() {
    init_git();
    ORIENTATION_LIST_LIMIT = 10;
  }
});

// lib/commands/resume.ts
var resume_exports = {};
__export(resume_exports, {
  listSessions: () => listSessions,
  resume: () => resume
});
import process6 from "node:process";
async function resume(options = {}) {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const ids = await listSessionIds(sessionsDir);
  const warnings = [];
  const selector = options.id ? {
    kind: "exact",
    id: options.id
  } : options.select !== void 0 ? {
    kind: "select",
    value: options.select
  } : {
    kind: "latest",
    pointer: await preferredLatest(project, sessionsDir, options) ?? await readLatestPointer(sessionsDir)
  };
  if (selector.kind === "latest" && selector.pointer === "") {
    return {
      session: null,
      since: null,
      warnings,
      sessionsDir
    };
  }
  let candidates = ids;
  while (true) {
    const choice = selectSession(candidates, selector);
    if (!choice.ok) {
      if (choice.reason === "none" && warnings.length === 0) {
        return {
          session: null,
          since: null,
          warnings,
          sessionsDir
        };
      }
      if (choice.reason === "none") {
        throw new UserError(`Cannot resume: no readable session in '${sessionsDir}'`);
      }
      throw new UserError(choice.message, choice.reason === "out-of-range" ? 2 : 1);
    }
    try {
      const session = await loadSession(sessionsDir, choice.id);
      const since = await sinceFacts(project, session, options.env ?? process6.env);
      return {
        session,
        since,
        warnings,
        sessionsDir
      };
    } catch (error) {
      if (error instanceof UserError) throw error;
      warnings.push(`${error.message}: skipped`);
      if (selector.kind !== "latest") {
        throw new UserError(error.message);
      }
      candidates = candidates.filter((id) => id !== choice.id);
      if (selector.pointer === choice.id) selector.pointer = void 0;
    }
  }
}
async function preferredLatest(project, sessionsDir, options) {
  const linked = project.worktreeRoot !== project.root;
  if (!linked && !options.conversationId && options.maxAgeMs === void 0) {
    return void 0;
  }
  const docs = await loadRecentSessions(sessionsDir);
  const now = (options.now ?? /* @__PURE__ */ new Date()).getTime();
  const chosen = chooseSession(docs, {
    conversationId: options.conversationId,
    worktreePath: project.worktreeRoot,
    notBeforeMs: options.maxAgeMs === void 0 ? void 0 : now - options.maxAgeMs
  });
  if (!chosen) return options.maxAgeMs === void 0 ? void 0 : "";
  return chosen.session_id;
}
async function sinceFacts(project, session, env) {
  const openAtPause = session.todos.filter((t) => t.status !== "completed");
  const facts = {
    available: false,
    branch_now: null,
    branch_switched: false,
    head_now: null,
    new_commits: [],
    new_commit_count: 0,
    head_diverged: false,
    files_changed: [],
    files_changed_count: 0,
    working_tree_now: null,
    open_todos: openAtPause,
    completed_since: [],
    todos_checked: false,
    ...emptyOrientation(session.git_context.head == null)
  };
  const claude = await readClaudeState(project.worktreeRoots, env).catch(() => void 0);
  if (claude && claude.todos.length > 0) {
    facts.todos_checked = true;
    const doneNow = new Set(claude.todos.filter((t) => t.status === "completed").map((t) => t.content));
    facts.completed_since = openAtPause.filter((t) => doneNow.has(t.content));
    facts.open_todos = openAtPause.filter((t) => !doneNow.has(t.content));
  }
  if (!project.repo) return facts;
  const [now, orientation] = await Promise.all([
    captureGitContext(project.repo),
    gatherOrientation(project.repo.topLevel, session.paused_at, session.git_context.head ?? null)
  ]);
  Object.assign(facts, orientation);
  facts.available = true;
  facts.branch_now = now.branch;
  facts.head_now = now.head;
  facts.branch_switched = session.git_context.is_git_repo && now.branch !== session.git_context.branch;
  facts.working_tree_now = {
    modified: now.status.counts.modified,
    untracked: now.status.counts.untracked,
    conflicted: now.status.counts.conflicted
  };
  const then = session.git_context.head;
  if (then && now.head && then !== now.head) {
    const cwd = project.worktreeRoot;
    const [count, log, diff, ancestor] = await Promise.all([
      runGit([
        "rev-list",
        "--count",
        `${then}..HEAD`
      ], {
        cwd
      }),
      runGit([
        "log",
        "-10",
        "--format=%H%x1f%s",
        `${then}..HEAD`
      ], {
        cwd
      }),
      runGit([
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        then,
        "HEAD"
      ], {
        cwd
      }),
      runGit([
        "merge-base",
        "--is-ancestor",
        then,
        "HEAD"
      ], {
        cwd
      })
    ]);
    if (count.code === 0) facts.new_commit_count = Number(count.stdout.trim());
    if (log.code === 0) {
      facts.new_commits = log.stdout.split("\n").filter(Boolean).map((l) => {
        const [sha, message] = l.split("");
        return {
          sha,
          message: message ?? ""
        };
      });
    }
    if (diff.code === 0) {
      const files = diff.stdout.split("\0").filter(Boolean);
      facts.files_changed_count = files.length;
      facts.files_changed = files.slice(0, 20);
    }
    facts.head_diverged = ancestor.code !== 0;
  }
  return facts;
}
async function listSessions(options = {}) {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const ids = await listSessionIds(sessionsDir);
  const shown = options.limit === void 0 ? ids : ids.slice(0, options.limit);
  const sessions = await mapPool(shown, async (id) => {
    try {
      const doc = await loadSession(sessionsDir, id);
      return {
        id,
        paused_at: doc.paused_at,
        branch: doc.git_context.branch,
        worktree: worktreeOf(doc),
        message: doc.conversation.summary
      };
    } catch (error) {
      return {
        id,
        paused_at: null,
        branch: null,
        worktree: null,
        message: null,
        error: error.message
      };
    }
  }, 16);
  return {
    sessions,
    total: ids.length,
    sessionsDir,
    projectRoot: project.root
  };
}
var init_resume = __esm({
  "lib/commands/resume.ts"() {
    init_errors();
    init_select();
    init_recent_sessions();
    init_claude();
    init_git();
    init_project();
    init_repo();
    init_since();
    init_sessions();
    init_pool();
  }
});

// lib/decide/clean_plan.ts
function sessionTime(id) {
  const m = /^session-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(id);
  if (!m) return void 0;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}
function planClean(ids, rule) {
  const newestFirst = [
    ...ids
  ].sort((a, b) => compareSessionIds(b, a));
  const protectedIds = new Set([
    newestFirst[0],
    rule.latest
  ].filter(Boolean));
  return newestFirst.filter((id, index) => {
    if (protectedIds.has(id)) return false;
    if (rule.keep !== void 0 && index < rule.keep) return false;
    if (rule.olderThanMs !== void 0) {
      const time = sessionTime(id);
      if (!time) return false;
      if (rule.now.getTime() - time.getTime() <= rule.olderThanMs) return false;
    }
    return rule.keep !== void 0 || rule.olderThanMs !== void 0;
  });
}
var init_clean_plan = __esm({
  "lib/decide/clean_plan.ts"() {
    init_session_id();
  }
});

// lib/commands/clean.ts
var clean_exports = {};
__export(clean_exports, {
  cleanSessions: () => cleanSessions,
  parseDuration: () => parseDuration2,
  renderClean: () => renderClean
});
import { unlink } from "node:fs/promises";
import { join as join5 } from "node:path";
function parseDuration2(text3) {
  const result = parseDuration(text3);
  return result.ok ? result.ms : void 0;
}
async function cleanSessions(options) {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const [ids, latest] = await Promise.all([
    listSessionIds(sessionsDir),
    readLatestPointer(sessionsDir)
  ]);
  const doomed = planClean(ids, {
    keep: options.keep,
    olderThanMs: options.olderThanMs,
    latest,
    now: options.now ?? /* @__PURE__ */ new Date()
  });
  const errors = [];
  if (!options.dryRun) {
    for (const id of doomed) {
      for (const ext of [
        ".json",
        ".md"
      ]) {
        await unlink(join5(sessionsDir, id + ext)).catch((error) => {
          if (error.code !== "ENOENT") {
            errors.push(`Cannot delete '${id}${ext}': ${error.message}`);
          }
        });
      }
    }
  }
  return {
    deleted: doomed,
    kept: ids.length - doomed.length,
    dry_run: Boolean(options.dryRun),
    errors,
    sessionsDir
  };
}
function renderClean(result) {
  const verb = result.dry_run ? "Would delete" : "Deleted";
  const lines = [
    `${verb} ${result.deleted.length} session(s); kept ${result.kept}`
  ];
  for (const id of result.deleted.slice(0, 20)) lines.push(`  ${id}`);
  if (result.deleted.length > 20) {
    lines.push(`  \u2026 and ${result.deleted.length - 20} more`);
  }
  for (const e of result.errors) lines.push(`Warning: ${e}`);
  return lines.join("\n") + "\n";
}
var init_clean = __esm({
  "lib/commands/clean.ts"() {
    init_project();
    init_sessions();
    init_clean_plan();
    init_duration();
  }
});

// lib/commands/pause_auto.ts
import { join as join6 } from "node:path";
async function autoPauseContext(sessionsDir, probe) {
  if (probe.trigger.source !== "hook") return {
    extra: () => ({})
  };
  const recent = await loadRecentSessions(sessionsDir);
  const same2 = repeatsAutoPause(recent, probe);
  if (same2) {
    return {
      repeated: {
        session: same2,
        files: {
          id: same2.session_id,
          jsonPath: join6(sessionsDir, `${same2.session_id}.json`),
          markdownPath: join6(sessionsDir, `${same2.session_id}.md`),
          latestPath: join6(sessionsDir, LATEST_FILE)
        },
        repeated: true
      },
      extra: () => ({})
    };
  }
  const carried = carriedMessage(recent, probe);
  return {
    extra: () => ({
      conversation: {
        ...probe.conversation,
        carried_message: carried
      }
    })
  };
}
var init_pause_auto = __esm({
  "lib/commands/pause_auto.ts"() {
    init_select();
    init_recent_sessions();
    init_sessions();
  }
});

// lib/act/write.ts
import { chmod, link, open as open2, realpath as realpath2, rename, stat as stat5, unlink as unlink2 } from "node:fs/promises";
import { basename, dirname, join as join7 } from "node:path";
import process8 from "node:process";
function tempPathFor(path) {
  const suffix = `${process8.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return join7(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}
async function writeTemp(path, content) {
  const temp = tempPathFor(path);
  const handle = await open2(temp, "wx", 420);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {
    });
    await unlink2(temp).catch(() => {
    });
    throw error;
  }
  await handle.close();
  return temp;
}
async function writeFileAtomic(path, content) {
  let target = path;
  let mode;
  try {
    target = await realpath2(path);
    mode = (await stat5(target)).mode & 4095;
  } catch {
    target = path;
  }
  const temp = await writeTemp(target, content);
  try {
    if (mode !== void 0) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink2(temp).catch(() => {
    });
    throw error;
  }
}
async function createFileExclusive(path, content) {
  const temp = await writeTemp(path, content);
  try {
    await link(temp, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST") {
      await unlink2(temp).catch(() => {
      });
      return false;
    }
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") {
      await unlink2(temp).catch(() => {
      });
      throw error;
    }
    return await reserveThenRename(temp, path);
  }
  await unlink2(temp).catch(() => {
  });
  return true;
}
async function reserveThenRename(temp, path) {
  try {
    const handle = await open2(path, "wx", 420);
    await handle.close();
  } catch (error) {
    await unlink2(temp).catch(() => {
    });
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink2(temp).catch(() => {
    });
    await unlink2(path).catch(() => {
    });
    throw error;
  }
  return true;
}
function errnoCode(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}
var counter;
var init_write = __esm({
  "lib/act/write.ts"() {
    counter = 0;
  }
});

// lib/act/session_store.ts
import { mkdir, readdir as readdir3, stat as stat6, utimes } from "node:fs/promises";
import { dirname as dirname2, join as join8, relative as relative3 } from "node:path";
import { unlink as unlink3 } from "node:fs/promises";
function sessionJson(doc) {
  return JSON.stringify(doc, null, 2) + "\n";
}
async function ensureSessionsDir(sessionsDir) {
  try {
    await mkdir(sessionsDir, {
      recursive: true
    });
  } catch (error) {
    const code = errnoCode(error);
    const why = code === "EEXIST" || code === "ENOTDIR" ? "a file is in the way" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied" : error.message;
    throw new UserError(`Cannot create sessions folder '${sessionsDir}': ${why}: move the file or fix the permissions, then pause again`);
  }
  const info = await stat6(sessionsDir);
  if (!info.isDirectory()) {
    throw new UserError(`Cannot create sessions folder '${sessionsDir}': a file is in the way: move it, then pause again`);
  }
}
async function writeSelfIgnore(sessionsDir) {
  await createFileExclusive(join8(sessionsDir, ".gitignore"), SELF_IGNORE_TEXT);
}
function writeError(path, error) {
  const code = errnoCode(error);
  const why = code === "ENOSPC" ? "no space left on device" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied" : error.message;
  return new UserError(`Cannot write session file '${path}': ${why}: free space or fix the permissions, then pause again`);
}
async function takenIds(sessionsDir) {
  try {
    const names = await readdir3(sessionsDir);
    return new Set(names.map(sessionIdFromFileName).filter((id) => id !== void 0));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
async function stampSessionFiles(files, doc) {
  const pausedAt = new Date(doc.paused_at);
  const time = sessionFileTime(files.id, Number.isNaN(pausedAt.getTime()) ? /* @__PURE__ */ new Date() : pausedAt);
  await Promise.all([
    files.markdownPath,
    files.jsonPath
  ].map((p) => utimes(p, time, time).catch(() => {
  })));
}
async function createSessionFiles(sessionsDir, pausedAt, build, markdown) {
  const taken = await takenIds(sessionsDir);
  for (let attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt++) {
    const id = candidateSessionId(pausedAt, attempt);
    if (taken.has(id)) continue;
    const doc = build(id);
    const jsonPath = join8(sessionsDir, `${id}.json`);
    const markdownPath = join8(sessionsDir, `${id}.md`);
    let created;
    try {
      created = await createFileExclusive(jsonPath, sessionJson(doc));
    } catch (error) {
      throw writeError(jsonPath, error);
    }
    if (!created) continue;
    let createdMarkdown;
    try {
      createdMarkdown = await createFileExclusive(markdownPath, markdown(doc));
    } catch (error) {
      await unlink3(jsonPath).catch(() => {
      });
      throw writeError(markdownPath, error);
    }
    if (!createdMarkdown) {
      await unlink3(jsonPath).catch(() => {
      });
      continue;
    }
    const files = {
      id,
      jsonPath,
      markdownPath,
      latestPath: join8(sessionsDir, LATEST_FILE)
    };
    await stampSessionFiles(files, doc);
    return {
      doc,
      files
    };
  }
  throw new UserError(`Cannot choose a session id in '${sessionsDir}': the next ${MAX_ID_ATTEMPTS} seconds are all taken: remove old sessions with 'mpm-session clean', then pause again`);
}
async function rewriteSessionFiles(files, doc, markdown) {
  await writeFileAtomic(files.jsonPath, sessionJson(doc));
  await writeFileAtomic(files.markdownPath, markdown(doc));
  await stampSessionFiles(files, doc);
}
function latestPointerText(doc, files) {
  const rel = (p) => relative3(doc.project_path, p) || p;
  return [
    doc.session_id,
    `paused_at: ${doc.paused_at}`,
    `project: ${doc.project_path}`,
    `json: ${rel(files.jsonPath)}`,
    `markdown: ${rel(files.markdownPath)}`,
    "resume: mpm-session resume",
    ""
  ].join("\n");
}
async function pointAt(doc, files) {
  try {
    await writeFileAtomic(files.latestPath, latestPointerText(doc, files));
  } catch (error) {
    throw writeError(files.latestPath, error);
  }
}
function filesOf(files, id) {
  const dir = dirname2(files.jsonPath);
  return {
    id,
    jsonPath: join8(dir, `${id}.json`),
    markdownPath: join8(dir, `${id}.md`),
    latestPath: files.latestPath
  };
}
async function writeLatestPointer(doc, files) {
  const sessionsDir = dirname2(files.jsonPath);
  const current = await readLatestPointer(sessionsDir);
  if (current && compareSessionIds(current, files.id) > 0) {
    const exists4 = await stat6(join8(sessionsDir, `${current}.json`)).then(() => true, () => false);
    if (exists4) return;
  }
  await pointAt(doc, files);
  let written = files.id;
  for (let round = 0; round < 16; round++) {
    const newest = (await listSessionIds(sessionsDir).catch(() => []))[0];
    if (!newest || compareSessionIds(newest, written) <= 0) return;
    let newer;
    try {
      newer = await loadSession(sessionsDir, newest);
    } catch {
      return;
    }
    await pointAt(newer, filesOf(files, newest));
    written = newest;
  }
}
var SELF_IGNORE_TEXT, MAX_ID_ATTEMPTS;
var init_session_store = __esm({
  "lib/act/session_store.ts"() {
    init_errors();
    init_session_id();
    init_sessions();
    init_write();
    SELF_IGNORE_TEXT = "# Written by mpm-session: session files are local to this machine.\n*\n";
    MAX_ID_ATTEMPTS = 1e4;
  }
});

// lib/report/markdown.ts
function capped(items, total, render) {
  const lines = items.slice(0, MARKDOWN_LIST_LIMIT).map(render);
  const rest = total - Math.min(items.length, MARKDOWN_LIST_LIMIT);
  if (rest > 0) lines.push(`- \u2026 and ${rest} more (see the JSON file)`);
  return lines;
}
function todoLine(todo) {
  const box = todo.status === "completed" ? "[x]" : "[ ]";
  const state = todo.status === "in_progress" ? " *(in progress)*" : "";
  return `- ${box} ${escapeMarkdown(todo.content)}${state}`;
}
function taskLine(task) {
  const id = task.id ? `#${escapeMarkdown(task.id)} ` : "";
  const blocked = task.blockedBy?.length ? ` (blocked by ${task.blockedBy.map(escapeMarkdown).join(", ")})` : "";
  return `- ${id}${escapeMarkdown(task.subject)}${blocked}`;
}
function renderMessage(message) {
  if (message === null || message.trim() === "") return [
    "*(no message)*"
  ];
  const cut = message.length > MARKDOWN_MESSAGE_LIMIT;
  const shown = cut ? message.slice(0, MARKDOWN_MESSAGE_LIMIT) : message;
  const lines = shown.split(/\r?\n/).map((l) => l.trim() === "" ? ">" : `> ${escapeMarkdown(l)}`);
  if (cut) {
    lines.push("", `*(message cut at ${MARKDOWN_MESSAGE_LIMIT} of ${message.length} characters; the JSON file has all of it)*`);
  }
  return lines;
}
function renderSessionMarkdown(doc) {
  const git = doc.git_context;
  const out = [];
  out.push(`# Paused session ${doc.session_id}`, "");
  out.push(`- **Paused at:** ${doc.paused_at}`);
  out.push(`- **Project:** ${codeSpan(doc.project_path)}`);
  if (doc.active_context.working_directory !== doc.project_path) {
    out.push(`- **Working directory:** ${codeSpan(doc.active_context.working_directory)}`);
  }
  if (git.is_git_repo) {
    const where = git.detached ? "detached HEAD" : `branch ${codeSpan(git.branch ?? "?")}`;
    const head = git.head ? ` at ${codeSpan(git.head.slice(0, 12))}` : "";
    const upstream = git.upstream ? ` (${git.ahead ?? 0} ahead, ${git.behind ?? 0} behind ${codeSpan(git.upstream)})` : "";
    out.push(`- **Git:** ${where}${head}${upstream}`);
    if (git.operation_in_progress) {
      out.push(`- **In progress:** ${git.operation_in_progress}`);
    }
    if (git.stash_count > 0) out.push(`- **Stashes:** ${git.stash_count}`);
  } else {
    out.push("- **Git:** not a git repository");
  }
  if (doc.trigger.source === "hook") {
    out.push(`- **Saved by:** Claude Code ${escapeMarkdown(doc.trigger.event ?? "hook").replace(/\n/g, " ")}${doc.trigger.trigger ? ` (${escapeMarkdown(doc.trigger.trigger).replace(/\n/g, " ")})` : ""}`);
  }
  out.push("", "## Message", "", ...renderMessage(doc.conversation.summary));
  const carried = doc.conversation.carried_message;
  if (carried) {
    out.push("", `## Last message written by hand (${escapeMarkdown(carried.paused_at)}, session ${escapeMarkdown(carried.session_id)})`, "", ...renderMessage(carried.text));
  }
  if (git.is_git_repo) {
    const s = git.status;
    out.push("", "## Working tree", "");
    if (s.clean) {
      out.push("Clean.");
    } else {
      out.push(`${s.counts.staged} staged, ${s.counts.unstaged} modified, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted.`, "");
      const changed2 = [
        ...s.conflicted_files.map((p) => `- conflict ${codeSpan(p)}`),
        ...s.modified_files.map((p) => `- changed ${codeSpan(p)}`),
        ...s.untracked_files.map((p) => `- new ${codeSpan(p)}`)
      ];
      const total = s.counts.conflicted + s.counts.modified + s.counts.untracked;
      out.push(...capped(changed2, Math.max(total, changed2.length), (l) => l));
    }
    if (git.recent_commits.length > 0) {
      out.push("", "## Recent commits", "");
      for (const c of git.recent_commits) {
        out.push(`- ${codeSpan(c.sha.slice(0, 7))} ${escapeMarkdown(c.message)}`);
      }
    }
  }
  const openTodos = doc.todos.filter((t) => t.status !== "completed");
  const doneTodos = doc.todos.length - openTodos.length;
  if (doc.todos.length > 0) {
    out.push("", "## Todos", "");
    out.push(...capped(openTodos, openTodos.length, todoLine));
    if (doneTodos > 0) out.push(`- ${doneTodos} completed`);
  }
  const tl = doc.task_list;
  if (tl.in_progress_tasks.length + tl.pending_tasks.length + tl.completed_count > 0) {
    out.push("", "## Tasks", "");
    if (tl.in_progress_tasks.length > 0) {
      out.push("In progress:", "");
      out.push(...capped(tl.in_progress_tasks, tl.in_progress_tasks.length, taskLine), "");
    }
    if (tl.pending_tasks.length > 0) {
      out.push("Pending:", "");
      out.push(...capped(tl.pending_tasks, tl.pending_tasks.length, taskLine), "");
    }
    out.push(`Completed: ${tl.completed_count}`);
  }
  const ri = doc.resume_instructions;
  const here = [
    git.branch && `git switch ${git.branch}`,
    git.branch && `git switch '${git.branch}'`,
    git.head && `git switch --detach ${git.head}`
  ];
  const quickStart = ri.quick_start.filter((l) => !here.includes(l));
  out.push("", "## Resume", "", "```sh", ...quickStart, "```");
  if (ri.files_to_review.length > 0) {
    out.push("", "Files to review:", "");
    out.push(...capped(ri.files_to_review, ri.files_to_review.length, (p) => `- ${codeSpan(p)}`));
  }
  if (ri.validation_commands.length > 0) {
    out.push("", "Check the state with:", "", "```sh");
    out.push(...ri.validation_commands, "```");
  }
  const summary = doc.worktree_prune_summary;
  if (summary && hasCleanupActivity(summary)) {
    out.push("", "## Worktree cleanup", "");
    const lines = pruneSummaryLines(summary, {
      width: Number.POSITIVE_INFINITY,
      minReclaimedBytes: 1e6
    });
    const shown = lines.slice(0, 25).map((l) => l.startsWith("  ") ? `  - ${escapeMarkdown(l.trim())}` : `- ${escapeMarkdown(l)}`);
    out.push(...shown);
    if (lines.length > 25) {
      out.push(`- \u2026 and ${lines.length - 25} more lines (see the JSON file)`);
    }
  }
  const warnings = [
    ...doc.warnings,
    ...git.errors
  ];
  if (warnings.length > 0) {
    out.push("", "## Warnings", "");
    out.push(...capped(warnings, warnings.length, (w) => `- ${escapeMarkdown(w)}`));
  }
  return out.join("\n") + "\n";
}
var MARKDOWN_LIST_LIMIT, MARKDOWN_MESSAGE_LIMIT;
var init_markdown = __esm({
  "lib/report/markdown.ts"() {
    init_escape();
    init_prune_text();
    MARKDOWN_LIST_LIMIT = 15;
    MARKDOWN_MESSAGE_LIMIT = 2e3;
  }
});

// lib/version.ts
var VERSION, TOOL_NAME;
var init_version = __esm({
  "lib/version.ts"() {
    VERSION = "0.1.0";
    TOOL_NAME = "mpm-session";
  }
});

// lib/decide/classify.ts
function witnessReason(w) {
  return w.kind === "ignored" ? reason("unique-ignored-files", `holds ignored files found nowhere else: '${w.path}' (as in the last run)`) : reason("dirty", `has uncommitted or untracked changes (${w.kind} '${w.path}', as in the last run)`);
}
function reason(code, message) {
  return {
    code,
    message
  };
}
function plural2(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function describeChanges(c) {
  const parts = [];
  if (c.conflicted) parts.push(`${c.conflicted} conflicted`);
  if (c.staged) parts.push(`${c.staged} staged`);
  if (c.modified) parts.push(`${c.modified} modified`);
  if (c.untracked) parts.push(`${c.untracked} untracked`);
  return parts.join(", ");
}
function hasChanges(c) {
  return c.staged + c.modified + c.untracked + c.conflicted > 0;
}
function listNames(names, max = 3) {
  const shown = names.slice(0, max).map((n) => `'${n}'`).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
function notIntegratedReason() {
  return reason("not-integrated", "branch has commits not merged into the default branch");
}
function unpushedReason(ahead, upstream) {
  return reason("unpushed-commits", `branch has ${plural2(ahead, "commit")} not pushed to ${upstream}`);
}
function processReason(pids) {
  return reason("process-running", `in use by ${plural2(pids.length, "process", "processes")} (pid ${pids.slice(0, 3).join(", ")})`);
}
function foreignReason(path) {
  return reason("foreign-owner", `'${path}' is owned by another user and not allowed by safe.directory (never opened)`);
}
function contentReasons(c) {
  if (c === void 0) {
    return [
      reason("unknown", "contents beyond its status could not be checked")
    ];
  }
  const out = [];
  if (c.hiddenChanges.length > 0) {
    out.push(reason("hidden-changes", `holds changes git status does not show: ${listNames(c.hiddenChanges)}`));
  }
  if (c.nestedWorktrees.length > 0) {
    out.push(reason("nested-worktree", `another worktree lives inside it: ${listNames(c.nestedWorktrees)}`));
  }
  if (c.nestedRepositories.length > 0) {
    out.push(reason("nested-repository", `a git repository lives inside it: ${listNames(c.nestedRepositories)}`));
  }
  if (c.mounts.length > 0) {
    out.push(reason("mount-point", `a mount point lives inside it: ${listNames(c.mounts)}`));
  }
  if (c.undecodableNames.length > 0) {
    out.push(reason("undecodable-name", `holds names that are not UTF-8: ${listNames(c.undecodableNames)}`));
  }
  if (c.privateCommits) {
    out.push(reason("private-refs", "its own refs (refs/worktree, refs/bisect) or HEAD reflog hold commits no branch, tag or remote holds"));
  }
  return out;
}
function classifyWorktree(f) {
  const reasons = [];
  const notes = [];
  if (!f.contained) {
    reasons.push(reason("containment", "not strictly inside .claude/worktrees/"));
  }
  if (f.isSymlink) {
    reasons.push(reason("symlink", "is a symlink (never followed)"));
  }
  if (f.isCurrent) {
    reasons.push(reason("current-worktree", "the command is running inside it"));
  }
  if (f.lockReason !== void 0) {
    const why = f.lockReason ? `: ${f.lockReason}` : "";
    reasons.push(reason("locked", `locked by git${why}`));
    if (f.stalePid !== void 0) {
      notes.push(`stale lock: process ${f.stalePid} no longer runs; unlock with 'git worktree unlock' if it is no longer needed`);
    }
  }
  if (f.missing) {
    if (f.detached && f.unreferencedCommits !== false) {
      reasons.push(f.unreferencedCommits === void 0 ? reason("unknown", "directory is gone and its HEAD could not be checked") : reason("unreferenced-commits", "directory is gone but its detached HEAD holds commits no branch, tag or remote holds"));
    }
    for (const e of f.errors) reasons.push(reason("unknown", e));
    return reasons.length > 0 ? {
      action: "preserve",
      reasons,
      notes
    } : {
      action: "admin-prune",
      reasons,
      notes
    };
  }
  if (f.foreignOwner !== void 0) reasons.push(foreignReason(f.foreignOwner));
  if (f.enclosedBy !== void 0) {
    reasons.push(reason("nested-worktree", `lives inside another folder under .claude/worktrees: '${f.enclosedBy}'`));
  }
  if (f.deepChecksSkipped) {
    if (f.witness !== void 0) reasons.push(witnessReason(f.witness));
    if (f.processes?.length) reasons.push(processReason(f.processes));
    if (!f.detached && f.branch !== null) {
      const ahead = f.upstream && !f.upstream.gone ? f.upstream.ahead ?? 0 : 0;
      if (ahead > 0) reasons.push(unpushedReason(ahead, f.upstream.name));
      if (f.integration === null) reasons.push(notIntegratedReason());
    }
    for (const e of f.errors) reasons.push(reason("unknown", e));
    if (reasons.length === 0) {
      reasons.push(reason("unknown", "its contents were not checked"));
    }
    return {
      action: "preserve",
      reasons,
      notes
    };
  }
  if (f.changes === void 0) {
    reasons.push(reason("unknown", "status could not be read"));
  } else if (hasChanges(f.changes)) {
    reasons.push(reason("dirty", `has uncommitted or untracked changes (${describeChanges(f.changes)})`));
  }
  if (f.uniqueIgnored === void 0) {
    reasons.push(reason("unknown", "ignored files could not be checked"));
  } else if (f.uniqueIgnored.length > 0) {
    reasons.push(reason("unique-ignored-files", `holds ignored files found nowhere else: ${listNames(f.uniqueIgnored)}`));
  }
  if (f.submodules === void 0) {
    reasons.push(reason("unknown", "submodules could not be checked"));
  } else if (f.submodules) {
    reasons.push(reason("submodules", "contains initialised submodules"));
  }
  if (f.operation === void 0) {
    reasons.push(reason("unknown", "operations in progress could not be checked"));
  } else if (f.operation !== null) {
    reasons.push(reason("operation-in-progress", `a ${f.operation} is in progress`));
  }
  if (!f.contentsSkipped) reasons.push(...contentReasons(f.contents));
  if (f.processes?.length) reasons.push(processReason(f.processes));
  if (f.detached || f.branch === null) {
    if (f.unreferencedCommits === void 0) {
      reasons.push(reason("unknown", "commits of its HEAD could not be checked"));
    } else if (f.unreferencedCommits) {
      reasons.push(reason("unreferenced-commits", "detached HEAD holds commits no branch, tag or remote holds"));
    }
  } else {
    if (f.upstream === void 0) {
      reasons.push(reason("unknown", "upstream could not be checked"));
    } else if (f.upstream !== null && !f.upstream.gone) {
      if (f.upstream.ahead === void 0) {
        reasons.push(reason("unknown", "push state could not be checked"));
      } else if (f.upstream.ahead > 0) {
        reasons.push(unpushedReason(f.upstream.ahead, f.upstream.name));
      }
    }
    if (f.integration === void 0 && !f.integrationSkipped) {
      reasons.push(reason("unknown", "merge status could not be determined"));
    } else if (f.integration === null) {
      reasons.push(notIntegratedReason());
    }
  }
  for (const e of f.errors) reasons.push(reason("unknown", e));
  if (reasons.length === 0 && f.integrationSkipped) {
    reasons.push(reason("unknown", "merge status could not be determined"));
  }
  if (reasons.length === 0 && f.contentsSkipped) {
    reasons.push(reason("unknown", "its contents were not checked"));
  }
  return reasons.length > 0 ? {
    action: "preserve",
    reasons,
    notes
  } : {
    action: "remove",
    reasons,
    notes
  };
}
function classifyOrphan(f) {
  const reasons = [];
  const keep = (code, message) => reasons.push(reason(code, message));
  if (f.kind === "symlink") {
    keep("symlink", "is a symlink (never followed)");
  } else if (f.kind === "file") {
    keep("not-a-directory", "is a file, not a directory");
  } else if (f.otherFilesystem) {
    keep("other-filesystem", "is on another file system (a mount point)");
  } else if (f.foreignOwner !== void 0) {
    reasons.push(foreignReason(f.foreignOwner));
  } else if (f.kind === "plain") {
    if (f.empty === void 0) keep("unknown", "contents could not be read");
    else if (!f.empty) {
      keep("not-empty", "plain directory with content (not a git checkout)");
    }
  } else if (f.kind === "git-file") {
    keep(f.gitReadable ? "foreign-worktree" : "unreadable-git", f.gitReadable ? "a worktree of another repository" : "has a .git file git cannot read (ambiguous state)");
  } else {
    if (f.changes === void 0) keep("unknown", "status could not be read");
    else if (hasChanges(f.changes)) {
      keep("dirty", `has uncommitted or untracked changes (${describeChanges(f.changes)})`);
    }
    if (f.stashCount === void 0) {
      keep("unknown", "stash could not be checked");
    } else if (f.stashCount > 0) {
      keep("stash", `has ${plural2(f.stashCount, "stash entry", "stash entries")}`);
    }
    if (f.uniqueIgnored === void 0) {
      keep("unknown", "ignored files could not be checked");
    } else if (f.uniqueIgnored.length > 0) {
      keep("unique-ignored-files", `holds ignored files found nowhere else: ${listNames(f.uniqueIgnored)}`);
    }
    if (f.unpushedCommits === void 0) {
      keep("unknown", "merge status could not be determined");
    } else if (f.unpushedCommits) {
      keep("unpushed-commits", "has commits on none of its remote-tracking branches");
    }
    if (f.operation === void 0) {
      keep("unknown", "operations in progress could not be checked");
    } else if (f.operation !== null) {
      keep("operation-in-progress", `a ${f.operation} is in progress`);
    }
    reasons.push(...contentReasons(f.contents));
    if (f.borrowedBy === void 0) {
      keep("unknown", "repositories borrowing its objects could not be checked");
    } else if (f.borrowedBy.length > 0) {
      keep("borrowed-objects", `its objects are borrowed by ${listNames(f.borrowedBy)} (objects/info/alternates)`);
    }
    if (f.nested === void 0) {
      keep("unknown", "nested worktrees could not be checked");
    } else if (f.nested) {
      keep("nested-worktrees", "has worktrees or submodules of its own");
    }
  }
  for (const e of f.errors) keep("unknown", e);
  return reasons.length > 0 ? {
    action: "preserve",
    reasons
  } : {
    action: "sweep",
    reasons
  };
}
function isDisposableIgnored(path, disposable = DEFAULT_DISPOSABLE_IGNORED) {
  const segments = path.split("/").filter((s) => s !== "");
  const names = new Set(disposable.filter((d) => !d.startsWith("*.")));
  const suffixes = disposable.filter((d) => d.startsWith("*.")).map((d) => d.slice(1));
  const last = segments.at(-1) ?? "";
  if (names.has(last)) return true;
  return !path.endsWith("/") && suffixes.some((suffix) => last.endsWith(suffix));
}
function firstIntegrationCheck(results) {
  if (results.ancestor) return "ancestor";
  if (results.treeEqual) return "tree-equal";
  if (results.threeDotEmpty === void 0) return void 0;
  if (results.threeDotEmpty) return "three-dot-diff-empty";
  if (results.mergeAddsNothing === void 0) return void 0;
  return results.mergeAddsNothing ? "merge-adds-nothing" : null;
}
var DEFAULT_DISPOSABLE_IGNORED;
var init_classify = __esm({
  "lib/decide/classify.ts"() {
    DEFAULT_DISPOSABLE_IGNORED = [
      "node_modules",
      "target",
      "dist",
      "build",
      "out",
      ".venv",
      "venv",
      "__pycache__",
      ".pytest_cache",
      ".mypy_cache",
      ".ruff_cache",
      ".tox",
      ".nox",
      ".next",
      ".nuxt",
      ".svelte-kit",
      ".turbo",
      ".parcel-cache",
      ".vite",
      ".angular",
      ".gradle",
      ".dart_tool",
      ".cache",
      "coverage",
      ".nyc_output",
      ".deno",
      "zig-cache",
      ".zig-cache",
      ".DS_Store",
      "Thumbs.db",
      "*.pyc",
      "*.pyo",
      "*.tsbuildinfo"
    ];
  }
});

// lib/decide/containment.ts
import { isAbsolute as isAbsolute2, relative as relative4, resolve as resolve5, sep } from "node:path";
function isStrictlyInside(parent, child) {
  if (!isAbsolute2(parent) || !isAbsolute2(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  if (POSIX) {
    const p = normal(parent);
    const c = normal(child);
    const base = p.endsWith("/") ? p : `${p}/`;
    return c.length > base.length && c.startsWith(base);
  }
  const rel = relative4(resolve5(parent), resolve5(child));
  if (rel === "" || isAbsolute2(rel)) return false;
  return rel !== ".." && !rel.startsWith(`..${sep}`);
}
function normal(path) {
  return NOT_NORMAL.test(path) ? resolve5(path) : path;
}
function isPlainSegment(name) {
  return name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\\") && !name.includes("\0");
}
function isSameOrInside(parent, child) {
  if (!isAbsolute2(parent) || !isAbsolute2(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  if (POSIX && normal(parent) === normal(child)) return true;
  return resolve5(parent) === resolve5(child) || isStrictlyInside(parent, child);
}
function childrenOwned(parent, paths) {
  const owned = /* @__PURE__ */ new Set();
  for (const path of paths) {
    if (!isStrictlyInside(parent, path)) continue;
    const first = relative4(resolve5(parent), resolve5(path)).split(sep)[0];
    owned.add(first);
  }
  return owned;
}
var POSIX, NOT_NORMAL, TRASH_NAME;
var init_containment = __esm({
  "lib/decide/containment.ts"() {
    POSIX = sep === "/";
    NOT_NORMAL = /\/\/|\/\.\.?(\/|$)|.\/$/;
    TRASH_NAME = ".mpm-trash";
  }
});

// lib/gather/ownership.ts
import { lstat, mkdtemp, rmdir } from "node:fs/promises";
import { join as join9 } from "node:path";
import { tmpdir } from "node:os";
import process9 from "node:process";
function safeDirectories() {
  safeDirs ??= runGit([
    "config",
    "--get-all",
    "safe.directory"
  ], {
    cwd: tmpdir(),
    env: {
      GIT_CEILING_DIRECTORIES: tmpdir()
    }
  }).then((r) => r.code === 0 ? r.stdout.split("\n").filter((l) => l !== "") : []);
  return safeDirs;
}
function allowedBySafeDirectory(path, values) {
  let allowed = false;
  for (const value of values) {
    if (value === "") allowed = false;
    else if (value === "*" || value === path) allowed = true;
    else if (value.endsWith("/*") && path.startsWith(value.slice(0, -1))) {
      allowed = true;
    }
  }
  return allowed;
}
function currentUid() {
  ownUid ??= (async () => {
    try {
      const uid = process9.getuid?.();
      if (uid !== void 0) return uid;
    } catch {
    }
    const probe = await lstat("/proc/self").catch(() => void 0);
    if (probe) return probe.uid;
    const dir = await mkdtemp(join9(tmpdir(), "mpm-session-uid-"));
    try {
      return (await lstat(dir)).uid;
    } finally {
      await rmdir(dir).catch(() => {
      });
    }
  })().catch(() => void 0);
  return ownUid;
}
async function foreignOwned(paths) {
  if (process9.platform === "win32") return void 0;
  const uid = await currentUid();
  if (uid === void 0) {
    throw new Error("cannot tell which user runs this process");
  }
  for (const path of paths) {
    const info = await lstat(path).catch(() => void 0);
    if (!info || info.uid === uid) continue;
    if (allowedBySafeDirectory(path, await safeDirectories())) continue;
    return path;
  }
  return void 0;
}
var safeDirs, ownUid;
var init_ownership = __esm({
  "lib/gather/ownership.ts"() {
    init_git();
  }
});

// lib/gather/fast_stat.ts
import { lstatSync } from "node:fs";
function lstatFast(path) {
  if (typeof path === "string" && denoLstat) return denoLstat(path);
  const info = lstatSync(path);
  return {
    isDirectory: info.isDirectory(),
    size: info.size,
    mtimeMs: info.mtimeMs,
    dev: info.dev,
    mode: info.mode,
    uid: info.uid
  };
}
var denoLstat;
var init_fast_stat = __esm({
  "lib/gather/fast_stat.ts"() {
    denoLstat = typeof Deno !== "undefined" ? (path) => {
      const info = Deno.lstatSync(path);
      return {
        isDirectory: info.isDirectory,
        size: info.size,
        mtimeMs: info.mtime?.getTime() ?? 0,
        dev: info.dev,
        mode: info.mode ?? 0,
        uid: info.uid ?? -1
      };
    } : void 0;
  }
});

// lib/gather/nested.ts
import { Buffer as Buffer3 } from "node:buffer";
import { setImmediate } from "node:timers";
import { lstat as lstat2, readdir as readdir4, readFile as readFile5 } from "node:fs/promises";
import process10 from "node:process";
async function mountPoints() {
  if (process10.platform !== "linux") return [];
  let text3;
  try {
    text3 = await readFile5("/proc/self/mountinfo", "utf8");
  } catch {
    return [];
  }
  return parseMountInfo(text3);
}
function parseMountInfo(text3) {
  const out = [];
  for (const line of text3.split("\n")) {
    const fields2 = line.split(" ");
    if (fields2.length < 5) continue;
    out.push(fields2[4].replace(/\\([0-7]{3})/g, (_, oct) => String.fromCharCode(parseInt(oct, 8))));
  }
  return out;
}
function writable(info, uid) {
  if (uid === void 0) return false;
  if (uid === 0) return true;
  const bits = info.uid === uid ? info.mode >> 6 & 3 : info.mode & 3;
  return bits === 3;
}
function sizeOf(path) {
  try {
    return lstatFast(path).size;
  } catch {
    return 0;
  }
}
async function walkNested(root, options = {}) {
  const facts = {
    bytes: 0,
    gitEntries: [],
    mounts: [],
    undecodableNames: []
  };
  const measure = options.measure ?? true;
  const [rootInfo, uid] = await Promise.all([
    lstat2(root),
    currentUid()
  ]);
  for (const m of options.mounts ?? []) {
    if (isStrictlyInside(root, m)) facts.mounts.push(m.slice(root.length + 1));
  }
  const folders = typeof Deno !== "undefined" ? denoFolders : nodeFolders;
  let seen = 0;
  const stack = [
    {
      path: folders.root(root),
      rel: "",
      info: {
        dev: rootInfo.dev,
        mode: rootInfo.mode,
        uid: rootInfo.uid
      }
    }
  ];
  while (stack.length > 0) {
    const folder = stack.pop();
    const entries = await folders.list(folder.path);
    if (entries.length > 0 && !writable(folder.info, uid)) {
      throw new Error(`cannot delete what is in '${folder.rel === "" ? "." : folder.rel}': this user may not write in it`);
    }
    for (const entry of entries) {
      if (++seen > MAX_WALK_ENTRIES) {
        throw new Error(`holds more than ${MAX_WALK_ENTRIES} entries; not walked to the end`);
      }
      const rel = folder.rel === "" ? entry.shown : `${folder.rel}/${entry.shown}`;
      if (!entry.valid) facts.undecodableNames.push(rel);
      if (entry.shown === ".git") {
        if (folder.rel !== "") facts.gitEntries.push(rel);
        if (measure && entry.kind !== "folder") {
          facts.bytes += sizeOf(folders.child(folder.path, entry));
        }
        continue;
      }
      if (entry.kind === "other") {
        if (measure) facts.bytes += sizeOf(folders.child(folder.path, entry));
        continue;
      }
      if (!entry.valid && !folders.exactNames) {
        continue;
      }
      const path = folders.child(folder.path, entry);
      const info = lstatFast(path);
      if (!info.isDirectory) {
        if (measure) facts.bytes += info.size;
        continue;
      }
      if (info.dev !== rootInfo.dev) {
        facts.mounts.push(rel);
        continue;
      }
      stack.push({
        path,
        rel,
        info
      });
    }
  }
  facts.mounts = [
    ...new Set(facts.mounts)
  ].sort();
  facts.gitEntries.sort();
  return facts;
}
var SLASH, MAX_WALK_ENTRIES, nodeFolders, denoFolders;
var init_nested = __esm({
  "lib/gather/nested.ts"() {
    init_containment();
    init_ownership();
    init_worktree_list_parse();
    init_fast_stat();
    SLASH = Buffer3.from("/");
    MAX_WALK_ENTRIES = 5e5;
    nodeFolders = {
      exactNames: true,
      root: (path) => Buffer3.from(path),
      list: async (path) => {
        const entries = await readdir4(path, {
          encoding: "buffer",
          withFileTypes: true
        });
        return entries.map((entry) => {
          const name = entry.name;
          const text3 = name.toString("utf8");
          const valid = !hasInvalidUtf8(name) && !text3.includes("\uFFFD");
          const known = entry.isFile() || entry.isSymbolicLink() || entry.isDirectory() || entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice();
          return {
            shown: valid ? text3 : escapeInvalidUtf8(name),
            valid,
            kind: entry.isDirectory() ? "folder" : known ? "other" : "unknown",
            name
          };
        });
      },
      child: (folder, entry) => Buffer3.concat([
        folder,
        SLASH,
        entry.name
      ])
    };
    denoFolders = {
      exactNames: false,
      root: (path) => path,
      list: async (path) => {
        const out = [];
        for (const entry of Deno.readDirSync(path)) {
          const valid = !entry.name.includes("\uFFFD");
          out.push({
            shown: valid ? entry.name : escapeInvalidUtf8(Buffer3.from(entry.name)),
            valid,
            kind: entry.isDirectory ? "folder" : entry.isFile || entry.isSymlink ? "other" : "unknown",
            name: entry.name
          });
        }
        await new Promise((resolve15) => setImmediate(resolve15));
        return out;
      },
      child: (folder, entry) => `${folder}/${entry.name}`
    };
  }
});

// lib/gather/branches.ts
function parseTrack(track) {
  if (track.includes("gone")) return {
    ahead: 0,
    gone: true
  };
  const ahead = /ahead (\d+)/.exec(track);
  return {
    ahead: ahead ? Number(ahead[1]) : 0,
    gone: false
  };
}
function shortRef(ref) {
  return ref.replace(/^refs\/(heads|remotes)\//, "");
}
async function gatherRefFacts(cwd, mainBranch) {
  const opts = {
    cwd
  };
  const output = await gitOk([
    "for-each-ref",
    `--format=%(refname)${SEP}%(objectname)${SEP}%(tree)${SEP}%(upstream)${SEP}%(upstream:track)${SEP}%(symref)`,
    "refs/heads",
    "refs/remotes"
  ], opts);
  const branches = /* @__PURE__ */ new Map();
  const refTrees = /* @__PURE__ */ new Map();
  const refShas = /* @__PURE__ */ new Map();
  let originHead;
  for (const line of output.split("\n")) {
    if (line === "") continue;
    const [ref, sha, tree, upstream, track, symref] = line.split("\0");
    if (symref) {
      if (ref === "refs/remotes/origin/HEAD") originHead = symref;
      continue;
    }
    refTrees.set(ref, tree);
    refShas.set(ref, sha);
    if (ref.startsWith("refs/heads/")) {
      const t = parseTrack(track);
      branches.set(shortRef(ref), {
        name: shortRef(ref),
        sha,
        tree,
        upstream: upstream ? {
          name: shortRef(upstream),
          gone: t.gone,
          ahead: t.ahead
        } : null
      });
    }
  }
  const defaultBranch = chooseDefaultBranch(refTrees, refShas, originHead, mainBranch);
  let merged;
  const readMerged = async () => {
    if (!defaultBranch) return /* @__PURE__ */ new Set();
    const mergedOutput = await gitOk([
      "for-each-ref",
      "--format=%(refname)",
      ...defaultBranch.refs.map((r) => `--merged=${r}`),
      "refs/heads"
    ], opts);
    return new Set(mergedOutput.split("\n").filter((l) => l !== "").map(shortRef));
  };
  return {
    branches,
    defaultBranch,
    merged: () => merged ??= readMerged()
  };
}
function chooseDefaultBranch(refTrees, refShas, originHead, mainBranch) {
  const candidates = [];
  if (originHead?.startsWith("refs/remotes/origin/")) {
    candidates.push(originHead.slice("refs/remotes/origin/".length));
  }
  if (mainBranch) candidates.push(mainBranch);
  candidates.push("main", "master");
  for (const name of candidates) {
    const refs = [
      `refs/heads/${name}`,
      `refs/remotes/origin/${name}`
    ].filter((r) => refTrees.has(r));
    if (refs.length > 0) {
      return {
        name,
        refs,
        trees: refs.map((r) => refTrees.get(r)),
        shas: refs.map((r) => refShas.get(r) ?? "")
      };
    }
  }
  return null;
}
async function knownIntegration(facts, branch, memo) {
  const record = facts.branches.get(branch);
  const target = facts.defaultBranch;
  if (!record || !target) return void 0;
  if (memo?.notIntegrated.has(record.sha)) {
    memo.found.add(record.sha);
    return null;
  }
  const quick = firstIntegrationCheck({
    ancestor: (await facts.merged()).has(branch),
    treeEqual: target.trees.includes(record.tree)
  });
  return quick;
}
async function integrationOf(cwd, facts, branch, memo) {
  const known = await knownIntegration(facts, branch, memo);
  if (known !== void 0) return known;
  const record = facts.branches.get(branch);
  const target = facts.defaultBranch;
  if (!record || !target) return void 0;
  const result = await askGitForIntegration(cwd, target, record.sha);
  if (result === null) memo?.found.add(record.sha);
  return result;
}
async function askGitForIntegration(cwd, target, tip) {
  let threeDotEmpty = false;
  for (const base of target.shas) {
    const diff = await runGit([
      "diff",
      "--quiet",
      "--no-ext-diff",
      `${base}...${tip}`
    ], {
      cwd
    });
    if (diff.code === 0) threeDotEmpty = true;
    else if (diff.code !== 1) return void 0;
    if (threeDotEmpty) break;
  }
  if (threeDotEmpty) return "three-dot-diff-empty";
  for (let i = 0; i < target.shas.length; i++) {
    const merge = await runGit([
      "merge-tree",
      "--write-tree",
      "--no-messages",
      target.shas[i],
      tip
    ], {
      cwd
    });
    if (merge.code === 1) continue;
    if (merge.code !== 0) return void 0;
    const tree = merge.stdout.split("\n")[0].trim();
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(tree)) return void 0;
    if (tree === target.trees[i]) return "merge-adds-nothing";
  }
  return null;
}
var SEP;
var init_branches = __esm({
  "lib/gather/branches.ts"() {
    init_git();
    init_classify();
    SEP = "%00";
  }
});

// lib/gather/ignored.ts
import { lstat as lstat3, open as open3, readlink, realpath as realpath3 } from "node:fs/promises";
import { join as join10 } from "node:path";
async function sameContent(a, b, size) {
  if (size > MAX_COMPARE_BYTES) return false;
  const [ha, hb] = await Promise.all([
    open3(a, "r"),
    open3(b, "r")
  ]);
  try {
    const chunk = 64 * 1024;
    const ba = new Uint8Array(chunk);
    const bb = new Uint8Array(chunk);
    for (let offset = 0; offset < size; offset += chunk) {
      const [ra, rb] = await Promise.all([
        ha.read(ba, 0, chunk, offset),
        hb.read(bb, 0, chunk, offset)
      ]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      for (let i = 0; i < ra.bytesRead; i++) if (ba[i] !== bb[i]) return false;
      if (ra.bytesRead === 0) break;
    }
    return true;
  } finally {
    await Promise.all([
      ha.close(),
      hb.close()
    ]);
  }
}
async function isCopyOfMain(root, mainRoot, relPath) {
  if (!relPath.split("/").every(isPlainSegment)) return false;
  const here = join10(root, relPath);
  const there = join10(mainRoot, relPath);
  let a, b;
  try {
    [a, b] = await Promise.all([
      lstat3(here),
      lstat3(there)
    ]);
  } catch {
    return false;
  }
  if (a.dev === b.dev && a.ino === b.ino) return false;
  const [realHere, realThere] = await Promise.all([
    realpath3(root),
    realpath3(there).catch(() => void 0)
  ]);
  if (realThere === void 0 || isSameOrInside(realHere, realThere)) {
    return false;
  }
  if (a.isSymbolicLink() && b.isSymbolicLink()) {
    return await readlink(here) === await readlink(there);
  }
  if (!a.isFile() || !b.isFile() || a.size !== b.size) return false;
  return await sameContent(here, there, a.size);
}
async function uniqueIgnoredFiles(root, mainRoot, ignored, disposable) {
  const unique = [];
  for (const path of ignored) {
    if (isDisposableIgnored(path, disposable)) continue;
    if (path.endsWith("/")) {
      unique.push(path);
      continue;
    }
    if (!await isCopyOfMain(root, mainRoot, path)) unique.push(path);
  }
  return unique;
}
var MAX_COMPARE_BYTES;
var init_ignored = __esm({
  "lib/gather/ignored.ts"() {
    init_classify();
    init_containment();
    MAX_COMPARE_BYTES = 64 * 1024 * 1024;
  }
});

// lib/gather/hidden_changes.ts
import { Buffer as Buffer4 } from "node:buffer";
import { lstat as lstat4, readFile as readFile6 } from "node:fs/promises";
import { join as join11 } from "node:path";
function parseLsFilesVerbose(text3, wanted) {
  const entries = [];
  for (let start = 0; start < text3.length; ) {
    let end = text3.indexOf("\0", start);
    if (end < 0) end = text3.length;
    const tab = text3.indexOf("	", start);
    const shaped = text3[start + 1] === " " && text3[start + 8] === " " && tab < end && tab > start + 10;
    if (wanted && shaped && !wanted(text3[start], text3.slice(start + 2, start + 8))) {
      start = end + 1;
      continue;
    }
    const record = text3.slice(start, end);
    start = end + 1;
    const m = /^(\S) (\d+) ([0-9a-f]+) (\d)\t([\s\S]*)$/.exec(record);
    if (!m) throw new Error(`cannot parse git ls-files output: '${record}'`);
    entries.push({
      tag: m[1],
      mode: m[2],
      blob: m[3],
      stage: m[4],
      path: m[5]
    });
  }
  return entries;
}
function isFlagged(entry, ignoreStat) {
  return ignoreStat || isFlaggedTag(entry.tag);
}
function isFlaggedTag(tag) {
  return tag === "S" || tag !== tag.toUpperCase();
}
function parseConfigList(text3) {
  let ignoreStat = false;
  const filters = /* @__PURE__ */ new Set();
  const smudging = /* @__PURE__ */ new Set();
  for (const record of splitNul(text3)) {
    const newline = record.indexOf("\n");
    const key = newline < 0 ? record : record.slice(0, newline);
    const value = newline < 0 ? "true" : record.slice(newline + 1);
    const lower = key.toLowerCase();
    if (lower === "core.ignorestat") {
      ignoreStat = [
        "true",
        "yes",
        "on",
        "1"
      ].includes(value.toLowerCase());
    }
    const m = /^filter\.(.+)\.(clean|smudge|process)$/i.exec(key);
    if (m && value !== "") {
      filters.add(m[1]);
      if (m[2].toLowerCase() !== "clean") smudging.add(m[1]);
    }
  }
  return {
    ignoreStat,
    filters: [
      ...filters
    ],
    smudging: [
      ...smudging
    ]
  };
}
function parseCheckAttr(text3) {
  const parts = splitNul(text3);
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const value = parts[i + 2];
    if (value !== "unspecified" && value !== "unset") {
      out.set(parts[i], value);
    }
  }
  return out;
}
function parseCatFileBatch(bytes) {
  const buf = Buffer4.from(bytes);
  const out = [];
  let offset = 0;
  while (offset < buf.length) {
    const end = buf.indexOf(10, offset);
    if (end < 0) throw new Error("cannot parse git cat-file output");
    const header = buf.subarray(offset, end).toString("utf8");
    offset = end + 1;
    const m = /^\S+ \S+ (\d+)$/.exec(header);
    if (!m) {
      out.push(null);
      continue;
    }
    const size = Number(m[1]);
    out.push(buf.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}
async function sharedHiddenConfig(mainRoot) {
  const list = (args) => runGit([
    "config",
    "-z",
    "--list",
    ...args
  ], {
    cwd: mainRoot
  });
  const raw = await list([
    "--no-includes"
  ]);
  if (raw.code !== 0 && raw.code !== 1) return void 0;
  let includes = false;
  for (const record of splitNul(raw.code === 0 ? raw.stdout : "")) {
    const key = record.split("\n", 1)[0].toLowerCase();
    if (key.startsWith("includeif.")) return void 0;
    if (key === "extensions.worktreeconfig") return void 0;
    if (key.startsWith("include.")) includes = true;
  }
  if (!includes) return parseConfigList(raw.code === 0 ? raw.stdout : "");
  const full = await list([]);
  if (full.code !== 0 && full.code !== 1) return void 0;
  return parseConfigList(full.code === 0 ? full.stdout : "");
}
async function hiddenChanges(root, env, config) {
  const git = async (args, stdin) => {
    const result = await runGit(args, {
      cwd: root,
      env,
      stdin
    });
    if (result.code !== 0) {
      throw new Error(`git ${args[0]} failed: ${describeGitFailure(result)}`);
    }
    return result;
  };
  const [list, settings] = await Promise.all([
    git([
      "ls-files",
      "-z",
      "-v",
      "-s"
    ]),
    config ?? runGit([
      "config",
      "-z",
      "--list"
    ], {
      cwd: root,
      env
    }).then((own) => parseConfigList(own.code === 0 ? own.stdout : ""))
  ]);
  const everyEntry = settings.ignoreStat || settings.filters.length > 0;
  const listed = parseLsFilesVerbose(list.stdout, everyEntry ? void 0 : (tag, mode) => isFlaggedTag(tag) || mode === "160000");
  const gitlinks = listed.filter((e) => e.mode === "160000").map((e) => e.path);
  const entries = listed.filter((e) => e.stage === "0" && e.mode !== "160000");
  const hidden = /* @__PURE__ */ new Set();
  let filterOf = /* @__PURE__ */ new Map();
  const smudgingFilter = (e) => settings.smudging.includes(filterOf.get(e.path) ?? "");
  const flagged = [];
  for (const e of entries.filter((e2) => isFlagged(e2, settings.ignoreStat))) {
    let info;
    try {
      info = await lstat4(join11(root, e.path));
    } catch {
      continue;
    }
    if (e.mode === "120000" ? !info.isSymbolicLink() : !info.isFile()) {
      hidden.add(e.path);
    } else if (info.isSymbolicLink()) {
      hidden.add(e.path);
    } else flagged.push(e);
  }
  let filtered = [];
  if (settings.filters.length > 0 && entries.length > 0) {
    const attrs = await git([
      "check-attr",
      "-z",
      "--stdin",
      "filter"
    ], entries.map((e) => `${e.path}\0`).join(""));
    filterOf = parseCheckAttr(attrs.stdout);
    filtered = entries.filter((e) => e.mode !== "120000" && settings.filters.includes(filterOf.get(e.path)) && !hidden.has(e.path));
  }
  if (flagged.length > 0) {
    const hashes = await git([
      "hash-object",
      "--no-filters",
      "--stdin-paths"
    ], flagged.map((e) => `${e.path}
`).join(""));
    const lines = hashes.stdout.split("\n");
    flagged.forEach((e, i) => {
      if (lines[i] !== e.blob) {
        if (!filtered.includes(e)) filtered.push(e);
      }
    });
  }
  if (filtered.length > 0) {
    const smudged = filtered.filter((e) => smudgingFilter(e));
    const plain2 = filtered.filter((e) => !smudgingFilter(e));
    if (smudged.length > MAX_SMUDGE_CALLS) {
      throw new Error(`more than ${MAX_SMUDGE_CALLS} files under a smudge filter; not compared`);
    }
    const expected = /* @__PURE__ */ new Map();
    if (plain2.length > 0) {
      const batch = await git([
        "cat-file",
        "--batch"
      ], plain2.map((e) => `${e.blob}
`).join(""));
      const contents = parseCatFileBatch(batch.stdoutBytes ?? new Uint8Array());
      plain2.forEach((e, i) => expected.set(e, contents[i] ?? null));
    }
    for (const e of smudged) {
      const one = await git([
        "cat-file",
        "--filters",
        `--path=${e.path}`,
        e.blob
      ]);
      expected.set(e, Buffer4.from(one.stdoutBytes ?? new Uint8Array()));
    }
    await Promise.all(filtered.map(async (e) => {
      let actual;
      try {
        actual = await readFile6(join11(root, e.path));
      } catch {
        return;
      }
      const want = expected.get(e);
      if (!want || !actual.equals(want)) hidden.add(e.path);
    }));
  }
  return {
    paths: [
      ...hidden
    ].sort(),
    gitlinks
  };
}
async function isCaseSensitive(root) {
  const [lower, upper] = await Promise.all([
    lstat4(join11(root, ".git")).catch(() => void 0),
    lstat4(join11(root, ".GIT")).catch(() => void 0)
  ]);
  if (!lower) return true;
  if (!upper) return true;
  return lower.ino !== upper.ino || lower.dev !== upper.dev;
}
var MAX_SMUDGE_CALLS;
var init_hidden_changes = __esm({
  "lib/gather/hidden_changes.ts"() {
    init_git();
    MAX_SMUDGE_CALLS = 200;
  }
});

// lib/gather/contents.ts
import { lstat as lstat5, readdir as readdir5, readFile as readFile7, realpath as realpath4 } from "node:fs/promises";
import { isAbsolute as isAbsolute3, join as join12, resolve as resolve6 } from "node:path";
async function privateCommits(gitDir, refsRepo, head) {
  const [refShas, reflog] = await Promise.all([
    Promise.all([
      "worktree",
      "bisect"
    ].map((d) => looseRefs(join12(gitDir, "refs", d)))),
    readFile7(join12(gitDir, "logs", "HEAD"), "utf8").catch((error) => {
      if (error.code === "ENOENT") return "";
      throw error;
    })
  ]);
  const shas = new Set(refShas.flat());
  for (const line of reflog.split("\n")) {
    const m = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) /.exec(line);
    if (!m) continue;
    for (const sha of [
      m[1],
      m[2]
    ]) if (!/^0+$/.test(sha)) shas.add(sha);
  }
  if (head !== void 0) shas.delete(head);
  if (shas.size === 0) return false;
  const result = await runGit([
    "rev-list",
    "-n",
    "1",
    "--ignore-missing",
    "--stdin",
    "--not",
    "--branches",
    "--tags",
    "--remotes"
  ], {
    cwd: refsRepo,
    stdin: [
      ...shas,
      ...head ? [
        `^${head}`
      ] : []
    ].join("\n") + "\n"
  });
  if (result.code !== 0) {
    throw new Error(`cannot check the commits of its reflog: ${describeGitFailure(result)}`);
  }
  return result.stdout.trim() !== "";
}
async function looseRefs(dir) {
  const out = [];
  const stack = [
    dir
  ];
  while (stack.length > 0) {
    const current = stack.pop();
    let entries;
    try {
      entries = await readdir5(current, {
        withFileTypes: true
      });
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    for (const entry of entries) {
      const path = join12(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) {
        const text3 = (await readFile7(path, "utf8")).trim();
        if (/^[0-9a-f]{40,64}$/.test(text3)) out.push(text3);
        else if (!text3.startsWith("ref: ")) {
          throw new Error(`cannot read the ref '${path}'`);
        }
      }
    }
  }
  return out;
}
async function isRegisteredWorktree(dotGit) {
  const info = await lstat5(dotGit).catch(() => void 0);
  if (!info?.isFile()) return false;
  const text3 = await readFile7(dotGit, "utf8").catch(() => "");
  if (!text3.startsWith("gitdir: ")) return false;
  const raw = text3.slice(8).replace(/\r?\n$/, "");
  const target = isAbsolute3(raw) ? raw : resolve6(join12(dotGit, ".."), raw);
  return await lstat5(join12(target, "gitdir")).then(() => true, () => false);
}
async function gatherContents(root, options) {
  const errors = [];
  const real2 = await realpath4(root);
  const [hidden, nested, priv] = await Promise.all([
    hiddenChanges(root, options.env, options.config).catch((error) => {
      errors.push(`cannot check hidden changes: ${error.message}`);
      return void 0;
    }),
    (options.mounts ?? mountPoints()).then((mounts) => walkNested(real2, {
      mounts,
      measure: options.measure
    })).catch((error) => {
      errors.push(`cannot walk its folders: ${error.message}`);
      return void 0;
    }),
    options.refsRepo === void 0 ? Promise.resolve(false) : privateCommits(options.gitDir, options.refsRepo, options.head).catch((error) => {
      errors.push(error.message);
      return void 0;
    })
  ]);
  if (!hidden || !nested || priv === void 0) return {
    errors
  };
  const nestedWorktrees = [];
  const nestedRepositories = [];
  for (const entry of nested.gitEntries) {
    const folder = entry.slice(0, -"/.git".length);
    if (await isRegisteredWorktree(join12(real2, entry))) {
      nestedWorktrees.push(folder);
    } else nestedRepositories.push(folder);
  }
  return {
    contents: {
      hiddenChanges: hidden.paths,
      nestedWorktrees,
      nestedRepositories,
      mounts: nested.mounts,
      undecodableNames: nested.undecodableNames,
      privateCommits: priv,
      bytes: nested.bytes,
      gitlinks: hidden.gitlinks
    },
    errors
  };
}
var init_contents = __esm({
  "lib/gather/contents.ts"() {
    init_git();
    init_hidden_changes();
    init_nested();
  }
});

// lib/decide/tool_files.ts
function isToolSessionFile(path) {
  if (path === ".claude-mpm/.gitignore") return true;
  const prefix = ".claude-mpm/sessions/";
  if (!path.startsWith(prefix)) return false;
  const name = path.slice(prefix.length);
  return name === "LATEST-SESSION.txt" || name === ".gitignore" || SESSION_FILE.test(name);
}
var SESSION_FILE;
var init_tool_files = __esm({
  "lib/decide/tool_files.ts"() {
    SESSION_FILE = /^session-[^/]+\.(json|md)$/;
  }
});

// lib/gather/processes.ts
import { readdir as readdir6, readlink as readlink2, stat as stat7 } from "node:fs/promises";
import process11 from "node:process";
async function readProcessCwds(procDir = "/proc") {
  let names;
  try {
    names = await readdir6(procDir);
    await stat7(`${procDir}/self/cwd`);
  } catch (error) {
    const denied = error?.name === "NotCapable" || error.code === "EACCES";
    return {
      available: false,
      reason: denied ? `running processes were not checked: reading ${procDir} is not permitted (under Deno it needs --allow-all)` : `running processes were not checked: process working directories cannot be read here (no ${procDir})`
    };
  }
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number).filter((pid) => pid !== process11.pid);
  const found = await mapPool(pids, async (pid) => {
    const out = [];
    try {
      const cwd = await readlink2(`${procDir}/${pid}/cwd`);
      out.push({
        pid,
        cwd: cwd.replace(/ \(deleted\)$/, "")
      });
    } catch {
      return out;
    }
    const fds = await readdir6(`${procDir}/${pid}/fd`).catch(() => []);
    for (const fd of fds.slice(0, MAX_FDS_PER_PROCESS)) {
      const target = await readlink2(`${procDir}/${pid}/fd/${fd}`).catch(() => "");
      if (target.startsWith("/")) {
        out.push({
          pid,
          cwd: target.replace(/ \(deleted\)$/, "")
        });
      }
    }
    return out;
  }, 32);
  return {
    available: true,
    cwds: found.flat()
  };
}
function processReader() {
  let read;
  return () => read ??= readProcessCwds();
}
function processesInside(cwds, dir) {
  if (!cwds.available) return void 0;
  return [
    ...new Set(cwds.cwds.filter((p) => isSameOrInside(dir, p.cwd)).map((p) => p.pid))
  ];
}
function isProcessAlive(pid) {
  try {
    process11.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== "ESRCH";
  }
}
function pidFromLockReason(reason3) {
  const match = /\bpid[\s:=#]*(\d{1,10})\b/i.exec(reason3) ?? /\bprocess[\s:=#]*(\d{1,10})\b/i.exec(reason3);
  if (!match) return void 0;
  const pid = Number(match[1]);
  return pid > 0 ? pid : void 0;
}
var MAX_FDS_PER_PROCESS;
var init_processes = __esm({
  "lib/gather/processes.ts"() {
    init_containment();
    init_pool();
    MAX_FDS_PER_PROCESS = 4096;
  }
});

// lib/gather/witnesses.ts
import { lstatSync as lstatSync2 } from "node:fs";
import { readFile as readFile8 } from "node:fs/promises";
import { join as join13 } from "node:path";
function emptyWitnesses() {
  return {
    known: /* @__PURE__ */ new Map(),
    found: /* @__PURE__ */ new Map()
  };
}
function pickWitness(status) {
  if (status.conflicted.length) {
    return {
      kind: "conflicted",
      path: status.conflicted[0]
    };
  }
  if (status.staged.length) {
    return {
      kind: "staged",
      path: status.staged[0].path
    };
  }
  if (status.modified.length) {
    return {
      kind: "modified",
      path: status.modified[0].path
    };
  }
  if (status.untracked.length) {
    return {
      kind: "untracked",
      path: status.untracked[0]
    };
  }
  return void 0;
}
function isRelativeInside(path) {
  return path !== "" && !path.startsWith("/") && path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}
function statKey(path) {
  try {
    const s = lstatSync2(path);
    return `${s.dev}:${s.ino}:${s.mode}:${s.size}:${Math.floor(s.mtimeMs)}:${Math.floor(s.ctimeMs / 1e3)}`;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    if (error.code === "ENOTDIR") return null;
    throw error;
  }
}
function dependencies(worktree, gitDir, commonDir, mainRoot, kind, path) {
  const file = join13(worktree, path.replace(/\/$/, ""));
  const deps = [
    join13(gitDir, "index"),
    file
  ];
  if (kind === "untracked" || kind === "ignored") {
    const segments = path.replace(/\/$/, "").split("/");
    for (let i = 0; i < segments.length; i++) {
      deps.push(join13(worktree, ...segments.slice(0, i), ".gitignore"));
    }
    deps.push(join13(commonDir, "info", "exclude"));
  }
  if (kind === "ignored") deps.push(join13(mainRoot, path.replace(/\/$/, "")));
  return deps;
}
function takeWitness(place, head, kind, path) {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) return void 0;
  if (!isRelativeInside(path.replace(/\/$/, ""))) return void 0;
  const deps = dependencies(place.worktree, place.gitDir, place.commonDir, place.mainRoot, kind, path);
  try {
    const keys = {};
    for (const dep of deps) keys[dep] = statKey(dep);
    return {
      head,
      path,
      kind,
      keys
    };
  } catch {
    return void 0;
  }
}
function witnessHolds(witness, place, head) {
  if (head === void 0 || witness.head !== head) return false;
  const expected = dependencies(place.worktree, place.gitDir, place.commonDir, place.mainRoot, witness.kind, witness.path);
  if (expected.length !== Object.keys(witness.keys).length) return false;
  try {
    for (const dep of expected) {
      if (!(dep in witness.keys)) return false;
      if (statKey(dep) !== witness.keys[dep]) return false;
    }
    return true;
  } catch {
    return false;
  }
}
function isWitness(value) {
  if (typeof value !== "object" || value === null) return false;
  const w = value;
  const kinds = [
    "conflicted",
    "staged",
    "modified",
    "untracked",
    "ignored"
  ];
  return typeof w.head === "string" && typeof w.path === "string" && typeof w.kind === "string" && kinds.includes(w.kind) && typeof w.keys === "object" && w.keys !== null && Object.values(w.keys).every((k) => k === null || typeof k === "string");
}
function parseWitnesses(text3) {
  const store = emptyWitnesses();
  let data;
  try {
    data = JSON.parse(text3);
  } catch {
    return store;
  }
  if (typeof data !== "object" || data === null) return store;
  const record = data;
  if (record.format !== FORMAT) return store;
  const list = record.witnesses;
  if (typeof list !== "object" || list === null) return store;
  const known = /* @__PURE__ */ new Map();
  for (const [worktree, witness] of Object.entries(list)) {
    if (isWitness(witness)) known.set(worktree, witness);
  }
  return {
    known,
    found: /* @__PURE__ */ new Map()
  };
}
function serializeWitnesses(store) {
  const witnesses = Object.fromEntries([
    ...store.found.entries()
  ].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({
    format: FORMAT,
    witnesses
  })}
`;
}
function witnessesChanged(store) {
  if (store.found.size !== store.known.size) return true;
  for (const [path, w] of store.found) {
    if (JSON.stringify(store.known.get(path)) !== JSON.stringify(w)) {
      return true;
    }
  }
  return false;
}
async function loadWitnesses(stateDir2) {
  const text3 = await readFile8(witnessesPath(stateDir2), "utf8").catch(() => "");
  return parseWitnesses(text3);
}
function witnessesPath(stateDir2) {
  return join13(stateDir2, WITNESSES_FILE);
}
var WITNESSES_FILE, FORMAT;
var init_witnesses = __esm({
  "lib/gather/witnesses.ts"() {
    WITNESSES_FILE = "witnesses.json";
    FORMAT = "mpm-session witnesses v2";
  }
});

// lib/gather/worktree_facts.ts
import { lstatSync as lstatSync3, readFileSync, realpathSync } from "node:fs";
import { lstat as lstat6, readdir as readdir7, readFile as readFile9, realpath as realpath5, stat as stat8 } from "node:fs/promises";
import { dirname as dirname3, isAbsolute as isAbsolute4, join as join14, relative as relative5, resolve as resolve7, sep as sep2 } from "node:path";
function mountTableOf(ctx) {
  ctx.mountTable ??= mountPoints();
  return ctx.mountTable;
}
function statusArgsFor(ctx, extra = {}, caseSensitive = true) {
  return [
    ...ctx.manyStatusesAtOnce ? [
      "-c",
      "core.preloadIndex=false"
    ] : [],
    // On a file system that tells case apart, core.ignoreCase=true makes
    // status take an untracked 'F1.TXT' for the tracked 'f1.txt'.
    ...caseSensitive ? [
      "-c",
      "core.ignoreCase=false"
    ] : [],
    ...statusArgs({
      branch: true,
      aheadBehind: false,
      ignored: true,
      renames: false,
      ...extra
    })
  ];
}
function isolatedEnv(gitDir, workTree) {
  return {
    GIT_DIR: gitDir,
    GIT_WORK_TREE: workTree,
    GIT_CEILING_DIRECTORIES: dirname3(workTree)
  };
}
function counts(status) {
  return {
    staged: status.staged.length,
    modified: status.modified.length,
    untracked: status.untracked.length,
    conflicted: status.conflicted.length
  };
}
function statusFailure(status) {
  if (status.code !== 0) {
    return `git status failed: ${describeGitFailure(status)}`;
  }
  if (status.stderr.trim() !== "") {
    return `git status warned: ${describeGitFailure(status)}`;
  }
  return void 0;
}
async function withoutToolFiles(root, parsed) {
  const ignored = [];
  for (const p of parsed.ignored) {
    if (p.endsWith("/") && p.startsWith(".claude-mpm/") || p === ".claude-mpm/") {
      const files = await listFiles(join14(root, p), p).catch(() => void 0);
      if (files && files.every(isToolSessionFile)) continue;
    } else if (isToolSessionFile(p)) continue;
    ignored.push(p);
  }
  return {
    ...parsed,
    untracked: parsed.untracked.filter((p) => !isToolSessionFile(p)),
    ignored
  };
}
async function listFiles(dir, rel) {
  const out = [];
  const stack = [
    [
      dir,
      rel.replace(/\/$/, "")
    ]
  ];
  while (stack.length > 0) {
    const [abs, r] = stack.pop();
    for (const entry of await readdir7(abs, {
      withFileTypes: true
    })) {
      if (out.length > 1e3) throw new Error("too many files");
      if (entry.isDirectory()) {
        stack.push([
          join14(abs, entry.name),
          `${r}/${entry.name}`
        ]);
      } else out.push(`${r}/${entry.name}`);
    }
  }
  return out;
}
function readGitFile(dotGit) {
  return Promise.resolve(readGitFileSync(dotGit));
}
function readGitFileSync(dotGit) {
  try {
    const text3 = readFileSync(dotGit, "utf8");
    if (!text3.startsWith("gitdir: ")) return void 0;
    const target = text3.slice("gitdir: ".length).replace(/\r?\n$/, "");
    if (target === "") return void 0;
    return isAbsolute4(target) ? target : resolve7(dirname3(dotGit), target);
  } catch {
    return void 0;
  }
}
async function exists2(path) {
  try {
    await lstat6(path);
    return true;
  } catch {
    return false;
  }
}
async function hasInitialisedSubmodules(root, gitDir) {
  if (await exists2(join14(gitDir, "modules"))) return true;
  let text3;
  try {
    text3 = await readFile9(join14(root, ".gitmodules"), "utf8");
  } catch {
    return false;
  }
  const paths = [
    ...text3.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)
  ].map((m) => m[1]);
  for (const path of paths) {
    if (await exists2(join14(root, path, ".git"))) return true;
  }
  return false;
}
async function gatherWorktreeFacts(ctx, record) {
  const path = record.path;
  const branch = record.branchRef ? shortBranchName(record.branchRef) : null;
  const facts = {
    path,
    branch,
    detached: record.detached,
    missing: false,
    isSymlink: false,
    contained: isStrictlyInside(ctx.worktreesDir, resolve7(path)),
    isCurrent: false,
    errors: []
  };
  if (record.undecodable) {
    facts.errors.push("its path or branch name is not valid UTF-8 (shown escaped): kept, never guessed at");
    facts.deepChecksSkipped = true;
    return facts;
  }
  if (record.lockReason !== void 0) {
    facts.lockReason = record.lockReason;
    const pid = pidFromLockReason(record.lockReason);
    if (pid !== void 0 && !isProcessAlive(pid)) facts.stalePid = pid;
  }
  let info;
  try {
    info = lstatSync3(path);
  } catch (error) {
    if (error.code === "ENOENT") {
      facts.missing = true;
      if (record.detached && record.head) {
        facts.unreferencedCommits = await unreferenced(ctx.mainRoot, record.head);
      } else {
        facts.unreferencedCommits = false;
      }
      return facts;
    }
    facts.errors.push(`cannot read the directory: ${error.message}`);
    return facts;
  }
  if (info.isSymbolicLink()) {
    facts.isSymlink = true;
    return facts;
  }
  let real2;
  try {
    real2 = realpathSync(path);
    facts.contained = isStrictlyInside(ctx.worktreesDirReal, real2);
    facts.isCurrent = isSameOrInside(real2, ctx.cwdReal);
  } catch (error) {
    facts.errors.push(`cannot resolve the path: ${error.message}`);
    return facts;
  }
  if (info.dev !== ctx.worktreesDev || (await mountTableOf(ctx)).includes(real2)) {
    facts.errors.push("is on another file system (a mount point)");
  }
  if (facts.contained) {
    const rel = relative5(ctx.worktreesDirReal, real2).split(sep2);
    const inTrash = rel.length === 2 && rel[0] === TRASH_NAME;
    if (rel.length > 1 && !inTrash) {
      facts.enclosedBy = join14(ctx.worktreesDir, rel[0]);
    }
  }
  if (facts.enclosedBy !== void 0 || facts.lockReason !== void 0 || facts.isCurrent || !facts.contained) {
    facts.deepChecksSkipped = true;
    return facts;
  }
  const witnessed = heldWitness(ctx, record);
  if (witnessed !== void 0) {
    facts.witness = {
      kind: witnessed.kind,
      path: witnessed.path
    };
    facts.deepChecksSkipped = true;
    return facts;
  }
  if (branch !== null && !facts.detached) {
    if (ctx.refs instanceof Error) {
      facts.errors.push(`cannot read branches: ${ctx.refs.message}`);
    } else if (await branchKeepsIt(ctx, ctx.refs, branch, facts)) {
      facts.deepChecksSkipped = true;
      return facts;
    }
  }
  facts.processes = processesInside(await ctx.processes(), real2);
  if ((facts.processes?.length ?? 0) > 0) {
    facts.deepChecksSkipped = true;
    return facts;
  }
  const gitDir = await readGitFile(join14(path, ".git"));
  if (!gitDir) {
    facts.errors.push("its .git file is missing or unreadable");
    return facts;
  }
  facts.foreignOwner = await foreignOwned([
    path,
    join14(path, ".git"),
    gitDir
  ]);
  if (facts.foreignOwner !== void 0) {
    facts.deepChecksSkipped = true;
    return facts;
  }
  const env = isolatedEnv(gitDir, path);
  const caseSensitive = await isCaseSensitive(path);
  const [status, operation, submodules, unref] = await Promise.all([
    runGit(statusArgsFor(ctx, {}, caseSensitive), {
      cwd: path,
      env
    }),
    operationInProgress(gitDir).catch(() => void 0),
    hasInitialisedSubmodules(path, gitDir).catch(() => void 0),
    facts.detached || branch === null ? record.head ? unreferenced(ctx.mainRoot, record.head) : Promise.resolve(void 0) : Promise.resolve(void 0)
  ]);
  facts.operation = operation;
  facts.submodules = submodules;
  facts.unreferencedCommits = unref;
  const statusProblem = statusFailure(status);
  if (statusProblem) {
    facts.errors.push(statusProblem);
  } else {
    try {
      const parsed = await withoutToolFiles(path, parsePorcelainV2(status.stdout, {
        expectBranchHeaders: true
      }));
      facts.changes = counts(parsed);
      facts.uniqueIgnored = await uniqueIgnoredFiles(path, ctx.mainRoot, parsed.ignored, ctx.disposableIgnored).catch(() => void 0);
      rememberWitness(ctx, record, gitDir, parsed, facts.uniqueIgnored);
    } catch (error) {
      facts.errors.push(error.message);
    }
  }
  if (keptByStatus(facts)) {
    facts.contentsSkipped = true;
    return facts;
  }
  const contents = await gatherContents(path, {
    gitDir,
    env,
    refsRepo: ctx.mainRoot,
    head: record.head,
    config: ctx.sharedConfig,
    mounts: mountTableOf(ctx),
    measure: ctx.measureBytes ?? true
  });
  facts.contents = contents.contents;
  facts.errors.push(...contents.errors);
  return facts;
}
function keptByStatus(facts) {
  const changed2 = facts.changes !== void 0 && hasChanges(facts.changes);
  return changed2 || (facts.uniqueIgnored?.length ?? 0) > 0 || facts.submodules === true || facts.operation !== void 0 && facts.operation !== null;
}
function witnessPlace(ctx, worktree, gitDir) {
  if (ctx.commonDir === void 0) return void 0;
  return {
    worktree,
    gitDir,
    commonDir: ctx.commonDir,
    mainRoot: ctx.mainRoot
  };
}
function heldWitness(ctx, record) {
  const store = ctx.witnesses;
  const witness = store?.known.get(record.path);
  if (!store || !witness || !record.head) return void 0;
  if (witness.kind === "ignored" && isDisposableIgnored(witness.path, ctx.disposableIgnored)) return void 0;
  const gitDir = readGitFileSync(join14(record.path, ".git"));
  if (!gitDir) return void 0;
  const place = witnessPlace(ctx, record.path, gitDir);
  if (!place || !witnessHolds(witness, place, record.head)) {
    return void 0;
  }
  store.found.set(record.path, witness);
  return witness;
}
function rememberWitness(ctx, record, gitDir, parsed, uniqueIgnored) {
  const store = ctx.witnesses;
  const place = witnessPlace(ctx, record.path, gitDir);
  if (!store || !place || !record.head) return;
  let seen = pickWitness(parsed);
  const file = uniqueIgnored?.find((p) => !p.endsWith("/"));
  if (seen === void 0 && file !== void 0) {
    seen = {
      kind: "ignored",
      path: file
    };
  }
  if (seen === void 0 || seen.path.endsWith("/")) return;
  const witness = takeWitness(place, record.head, seen.kind, seen.path);
  if (witness) store.found.set(record.path, witness);
}
async function branchKeepsIt(ctx, refs, branch, facts) {
  const upstream = refs.branches.get(branch)?.upstream;
  facts.upstream = upstream;
  const known = await knownIntegration(refs, branch, ctx.integrationMemo);
  if (upstream && !upstream.gone && (upstream.ahead ?? 0) > 0) {
    if (known === void 0) facts.integrationSkipped = true;
    else facts.integration = known;
    return true;
  }
  facts.integration = known !== void 0 ? known : await integrationOf(ctx.mainRoot, refs, branch, ctx.integrationMemo);
  return facts.integration === null;
}
async function unreferenced(cwd, sha) {
  const result = await runGit([
    "rev-list",
    "-n",
    "1",
    sha,
    "--not",
    "--branches",
    "--tags",
    "--remotes"
  ], {
    cwd
  });
  if (result.code !== 0) return void 0;
  return result.stdout.trim() !== "";
}
async function gatherOrphanFacts(ctx, path, options = {}) {
  const facts = {
    path,
    kind: "plain",
    otherFilesystem: false,
    errors: []
  };
  if (options.undecodable) {
    facts.errors.push("its name is not valid UTF-8 (shown escaped): kept, never guessed at");
    return facts;
  }
  let info;
  try {
    info = await lstat6(path);
  } catch (error) {
    facts.errors.push(`cannot read it: ${error.message}`);
    return facts;
  }
  if (info.isSymbolicLink()) return {
    ...facts,
    kind: "symlink"
  };
  if (!info.isDirectory()) return {
    ...facts,
    kind: "file"
  };
  facts.otherFilesystem = info.dev !== ctx.worktreesDev || (await mountTableOf(ctx)).includes(await realpath5(path).catch(() => path));
  let dotGit;
  try {
    dotGit = await lstat6(join14(path, ".git"));
  } catch (error) {
    if (error.code !== "ENOENT") {
      facts.errors.push(`cannot read it: ${error.message}`);
      return facts;
    }
  }
  if (!dotGit) {
    try {
      facts.empty = (await readdir7(path)).length === 0;
    } catch {
      facts.empty = void 0;
    }
    return facts;
  }
  if (!dotGit.isDirectory()) {
    facts.kind = "git-file";
    const target = dotGit.isFile() ? await readGitFile(join14(path, ".git")) : void 0;
    if (target) {
      const check = await runGit([
        "rev-parse",
        "--git-dir"
      ], {
        cwd: path,
        env: isolatedEnv(target, path)
      });
      facts.gitReadable = check.code === 0;
    } else {
      facts.gitReadable = false;
    }
    return facts;
  }
  facts.kind = "clone";
  await gatherCloneFacts(ctx, path, facts);
  return facts;
}
async function gatherCloneFacts(ctx, path, facts) {
  const gitDir = join14(path, ".git");
  facts.foreignOwner = await foreignOwned([
    path,
    gitDir
  ]);
  if (facts.foreignOwner !== void 0) return;
  const env = isolatedEnv(gitDir, path);
  const caseSensitive = await isCaseSensitive(path);
  const remotes = await trustedRemotes(ctx, path, env);
  const [status, unpushed, operation, nested, contents, borrowedBy] = await Promise.all([
    runGit(statusArgsFor(ctx, {
      stash: true
    }, caseSensitive), {
      cwd: path,
      env
    }),
    // Every commit reachable from any of its refs (notes and stash too),
    // its HEAD or its reflogs must be on a remote-tracking ref of a remote
    // outside .claude/worktrees/; the outer repository does not count.
    remotes instanceof Error ? Promise.resolve(remotes) : runGit([
      "rev-list",
      "-n",
      "1",
      "--ignore-missing",
      "--all",
      "--reflog",
      ...remotes.length > 0 ? [
        "--not"
      ] : [],
      ...remotes.map((r) => `--remotes=${r}`)
    ], {
      cwd: path,
      env
    }),
    operationInProgress(gitDir).catch(() => void 0),
    Promise.all([
      readdir7(join14(gitDir, "worktrees")).then((n) => n.length > 0, () => false),
      stat8(join14(gitDir, "modules")).then(() => true, () => false)
    ]).then(([a, b]) => a || b, () => void 0),
    gatherContents(path, {
      gitDir,
      env,
      mounts: mountTableOf(ctx)
    }),
    borrowersOf(ctx, path).catch(() => void 0)
  ]);
  facts.operation = operation;
  facts.nested = nested;
  facts.contents = contents.contents;
  facts.errors.push(...contents.errors);
  facts.borrowedBy = borrowedBy;
  if (unpushed instanceof Error) {
    facts.errors.push(unpushed.message);
  } else if (unpushed.code === 0) {
    facts.unpushedCommits = unpushed.stdout.trim() !== "";
  } else {
    facts.errors.push(`cannot compare with its remotes: ${describeGitFailure(unpushed)}`);
  }
  const statusProblem = statusFailure(status);
  if (statusProblem) {
    facts.errors.push(statusProblem);
    return;
  }
  try {
    const parsed = parsePorcelainV2(status.stdout, {
      expectBranchHeaders: true
    });
    facts.changes = counts(parsed);
    facts.stashCount = parsed.stashCount;
    facts.uniqueIgnored = await uniqueIgnoredFiles(path, ctx.mainRoot, parsed.ignored, ctx.disposableIgnored).catch(() => void 0);
  } catch (error) {
    facts.errors.push(error.message);
  }
}
async function trustedRemotes(ctx, path, env) {
  const result = await runGit([
    "config",
    "-z",
    "--get-regexp",
    "^remote\\..*\\.url$"
  ], {
    cwd: path,
    env
  });
  if (result.code === 1) return [];
  if (result.code !== 0) {
    return new Error(`cannot read its remotes: ${describeGitFailure(result)}`);
  }
  const out = [];
  for (const record of result.stdout.split("\0")) {
    const newline = record.indexOf("\n");
    if (newline < 0) continue;
    const name = record.slice("remote.".length, newline - ".url".length);
    const url = record.slice(newline + 1);
    if (!/^[A-Za-z0-9._-]+$/.test(name)) continue;
    if (!await urlInside(url, path, ctx.worktreesDirReal)) out.push(name);
  }
  return out;
}
async function urlInside(url, clone, worktreesDir) {
  let local;
  if (url.startsWith("file://")) local = decodeURIComponent(url.slice(7));
  else if (isAbsolute4(url) || url.startsWith(".")) local = resolve7(clone, url);
  else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !/^[^/]+:/.test(url)) {
    local = resolve7(clone, url);
  }
  if (local === void 0) return false;
  const real2 = await realpath5(local).catch(() => resolve7(local));
  return isSameOrInside(worktreesDir, real2);
}
function knownAlternates(ctx) {
  let found = alternatesCache.get(ctx);
  if (!found) {
    found = (async () => {
      const dotGit = join14(ctx.mainRoot, ".git");
      const mainGit = (await lstat6(dotGit).catch(() => void 0))?.isDirectory() ? dotGit : await readGitFile(dotGit);
      const repos = mainGit ? [
        mainGit
      ] : [];
      const names = await readdir7(ctx.worktreesDirReal).catch(() => []);
      for (const name of names) {
        repos.push(join14(ctx.worktreesDirReal, name, ".git"));
      }
      const out = [];
      for (const repo of repos) {
        const objects = join14(repo, "objects");
        const text3 = await readFile9(join14(objects, "info", "alternates"), "utf8").catch(() => "");
        for (const line of text3.split("\n")) {
          if (line === "" || line.startsWith("#")) continue;
          out.push(`${repo}\0${resolve7(objects, line)}`);
        }
      }
      return out;
    })();
    alternatesCache.set(ctx, found);
  }
  return found;
}
async function borrowersOf(ctx, path) {
  const real2 = await realpath5(path);
  const out = [];
  for (const entry of await knownAlternates(ctx)) {
    const [repo, target] = entry.split("\0");
    if (isSameOrInside(real2, repo)) continue;
    const targetReal = await realpath5(target).catch(() => target);
    if (isSameOrInside(real2, targetReal)) out.push(repo);
  }
  return out;
}
var alternatesCache;
var init_worktree_facts = __esm({
  "lib/gather/worktree_facts.ts"() {
    init_nested();
    init_classify();
    init_containment();
    init_git();
    init_branches();
    init_ignored();
    init_contents();
    init_hidden_changes();
    init_ownership();
    init_tool_files();
    init_processes();
    init_repo();
    init_status_parse();
    init_worktree_list_parse();
    init_witnesses();
    alternatesCache = /* @__PURE__ */ new WeakMap();
  }
});

// lib/gather/main_worktree.ts
import { lstat as lstat7, realpath as realpath6 } from "node:fs/promises";
import { join as join15, resolve as resolve8 } from "node:path";
async function real(path) {
  return await realpath6(path).catch(() => void 0);
}
async function isMainOf(root, commonDir) {
  const dotGit = join15(root, ".git");
  const info = await lstat7(dotGit).catch(() => void 0);
  if (!info) return false;
  const target = info.isDirectory() ? dotGit : info.isFile() ? await readGitFile(dotGit) : void 0;
  if (!target) return false;
  const [a, b] = await Promise.all([
    real(target),
    real(commonDir)
  ]);
  return a !== void 0 && a === b;
}
async function findMainWorktree(listed, topLevel, commonDir, coreWorktree) {
  coreWorktree ??= await readCoreWorktree(commonDir);
  if (coreWorktree !== "") {
    const root = resolve8(commonDir, coreWorktree);
    if (await isMainOf(root, commonDir)) return {
      root
    };
    return {
      problem: `core.worktree names '${root}', whose .git does not lead back to '${commonDir}': the main worktree cannot be told, so nothing was cleaned`
    };
  }
  if (await isMainOf(listed, commonDir)) return {
    root: listed
  };
  if (await real(listed) === await real(commonDir)) {
    if (await isMainOf(topLevel, commonDir)) return {
      root: topLevel
    };
    return {
      problem: `git lists the git folder '${listed}' as the main worktree (a --separate-git-dir repository or a submodule): run the cleanup from the main worktree`
    };
  }
  return {
    root: listed
  };
}
async function readCoreWorktree(commonDir) {
  const configured = await runGit([
    "config",
    "--file",
    join15(commonDir, "config"),
    "--get",
    "core.worktree"
  ], {
    cwd: commonDir
  });
  return configured.code === 0 ? configured.stdout.replace(/\n$/, "") : "";
}
var init_main_worktree = __esm({
  "lib/gather/main_worktree.ts"() {
    init_git();
    init_worktree_facts();
  }
});

// lib/gather/integration_memo.ts
import { readFile as readFile10 } from "node:fs/promises";
import { join as join16 } from "node:path";
function defaultKeyOf(refs, shas) {
  return refs.map((ref, i) => `${ref}=${shas[i] ?? ""}`).join(" ");
}
function parseIntegrationMemo(text3, defaultKey) {
  const empty = {
    defaultKey,
    notIntegrated: /* @__PURE__ */ new Set(),
    found: /* @__PURE__ */ new Set()
  };
  let data;
  try {
    data = JSON.parse(text3);
  } catch {
    return empty;
  }
  if (typeof data !== "object" || data === null) return empty;
  const record = data;
  if (record.format !== FORMAT2 || record.default !== defaultKey) return empty;
  const list = record.not_integrated;
  if (!Array.isArray(list)) return empty;
  const shas = list.filter((x) => typeof x === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(x));
  return {
    defaultKey,
    notIntegrated: new Set(shas),
    found: /* @__PURE__ */ new Set()
  };
}
function serializeIntegrationMemo(memo) {
  return `${JSON.stringify({
    format: FORMAT2,
    default: memo.defaultKey,
    not_integrated: [
      ...memo.found
    ].sort()
  })}
`;
}
function memoChanged(memo) {
  if (memo.found.size !== memo.notIntegrated.size) return true;
  for (const sha of memo.found) if (!memo.notIntegrated.has(sha)) return true;
  return false;
}
async function loadIntegrationMemo(commonDir, defaultKey) {
  const text3 = await readFile10(join16(commonDir, INTEGRATION_MEMO_NAME), "utf8").catch(() => "");
  return parseIntegrationMemo(text3, defaultKey);
}
var INTEGRATION_MEMO_NAME, FORMAT2;
var init_integration_memo = __esm({
  "lib/gather/integration_memo.ts"() {
    INTEGRATION_MEMO_NAME = "mpm-session/integration.json";
    FORMAT2 = "mpm-session integration memo v1";
  }
});

// lib/decide/claude_lock.ts
function parseClaudeLockReason(reason3) {
  const match = LOCK_REASON.exec(reason3.trim());
  if (!match) return void 0;
  const pid = Number(match[3]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return void 0;
  return {
    kind: match[1],
    name: match[2],
    pid,
    startTicks: match[4].replace(/^0+(?=\d)/, "")
  };
}
function parseProcStat(line) {
  const close = line.lastIndexOf(")");
  if (close < 0 || line.indexOf("(") < 0 || line.indexOf("(") > close) {
    return void 0;
  }
  const rest = line.slice(close + 1).trim().split(/\s+/);
  if (rest.length < 20) return void 0;
  const state = rest[0];
  const startTicks = rest[19];
  if (!/^[A-Za-z]$/.test(state) || !/^\d+$/.test(startTicks)) return void 0;
  return {
    state,
    startTicks: startTicks.replace(/^0+(?=\d)/, "")
  };
}
function judgeClaudeLock(owner, process20) {
  if (process20.kind === "unknown") return process20;
  if (process20.kind === "absent") return {
    kind: "stale",
    why: "gone"
  };
  if (process20.stat.startTicks !== owner.startTicks) {
    return {
      kind: "stale",
      why: "reused"
    };
  }
  if (process20.stat.state === "Z" || process20.stat.state === "X") {
    return {
      kind: "stale",
      why: "gone"
    };
  }
  return {
    kind: "live"
  };
}
function ownerLabel(owner) {
  return `claude ${owner.kind} ${owner.name}`;
}
function staleLockNote(owner, why, dryRun) {
  const pid = why === "gone" ? `pid ${owner.pid} gone` : `pid ${owner.pid} gone, now used by another process`;
  return `${dryRun ? "would unlock" : "unlocked"} stale lock of ${ownerLabel(owner)} (${pid})`;
}
var LOCK_REASON;
var init_claude_lock = __esm({
  "lib/decide/claude_lock.ts"() {
    LOCK_REASON = /^claude (session|agent) (.+) \(pid (\d{1,10}) start (\d{1,20})\)$/;
  }
});

// lib/gather/claude_lock.ts
import { readFile as readFile11 } from "node:fs/promises";
import { join as join17 } from "node:path";
async function readOwnerProcess(pid, procDir = "/proc") {
  let text3;
  try {
    text3 = await readFile11(`${procDir}/${pid}/stat`, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ESRCH") {
      try {
        await readFile11(`${procDir}/self/stat`, "utf8");
        return {
          kind: "absent"
        };
      } catch (selfError) {
        return {
          kind: "unknown",
          why: `cannot read '${procDir}/self/stat': ${selfError.message}`
        };
      }
    }
    return {
      kind: "unknown",
      why: `cannot read '${procDir}/${pid}/stat': ${error.message}`
    };
  }
  const stat10 = parseProcStat(text3);
  return stat10 ? {
    kind: "present",
    stat: stat10
  } : {
    kind: "unknown",
    why: `'${procDir}/${pid}/stat' has an unexpected format`
  };
}
async function currentLockReason(worktree) {
  const adminDir = await readGitFile(join17(worktree, ".git"));
  if (!adminDir) return void 0;
  return await readFile11(join17(adminDir, "locked"), "utf8").then((text3) => text3.replace(/\r?\n$/, ""), () => void 0);
}
async function settleClaudeLocks(records, options) {
  const findings = /* @__PURE__ */ new Map();
  const next = await Promise.all(records.map(async (record) => {
    if (record.lockReason === void 0) return record;
    const owner = parseClaudeLockReason(record.lockReason);
    if (!owner) return record;
    const verdict = judgeClaudeLock(owner, await readOwnerProcess(owner.pid, options.procDir));
    const finding = {
      owner,
      verdict
    };
    findings.set(record.path, finding);
    if (verdict.kind === "unknown") {
      finding.note = `kept the lock of ${ownerLabel(owner)}: cannot tell whether pid ${owner.pid} runs: ${verdict.why}`;
      return record;
    }
    if (verdict.kind === "live") return record;
    if (options.keepStaleLocks) {
      finding.note = `kept stale lock of ${ownerLabel(owner)} (pid ${owner.pid} ${verdict.why}): --keep-stale-locks`;
      return record;
    }
    if (!options.dryRun) {
      if (await currentLockReason(record.path) !== record.lockReason) {
        finding.note = `kept the lock of ${ownerLabel(owner)}: it changed while the cleanup ran`;
        return record;
      }
      const result = await runGit([
        "worktree",
        "unlock",
        "--",
        record.path
      ], {
        cwd: options.mainRoot,
        readOnly: false
      });
      if (result.code !== 0) {
        finding.note = `cannot unlock stale lock of ${ownerLabel(owner)}: ${describeGitFailure(result)}`;
        return record;
      }
    }
    finding.note = staleLockNote(owner, verdict.why, options.dryRun);
    const { lockReason: _unlocked, ...rest } = record;
    return rest;
  }));
  return {
    records: next,
    annotate(outcome) {
      const finding = findings.get(outcome.path);
      if (!finding) return outcome;
      if (finding.note) outcome.notes = [
        finding.note,
        ...outcome.notes
      ];
      if (finding.verdict.kind === "live") {
        const reason3 = {
          code: "in-use-by-claude",
          message: `in use by ${ownerLabel(finding.owner)} (pid ${finding.owner.pid})`
        };
        const at = outcome.reasons.findIndex((r) => r.code === "locked");
        if (at >= 0) outcome.reasons[at] = reason3;
        else outcome.reasons.push(reason3);
      }
      return outcome;
    }
  };
}
var init_claude_lock2 = __esm({
  "lib/gather/claude_lock.ts"() {
    init_claude_lock();
    init_git();
    init_worktree_facts();
  }
});

// lib/gather/disk_usage.ts
import { readdir as readdir8 } from "node:fs/promises";
import { join as join18 } from "node:path";
async function directorySize(path) {
  let total = 0;
  const pending = [
    path
  ];
  while (pending.length > 0) {
    const dir = pending.pop();
    let entries;
    try {
      entries = await readdir8(dir, {
        withFileTypes: true
      });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join18(dir, entry.name);
      if (entry.isDirectory()) {
        pending.push(full);
        continue;
      }
      try {
        total += lstatFast(full).size;
      } catch {
      }
    }
  }
  return total;
}
var init_disk_usage = __esm({
  "lib/gather/disk_usage.ts"() {
    init_fast_stat();
  }
});

// lib/gather/head_file.ts
import { readFile as readFile12 } from "node:fs/promises";
import { join as join19 } from "node:path";
function isPlainBranchRef(ref) {
  if (!ref.startsWith("refs/heads/") || ref.length <= "refs/heads/".length) {
    return false;
  }
  if (ref.includes("..") || ref.includes("@{") || ref.endsWith("/")) {
    return false;
  }
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  return ref.split("/").every((part) => part !== "" && !part.startsWith(".") && !part.endsWith(".lock"));
}
async function text2(path) {
  try {
    return await readFile12(path, "utf8");
  } catch {
    return void 0;
  }
}
async function readHeadFiles(adminDir, commonDir) {
  const head = (await text2(join19(adminDir, "HEAD")))?.replace(/\n$/, "");
  if (head === void 0) return void 0;
  if (OBJECT_ID.test(head)) return {
    sha: head
  };
  if (!head.startsWith("ref: ")) return void 0;
  const ref = head.slice("ref: ".length);
  if (!isPlainBranchRef(ref)) return void 0;
  const loose = await text2(join19(commonDir, ref));
  if (loose !== void 0) {
    const sha = loose.replace(/\n$/, "");
    return OBJECT_ID.test(sha) ? {
      sha,
      branchRef: ref
    } : void 0;
  }
  const packed = await text2(join19(commonDir, "packed-refs"));
  for (const line of packed?.split("\n") ?? []) {
    const space = line.indexOf(" ");
    if (space < 0 || line.slice(space + 1) !== ref) continue;
    const sha = line.slice(0, space);
    return OBJECT_ID.test(sha) ? {
      sha,
      branchRef: ref
    } : void 0;
  }
  return void 0;
}
var OBJECT_ID;
var init_head_file = __esm({
  "lib/gather/head_file.ts"() {
    OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
  }
});

// lib/gather/activity.ts
import { readdirSync } from "node:fs";
import { join as join20 } from "node:path";
function mtimeOf(path) {
  try {
    return lstatFast(path).mtimeMs;
  } catch {
    return void 0;
  }
}
function newestActivityMs(worktreePath, adminDir) {
  const paths = [
    worktreePath
  ];
  if (adminDir) {
    paths.push(adminDir, join20(adminDir, "index"), join20(adminDir, "HEAD"));
  }
  let names = [];
  try {
    names = readdirSync(worktreePath);
  } catch {
  }
  for (const name of names) paths.push(join20(worktreePath, name));
  const times = paths.map(mtimeOf);
  let newest;
  for (const t of times) {
    if (t !== void 0 && (newest === void 0 || t > newest)) newest = t;
  }
  return newest;
}
var init_activity = __esm({
  "lib/gather/activity.ts"() {
    init_fast_stat();
  }
});

// lib/gather/removal_facts.ts
import { lstatSync as lstatSync4, readFileSync as readFileSync2 } from "node:fs";
import { readdir as readdir9, readFile as readFile13, realpath as realpath7 } from "node:fs/promises";
import { join as join21, resolve as resolve9 } from "node:path";
function recordedGitdir(adminDir) {
  return Promise.resolve(recordedGitdirSync(adminDir));
}
function recordedGitdirSync(adminDir) {
  try {
    return readFileSync2(join21(adminDir, "gitdir"), "utf8").replace(/\r?\n$/, "");
  } catch {
    return "";
  }
}
async function readAdminDirs(commonDir) {
  const root = join21(commonDir, "worktrees");
  const ids = await readdir9(root).catch(() => []);
  const out = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const adminDir = join21(root, id);
    const dotGit = recordedGitdirSync(adminDir);
    if (dotGit.endsWith("/.git")) {
      out.set(resolve9(dotGit.slice(0, -"/.git".length)), adminDir);
    }
  }
  return out;
}
async function same(a, b) {
  if (resolve9(a) === resolve9(b)) return true;
  const [ra, rb] = await Promise.all([
    realpath7(a).catch(() => void 0),
    realpath7(b).catch(() => void 0)
  ]);
  return ra !== void 0 && ra === rb;
}
async function gitFilePointsBack(worktreePath, adminDir) {
  if (!adminDir) return false;
  const dotGit = join21(worktreePath, ".git");
  const named = await readGitFile(dotGit);
  if (!named || !await same(named, adminDir)) return false;
  const back = await recordedGitdir(adminDir);
  return back !== "" && await same(back, dotGit);
}
async function indexGitlinks(worktreePath, adminDir) {
  const result = await runGit([
    "ls-files",
    "--stage",
    "-z"
  ], {
    cwd: worktreePath,
    env: {
      GIT_DIR: adminDir,
      GIT_WORK_TREE: worktreePath,
      GIT_CEILING_DIRECTORIES: resolve9(worktreePath, "..")
    }
  });
  if (result.code !== 0) return void 0;
  const out = [];
  for (const entry of result.stdout.split("\0")) {
    if (entry.startsWith("160000 ")) out.push(entry.split("	", 2)[1] ?? "");
  }
  return out;
}
async function stagedOnlyCopy(mainRoot, adminDir) {
  if (!adminDir) return void 0;
  const hasIndex = await readFile13(join21(adminDir, "index")).then(() => true, (e) => e.code === "ENOENT" ? false : void 0);
  if (hasIndex === false) return false;
  if (hasIndex === void 0) return void 0;
  const env = {
    GIT_DIR: adminDir
  };
  const head = await runGit([
    "rev-parse",
    "-q",
    "--verify",
    "HEAD"
  ], {
    cwd: mainRoot,
    env
  });
  if (head.code !== 0) {
    const files = await runGit([
      "ls-files",
      "--cached",
      "-z"
    ], {
      cwd: mainRoot,
      env
    });
    return files.code === 0 ? files.stdout !== "" : void 0;
  }
  const diff = await runGit([
    "diff-index",
    "--cached",
    "--quiet",
    "HEAD",
    "--"
  ], {
    cwd: mainRoot,
    env
  });
  return diff.code === 0 ? false : diff.code === 1 ? true : void 0;
}
async function renamedFolders(folders) {
  const out = /* @__PURE__ */ new Map();
  await Promise.all(folders.map(async (folder) => {
    const named = await readGitFile(join21(folder, ".git"));
    if (!named) return;
    const real2 = await realpath7(named).catch(() => void 0);
    if (real2) out.set(real2, folder);
  }));
  return out;
}
async function handMovedWorktrees(registered, worktreesDir, commonDir) {
  const missing = registered.filter(lstatMissing);
  if (missing.length === 0) return [];
  const [adminDirs, names] = await Promise.all([
    readAdminDirs(commonDir),
    readdir9(worktreesDir).catch(() => [])
  ]);
  const gone = missing.flatMap((path) => {
    const adminDir = adminDirs.get(resolve9(path));
    return adminDir ? [
      {
        path,
        adminDir
      }
    ] : [];
  });
  if (gone.length === 0) return [];
  const taken = new Set(registered.map((p) => resolve9(p)));
  const folders = names.map((n) => join21(worktreesDir, n)).filter((f) => !taken.has(resolve9(f)));
  const claims = /* @__PURE__ */ new Map();
  await Promise.all(folders.map(async (folder) => {
    const named = await readGitFile(join21(folder, ".git"));
    const real2 = named && await realpath7(named).catch(() => void 0);
    if (real2) claims.set(real2, [
      ...claims.get(real2) ?? [],
      folder
    ]);
  }));
  const out = [];
  for (const { path, adminDir } of gone) {
    const real2 = await realpath7(adminDir).catch(() => void 0);
    const folders2 = real2 ? claims.get(real2) ?? [] : [];
    if (folders2.length === 1) {
      out.push({
        registered: path,
        folder: folders2[0],
        adminDir: real2
      });
    }
  }
  return out;
}
function lstatMissing(path) {
  try {
    lstatSync4(path);
    return false;
  } catch (error) {
    return error.code === "ENOENT";
  }
}
var init_removal_facts = __esm({
  "lib/gather/removal_facts.ts"() {
    init_git();
    init_worktree_facts();
  }
});

// lib/decide/plan.ts
function reason2(code, message) {
  return {
    code,
    message
  };
}
function addOnce(reasons, r) {
  if (!reasons.some((x) => x.code === r.code && x.message === r.message)) {
    reasons.push(r);
  }
}
function describeAge(ms) {
  const minutes = Math.max(0, Math.floor(ms / 6e4));
  const unit = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;
  if (minutes < 120) return unit(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, "hour");
  return unit(Math.floor(hours / 24), "day");
}
function missingReasons(path, m) {
  const out = [];
  if (m.worktreesDirMissing) {
    out.push(reason2("needs-repair", `'.claude/worktrees' itself is missing (moved or unmounted?): run 'git worktree repair <new path>' once it is back`));
  }
  if (m.renamedTo !== void 0) {
    out.push(reason2("needs-repair", `its folder was renamed to '${m.renamedTo}': run 'git worktree repair ${quoteArg(m.renamedTo)}'`));
  }
  if (m.stagedOnlyCopy === void 0) {
    out.push(reason2("unknown", `folder '${path}' is gone and its index could not be compared with its HEAD`));
  } else if (m.stagedOnlyCopy) {
    out.push(reason2("staged-only-copy", "folder is gone but its index holds staged changes found nowhere else: run 'git worktree repair <path>' after putting the folder back"));
  }
  return out;
}
function quoteArg(path) {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
function refusalReasons(r) {
  const out = [];
  if (r === void 0) return out;
  if (r.pointsBack === void 0) {
    out.push(reason2("unknown", "its .git file could not be checked"));
  } else if (!r.pointsBack) {
    out.push(reason2("unreadable-git", "its .git file does not name an admin folder that names it back (git would refuse)"));
  }
  if (r.gitlinks === void 0) {
    out.push(reason2("unknown", "its index could not be checked for gitlinks"));
  } else if (r.gitlinks.length > 0) {
    const shown = r.gitlinks.slice(0, 3).map((g) => `'${g}'`).join(", ");
    out.push(reason2("submodules", `its index holds submodule entries (gitlinks): ${shown}${r.gitlinks.length > 3 ? ` and ${r.gitlinks.length - 3} more` : ""}`));
  }
  return out;
}
function planWorktree(c, nested, nowMs, minAgeMs) {
  const decision = classifyWorktree(c.facts);
  const reasons = [
    ...decision.reasons
  ];
  const planned = {
    facts: c.facts,
    action: "keep",
    reasons,
    notes: [
      ...decision.notes
    ],
    lastActivityMs: c.lastActivityMs
  };
  if (decision.action === "admin-prune") {
    for (const r of missingReasons(c.facts.path, c.missing ?? {
      worktreesDirMissing: false,
      stagedOnlyCopy: void 0
    })) addOnce(reasons, r);
    planned.action = reasons.length === 0 ? "admin-prune" : "keep";
    return planned;
  }
  if (!c.facts.missing) {
    if (nested.length > 0 && !reasons.some((r) => r.code === "nested-worktree")) {
      addOnce(reasons, reason2("nested-worktree", `another registered worktree lives inside it: ${nested.slice(0, 3).map((n) => `'${n}'`).join(", ")}`));
    }
    if (minAgeMs > 0) {
      if (c.lastActivityMs === void 0) {
        addOnce(reasons, reason2("unknown", "its last activity could not be read"));
      } else if (nowMs - c.lastActivityMs < minAgeMs) {
        addOnce(reasons, reason2("recently-active", `active ${describeAge(nowMs - c.lastActivityMs)} ago (younger than --min-age)`));
      }
    }
  }
  if (decision.action === "remove") {
    if (c.refusal === void 0 && reasons.length === 0) {
      addOnce(reasons, reason2("unknown", "what git would refuse on was not checked"));
    }
    for (const r of refusalReasons(c.refusal)) addOnce(reasons, r);
  }
  planned.action = decision.action === "remove" && reasons.length === 0 ? "remove" : "keep";
  return planned;
}
function planOrphan(facts) {
  const decision = classifyOrphan(facts);
  const sweepable = facts.kind === "plain" || facts.kind === "clone";
  const reasons = [
    ...decision.reasons
  ];
  if (decision.action === "sweep" && !sweepable) {
    reasons.push(reason2("unknown", `unexpected kind '${facts.kind}'`));
  }
  return {
    facts,
    action: reasons.length === 0 ? "sweep" : "keep",
    reasons
  };
}
function worktreesInside(path, registered) {
  return registered.filter((p) => p !== path && isStrictlyInside(path, p));
}
function planCleanup(input) {
  const held = input.heldBack ?? /* @__PURE__ */ new Map();
  const hold = (path, planned) => {
    const why = held.get(path);
    if (!why) return planned;
    for (const r of why) addOnce(planned.reasons, r);
    return {
      ...planned,
      action: "keep"
    };
  };
  return {
    worktrees: input.worktrees.map((c) => hold(c.facts.path, planWorktree(c, worktreesInside(c.facts.path, input.registeredPaths), input.nowMs, input.minAgeMs))),
    orphans: input.orphans.map((f) => hold(f.path, planOrphan(f)))
  };
}
var init_plan = __esm({
  "lib/decide/plan.ts"() {
    init_classify();
    init_containment();
  }
});

// lib/gather/journal.ts
import { readFile as readFile14 } from "node:fs/promises";
import { join as join22 } from "node:path";
function journalPath(commonDir) {
  return join22(commonDir, JOURNAL_DIR, JOURNAL_NAME);
}
async function readJournal(commonDir) {
  const text3 = await readFile14(journalPath(commonDir), "utf8").catch(() => "");
  const out = [];
  for (const line of text3.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const entry = JSON.parse(line);
      if (typeof entry.path === "string" && typeof entry.time === "string" && typeof entry.rescue_prefix === "string") {
        out.push({
          ...entry,
          refs: entry.refs ?? {},
          facts: entry.facts ?? {}
        });
      }
    } catch {
    }
  }
  return out;
}
var JOURNAL_NAME, JOURNAL_DIR;
var init_journal = __esm({
  "lib/gather/journal.ts"() {
    JOURNAL_NAME = "journal.jsonl";
    JOURNAL_DIR = "mpm-session";
  }
});

// lib/act/state.ts
import { mkdir as mkdir2, readFile as readFile15 } from "node:fs/promises";
import { join as join23 } from "node:path";
function stateDir(commonDir) {
  return join23(commonDir, STATE_DIR_NAME);
}
async function ensureStateDir(commonDir) {
  const dir = stateDir(commonDir);
  await mkdir2(dir, {
    recursive: true
  });
  const version = await readFile15(join23(dir, "version"), "utf8").catch(() => "");
  if (version.trim() !== String(STATE_VERSION)) {
    await writeFileAtomic(join23(dir, "version"), `${STATE_VERSION}
`).catch(() => {
    });
  }
  return dir;
}
var STATE_DIR_NAME, STATE_VERSION;
var init_state = __esm({
  "lib/act/state.ts"() {
    init_write();
    STATE_DIR_NAME = "mpm-session";
    STATE_VERSION = 1;
  }
});

// lib/act/rescue.ts
import { appendFile, readdir as readdir10, readFile as readFile16 } from "node:fs/promises";
import { basename as basename2, dirname as dirname4, join as join24 } from "node:path";
function rescueName(path) {
  const name = basename2(path).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/\.{2,}/g, "-").replace(/^[.-]+|[.]+$/g, "").replace(/\.lock$/, "-lock");
  return name === "" ? "worktree" : name.slice(0, 100);
}
function rescuePrefix(name, nowMs) {
  const unique = Math.random().toString(36).slice(2, 8);
  return `${RESCUE_REF_ROOT}/${name}/${Math.floor(nowMs / 1e3)}-${unique}`;
}
function parseRefs(stdout) {
  const out = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) out.set(line.slice(space + 1), line.slice(0, space));
  }
  return out;
}
async function rescueWorktree(mainRoot, worktreePath, adminDir, branch, prefix, commonDir) {
  const env = {
    GIT_DIR: adminDir,
    GIT_WORK_TREE: worktreePath,
    GIT_CEILING_DIRECTORIES: dirname4(worktreePath)
  };
  const [files, own] = await Promise.all([
    commonDir === void 0 ? Promise.resolve(void 0) : readHeadFiles(adminDir, commonDir),
    perWorktreeRefs(adminDir)
  ]);
  const sha = files?.sha ?? await headCommit(worktreePath, env);
  const refs = {};
  if (sha) {
    refs[`${prefix}/HEAD`] = sha;
    if (branch) refs[`${prefix}/refs/heads/${branch}`] = sha;
  }
  for (const [ref, target] of own) {
    refs[`${prefix}/${ref}`] = target;
  }
  await writeRefs(mainRoot, refs);
  return {
    prefix,
    refs,
    head: sha
  };
}
async function headCommit(worktreePath, env) {
  const head = await runGit([
    "rev-parse",
    "-q",
    "--verify",
    "HEAD^{commit}"
  ], {
    cwd: worktreePath,
    env
  });
  return head.code === 0 ? head.stdout.trim() : null;
}
async function perWorktreeRefs(adminDir) {
  const out = /* @__PURE__ */ new Map();
  const walk = async (dir, ref, depth) => {
    if (depth > 20) throw new Error(`refs nested too deep under '${dir}'`);
    let entries;
    try {
      entries = await readdir10(dir, {
        withFileTypes: true
      });
    } catch (error) {
      if (error.code === "ENOENT") return;
      throw error;
    }
    for (const e of entries) {
      const path = join24(dir, e.name);
      if (e.isDirectory()) await walk(path, `${ref}/${e.name}`, depth + 1);
      else if (e.isFile()) {
        const text3 = (await readFile16(path, "utf8")).trim();
        if (/^[0-9a-f]{40,64}$/.test(text3)) out.set(`${ref}/${e.name}`, text3);
      }
    }
  };
  await walk(join24(adminDir, "refs", "worktree"), "refs/worktree", 0);
  await walk(join24(adminDir, "refs", "bisect"), "refs/bisect", 0);
  return out;
}
async function writeRefs(mainRoot, refs) {
  const lines = Object.entries(refs).map(([ref, sha]) => `update ${ref} ${sha}
`);
  if (lines.length === 0) return;
  const result = await runGit([
    "update-ref",
    "--stdin"
  ], {
    cwd: mainRoot,
    readOnly: false,
    stdin: lines.join("")
  });
  if (result.code !== 0) {
    throw new Error(`cannot write rescue refs: ${describeGitFailure(result)}`);
  }
}
async function rescueClone(mainRoot, clonePath, prefix) {
  const env = {
    GIT_DIR: `${clonePath}/.git`,
    GIT_CEILING_DIRECTORIES: dirname4(clonePath)
  };
  const head = await runGit([
    "rev-parse",
    "-q",
    "--verify",
    "HEAD^{commit}"
  ], {
    cwd: clonePath,
    env
  });
  const sha = head.code === 0 ? head.stdout.trim() : null;
  const specs = [
    `+refs/*:${prefix}/refs/*`
  ];
  if (sha) specs.push(`+HEAD:${prefix}/HEAD`);
  const fetched = await runGit([
    "-c",
    "gc.auto=0",
    "-c",
    "fetch.writeCommitGraph=false",
    "fetch",
    "--quiet",
    "--no-tags",
    "--no-write-fetch-head",
    "--no-recurse-submodules",
    `${clonePath}/.git`,
    ...specs
  ], {
    cwd: mainRoot,
    readOnly: false
  });
  if (fetched.code !== 0) {
    throw new Error(`cannot fetch it into rescue refs: ${describeGitFailure(fetched)}`);
  }
  const listed = await runGit([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    `${prefix}/`
  ], {
    cwd: mainRoot
  });
  return {
    prefix,
    refs: Object.fromEntries(parseRefs(listed.stdout)),
    head: sha
  };
}
async function appendJournal(commonDir, entry) {
  await ensureStateDir(commonDir);
  await appendFile(journalPath(commonDir), JSON.stringify(entry) + "\n");
  const stamp = stampOf(entry.rescue_prefix.slice(RESCUE_REF_ROOT.length + 1));
  if (stamp !== void 0) await noteRescue(commonDir, stamp);
}
async function readExpiryNote(commonDir) {
  try {
    const note = JSON.parse(await readFile16(join24(stateDir(commonDir), EXPIRY_FILE), "utf8"));
    const valid = typeof note?.checked === "number" && (note.oldest === null || typeof note.oldest === "number");
    return valid ? note : void 0;
  } catch {
    return void 0;
  }
}
async function writeExpiryNote(commonDir, note) {
  await ensureStateDir(commonDir);
  await writeFileAtomic(join24(stateDir(commonDir), EXPIRY_FILE), JSON.stringify(note) + "\n");
}
async function noteRescue(commonDir, stamp) {
  const note = await readExpiryNote(commonDir);
  if (!note || note.oldest !== null && note.oldest <= stamp) return;
  await writeExpiryNote(commonDir, {
    ...note,
    oldest: stamp
  }).catch(() => {
  });
}
function stampOf(underRoot) {
  const segment = underRoot.split("/")[1] ?? "";
  return /^\d+(-|$)/.test(segment) ? parseInt(segment, 10) : void 0;
}
async function expireRescueRefs(mainRoot, days, nowMs = Date.now(), commonDir) {
  const now = nowMs / 1e3;
  const cutoff = now - days * DAY_SECONDS;
  const note = commonDir === void 0 ? void 0 : await readExpiryNote(commonDir);
  if (note && note.checked > now - DAY_SECONDS && note.checked <= now && (note.oldest === null || note.oldest >= cutoff)) return 0;
  const listed = await runGit([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    `${RESCUE_REF_ROOT}/`
  ], {
    cwd: mainRoot
  });
  if (listed.code !== 0) return 0;
  const expired = [];
  let oldest = null;
  for (const [ref] of parseRefs(listed.stdout)) {
    const stamp = stampOf(ref.slice(RESCUE_REF_ROOT.length + 1));
    if (stamp === void 0) continue;
    if (stamp < cutoff) expired.push(ref);
    else if (oldest === null || stamp < oldest) oldest = stamp;
  }
  let deleted = 0;
  if (expired.length > 0) {
    const result = await runGit([
      "update-ref",
      "--stdin"
    ], {
      cwd: mainRoot,
      readOnly: false,
      stdin: expired.map((r) => `delete ${r}
`).join("")
    });
    if (result.code !== 0) return 0;
    deleted = expired.length;
  }
  if (commonDir !== void 0) {
    await writeExpiryNote(commonDir, {
      oldest,
      checked: Math.floor(now)
    }).catch(() => {
    });
  }
  return deleted;
}
var RESCUE_REF_ROOT, DEFAULT_RESCUE_DAYS, EXPIRY_FILE, DAY_SECONDS;
var init_rescue = __esm({
  "lib/act/rescue.ts"() {
    init_git();
    init_head_file();
    init_journal();
    init_state();
    init_write();
    RESCUE_REF_ROOT = "refs/mpm-session/rescue";
    DEFAULT_RESCUE_DAYS = 30;
    EXPIRY_FILE = "rescue-expiry.json";
    DAY_SECONDS = 86400;
  }
});

// lib/act/trash_manifest.ts
import { appendFile as appendFile2, readFile as readFile17, rm } from "node:fs/promises";
import { join as join25 } from "node:path";
function manifestPath(commonDir) {
  return join25(stateDir(commonDir), TRASH_MANIFEST_NAME);
}
async function recordTrashEntry(commonDir, name, ino, from) {
  await ensureStateDir(commonDir);
  const line = {
    v: 1,
    name,
    ino,
    from,
    at: (/* @__PURE__ */ new Date()).toISOString()
  };
  await appendFile2(manifestPath(commonDir), JSON.stringify(line) + "\n");
}
function trashKey(name, ino) {
  return `${ino}\0${name}`;
}
async function readTrashManifest(commonDir) {
  const text3 = await readFile17(manifestPath(commonDir), "utf8").catch(() => "");
  const out = /* @__PURE__ */ new Set();
  for (const line of text3.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const r = JSON.parse(line);
      if (typeof r.name === "string" && typeof r.ino === "number") {
        out.add(trashKey(r.name, r.ino));
      }
    } catch {
    }
  }
  return out;
}
async function clearTrashManifest(commonDir) {
  await rm(manifestPath(commonDir), {
    force: true
  }).catch(() => {
  });
}
var TRASH_MANIFEST_NAME;
var init_trash_manifest = __esm({
  "lib/act/trash_manifest.ts"() {
    init_state();
    TRASH_MANIFEST_NAME = "trash.jsonl";
  }
});

// lib/act/lock.ts
import { hostname } from "node:os";
import { lstat as lstat8, readFile as readFile18, rename as rename2, unlink as unlink4 } from "node:fs/promises";
import { join as join26 } from "node:path";
import process12 from "node:process";
async function cleanupLockPresent(commonDir) {
  const present = (name) => lstat8(join26(commonDir, name)).then(() => true, () => false);
  const [current, legacy] = await Promise.all([
    present(PRUNE_LOCK_NAME),
    present(LEGACY_PRUNE_LOCK_NAME)
  ]);
  return current || legacy;
}
function hostName() {
  try {
    return hostname();
  } catch {
    return process12.env.HOSTNAME || "unknown";
  }
}
async function readOwner(path) {
  try {
    const value = JSON.parse(await readFile18(path, "utf8"));
    return typeof value?.pid === "number" ? value : void 0;
  } catch {
    return void 0;
  }
}
async function acquirePruneLock(commonDir, waitMs = 3e3) {
  const path = join26(commonDir, PRUNE_LOCK_NAME);
  const me = {
    version: 1,
    pid: process12.pid,
    host: hostName(),
    started: (/* @__PURE__ */ new Date()).toISOString()
  };
  const deadline = Date.now() + waitMs;
  let warning;
  let firstTry = true;
  for (; ; firstTry = false) {
    let created;
    const legacy = await readOwner(join26(commonDir, LEGACY_PRUNE_LOCK_NAME));
    if (legacy && legacy.host === me.host && legacy.pid !== me.pid && isProcessAlive(legacy.pid)) {
      if (Date.now() >= deadline) return {
        busyPid: legacy.pid
      };
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      await ensureStateDir(commonDir);
      created = await createFileExclusive(path, JSON.stringify(me) + "\n");
    } catch (error) {
      throw new UserError(`Cannot take the cleanup lock '${path}': ${error.message}: check that the git directory is writable`);
    }
    if (created) {
      let released = false;
      return {
        warning,
        firstTry,
        release: async () => {
          if (released) return;
          released = true;
          const owner2 = await readOwner(path);
          if (owner2?.pid === me.pid && owner2.started === me.started) {
            await unlink4(path).catch(() => {
            });
          }
        }
      };
    }
    const owner = await readOwner(path);
    const stale = owner !== void 0 && owner.host === me.host && !isProcessAlive(owner.pid);
    if (stale) {
      const aside = `${path}.stale-${process12.pid}-${Date.now()}`;
      try {
        await rename2(path, aside);
        const movedOwner = await readOwner(aside);
        await unlink4(aside).catch(() => {
        });
        if (movedOwner?.pid === owner.pid) {
          warning = `Took over a stale cleanup lock left by process ${owner.pid}, which no longer runs`;
        }
      } catch {
      }
      continue;
    }
    if (Date.now() >= deadline) return {
      busyPid: owner?.pid
    };
    await new Promise((r) => setTimeout(r, 100));
  }
}
var PRUNE_LOCK_NAME, LEGACY_PRUNE_LOCK_NAME;
var init_lock = __esm({
  "lib/act/lock.ts"() {
    init_processes();
    init_write();
    init_errors();
    init_state();
    PRUNE_LOCK_NAME = `${STATE_DIR_NAME}/prune.lock`;
    LEGACY_PRUNE_LOCK_NAME = "mpm-session-prune.lock";
  }
});

// lib/act/remove.ts
import { lstat as lstat9, mkdir as mkdir3, readdir as readdir11, readFile as readFile19, realpath as realpath8, rename as rename3, rm as rm2, rmdir as rmdir2, unlink as unlink5, writeFile } from "node:fs/promises";
import { basename as basename3, dirname as dirname5, join as join27 } from "node:path";
function failed(code, reason3) {
  return {
    ok: false,
    code,
    reason: reason3
  };
}
function refusalMessage(result) {
  return describeGitFailure(result).replace(/[,;]?\s*use (--force|'?(remove|move) -f -f'?)[^,;]*/gi, "").replace(/\s+$/, "");
}
function gitRefused(result) {
  return failed("git-refused", `git refused: ${refusalMessage(result)}`);
}
async function checkContained(path, root, dev) {
  let info;
  try {
    info = await lstat9(path);
  } catch (error) {
    return `cannot read it: ${error.message}`;
  }
  if (info.isSymbolicLink()) return "it became a symlink";
  if (!info.isDirectory()) return "it is not a directory";
  if (info.dev !== dev) return "it is on another file system";
  let real2;
  try {
    real2 = await realpath8(path);
  } catch (error) {
    return `cannot resolve it: ${error.message}`;
  }
  return isStrictlyInside(root, real2) ? void 0 : `it resolves outside '${root}'`;
}
function trashDir(ctx) {
  return join27(ctx.worktreesDirReal, TRASH_NAME);
}
async function ensureTrash(ctx) {
  const dir = trashDir(ctx);
  await mkdir3(dir, {
    recursive: true
  });
  const problem = await checkContained(dir, ctx.worktreesDirReal, ctx.worktreesDev);
  if (problem) throw new Error(`trash folder '${dir}' is unsafe: ${problem}`);
  return dir;
}
async function trashSlotFor(ctx, path, kind) {
  const problem = await checkContained(path, ctx.worktreesDirReal, ctx.worktreesDev);
  if (problem) {
    return {
      ok: false,
      code: "containment",
      reason: `containment check failed: ${problem}`
    };
  }
  let trash;
  try {
    trash = await ensureTrash(ctx);
  } catch (error) {
    return {
      ok: false,
      code: "unsafe-trash",
      reason: error.message
    };
  }
  const name = trashNameFor(path, kind);
  try {
    const ino = (await lstat9(path)).ino;
    await recordTrashEntry(ctx.commonDir, name, ino, path);
  } catch (error) {
    return {
      ok: false,
      code: "move-failed",
      reason: `cannot record it in the trash manifest: ${error.message}`
    };
  }
  return {
    ok: true,
    trash,
    trashPath: join27(trash, name)
  };
}
function trashNameFor(path, kind) {
  return `${basename3(path)}~${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${kind}`;
}
function trashKind(trashEntry) {
  const match = /~[0-9a-z]+\.(worktree|orphan)$/.exec(trashEntry);
  return match ? match[1] : void 0;
}
function originalName(trashEntry) {
  const tilde = trashEntry.lastIndexOf("~");
  return tilde > 0 ? trashEntry.slice(0, tilde) : trashEntry;
}
function worktreeGit(ctx) {
  return async (args, cwd = ctx.mainRoot) => {
    const result = await runGit(args, {
      cwd,
      readOnly: false
    });
    return result.code !== 0 && /Invalid path/.test(result.stderr) ? await runGit(args, {
      cwd,
      readOnly: false
    }) : result;
  };
}
function exists3(path) {
  return lstat9(path).then(() => true, () => false);
}
function recordedGitdir2(adminDir) {
  return readFile19(join27(adminDir, "gitdir"), "utf8").then((text3) => text3.replace(/\r?\n$/, ""), () => "");
}
async function removeRegisteredWorktree(ctx, path, checks = {}) {
  const slot = await trashSlotFor(ctx, path, "worktree");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  const git = worktreeGit(ctx);
  const moved = await git([
    "worktree",
    "move",
    path,
    trashPath
  ]);
  if (moved.code !== 0 && !await movedAnyway(path, trashPath, git)) {
    return gitRefused(moved);
  }
  await ctx.onMovedToTrash?.(trashPath);
  let kept;
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) {
    kept = {
      code: "containment",
      reason: `containment check failed: ${after}`
    };
  }
  if (!kept && checks.recheck) {
    const r = await checks.recheck(trashPath);
    if (r) kept = {
      code: r.code,
      reason: r.message
    };
  }
  if (!kept && checks.beforeDelete) {
    const r = await checks.beforeDelete(trashPath);
    if (r) kept = {
      code: r.code,
      reason: r.message
    };
  }
  if (!kept) await dropToolSessionFiles(trashPath);
  const removed = kept ? void 0 : await git([
    "worktree",
    "remove",
    trashPath
  ]);
  if (removed?.code === 0) return {
    ok: true
  };
  if (!kept && await finishWorktreeRemoval(trashPath, ctx, git)) {
    return {
      ok: true
    };
  }
  const why = kept ?? {
    code: "git-refused",
    reason: `git refused: ${refusalMessage(removed)}`
  };
  const back = await git([
    "worktree",
    "move",
    trashPath,
    path
  ]);
  if (back.code === 0) return failed(why.code, why.reason);
  try {
    await rename3(trashPath, path);
    return failed(why.code, `${why.reason}; what is left was put back`);
  } catch {
    return failed(why.code, `${why.reason}; it was left at '${trashPath}' (${describeGitFailure(back)})`);
  }
}
async function dropToolSessionFiles(trashPath) {
  const top = join27(trashPath, ".claude-mpm");
  const info = await lstat9(top).catch(() => void 0);
  if (!info?.isDirectory()) return;
  const adminDir = await readGitFile(join27(trashPath, ".git"));
  if (!adminDir) return;
  const tracked = await runGit([
    "ls-files",
    "-z",
    "--",
    ".claude-mpm"
  ], {
    cwd: trashPath,
    env: isolatedEnv(adminDir, trashPath)
  });
  if (tracked.code !== 0) return;
  const keep = new Set(splitNul(tracked.stdout));
  for (const dir of [
    ".claude-mpm/sessions",
    ".claude-mpm"
  ]) {
    const entries = await readdir11(join27(trashPath, dir), {
      withFileTypes: true
    }).catch(() => []);
    for (const entry of entries) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isFile() && isToolSessionFile(rel) && !keep.has(rel)) {
        await unlink5(join27(trashPath, rel)).catch(() => {
        });
      }
    }
    await rmdir2(join27(trashPath, dir)).catch(() => {
    });
  }
}
async function movedAnyway(path, trashPath, git) {
  if (await exists3(path) || !await exists3(trashPath)) return false;
  if ((await git([
    "worktree",
    "repair",
    trashPath
  ])).code === 0) return true;
  await rename3(trashPath, path).catch(() => {
  });
  return false;
}
async function removeMissingWorktree(ctx, path) {
  const result = await runGit([
    "worktree",
    "remove",
    path
  ], {
    cwd: ctx.mainRoot,
    readOnly: false
  });
  return result.code === 0 ? {
    ok: true
  } : gitRefused(result);
}
async function sweepOrphan(ctx, path, kind, checks = {}) {
  const slot = await trashSlotFor(ctx, path, "orphan");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  try {
    await rename3(path, trashPath);
  } catch (error) {
    const code = errnoCode(error);
    return failed(code === "EEXIST" || code === "ENOTEMPTY" ? "name-taken" : "move-failed", `cannot move it into the trash: ${error.message}`);
  }
  await ctx.onMovedToTrash?.(trashPath);
  const restore2 = async (code, why) => {
    try {
      await rename3(trashPath, path);
      return failed(code, why);
    } catch {
      return failed(code, `${why}; it was left at '${trashPath}'`);
    }
  };
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) {
    return await restore2("containment", `containment check failed: ${after}`);
  }
  if (kind === "plain") {
    try {
      await rmdir2(trashPath);
      return {
        ok: true
      };
    } catch (error) {
      const code = errnoCode(error);
      return code === "ENOTEMPTY" || code === "EEXIST" ? await restore2("changed-during-cleanup", "content appeared during cleanup") : await restore2("move-failed", `cannot remove it: ${error.message}`);
    }
  }
  for (const check of [
    checks.recheck,
    checks.beforeDelete
  ]) {
    const problem = check ? await check(trashPath) : void 0;
    if (problem) return await restore2(problem.code, problem.message);
  }
  try {
    await rm2(trashPath, {
      recursive: true
    });
    return {
      ok: true
    };
  } catch (error) {
    return failed("move-failed", `removal failed part way: ${error.message}; the rest is in '${trashPath}' and the next run finishes it`);
  }
}
async function freeHome(dir, name) {
  for (let i = 1; i <= 100; i++) {
    const candidate = join27(dir, i === 1 ? name : `${name}-${i}`);
    if (!await exists3(candidate)) return candidate;
  }
  return join27(dir, `${name}-${Date.now().toString(36)}`);
}
function backNote(entry, home, reasons) {
  const why = reasons.map((r) => r.message).join("; ");
  return `moved '${basename3(entry)}' back from the trash to '${home}'${why ? `: ${why}` : ""}`;
}
async function recoverTrash(ctx, registeredInTrash, checks = {}) {
  const dir = trashDir(ctx);
  const result = {
    emptied: [],
    restored: [],
    remaining: [],
    notes: [],
    movedBack: /* @__PURE__ */ new Map()
  };
  const git = worktreeGit(ctx);
  for (const path of registeredInTrash) {
    if (await exists3(path)) continue;
    const cleaned = await git([
      "worktree",
      "remove",
      path
    ]);
    (cleaned.code === 0 ? result.emptied : result.remaining).push(path);
  }
  let names;
  try {
    names = await readdir11(dir);
  } catch {
    return result;
  }
  const trashProblem = await checkContained(dir, ctx.worktreesDirReal, ctx.worktreesDev);
  if (trashProblem) {
    result.remaining = names.map((n) => join27(dir, n));
    result.notes.push(`trash folder '${dir}' is unsafe (${trashProblem}): nothing in it was touched`);
    return result;
  }
  const manifest = await readTrashManifest(ctx.commonDir);
  const unproven = () => ({
    code: "not-put-in-trash-by-tool",
    message: "the trash manifest does not show this tool put it there"
  });
  for (const name of names) {
    const entry = join27(dir, name);
    let info;
    try {
      info = await lstat9(entry);
    } catch {
      result.remaining.push(entry);
      continue;
    }
    const proven = manifest.has(trashKey(name, info.ino));
    const registered = registeredInTrash.has(entry) || trashKind(name) === "worktree" && await registrationLost(entry, ctx.commonDir) && (await git([
      "worktree",
      "repair",
      entry
    ])).code === 0;
    if (registered) {
      await makeWhole(entry, ctx);
      const reasons2 = proven ? [] : [
        unproven()
      ];
      if (checks.judge) reasons2.push(...await checks.judge(entry, "worktree"));
      if (reasons2.length === 0 && checks.beforeDelete) {
        const r = await checks.beforeDelete(entry, "worktree");
        if (r) reasons2.push(r);
      }
      if (reasons2.length === 0) {
        const removed = await git([
          "worktree",
          "remove",
          entry
        ]);
        if (removed.code === 0) {
          result.emptied.push(entry);
          continue;
        }
        reasons2.push({
          code: "git-refused",
          message: `git refused: ${refusalMessage(removed)}`
        });
      }
      const home2 = await freeHome(ctx.worktreesDirReal, originalName(name));
      const back = await git([
        "worktree",
        "move",
        entry,
        home2
      ]);
      if (back.code === 0) {
        result.restored.push(entry);
        result.notes.push(backNote(entry, home2, reasons2));
        result.movedBack.set(home2, reasons2);
      } else result.remaining.push(entry);
      continue;
    }
    const folder = info.isDirectory() && !info.isSymbolicLink();
    if (folder) {
      try {
        await rmdir2(entry);
        result.emptied.push(entry);
        continue;
      } catch {
      }
    }
    const reasons = proven ? [] : [
      unproven()
    ];
    if (folder && trashKind(name) === "orphan") {
      if (checks.judge) reasons.push(...await checks.judge(entry, "orphan"));
      if (reasons.length === 0 && checks.beforeDelete) {
        const r = await checks.beforeDelete(entry, "orphan");
        if (r) reasons.push(r);
      }
      if (reasons.length === 0) {
        try {
          await rm2(entry, {
            recursive: true
          });
          result.emptied.push(entry);
        } catch {
          result.remaining.push(entry);
        }
        continue;
      }
    }
    const home = await freeHome(ctx.worktreesDirReal, originalName(name));
    try {
      await rename3(entry, home);
      result.restored.push(entry);
      result.notes.push(backNote(entry, home, reasons));
      result.movedBack.set(home, reasons);
    } catch {
      result.remaining.push(entry);
    }
  }
  if (result.remaining.length === 0) await rmdir2(dir).catch(() => {
  });
  return result;
}
async function registrationLost(entry, commonDir) {
  const adminDir = await readGitFile(join27(entry, ".git"));
  if (!adminDir) return false;
  const [adminReal, adminRoot] = await Promise.all([
    realpath8(adminDir).catch(() => void 0),
    realpath8(join27(commonDir, "worktrees")).catch(() => void 0)
  ]);
  if (!adminReal || !adminRoot || !isStrictlyInside(adminRoot, adminReal)) {
    return false;
  }
  const recorded = await recordedGitdir2(adminReal);
  if (recorded === join27(entry, ".git")) return false;
  if (recorded === "") return true;
  return !await exists3(dirname5(recorded));
}
async function finishWorktreeRemoval(entry, ctx, git) {
  if ((await git([
    "worktree",
    "remove",
    entry
  ])).code === 0) return true;
  if (!await makeWhole(entry, ctx)) return false;
  return (await git([
    "worktree",
    "remove",
    entry
  ])).code === 0;
}
async function makeWhole(entry, ctx) {
  let restoredGitFile = false;
  let adminDir = await readGitFile(join27(entry, ".git"));
  if (!adminDir) {
    adminDir = await restoreGitFile(entry, ctx.commonDir);
    if (!adminDir) return false;
    restoredGitFile = true;
  }
  const env = isolatedEnv(adminDir, entry);
  const status = await runGit(statusArgs({
    renames: false
  }), {
    cwd: entry,
    env
  });
  if (statusFailure(status)) return restoredGitFile;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout);
  } catch {
    return restoredGitFile;
  }
  const onlyDeleted = parsed.staged.length === 0 && parsed.untracked.length === 0 && parsed.conflicted.length === 0 && parsed.modified.length > 0 && parsed.modified.every((e) => e.worktree === "D");
  if (!onlyDeleted) return restoredGitFile;
  const restored = await runGit([
    "checkout",
    "--",
    "."
  ], {
    cwd: entry,
    env,
    readOnly: false
  });
  return restored.code === 0 || restoredGitFile;
}
async function restoreGitFile(entry, commonDir) {
  const adminRoot = join27(commonDir, "worktrees");
  const dotGit = join27(entry, ".git");
  for (const id of await readdir11(adminRoot).catch(() => [])) {
    const adminDir = join27(adminRoot, id);
    if (await recordedGitdir2(adminDir) !== dotGit) continue;
    try {
      await writeFile(dotGit, `gitdir: ${adminDir}
`, {
        flag: "wx"
      });
      return adminDir;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
async function removeEmptyTrash(ctx) {
  await rmdir2(trashDir(ctx)).catch(() => {
  });
}
var init_remove = __esm({
  "lib/act/remove.ts"() {
    init_containment();
    init_tool_files();
    init_git();
    init_status_parse();
    init_worktree_facts();
    init_write();
    init_trash_manifest();
  }
});

// lib/commands/prune.ts
var prune_exports = {};
__export(prune_exports, {
  WORKTREES_DIR: () => WORKTREES_DIR,
  emptySummary: () => emptySummary,
  prune: () => prune
});
import { lstat as lstat10, mkdtemp as mkdtemp2, readdir as readdir12, readFile as readFile20, realpath as realpath9, rmdir as rmdir3 } from "node:fs/promises";
import { realpathSync as realpathSync2 } from "node:fs";
import { availableParallelism as availableParallelism2 } from "node:os";
import { basename as basename4, join as join28, relative as relative6, resolve as resolve10 } from "node:path";
function emptySummary(dryRun) {
  return {
    pruned_count: 0,
    preserved_count: 0,
    admin_pruned: 0,
    worktrees: [],
    orphans_swept: 0,
    orphans_preserved: 0,
    orphans: [],
    orphan_sweep_skipped: null,
    dry_run: dryRun,
    default_branch: null,
    bytes_reclaimed: 0,
    skipped: null,
    trash: {
      emptied: [],
      restored: [],
      remaining: []
    },
    notes: []
  };
}
function finish(summary) {
  summary.pruned_count = summary.worktrees.filter((w) => w.action === "pruned" || w.action === "would-prune").length;
  summary.preserved_count = summary.worktrees.filter((w) => w.action === "preserved").length;
  summary.admin_pruned = summary.worktrees.filter((w) => w.action === "admin-pruned").length;
  summary.orphans_swept = summary.orphans.filter((o) => o.action !== "preserved").length;
  summary.orphans_preserved = summary.orphans.filter((o) => o.action === "preserved").length;
  summary.bytes_reclaimed = [
    ...summary.worktrees,
    ...summary.orphans
  ].reduce((n, x) => n + (x.action === "preserved" ? 0 : x.bytes_reclaimed), 0);
  return summary;
}
async function lstatOrUndefined(path) {
  try {
    return await lstat10(path);
  } catch {
    return void 0;
  }
}
async function prune(options = {}) {
  const dryRun = options.dryRun ?? false;
  const summary = emptySummary(dryRun);
  const project = await locateProject(options.projectPath);
  if (project.gitMissing) {
    throw new UserError("Cannot prune worktrees: 'git' was not found on PATH: install git or add it to PATH");
  }
  if (!project.repo) {
    throw new UserError(`Cannot prune worktrees in '${project.workingDirectory}': not inside a git repository`);
  }
  const repo = project.repo;
  const lockBeforeList = !dryRun && await cleanupLockPresent(repo.commonDir);
  const [listed, coreWorktree] = await Promise.all([
    listWorktrees(repo.topLevel),
    readCoreWorktree(repo.commonDir)
  ]);
  if (typeof listed === "string") return listFailed(summary, listed);
  let records = listed;
  const main2 = records[0];
  if (!main2 || main2.bare) {
    summary.skipped = "the repository has no main worktree (it is bare)";
    return finish(summary);
  }
  const readRefs = (record) => gatherRefFacts(repo.topLevel, record.branchRef?.replace(/^refs\/heads\//, "")).catch((error) => error);
  let refs = readRefs(main2);
  const early = {
    config: sharedHiddenConfig(repo.topLevel).catch(() => void 0),
    // Read by dry runs too; only a real run writes them.
    witnesses: loadWitnesses(stateDir(repo.commonDir))
  };
  const stop = async () => {
    await Promise.allSettled([
      refs,
      early.config,
      early.witnesses
    ]);
    return finish(summary);
  };
  const found = await findMainWorktree(main2.path, repo.topLevel, repo.commonDir, coreWorktree);
  if ("problem" in found) {
    summary.skipped = found.problem;
    summary.orphan_sweep_skipped = found.problem;
    return await stop();
  }
  const mainRoot = found.root;
  main2.path = mainRoot;
  const worktreesDir = join28(mainRoot, WORKTREES_DIR);
  const dirInfo = await lstatOrUndefined(worktreesDir);
  const claudeInfo = await lstatOrUndefined(join28(mainRoot, ".claude"));
  if (claudeInfo?.isSymbolicLink() || dirInfo?.isSymbolicLink()) {
    summary.skipped = "'.claude' or '.claude/worktrees' is a symlink: it is never followed, so nothing was cleaned";
    return await stop();
  }
  const ourMissing = records.slice(1).filter((r) => isStrictlyInside(worktreesDir, resolve10(r.path)));
  if (!dirInfo || !dirInfo.isDirectory()) {
    if (ourMissing.length === 0) return await stop();
  }
  const lock = dryRun ? void 0 : await acquirePruneLock(repo.commonDir, options.lockWaitMs);
  if (lock && "busyPid" in lock) {
    summary.skipped = `another cleanup is already running${lock.busyPid ? ` (pid ${lock.busyPid})` : ""}: try again when it finishes, or delete '${join28(repo.commonDir, PRUNE_LOCK_NAME)}' if no cleanup is running`;
    return await stop();
  }
  if (lock?.warning) summary.notes.push(lock.warning);
  const expiring = lock ? expireRescueRefs(mainRoot, options.rescueDays ?? DEFAULT_RESCUE_DAYS, Date.now(), repo.commonDir).catch(() => 0) : Promise.resolve(0);
  try {
    if (lock && (lockBeforeList || !lock.firstTry)) {
      const fresh = await listWorktrees(repo.topLevel);
      if (typeof fresh === "string") return listFailed(summary, fresh);
      fresh[0].path = mainRoot;
      if (fresh[0].branchRef !== main2.branchRef) refs = readRefs(fresh[0]);
      records = fresh;
    }
    return await pruneLocked(options, summary, records, refs, expiring, early, {
      mainRoot,
      worktreesDir,
      cwd: project.workingDirectory,
      worktreesDev: dirInfo?.isDirectory() ? dirInfo.dev : void 0,
      commonDir: repo.commonDir
    });
  } finally {
    await expiring;
    await lock?.release();
  }
}
function listFailed(summary, why) {
  summary.skipped = why;
  summary.orphan_sweep_skipped = why;
  return finish(summary);
}
async function listWorktrees(cwd) {
  const list = await runGit([
    "worktree",
    "list",
    "--porcelain",
    "-z"
  ], {
    cwd
  });
  if (list.code !== 0) {
    return `git worktree list failed: ${describeGitFailure(list)}`;
  }
  const records = parseWorktreeList(list.stdoutBytes ?? list.stdout);
  return records.length > 0 ? records : "git worktree list failed: it listed no worktrees";
}
async function pruneLocked(options, summary, records, refsRead, expiring, early, { mainRoot, worktreesDir, cwd, worktreesDev, commonDir }) {
  const dryRun = summary.dry_run;
  const limit = options.concurrency ?? defaultConcurrency();
  const progress = options.onProgress ?? (() => {
  });
  const nowMs = Date.now();
  const minAgeMs = options.minAgeMs ?? 0;
  const worktreesDirReal = worktreesDev === void 0 ? worktreesDir : await realpath9(worktreesDir);
  const removal = {
    mainRoot,
    commonDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1,
    onMovedToTrash: options.onMovedToTrash
  };
  const rel = (p) => relative6(mainRoot, p) || ".";
  const trashDir2 = join28(worktreesDirReal, TRASH_NAME);
  const [refs, cwdReal, witnesses, sharedConfig] = await Promise.all([
    refsRead,
    realpath9(cwd).catch(() => cwd),
    early.witnesses,
    early.config
  ]);
  let integrationMemo;
  if (!(refs instanceof Error) && refs.defaultBranch) {
    summary.default_branch = {
      name: refs.defaultBranch.name,
      refs: refs.defaultBranch.refs
    };
    integrationMemo = await loadIntegrationMemo(commonDir, defaultKeyOf(refs.defaultBranch.refs, refs.defaultBranch.shas));
  }
  const disposableIgnored = [
    ...options.disposableIgnored ?? DEFAULT_DISPOSABLE_IGNORED,
    ...options.extraDisposableIgnored ?? []
  ];
  const ctx = {
    mainRoot,
    worktreesDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1,
    cwdReal,
    refs,
    integrationMemo,
    // Read when first needed: by recovery of the trash, or by a judgement
    // (the reader is made again once the list is final, below).
    processes: processReader(),
    disposableIgnored,
    manyStatusesAtOnce: false,
    witnesses,
    commonDir,
    sharedConfig,
    // A real run measures what goes where it goes: in the trash.
    measureBytes: dryRun
  };
  const safety = {
    ctx,
    mainRoot,
    commonDir,
    nowMs,
    lastRescue: /* @__PURE__ */ new Map(),
    measured: /* @__PURE__ */ new Map()
  };
  const inTrash = records.filter((r) => isStrictlyInside(trashDir2, resolve10(r.path)));
  const heldBack = /* @__PURE__ */ new Map();
  if (!dryRun && worktreesDev !== void 0) {
    if (inTrash.length > 0 || await lstatOrUndefined(trashDir2)) {
      await expiring;
    }
    const recovery = await recoverTrash(removal, new Set(inTrash.map((r) => resolve10(r.path))), {
      judge: (entry, kind) => kind === "worktree" ? judgeWorktreeInTrash(safety, entry) : judgeOrphanInTrash(safety, entry),
      beforeDelete: (entry, kind) => kind === "worktree" ? rescueBeforeDelete(safety, entry, void 0) : rescueOrphanBeforeDelete(safety, entry)
    });
    summary.trash = {
      emptied: recovery.emptied,
      restored: recovery.restored,
      remaining: recovery.remaining
    };
    summary.notes.push(...recovery.notes);
    for (const [home, reasons] of recovery.movedBack) {
      const held = reasons.filter((r) => HELD_BACK.has(r.code));
      if (held.length === 0) continue;
      heldBack.set(home, held);
      heldBack.set(join28(worktreesDir, basename4(home)), held);
    }
    if (recovery.emptied.length + recovery.restored.length > 0) {
      const relisted = await listWorktrees(mainRoot);
      if (typeof relisted === "string") return listFailed(summary, relisted);
      records = relisted;
    }
    if (!await lstatOrUndefined(trashDir2)) await clearTrashManifest(commonDir);
  } else if (worktreesDev !== void 0) {
    const names = await readdir12(trashDir2).catch(() => []);
    const unsafe = names.length > 0 && await checkContained(trashDir2, worktreesDirReal, worktreesDev);
    const manifest = await readTrashManifest(commonDir);
    for (const name of names) {
      const entry = join28(trashDir2, name);
      const info = unsafe ? void 0 : await lstatOrUndefined(entry);
      if (info?.isDirectory() && (await readdir12(entry).catch(() => [
        void 0
      ])).length === 0) summary.trash.emptied.push(entry);
      else if (info && !manifest.has(trashKey(name, info.ino))) {
        summary.trash.restored.push(entry);
      } else summary.trash.remaining.push(entry);
    }
    const left = summary.trash.remaining.length + summary.trash.restored.length;
    if (left > 0) {
      summary.notes.push(`${left} ${left === 1 ? "entry" : "entries"} in '${trashDir2}' left by an interrupted run: the next real run deletes each only if this tool put it there and every rule still lets it go, and moves the rest back`);
    }
  }
  const repaired = await repairHandMoved(records, {
    dryRun,
    mainRoot,
    worktreesDir,
    commonDir,
    notes: summary.notes,
    rel
  });
  records = repaired.records;
  const candidates = records.slice(1).filter((r) => !r.bare && isStrictlyInside(worktreesDir, resolve10(r.path)) && !isStrictlyInside(trashDir2, resolve10(r.path)) && !isStrictlyInside(join28(worktreesDir, TRASH_NAME), resolve10(r.path)));
  const claudeLocks = await settleClaudeLocks(candidates, {
    mainRoot,
    dryRun,
    keepStaleLocks: options.keepStaleLocks
  });
  let processesRead;
  ctx.processes = () => processesRead ??= readProcessCwds();
  ctx.manyStatusesAtOnce = candidates.length >= availableParallelism2();
  let orphanPaths = [];
  const undecodable = /* @__PURE__ */ new Set();
  if (worktreesDev !== void 0) {
    const registered = records.map((r) => resolve10(r.path));
    const registeredReal = registered.map((p) => {
      try {
        return realpathSync2(p);
      } catch {
        return p;
      }
    });
    const owned = /* @__PURE__ */ new Set([
      ...childrenOwned(worktreesDir, [
        ...registered,
        ...registeredReal
      ]),
      ...childrenOwned(worktreesDirReal, [
        ...registered,
        ...registeredReal
      ])
    ]);
    const raw = await readdir12(worktreesDir, {
      encoding: "buffer"
    }).catch(() => []);
    const names = raw.map((n) => {
      const shown = escapeInvalidUtf8(n);
      if (shown.includes("\\x") || shown.includes("\uFFFD")) {
        undecodable.add(join28(worktreesDir, shown));
      }
      return shown;
    });
    orphanPaths = names.filter((n) => n !== TRASH_NAME && !owned.has(n) && // An undecodable name is listed (escaped) and kept, never dropped.
    (isPlainSegment(n) || undecodable.has(join28(worktreesDir, n)))).map((n) => join28(worktreesDir, n));
  }
  const [adminDirs, renamed] = await Promise.all([
    readAdminDirs(commonDir),
    // A dry run leaves the trash as it is; a registration whose folder
    // waits there is not gone (the real run moves the folder back first).
    renamedFolders(dryRun ? [
      ...orphanPaths,
      ...summary.trash.remaining,
      ...summary.trash.restored
    ] : orphanPaths)
  ]);
  safety.adminDirs = adminDirs;
  const total = candidates.length + orphanPaths.length;
  let done = 0;
  const tick = () => progress("checking", ++done, total);
  const [worktreeCandidates, orphanFacts] = await Promise.all([
    mapPool(claudeLocks.records, async (record) => {
      const facts = await gatherWorktreeFacts(ctx, record).catch((error) => ({
        path: record.path,
        branch: null,
        detached: record.detached,
        missing: false,
        isSymlink: false,
        contained: true,
        isCurrent: false,
        errors: [
          error.message
        ]
      }));
      const adminDir = adminDirs.get(resolve10(record.path)) ?? repaired.pending.get(resolve10(record.path));
      const candidate = {
        facts
      };
      if (facts.missing) {
        const adminReal = adminDir ? await realpath9(adminDir).catch(() => adminDir) : void 0;
        const renamedTo = adminReal ? renamed.get(adminReal) : void 0;
        candidate.missing = {
          worktreesDirMissing: worktreesDev === void 0,
          renamedTo,
          stagedOnlyCopy: await stagedOnlyCopy(mainRoot, adminDir)
        };
        if (renamedTo !== void 0) {
          heldBack.set(renamedTo, [
            {
              code: "needs-repair",
              message: `a registered worktree renamed by hand from '${rel(record.path)}': run 'git worktree repair' in it`
            }
          ]);
        }
      } else {
        candidate.lastActivityMs = newestActivityMs(record.path, adminDir);
        if (classifyWorktree(facts).action === "remove") {
          const refusal2 = await refusalFacts(record.path, adminDir, facts.contents?.gitlinks);
          if (repaired.pending.has(resolve10(record.path))) {
            refusal2.pointsBack = true;
          }
          candidate.refusal = refusal2;
        }
      }
      tick();
      return candidate;
    }, limit),
    mapPool(orphanPaths, async (path) => {
      const facts = await gatherOrphanFacts(ctx, path, {
        undecodable: undecodable.has(path)
      }).catch((error) => ({
        path,
        kind: "plain",
        otherFilesystem: false,
        errors: [
          error.message
        ]
      }));
      tick();
      return facts;
    }, limit)
  ]);
  const processes = await processesRead;
  if (processes && !processes.available) summary.notes.push(processes.reason);
  const recordOf = new Map(candidates.map((r) => [
    r.path,
    r
  ]));
  if (!dryRun && integrationMemo && memoChanged(integrationMemo)) {
    await ensureStateDir(commonDir).then(() => writeFileAtomic(join28(commonDir, INTEGRATION_MEMO_NAME), serializeIntegrationMemo(integrationMemo))).catch(() => {
    });
  }
  if (!dryRun && witnessesChanged(witnesses)) {
    await ensureStateDir(commonDir).then(() => writeFileAtomic(witnessesPath(stateDir(commonDir)), serializeWitnesses(witnesses))).catch(() => {
    });
  }
  const plan = planCleanup({
    worktrees: worktreeCandidates,
    registeredPaths: records.map((r) => resolve10(r.path)),
    orphans: orphanFacts,
    nowMs,
    minAgeMs,
    heldBack
  });
  const anyRemoval = [
    ...plan.worktrees,
    ...plan.orphans
  ].some((p) => p.action === "remove" || p.action === "sweep");
  const unsafeTrash = worktreesDev === void 0 || !anyRemoval ? void 0 : await lstatOrUndefined(trashDir2) ? await checkContained(trashDir2, worktreesDirReal, worktreesDev) ?? await notWritable(trashDir2) : await notWritable(worktreesDirReal);
  if (unsafeTrash !== void 0) {
    const why = {
      code: "unsafe-trash",
      message: `trash folder '${trashDir2}' is unsafe: ${unsafeTrash}`
    };
    for (const p of [
      ...plan.worktrees,
      ...plan.orphans
    ]) {
      if (p.action !== "remove" && p.action !== "sweep") continue;
      p.action = "keep";
      p.reasons.push(why);
    }
  }
  const interrupted = () => options.signal?.aborted ?? false;
  const interruptedReason = {
    code: "interrupted",
    message: "cleanup was interrupted before reaching it"
  };
  let acted = 0;
  const actTotal = plan.worktrees.length + plan.orphans.length;
  const actTick = () => {
    acted++;
    if (!dryRun) progress("cleaning", acted, actTotal);
  };
  await expiring;
  const worktreeOutcomes = await mapPool(plan.worktrees, async (planned) => {
    const facts = planned.facts;
    const outcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      branch: facts.branch,
      action: "preserved",
      reasons: planned.reasons,
      integration_check: facts.integration ?? null,
      bytes_reclaimed: 0,
      notes: planned.notes,
      last_activity_at: planned.lastActivityMs === void 0 ? null : new Date(planned.lastActivityMs).toISOString()
    };
    if (planned.action === "keep") {
      actTick();
      return outcome;
    }
    if (planned.action === "admin-prune") {
      outcome.action = "admin-pruned";
      if (!dryRun) {
        if (interrupted()) {
          outcome.action = "preserved";
          outcome.reasons = [
            interruptedReason
          ];
        } else {
          const result = await removeMissingWorktree(removal, facts.path);
          if (!result.ok) {
            outcome.action = "preserved";
            outcome.reasons = [
              {
                code: result.code,
                message: result.reason
              }
            ];
          }
        }
      }
      actTick();
      return outcome;
    }
    const record = recordOf.get(facts.path);
    if (dryRun) {
      outcome.bytes_reclaimed = facts.contents?.bytes ?? await directorySize(facts.path);
      outcome.action = "would-prune";
      if (options.deleteBranches && facts.branch) {
        await predictBranchDelete(mainRoot, facts.branch, outcome);
      }
    } else if (interrupted()) {
      outcome.reasons = [
        interruptedReason
      ];
      outcome.bytes_reclaimed = 0;
    } else {
      const result = await removeRegisteredWorktree(removal, facts.path, {
        recheck: async (trashPath) => {
          const r = await recheckWorktree(safety, record, trashPath);
          outcome.bytes_reclaimed = safety.measured.get(trashPath) ?? await directorySize(trashPath);
          return r;
        },
        beforeDelete: async (trashPath) => {
          const r = await rescueBeforeDelete(safety, trashPath, {
            record,
            facts,
            lastActivityMs: planned.lastActivityMs,
            originalPath: facts.path
          });
          if (!r) outcome.rescue_ref = safety.lastRescue.get(trashPath);
          return r;
        }
      });
      if (result.ok) {
        outcome.action = "pruned";
        if (options.deleteBranches && facts.branch) {
          await deleteBranch(mainRoot, facts.branch, outcome);
        }
      } else {
        outcome.reasons = [
          {
            code: result.code,
            message: result.reason
          }
        ];
        outcome.bytes_reclaimed = 0;
      }
    }
    actTick();
    return outcome;
  }, limit);
  worktreeOutcomes.forEach(claudeLocks.annotate);
  const orphanOutcomes = await mapPool(plan.orphans, async (planned) => {
    const facts = planned.facts;
    const outcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      kind: facts.kind,
      action: "preserved",
      reasons: planned.reasons,
      bytes_reclaimed: 0
    };
    if (planned.action === "sweep" && (facts.kind === "plain" || facts.kind === "clone")) {
      outcome.bytes_reclaimed = facts.kind === "plain" ? 0 : await directorySize(facts.path);
      if (dryRun) {
        outcome.action = "would-sweep";
      } else if (interrupted()) {
        outcome.reasons = [
          interruptedReason
        ];
        outcome.bytes_reclaimed = 0;
      } else {
        const kind = facts.kind;
        const result = await sweepOrphan(removal, facts.path, kind, {
          recheck: (trashPath) => recheckOrphan(safety, trashPath),
          beforeDelete: (trashPath) => kind === "clone" ? rescueOrphanBeforeDelete(safety, trashPath, facts.path) : Promise.resolve(void 0)
        });
        if (result.ok) outcome.action = "swept";
        else {
          outcome.reasons = [
            {
              code: result.code,
              message: result.reason
            }
          ];
          outcome.bytes_reclaimed = 0;
        }
      }
    }
    actTick();
    return outcome;
  }, limit);
  if (!dryRun && worktreesDev !== void 0) {
    await removeEmptyTrash(removal);
    if (!await lstatOrUndefined(trashDir2)) await clearTrashManifest(commonDir);
  }
  summary.worktrees = worktreeOutcomes;
  summary.orphans = orphanOutcomes;
  return finish(summary);
}
async function repairHandMoved(records, place) {
  const pending = /* @__PURE__ */ new Map();
  const moved = await handMovedWorktrees(records.slice(1).map((r) => r.path).filter((p) => isStrictlyInside(place.worktreesDir, resolve10(p))), place.worktreesDir, place.commonDir);
  if (moved.length === 0) return {
    records,
    pending
  };
  const said = (m, verb) => place.notes.push(`${verb} '${place.rel(m.folder)}': the worktree registered at '${place.rel(m.registered)}' was moved there by hand (git worktree repair)`);
  if (!place.dryRun) {
    let any = false;
    for (const m of moved) {
      const result = await runGit([
        "worktree",
        "repair",
        m.folder
      ], {
        cwd: place.mainRoot,
        readOnly: false
      });
      if (result.code === 0) {
        any = true;
        said(m, "repaired");
      }
    }
    if (!any) return {
      records,
      pending
    };
    const relisted = await listWorktrees(place.mainRoot);
    if (typeof relisted === "string") throw new Error(relisted);
    return {
      records: relisted,
      pending
    };
  }
  const byPath = new Map(moved.map((m) => [
    resolve10(m.registered),
    m
  ]));
  const out = await Promise.all(records.map(async (r) => {
    const m = byPath.get(resolve10(r.path));
    if (!m) return r;
    const now = await currentRecord(m.folder, m.adminDir, place.commonDir);
    if (typeof now === "string") return r;
    pending.set(resolve10(m.folder), m.adminDir);
    said(m, "would repair");
    return now;
  }));
  return {
    records: out,
    pending
  };
}
async function notWritable(dir) {
  try {
    await rmdir3(await mkdtemp2(join28(dir, ".mpm-probe-")));
    return void 0;
  } catch (error) {
    return `cannot write in '${dir}': ${error.message}`;
  }
}
async function refusalFacts(path, adminDir, knownGitlinks) {
  if (!adminDir) return {
    pointsBack: false,
    gitlinks: []
  };
  const [pointsBack, gitlinks] = await Promise.all([
    gitFilePointsBack(path, adminDir),
    // The listing its hidden changes were read from holds them already.
    knownGitlinks ?? indexGitlinks(path, adminDir)
  ]);
  return {
    pointsBack,
    gitlinks
  };
}
async function adminDirOf(path) {
  const named = await readGitFile(join28(path, ".git"));
  return named && await gitFilePointsBack(path, named) ? named : void 0;
}
async function lockReasonOf(adminDir) {
  try {
    return (await readFile20(join28(adminDir, "locked"), "utf8")).trim();
  } catch {
    return void 0;
  }
}
async function currentRecord(path, adminDir, commonDir) {
  const [files, lockReason] = await Promise.all([
    readHeadFiles(adminDir, commonDir),
    lockReasonOf(adminDir)
  ]);
  if (files) {
    return {
      path,
      head: files.sha,
      branchRef: files.branchRef,
      detached: files.branchRef === void 0,
      bare: false,
      lockReason
    };
  }
  const head = await runGit([
    "rev-parse",
    "HEAD",
    "--symbolic-full-name",
    "HEAD"
  ], {
    cwd: path,
    env: isolatedEnv(adminDir, path)
  });
  const [sha, symbolic] = head.stdout.split("\n");
  const unborn = head.code !== 0;
  let branchRef;
  if (unborn) {
    const ref = await runGit([
      "symbolic-ref",
      "-q",
      "HEAD"
    ], {
      cwd: path,
      env: isolatedEnv(adminDir, path)
    });
    if (ref.code !== 0) {
      return `cannot read its HEAD: ${describeGitFailure(head)}`;
    }
    branchRef = ref.stdout.trim();
  } else if (symbolic && symbolic !== "HEAD") branchRef = symbolic;
  return {
    path,
    head: unborn ? void 0 : sha,
    branchRef,
    detached: !unborn && branchRef === void 0,
    bare: false,
    lockReason
  };
}
function changed(reasons) {
  return {
    code: "changed-during-cleanup",
    message: `changed during cleanup, so it was put back whole: ${reasons.map((r) => r.message).join("; ")}`
  };
}
async function recheckWorktree(safety, judged, trashPath) {
  const reasons = await judgeWorktreeAt(safety, trashPath, judged);
  return reasons.length > 0 ? changed(reasons) : void 0;
}
async function judgeWorktreeAt(safety, path, judged) {
  const adminDir = await adminDirOf(path);
  if (!adminDir) {
    return [
      {
        code: "unreadable-git",
        message: "its .git file does not name an admin folder that names it back"
      }
    ];
  }
  const record = await currentRecord(path, adminDir, safety.commonDir);
  if (typeof record === "string") return [
    {
      code: "unknown",
      message: record
    }
  ];
  if (judged && (record.head !== judged.head || record.branchRef !== judged.branchRef)) {
    return [
      {
        code: "unknown",
        message: "its HEAD moved"
      }
    ];
  }
  const refs = safety.ctx.refs;
  if (record.branchRef && !(refs instanceof Error) && refs.branches.get(record.branchRef.replace(/^refs\/heads\//, ""))?.sha !== record.head) {
    return [
      {
        code: "unknown",
        message: "its branch moved"
      }
    ];
  }
  const facts = await gatherWorktreeFacts(freshContext(safety), record).catch((error) => ({
    path,
    branch: null,
    detached: record.detached,
    missing: false,
    isSymlink: false,
    contained: true,
    isCurrent: false,
    errors: [
      error.message
    ]
  }));
  if (facts.contents?.bytes !== void 0) {
    safety.measured.set(path, facts.contents.bytes);
  }
  const planned = planWorktree({
    facts,
    refusal: await refusalFacts(path, adminDir, facts.contents?.gitlinks)
  }, [], safety.nowMs, 0);
  return planned.action === "remove" ? [] : planned.reasons.length > 0 ? planned.reasons : [
    {
      code: "unknown",
      message: "it may no longer be removed"
    }
  ];
}
function freshContext(safety) {
  return {
    ...safety.ctx,
    witnesses: void 0,
    mountTable: void 0,
    measureBytes: true
  };
}
function judgeWorktreeInTrash(safety, entry) {
  return judgeWorktreeAt(safety, entry, void 0);
}
async function judgeOrphanInTrash(safety, entry) {
  const facts = await gatherOrphanFacts(freshContext(safety), entry).catch((error) => ({
    path: entry,
    kind: "plain",
    otherFilesystem: false,
    errors: [
      error.message
    ]
  }));
  return planOrphan(facts).reasons;
}
async function recheckOrphan(safety, trashPath) {
  const reasons = await judgeOrphanInTrash(safety, trashPath);
  return reasons.length > 0 ? changed(reasons) : void 0;
}
async function rescueBeforeDelete(safety, trashPath, judged) {
  const adminDir = await adminDirOf(trashPath);
  if (!adminDir) {
    return {
      code: "rescue-failed",
      message: "cannot find its admin folder"
    };
  }
  const name = originalName(basename4(trashPath));
  const record = judged?.record ?? await currentRecord(trashPath, adminDir, safety.commonDir);
  const branch = typeof record === "string" || !record.branchRef ? null : record.branchRef.replace(/^refs\/heads\//, "");
  try {
    const rescue = await rescueWorktree(safety.mainRoot, trashPath, adminDir, branch, rescuePrefix(rescueName(name), Date.now()), safety.commonDir);
    const facts = judged?.facts;
    await appendJournal(safety.commonDir, {
      v: 1,
      time: (/* @__PURE__ */ new Date()).toISOString(),
      kind: "worktree",
      name,
      path: judged?.originalPath ?? join28(safety.ctx.worktreesDir, name),
      branch,
      head: rescue.head,
      rescue_prefix: rescue.prefix,
      refs: rescue.refs,
      facts: {
        integration_check: facts?.integration ?? null,
        upstream: facts?.upstream ?? null,
        changes: facts?.changes ?? null,
        unique_ignored: facts?.uniqueIgnored ?? null,
        last_activity_at: judged?.lastActivityMs === void 0 ? null : new Date(judged.lastActivityMs).toISOString(),
        rechecked_in_trash: true
      }
    });
    if (rescue.head) safety.lastRescue.set(trashPath, `${rescue.prefix}/HEAD`);
    return void 0;
  } catch (error) {
    return rescueFailed(error);
  }
}
function rescueFailed(error) {
  return {
    code: "rescue-failed",
    message: `cannot save a way back: ${error.message}`
  };
}
async function rescueOrphanBeforeDelete(safety, trashPath, originalPath) {
  const dotGit = await lstatOrUndefined(join28(trashPath, ".git"));
  if (!dotGit?.isDirectory()) return void 0;
  const name = originalName(basename4(trashPath));
  try {
    const rescue = await rescueClone(safety.mainRoot, trashPath, rescuePrefix(rescueName(name), Date.now()));
    await appendJournal(safety.commonDir, {
      v: 1,
      time: (/* @__PURE__ */ new Date()).toISOString(),
      kind: "clone",
      name,
      path: originalPath ?? join28(safety.ctx.worktreesDir, name),
      branch: null,
      head: rescue.head,
      rescue_prefix: rescue.prefix,
      refs: rescue.refs,
      facts: {
        rechecked_in_trash: true
      }
    });
    return void 0;
  } catch (error) {
    return rescueFailed(error);
  }
}
async function predictBranchDelete(mainRoot, branch, outcome) {
  const ref = `refs/heads/${branch}`;
  const upstream = await runGit([
    "rev-parse",
    "--verify",
    "-q",
    "--symbolic-full-name",
    `${ref}@{upstream}`
  ], {
    cwd: mainRoot
  });
  const into = upstream.code === 0 && upstream.stdout.trim() ? upstream.stdout.trim() : "HEAD";
  const merged = await runGit([
    "merge-base",
    "--is-ancestor",
    ref,
    into
  ], {
    cwd: mainRoot
  });
  outcome.branch_deleted = merged.code === 0;
  if (merged.code !== 0) {
    outcome.branch_note = `branch '${branch}' would be kept: git branch -d would refuse: it is not fully merged into '${into}'`;
  }
}
async function deleteBranch(mainRoot, branch, outcome) {
  const result = await runGit([
    "branch",
    "-d",
    branch
  ], {
    cwd: mainRoot,
    readOnly: false
  });
  outcome.branch_deleted = result.code === 0;
  if (result.code !== 0) {
    outcome.branch_note = `branch '${branch}' kept: git refused: ${describeGitFailure(result)}`;
  }
}
var WORKTREES_DIR, HELD_BACK;
var init_prune = __esm({
  "lib/commands/prune.ts"() {
    init_errors();
    init_classify();
    init_containment();
    init_main_worktree();
    init_branches();
    init_integration_memo();
    init_claude_lock2();
    init_disk_usage();
    init_hidden_changes();
    init_head_file();
    init_git();
    init_processes();
    init_project();
    init_worktree_facts();
    init_worktree_list_parse();
    init_activity();
    init_removal_facts();
    init_plan();
    init_rescue();
    init_trash_manifest();
    init_state();
    init_witnesses();
    init_lock();
    init_write();
    init_remove();
    init_pool();
    WORKTREES_DIR = join28(".claude", "worktrees");
    HELD_BACK = /* @__PURE__ */ new Set([
      "not-put-in-trash-by-tool",
      "git-refused",
      "rescue-failed"
    ]);
  }
});

// lib/commands/pause.ts
var pause_exports = {};
__export(pause_exports, {
  pause: () => pause,
  quoteArg: () => quoteArg2
});
import { readFile as readFile21, stat as stat9 } from "node:fs/promises";
import { dirname as dirname6, join as join29, resolve as resolve11 } from "node:path";
import process13 from "node:process";
async function checkExportTarget(path) {
  const target = resolve11(process13.cwd(), path);
  let info;
  try {
    info = await stat9(dirname6(target));
  } catch {
    throw new UserError(`Cannot export to '${target}': folder '${dirname6(target)}' does not exist: create it or choose another path`);
  }
  if (!info.isDirectory()) {
    throw new UserError(`Cannot export to '${target}': '${dirname6(target)}' is not a folder`);
  }
  try {
    if ((await stat9(target)).isDirectory()) {
      throw new UserError(`Cannot export to '${target}': it is a folder: give a file path`);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  return target;
}
async function sessionsAlreadyIgnored(root, isGit) {
  if (!isGit) return true;
  const own = await readFile21(join29(sessionsDirFor(root), ".gitignore"), "utf8").catch(() => void 0);
  if (own === SELF_IGNORE_TEXT) return true;
  const result = await runGit([
    "check-ignore",
    "-q",
    ".claude-mpm/sessions/session-probe.json"
  ], {
    cwd: root
  }).catch(() => void 0);
  return result?.code === 0;
}
function resumeInstructions(git) {
  const quickStart = [
    "mpm-session resume"
  ];
  if (git.is_git_repo && git.branch) {
    quickStart.push(`git switch ${quoteArg2(git.branch)}`);
  } else if (git.is_git_repo && git.head) {
    quickStart.push(`git switch --detach ${git.head}`);
  }
  const files = [
    ...git.status.conflicted_files,
    ...git.status.modified_files,
    ...git.status.untracked_files
  ].slice(0, 50);
  return {
    quick_start: quickStart,
    files_to_review: files,
    validation_commands: git.is_git_repo ? [
      "git status",
      "git log --oneline -5",
      "git stash list"
    ] : []
  };
}
function quoteArg2(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
async function pause(options = {}) {
  const env = options.env ?? process13.env;
  const folder = await projectFolder(options.projectPath);
  const early = startGitCapture(folder);
  const project = await projectAt(folder, early.worktreeList);
  if (!project.repo) await settleEarly(early);
  const exportPath = options.exportPath === void 0 ? null : await checkExportTarget(options.exportPath);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const warnings = [];
  if (project.gitMissing) {
    warnings.push("git was not found on PATH: git state was not captured");
  }
  const [git, claude, ignored] = await Promise.all([
    project.repo ? captureGitContext(project.repo, early) : Promise.resolve(project.gitMissing ? unknownGitContext() : emptyGitContext()),
    readClaudeState(project.worktreeRoots, options.claudeSessionId ? {
      ...env,
      CLAUDE_CODE_SESSION_ID: options.claudeSessionId
    } : env, {
      transcriptPath: options.transcriptPath,
      likelyStarts: [
        project.workingDirectory,
        project.worktreeRoot
      ]
    }),
    sessionsAlreadyIgnored(project.root, project.repo !== void 0)
  ]);
  warnings.push(...claude.warnings);
  const sessionsDir = sessionsDirFor(project.root);
  await ensureSessionsDir(sessionsDir);
  if (!ignored) await writeSelfIgnore(sessionsDir).catch(() => {
  });
  const build = (id) => ({
    schema_version: SCHEMA_VERSION,
    session_id: id,
    paused_at: now.toISOString(),
    project_path: project.root,
    conversation: {
      summary: options.message ?? null
    },
    git_context: git,
    active_context: {
      working_directory: project.workingDirectory,
      worktree_path: project.worktreeRoot,
      branch: project.repo ? git.branch : null
    },
    resume_instructions: resumeInstructions(git),
    todos: [
      ...claude.todos,
      ...options.todos ?? []
    ],
    task_list: taskListSnapshot(claude.tasks),
    claude_code: {
      session_id: claude.sessionId,
      transcript_path: options.transcriptPath ?? claude.transcriptPath,
      sources: claude.sources
    },
    trigger: options.trigger ?? {
      source: "cli"
    },
    warnings,
    tool: {
      name: TOOL_NAME,
      version: VERSION
    }
  });
  const auto = await autoPauseContext(sessionsDir, build("probe"));
  if (auto.repeated) {
    return {
      ...auto.repeated,
      cleanup: null,
      exportPath: null
    };
  }
  const { files, doc } = await createSessionFiles(sessionsDir, now, (id) => ({
    ...build(id),
    ...auto.extra(id)
  }), renderSessionMarkdown);
  await writeLatestPointer(doc, files);
  let cleanup = null;
  const shouldPrune = (options.pruneWorktrees ?? true) && project.repo !== void 0;
  if (shouldPrune) {
    try {
      cleanup = await prune({
        ...options.pruneOptions,
        projectPath: project.workingDirectory
      });
    } catch (error) {
      doc.warnings.push(`Worktree cleanup did not run: ${error.message}`);
    }
    if (cleanup) doc.worktree_prune_summary = cleanup;
    await rewriteSessionFiles(files, doc, renderSessionMarkdown).catch((error) => {
      doc.warnings.push(`Cannot add the cleanup report to the session: ${error.message}`);
    });
  }
  if (exportPath) {
    try {
      await writeFileAtomic(exportPath, sessionJson(doc));
    } catch (error) {
      throw new UserError(`Cannot export to '${exportPath}': ${error.message}: the session itself was saved as '${files.jsonPath}'`);
    }
  }
  return {
    session: doc,
    files,
    cleanup,
    exportPath
  };
}
var init_pause = __esm({
  "lib/commands/pause.ts"() {
    init_errors();
    init_git();
    init_claude();
    init_project();
    init_repo();
    init_sessions();
    init_pause_auto();
    init_session_store();
    init_write();
    init_markdown();
    init_types();
    init_version();
    init_prune();
  }
});

// lib/report/color.ts
function wantsColor(isTty, env, mode = "auto") {
  if (mode === "always") return true;
  if (mode === "never") return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== void 0 && force !== "") {
    return force !== "0" && force.toLowerCase() !== "false";
  }
  if (env.TERM === "dumb") return false;
  return isTty;
}
function colorsFor(isTty, env, mode = "auto") {
  return wantsColor(isTty, env, mode) ? ansi : plain;
}
var plain, wrap, ansi;
var init_color = __esm({
  "lib/report/color.ts"() {
    plain = {
      bold: (t) => t,
      green: (t) => t,
      yellow: (t) => t,
      red: (t) => t,
      dim: (t) => t
    };
    wrap = (open4, close) => (t) => `\x1B[${open4}m${t}\x1B[${close}m`;
    ansi = {
      bold: wrap(1, 22),
      green: wrap(32, 39),
      yellow: wrap(33, 39),
      red: wrap(31, 39),
      dim: wrap(2, 22)
    };
  }
});

// lib/commands/hook.ts
var hook_exports = {};
__export(hook_exports, {
  DEFAULT_HOOK_MAX_AGE_MS: () => DEFAULT_HOOK_MAX_AGE_MS,
  MAX_CONTEXT_CHARS: () => MAX_CONTEXT_CHARS,
  handleHookEvent: () => handleHookEvent
});
import process14 from "node:process";
async function handleHookEvent(input, options = {}) {
  const warn = options.warn ?? ((line) => process14.stderr.write(line + "\n"));
  let event;
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
  const cwd = typeof event.cwd === "string" ? event.cwd : void 0;
  try {
    if (name === "PreCompact") {
      const trigger = typeof event.trigger === "string" ? event.trigger : void 0;
      await pause({
        projectPath: cwd,
        message: `Automatic pause before ${trigger ?? "a"} compaction`,
        trigger: {
          source: "hook",
          event: "PreCompact",
          trigger
        },
        claudeSessionId: typeof event.session_id === "string" ? event.session_id : void 0,
        transcriptPath: typeof event.transcript_path === "string" ? event.transcript_path : void 0,
        pruneWorktrees: Boolean(options.prune),
        env: options.env
      });
      return "";
    }
    if (name === "SessionStart") {
      const source = event.source;
      if (typeof source !== "string" || !SESSION_START_SOURCES.has(source)) {
        return "";
      }
      const result = await resume({
        projectPath: cwd,
        env: options.env,
        conversationId: source === "compact" && typeof event.session_id === "string" ? event.session_id : void 0,
        maxAgeMs: options.maxAgeMs ?? DEFAULT_HOOK_MAX_AGE_MS,
        now: options.now
      });
      if (!result.session) return "";
      let context = renderResume(result, colorsFor(false, {}));
      context = `Paused session from mpm-session (read it before continuing):

${context}`;
      if (context.length > MAX_CONTEXT_CHARS) {
        context = `${context.slice(0, MAX_CONTEXT_CHARS)}
\u2026 (cut; see .claude-mpm/sessions/${result.session.session_id}.md)`;
      }
      return JSON.stringify({
        hookSpecificOutput: {
          hookEventName: "SessionStart",
          additionalContext: context
        }
      }) + "\n";
    }
  } catch (error) {
    warn(`mpm-session hook: ${error.message}`);
  }
  return "";
}
var MAX_CONTEXT_CHARS, DEFAULT_HOOK_MAX_AGE_MS, SESSION_START_SOURCES;
var init_hook = __esm({
  "lib/commands/hook.ts"() {
    init_pause();
    init_resume();
    init_text();
    init_color();
    MAX_CONTEXT_CHARS = 8e3;
    DEFAULT_HOOK_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1e3;
    SESSION_START_SOURCES = /* @__PURE__ */ new Set([
      "startup",
      "resume",
      "clear",
      "compact"
    ]);
  }
});

// lib/gather/hook_command.ts
import { accessSync, constants as constants2, realpathSync as realpathSync3 } from "node:fs";
import { basename as basename5, delimiter as delimiter2, isAbsolute as isAbsolute5, join as join30 } from "node:path";
import process15 from "node:process";
import { fileURLToPath } from "node:url";
function shellQuote2(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function denoPermissionFlags(deno) {
  const granted = DENO_PERMISSIONS.filter((name) => {
    try {
      return deno.permissions.querySync({
        name
      }).state === "granted";
    } catch {
      return false;
    }
  });
  if (granted.length === DENO_PERMISSIONS.length) return [
    "-A"
  ];
  return granted.map((name) => `--allow-${name}`);
}
function currentCommandWords() {
  const deno = globalThis.Deno;
  if (deno && typeof deno.execPath === "function") {
    const exec = deno.execPath();
    const name = basename5(exec).toLowerCase();
    if (name !== "deno" && name !== "deno.exe") {
      return [
        exec
      ];
    }
    const here = import.meta.url;
    const main2 = here.startsWith("file:") ? fileURLToPath(new URL("../../cli.ts", here)) : deno.mainModule.startsWith("file:") ? fileURLToPath(deno.mainModule) : deno.mainModule;
    return [
      exec,
      "run",
      ...denoPermissionFlags(deno),
      "--quiet",
      main2
    ];
  }
  const script = import.meta.url.startsWith("file:") && import.meta.url.endsWith(".mjs") ? fileURLToPath(import.meta.url) : process15.argv[1];
  let real2 = script;
  try {
    real2 = realpathSync3(script);
  } catch {
  }
  return [
    process15.execPath,
    real2
  ];
}
function resolveExecutable(word, path) {
  const runnable = (p) => {
    try {
      accessSync(p, constants2.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (word.includes("/")) return runnable(word) ? word : void 0;
  for (const dir of (path ?? "").split(delimiter2)) {
    if (!dir) continue;
    const candidate = join30(dir, word);
    if (runnable(candidate)) return candidate;
  }
  return void 0;
}
function hookCommand2(given, env = process15.env) {
  const warnings = [];
  if (given !== void 0) {
    const first = given.trim().split(/\s+/)[0] ?? "";
    const command = `${given.trim()} hook`;
    const found = resolveExecutable(first, env.PATH);
    if (!found) {
      warnings.push(`'${first}' is not found${first.includes("/") ? "" : " on PATH"}: the hooks would fail with 'not found'; give an absolute path with --command, or leave --command out`);
    } else if (!isAbsolute5(first)) {
      warnings.push(`'${first}' resolves through PATH ('${found}'): the hooks work only where Claude Code's PATH has it too`);
    }
    return {
      command,
      warnings
    };
  }
  const words = currentCommandWords();
  if (!resolveExecutable(words[0], env.PATH)) {
    warnings.push(`'${words[0]}' cannot be run: the hooks would fail`);
  }
  if (words.length >= 2 && words.at(-1).startsWith("/tmp/deno-compile-")) {
    warnings.push("the program runs from a temporary folder: the hooks would fail");
  }
  if (words.includes("run") && !words.includes("-A")) {
    const flags2 = words.filter((w) => w.startsWith("--allow-"));
    if (!flags2.includes("--allow-read") || !flags2.includes("--allow-write")) {
      warnings.push("Deno runs with narrow permissions: the hook command may lack some; check it or give --command");
    }
  }
  return {
    command: [
      ...words.map(shellQuote2),
      "hook"
    ].join(" "),
    warnings
  };
}
var DENO_PERMISSIONS;
var init_hook_command = __esm({
  "lib/gather/hook_command.ts"() {
    DENO_PERMISSIONS = [
      "read",
      "write",
      "env",
      "run",
      "sys",
      "net",
      "ffi"
    ];
  }
});

// lib/decide/merge_hooks.ts
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function mergeHooks(settings, command) {
  if (!isObject2(settings)) {
    return {
      ok: false,
      error: "the settings are not a JSON object"
    };
  }
  const hooks = settings.hooks ?? {};
  if (!isObject2(hooks)) return {
    ok: false,
    error: "'hooks' is not an object"
  };
  const next = {
    ...hooks
  };
  const added = [];
  for (const event of HOOK_EVENTS) {
    const groups = next[event] ?? [];
    if (!Array.isArray(groups)) {
      return {
        ok: false,
        error: `'hooks.${event}' is not a list`
      };
    }
    const present = groups.some((group) => isObject2(group) && Array.isArray(group.hooks) && group.hooks.some((h) => isObject2(h) && h.command === command));
    if (present) continue;
    next[event] = [
      ...groups,
      {
        matcher: "",
        hooks: [
          {
            type: "command",
            command
          }
        ]
      }
    ];
    added.push(event);
  }
  return {
    ok: true,
    settings: {
      ...settings,
      hooks: next
    },
    added
  };
}
function isOurHookCommand(command) {
  return /(^|[\s/'"])(mpm-session(\.mjs|\.exe)?|cli\.ts)'?\s+hook$/.test(command.trim());
}
function unmergeHooks(settings, isOurs = isOurHookCommand) {
  if (!isObject2(settings)) {
    return {
      ok: false,
      error: "the settings are not a JSON object"
    };
  }
  if (settings.hooks === void 0) {
    return {
      ok: true,
      settings,
      removed: []
    };
  }
  const hooks = settings.hooks;
  if (!isObject2(hooks)) return {
    ok: false,
    error: "'hooks' is not an object"
  };
  const next = {
    ...hooks
  };
  const removed = [];
  for (const event of HOOK_EVENTS) {
    const groups = next[event];
    if (groups === void 0) continue;
    if (!Array.isArray(groups)) {
      return {
        ok: false,
        error: `'hooks.${event}' is not a list`
      };
    }
    let changed2 = false;
    const kept = groups.flatMap((group) => {
      if (!isObject2(group) || !Array.isArray(group.hooks)) return [
        group
      ];
      const left = group.hooks.filter((h) => !(isObject2(h) && h.type === "command" && typeof h.command === "string" && isOurs(h.command)));
      if (left.length === group.hooks.length) return [
        group
      ];
      changed2 = true;
      return left.length === 0 ? [] : [
        {
          ...group,
          hooks: left
        }
      ];
    });
    if (!changed2) continue;
    removed.push(event);
    if (kept.length === 0) delete next[event];
    else next[event] = kept;
  }
  const result = {
    ...settings,
    hooks: next
  };
  if (Object.keys(next).length === 0) delete result.hooks;
  return {
    ok: true,
    settings: result,
    removed
  };
}
var HOOK_EVENTS;
var init_merge_hooks = __esm({
  "lib/decide/merge_hooks.ts"() {
    HOOK_EVENTS = [
      "PreCompact",
      "SessionStart"
    ];
  }
});

// lib/commands/install_hooks.ts
var install_hooks_exports = {};
__export(install_hooks_exports, {
  installHooks: () => installHooks,
  settingsPathFor: () => settingsPathFor,
  uninstallHooks: () => uninstallHooks
});
import { copyFile, mkdir as mkdir4, readFile as readFile22 } from "node:fs/promises";
import { dirname as dirname7, join as join31 } from "node:path";
import process16 from "node:process";
async function settingsPathFor(scope, projectPath, env = process16.env) {
  if (scope === "user") return join31(claudeConfigDir(env), "settings.json");
  const root = (await resolveProject(projectPath)).root;
  return join31(root, ".claude", scope === "local" ? "settings.local.json" : "settings.json");
}
async function readSettings(path) {
  let original;
  try {
    original = await readFile22(path, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") {
      throw new UserError(`Cannot read settings '${path}': ${error.message}`);
    }
  }
  let settings = {};
  if (original !== void 0 && original.trim() !== "") {
    try {
      settings = JSON.parse(original);
    } catch (error) {
      throw new UserError(`Cannot update settings '${path}': not valid JSON (${error.message}): fix it by hand, nothing was changed`);
    }
  }
  return {
    original,
    settings
  };
}
async function writeSettings(path, original, settings) {
  await mkdir4(dirname7(path), {
    recursive: true
  });
  let backup = null;
  if (original !== void 0) {
    backup = `${path}.bak-${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}`;
    await copyFile(path, backup);
  }
  await writeFileAtomic(path, JSON.stringify(settings, null, 2) + "\n");
  return backup;
}
async function installHooks(options) {
  const env = options.env ?? process16.env;
  const path = await settingsPathFor(options.scope, options.projectPath, env);
  const { original, settings } = await readSettings(path);
  const { command, warnings } = hookCommand2(options.command, env);
  const merged = mergeHooks(settings, command);
  if (!merged.ok) {
    throw new UserError(`Cannot update settings '${path}': ${merged.error}: nothing was changed`);
  }
  const changed2 = merged.added.length > 0;
  let backup = null;
  if (changed2 && !options.dryRun) {
    backup = await writeSettings(path, original, merged.settings);
  }
  const lines = [
    changed2 ? `${options.dryRun ? "Would add" : "Added"} ${merged.added.join(" and ")} hook(s) to ${path}` : `Hooks already installed in ${path}: nothing changed`,
    `Command: ${command}`,
    ...backup ? [
      `Backup: ${backup}`
    ] : [],
    ...warnings.map((w) => `Warning: ${w}`)
  ];
  return {
    path,
    changed: changed2,
    backup,
    added: merged.added,
    command,
    warnings,
    text: lines.join("\n") + "\n"
  };
}
async function uninstallHooks(options) {
  const env = options.env ?? process16.env;
  const path = await settingsPathFor(options.scope, options.projectPath, env);
  const { original, settings } = await readSettings(path);
  if (original === void 0) {
    return {
      path,
      changed: false,
      backup: null,
      removed: [],
      text: `No settings file '${path}': nothing to remove
`
    };
  }
  const result = unmergeHooks(settings);
  if (!result.ok) {
    throw new UserError(`Cannot update settings '${path}': ${result.error}: nothing was changed`);
  }
  const changed2 = result.removed.length > 0;
  let backup = null;
  if (changed2 && !options.dryRun) {
    backup = await writeSettings(path, original, result.settings);
  }
  const text3 = changed2 ? `${options.dryRun ? "Would remove" : "Removed"} the ${result.removed.join(" and ")} hook(s) from ${path}${backup ? `
Backup: ${backup}` : ""}
` : `No mpm-session hooks in ${path}: nothing changed
`;
  return {
    path,
    changed: changed2,
    backup,
    removed: result.removed,
    text: text3
  };
}
var init_install_hooks = __esm({
  "lib/commands/install_hooks.ts"() {
    init_errors();
    init_claude();
    init_hook_command();
    init_project();
    init_write();
    init_merge_hooks();
  }
});

// lib/report/restore_text.ts
var restore_text_exports = {};
__export(restore_text_exports, {
  renderRestoreList: () => renderRestoreList
});
function renderRestoreList(entries, nowMs, width) {
  if (entries.length === 0) {
    return "Nothing to restore: the journal records no removal\n";
  }
  const names = entries.map((e) => displayPath(e.name));
  const labelWidth = Math.max(...names.map((n) => n.length));
  const lines = entries.map((e, i) => {
    const at = e.branch ? `branch ${displayPath(e.branch)}` : "detached";
    const head = e.head ? ` at ${e.head.slice(0, 12)}` : "";
    const kind = e.kind === "clone" ? ", a clone (refs only)" : "";
    const age = formatAge(nowMs - Date.parse(e.time));
    return fitEntry("  ", names[i], `removed ${age}, ${at}${head}${kind}`, width, labelWidth);
  });
  return [
    `${plural(entries.length, "removal")} recorded, newest first:`,
    ...lines,
    "Bring one back with: mpm-session restore NAME"
  ].join("\n") + "\n";
}
var init_restore_text = __esm({
  "lib/report/restore_text.ts"() {
    init_escape();
    init_fit();
    init_time();
  }
});

// lib/commands/restore.ts
var restore_exports = {};
__export(restore_exports, {
  listRestorable: () => listRestorable,
  restore: () => restore
});
import { lstat as lstat11 } from "node:fs/promises";
import { relative as relative7, resolve as resolve12 } from "node:path";
async function repository(projectPath) {
  const project = await resolveProject(projectPath);
  if (project.gitMissing) {
    throw new UserError("Cannot restore: 'git' was not found on PATH: install git or add it to PATH");
  }
  if (!project.repo) {
    throw new UserError(`Cannot restore in '${project.workingDirectory}': not inside a git repository`);
  }
  return {
    project,
    repo: project.repo
  };
}
async function listRestorable(options = {}) {
  const { repo } = await repository(options.projectPath);
  return (await readJournal(repo.commonDir)).reverse();
}
async function verify(cwd, rev) {
  const result = await runGit([
    "rev-parse",
    "-q",
    "--verify",
    `${rev}^{commit}`
  ], {
    cwd
  });
  return result.code === 0 ? result.stdout.trim() : void 0;
}
async function restore(options) {
  const { project, repo } = await repository(options.projectPath);
  const target = options.target;
  const asPath = resolve12(project.workingDirectory, target);
  const entries = (await readJournal(repo.commonDir)).reverse();
  const entry = entries.find((e) => e.name === target || e.path === target || resolve12(e.path) === asPath);
  if (!entry) {
    throw new UserError(`Cannot restore '${target}': the journal records no removal of it: run 'mpm-session restore --list'`);
  }
  const cwd = repo.topLevel;
  const shown = relative7(cwd, entry.path) || entry.path;
  if (entry.kind !== "worktree") {
    throw new UserError(`Cannot restore '${shown}': it was a clone, not a worktree: its refs are kept under '${entry.rescue_prefix}/refs/'`);
  }
  if (await lstat11(entry.path).then(() => true, () => false)) {
    throw new UserError(`Cannot restore '${shown}': path '${entry.path}' is taken: move it away first`);
  }
  const rescueRef = `${entry.rescue_prefix}/HEAD`;
  const head = await verify(cwd, rescueRef) ?? (entry.head ? await verify(cwd, entry.head) : void 0);
  if (!head) {
    throw new UserError(`Cannot restore '${shown}': its rescue ref '${rescueRef}' is gone (expired?) and its commit is not in the repository`);
  }
  let recreated = false;
  let args;
  if (entry.branch) {
    const now = await verify(cwd, `refs/heads/${entry.branch}`);
    if (now && now !== head) {
      throw new UserError(`Cannot restore '${shown}': branch '${entry.branch}' now points elsewhere (${now.slice(0, 12)}, was ${head.slice(0, 12)}): restore it by hand with 'git worktree add -b NEW-BRANCH ${entry.path} ${rescueRef}'`);
    }
    recreated = now === void 0;
    args = recreated ? [
      "worktree",
      "add",
      "-b",
      entry.branch,
      entry.path,
      head
    ] : [
      "worktree",
      "add",
      entry.path,
      entry.branch
    ];
  } else {
    args = [
      "worktree",
      "add",
      "--detach",
      entry.path,
      head
    ];
  }
  const added = await runGit(args, {
    cwd,
    readOnly: false
  });
  if (added.code !== 0) {
    throw new UserError(`Cannot restore '${shown}': git refused: ${describeGitFailure(added)}`);
  }
  const own = Object.entries(entry.refs).filter(([ref]) => /^refs\/(worktree|bisect)\//.test(ref.slice(entry.rescue_prefix.length + 1)));
  let ownRestored = 0;
  if (own.length > 0) {
    const put = await runGit([
      "update-ref",
      "--stdin"
    ], {
      cwd: entry.path,
      readOnly: false,
      stdin: own.map(([ref, sha]) => `update ${ref.slice(entry.rescue_prefix.length + 1)} ${sha}
`).join("")
    });
    if (put.code === 0) ownRestored = own.length;
  }
  const on = entry.branch ? `on branch '${entry.branch}'` : "detached";
  return {
    entry,
    path: entry.path,
    branch: entry.branch,
    head,
    branch_recreated: recreated,
    message: `Restored '${shown}' ${on} at ${head.slice(0, 12)}${recreated ? ` (branch re-created from '${rescueRef}')` : ""}${ownRestored > 0 ? `, with ${ownRestored} ${ownRestored === 1 ? "ref" : "refs"} of its own` : ""}`
  };
}
var init_restore = __esm({
  "lib/commands/restore.ts"() {
    init_errors();
    init_git();
    init_journal();
    init_project();
  }
});

// lib/report/worktrees_text.ts
var worktrees_text_exports = {};
__export(worktrees_text_exports, {
  renderWorktrees: () => renderWorktrees,
  stateText: () => stateText
});
function stateText(entry) {
  switch (entry.state) {
    case "would-remove":
      return "would go";
    case "would-clean":
      return "would go (directory gone)";
    case "would-sweep":
      return "would go (orphan)";
    case "kept": {
      const codes = [
        ...new Set(entry.reasons.map((r) => r.code))
      ];
      return codes.length > 0 ? `kept: ${codes.join(", ")}` : "kept";
    }
  }
}
function renderWorktrees(list, c, nowMs = Date.now(), width = DEFAULT_WIDTH) {
  if (list.skipped) return `Skipped: ${displayPath(list.skipped)}
`;
  if (list.worktrees.length === 0) {
    return "No agent worktrees under .claude/worktrees/\n";
  }
  const rows = list.worktrees.map((e) => [
    displayPath(e.name),
    displayPath(e.branch ?? "-"),
    e.last_activity_at ? formatAge(nowMs - Date.parse(e.last_activity_at)) : "-",
    e.size_bytes === null ? "-" : formatBytes(e.size_bytes),
    e.integration_check ?? "-",
    stateText(e)
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fixed = () => widths.slice(0, 5).reduce((n, w) => n + w + 2, 0);
  const stateRoom = () => width - fixed();
  while (stateRoom() < widths[5]) {
    const i = widths[0] >= widths[1] ? 0 : 1;
    if (widths[i] <= 12) break;
    widths[i]--;
  }
  const fit = (r) => r.map((cell, i) => i === 5 ? cutAtWord(cell, Math.max(stateRoom(), 4)) : (i < 2 ? shortenMiddle(cell, widths[i]) : cell).padEnd(widths[i])).join("  ").trimEnd();
  const lines = [
    c.bold(fit(HEADER)),
    ...rows.map(fit)
  ];
  const t = list.totals;
  lines.push("", cutAtWord(`${plural(t.count, "entry", "entries")}: ${t.would_go} would go${t.would_go > 0 ? ` (${formatBytes(t.reclaimable_bytes)})` : ""}, ${t.kept} kept${t.would_go > 0 ? "; remove them with: mpm-session prune" : ""}`, width));
  for (const note of list.notes) {
    lines.push(cutAtWord(`Note: ${displayPath(note)}`, width));
  }
  return lines.join("\n") + "\n";
}
var HEADER;
var init_worktrees_text = __esm({
  "lib/report/worktrees_text.ts"() {
    init_escape();
    init_fit();
    init_prune_text();
    init_time();
    HEADER = [
      "NAME",
      "BRANCH",
      "ACTIVE",
      "SIZE",
      "CHECK",
      "STATE"
    ];
  }
});

// lib/commands/worktrees.ts
var worktrees_exports = {};
__export(worktrees_exports, {
  listWorktrees: () => listWorktrees2,
  worktreeListOf: () => worktreeListOf
});
import { lstat as lstat12, readdir as readdir13, readFile as readFile23 } from "node:fs/promises";
import { basename as basename6, join as join32, resolve as resolve13 } from "node:path";
async function listWorktrees2(options = {}) {
  const summary = await prune({
    ...options.pruneOptions,
    projectPath: options.projectPath,
    dryRun: true
  });
  return await worktreeListOf(summary);
}
async function worktreeListOf(summary) {
  const worktrees = await Promise.all(summary.worktrees.map(fromWorktree));
  const orphans = await Promise.all(summary.orphans.map(fromOrphan));
  const entries = [
    ...worktrees,
    ...orphans
  ];
  await mapPool(entries.filter((e) => e.size_bytes === null && e.state === "kept" && !e.reasons.some((r) => UNMEASURED.has(r.code))), async (e) => {
    const info = await lstat12(e.path).catch(() => void 0);
    if (info?.isDirectory()) {
      e.size_bytes = await directorySize(e.path).catch(() => null);
    }
  }, 4);
  const going = entries.filter((e) => e.state !== "kept");
  return {
    schema_version: 1,
    default_branch: summary.default_branch?.name ?? null,
    worktrees: entries,
    totals: {
      count: entries.length,
      would_go: going.length,
      kept: entries.length - going.length,
      reclaimable_bytes: going.reduce((n, e) => n + (e.size_bytes ?? 0), 0)
    },
    skipped: summary.skipped,
    notes: summary.notes
  };
}
async function fromWorktree(w) {
  const state = w.action === "preserved" ? "kept" : w.action === "admin-pruned" ? "would-clean" : "would-remove";
  const known = w.last_activity_at;
  return {
    name: basename6(w.path),
    path: w.path,
    relative_path: w.relative_path,
    kind: "worktree",
    branch: w.branch,
    state,
    reasons: w.reasons,
    last_activity_at: known !== void 0 ? known : state === "would-clean" ? null : await fallbackActivity(w.path),
    size_bytes: state === "kept" ? null : w.bytes_reclaimed,
    integration_check: w.integration_check
  };
}
async function fromOrphan(o) {
  const kept = o.action === "preserved";
  return {
    name: basename6(o.path),
    path: o.path,
    relative_path: o.relative_path,
    kind: "orphan",
    branch: null,
    state: kept ? "kept" : "would-sweep",
    reasons: o.reasons,
    last_activity_at: o.kind === "symlink" || o.kind === "file" ? await mtimeIso(o.path) : await fallbackActivity(o.path),
    size_bytes: kept ? null : o.bytes_reclaimed,
    integration_check: null
  };
}
async function mtimeMs(path) {
  try {
    return (await lstat12(path)).mtimeMs;
  } catch {
    return void 0;
  }
}
async function mtimeIso(path) {
  const ms = await mtimeMs(path);
  return ms === void 0 ? null : new Date(ms).toISOString();
}
async function fallbackActivity(path) {
  const candidates = [
    path
  ];
  try {
    for (const name of await readdir13(path)) candidates.push(join32(path, name));
  } catch {
    return await mtimeIso(path);
  }
  try {
    const dotGit = await readFile23(join32(path, ".git"), "utf8");
    const gitDir = /^gitdir: (.+)$/m.exec(dotGit)?.[1];
    if (gitDir) {
      const admin = resolve13(path, gitDir.trim());
      candidates.push(admin, join32(admin, "index"), join32(admin, "HEAD"));
    }
  } catch {
  }
  const times = await Promise.all(candidates.map(mtimeMs));
  const newest = Math.max(...times.filter((t) => t !== void 0));
  return Number.isFinite(newest) ? new Date(newest).toISOString() : null;
}
var UNMEASURED;
var init_worktrees = __esm({
  "lib/commands/worktrees.ts"() {
    init_disk_usage();
    init_pool();
    init_prune();
    UNMEASURED = /* @__PURE__ */ new Set([
      "symlink",
      "not-a-directory",
      "other-filesystem",
      "mount-point",
      "foreign-owner",
      "undecodable-name",
      "containment"
    ]);
  }
});

// npm/bin.ts
import process19 from "node:process";

// cli.ts
import { resolve as resolve14 } from "node:path";
import "node:process";

// lib/commands/clean_cli.ts
init_errors();

// lib/cli/runtime.ts
init_claude();
init_duration();
init_errors();
import { readFile as readFile2 } from "node:fs/promises";
import process2 from "node:process";
function parseCount(name, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`Option '--${name}' needs a whole number, got '${value}': for example --${name} 10`);
  }
  return Number(value);
}
function parseDurationOption(name, value) {
  if (value === void 0) return void 0;
  const result = parseDuration(value);
  if (!result.ok) {
    throw new UsageError(result.message.replace(/^Cannot read duration '([^']*)'/, `Cannot read duration '$1' for '--${name}'`));
  }
  return result.ms;
}
function progressReporter(context) {
  const io = context.io;
  if (!io.stderrIsTty || context.global.quiet) {
    return {
      update: void 0,
      done: () => {
      }
    };
  }
  let shown = false;
  return {
    update: (phase, done, total) => {
      if (total < 2) return;
      shown = true;
      const label = phase === "checking" ? "Checking" : "Cleaning";
      io.stderr(`\r\x1B[2K${label} worktrees: ${done} of ${total}`);
    },
    done: () => {
      if (shown) io.stderr("\r\x1B[2K");
    }
  };
}
function interruptController(io) {
  const controller = new AbortController();
  const signals = [
    "SIGINT",
    "SIGTERM"
  ];
  let exitCode = 130;
  const onSignal = (signal) => {
    if (controller.signal.aborted) {
      process2.exit(signal === "SIGINT" ? 130 : 143);
    }
    exitCode = signal === "SIGINT" ? 130 : 143;
    io.stderr(`
Interrupted: finishing the removals under way, then stopping (press again to stop at once)
`);
    controller.abort();
  };
  for (const s of signals) process2.on(s, onSignal);
  return {
    signal: controller.signal,
    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number). */
    exitCode: () => exitCode,
    dispose: () => {
      for (const s of signals) process2.off(s, onSignal);
    }
  };
}
async function readTodosOption(value, io) {
  if (value === void 0) return void 0;
  let text3;
  try {
    text3 = value === "-" ? await io.readStdin() : await readFile2(value, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read todos file '${value}': ${error.code === "ENOENT" ? "no such file" : messageOf(error)}`);
  }
  try {
    return parseTodosDocument(text3);
  } catch (error) {
    throw new UserError(`Cannot read todos from '${value === "-" ? "stdin" : value}': ${messageOf(error)}: give a JSON array of {content, status}`);
  }
}
var CLEANUP_OPTIONS = [
  {
    name: "delete-branches",
    help: "Also delete branches of removed worktrees (git branch -d, never -D)"
  },
  {
    name: "ignored-cache",
    value: "NAME",
    multiple: true,
    help: "Ignored files named NAME are a rebuildable cache (repeatable)"
  },
  {
    name: "min-age",
    value: "DURATION",
    help: "Keep worktrees active within DURATION (such as 90min, 12h, 2d; default 0)"
  },
  {
    name: "rescue-days",
    value: "N",
    help: "Keep rescue refs of removed work for N days (default 30)"
  },
  {
    name: "keep-stale-locks",
    help: "Keep worktrees locked by a Claude Code agent that is gone"
  }
];
function cleanupFlags(context) {
  const v = context.values;
  const flags2 = {
    deleteBranches: Boolean(v["delete-branches"]),
    extraDisposableIgnored: v["ignored-cache"] ?? [],
    minAgeMs: parseDurationOption("min-age", v["min-age"]) ?? 0
  };
  const rescue = parseCount("rescue-days", v["rescue-days"]);
  if (rescue !== void 0) flags2.rescueDays = rescue;
  if (v["keep-stale-locks"]) flags2.keepStaleLocks = true;
  return flags2;
}
function verboseCleanupLines(summary) {
  if (summary.worktrees.length === 0 && summary.orphans.length === 0) return [];
  const lines = [
    "All entries under .claude/worktrees/:"
  ];
  for (const w of summary.worktrees) {
    const why = w.reasons.map((r) => r.code).join(", ");
    lines.push(`  ${w.action.padEnd(12)} ${w.relative_path}${w.branch ? ` (${w.branch})` : ""}${w.integration_check ? ` integrated: ${w.integration_check}` : ""}${why ? `: ${why}` : ""}`);
    for (const note of w.notes) lines.push(`               note: ${note}`);
  }
  for (const o of summary.orphans) {
    const why = o.reasons.map((r) => r.code).join(", ");
    lines.push(`  ${o.action.padEnd(12)} ${o.relative_path} (orphan, ${o.kind})${why ? `: ${why}` : ""}`);
  }
  for (const note of summary.notes) lines.push(`  note: ${note}`);
  return lines;
}

// lib/commands/resume_cli.ts
init_errors();
import { statSync } from "node:fs";
import { resolve as resolve4 } from "node:path";
import process7 from "node:process";
var PROJECT_ALIAS = {
  name: "project",
  value: "PATH",
  help: "Same as -C PATH",
  hidden: true
};
function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
var resumeCommand = {
  name: "resume",
  summary: "Show a saved session and what changed since",
  usage: "[ID] [options]",
  description: `Show a saved session (the latest by default) and what changed since:
new commits, a switched branch, changed files, todos still open. To resume
in another project, use -C PATH.`,
  options: [
    {
      name: "select",
      value: "N|PREFIX",
      help: "The N-th newest session (1 is the newest), or the one whose id starts with PREFIX"
    },
    PROJECT_ALIAS
  ],
  maxPositionals: 1,
  jsonSchema: "resume.schema.json",
  examples: [
    "resume",
    "resume session-20261125-093000",
    "resume --select 2",
    "resume --select 20261125",
    "-C ~/code/app resume"
  ],
  async run(context) {
    const { renderResume: renderResume2 } = await Promise.resolve().then(() => (init_text(), text_exports));
    const { resume: resume2 } = await Promise.resolve().then(() => (init_resume(), resume_exports));
    const v = context.values;
    const id = context.positionals[0];
    const select = v.select;
    if (id !== void 0 && select !== void 0) {
      throw new UsageError("Give either a session id or '--select', not both: run 'mpm-session resume --help' for usage");
    }
    if (id !== void 0 && isFolder(resolve4(context.global.directory ?? process7.cwd(), id))) {
      throw new UsageError(`Cannot resume session '${id}': it is a folder, not a session id: to resume in that project, run 'mpm-session -C ${id} resume'`);
    }
    if (select !== void 0 && /^\s*0+\s*$/.test(select)) {
      throw new UsageError(`Cannot select session '${select}': sessions count from 1 (the newest): for example --select 1`);
    }
    const result = await resume2({
      projectPath: context.projectPath(v.project),
      id,
      select,
      env: context.io.env
    });
    for (const w of result.warnings) context.warn(w);
    if (context.global.json) context.printJson(result);
    else {
      context.print(renderResume2(result, context.colors, Date.now(), context.width));
      context.detail(`Sessions folder: ${result.sessionsDir}`);
    }
    return 0;
  }
};

// lib/commands/clean_cli.ts
var cleanCommand = {
  name: "clean",
  summary: "Delete old session files",
  usage: "(--keep N | --older-than DURATION) [options]",
  description: `Delete old session files from .claude-mpm/sessions/. Never deletes the newest
session or the one LATEST-SESSION.txt points to, and nothing else in the folder.
Given both --keep and --older-than, both apply: a session is deleted only when
it is beyond the N newest and older than DURATION.`,
  options: [
    {
      name: "keep",
      value: "N",
      help: "Keep the N newest sessions"
    },
    {
      name: "older-than",
      value: "DURATION",
      help: "Delete sessions older than DURATION (90min, 12h, 30d, 2w, 6mo; not 'm')"
    },
    {
      name: "dry-run",
      help: "Only list what would be deleted"
    },
    PROJECT_ALIAS
  ],
  maxPositionals: 0,
  jsonSchema: "clean.schema.json",
  examples: [
    "clean --keep 50",
    "clean --older-than 30d --dry-run",
    "clean --keep 10 --older-than 2w"
  ],
  async run(context) {
    const { cleanSessions: cleanSessions2, renderClean: renderClean2 } = await Promise.resolve().then(() => (init_clean(), clean_exports));
    const v = context.values;
    const keep = parseCount("keep", v.keep);
    const olderThanMs = parseDurationOption("older-than", v["older-than"]);
    if (keep === void 0 && olderThanMs === void 0) {
      throw new UsageError("Say which sessions to delete with '--keep N' or '--older-than DURATION': run 'mpm-session clean --help' for usage");
    }
    const result = await cleanSessions2({
      projectPath: context.projectPath(v.project),
      keep,
      olderThanMs,
      dryRun: Boolean(v["dry-run"])
    });
    if (context.global.json) context.printJson(result);
    else context.print(renderClean2(result));
    for (const e of result.errors) context.detail(e);
    return 0;
  }
};

// lib/commands/completions_cli.ts
init_errors();

// lib/cli/parse.ts
init_errors();

// lib/cli/suggest.ts
function editDistance(a, b) {
  const d = Array.from({
    length: a.length + 1
  }, (_, i) => Array.from({
    length: b.length + 1
  }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
function closest(input, known) {
  const lower = input.toLowerCase();
  const squash = (s) => s.replace(/[-_]/g, "");
  let best;
  let bestScore = Infinity;
  for (const name of known) {
    const score = squash(lower) === squash(name) ? 0 : editDistance(lower, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  if (best !== void 0 && bestScore <= limit) return best;
  const prefixed = known.filter((n) => n.startsWith(lower));
  return lower.length >= 2 && prefixed.length === 1 ? prefixed[0] : void 0;
}

// lib/cli/parse.ts
var GLOBAL_OPTIONS = [
  {
    name: "directory",
    short: "C",
    value: "PATH",
    help: "Run as if started in PATH (git's -C)"
  },
  {
    name: "quiet",
    short: "q",
    help: "Print only errors and warnings (--json still prints)"
  },
  {
    name: "verbose",
    short: "v",
    help: "Say more: every worktree and its outcome, timings, stack traces on internal errors"
  },
  {
    name: "json",
    help: "Print one JSON document, errors included"
  },
  {
    name: "color",
    value: "WHEN",
    choices: [
      "auto",
      "always",
      "never"
    ],
    help: "Colour: auto (default; honours NO_COLOR, FORCE_COLOR, TERM=dumb), always, never"
  },
  {
    name: "help",
    short: "h",
    help: "Show help"
  }
];
function helpHint(command) {
  return command ? `run 'mpm-session ${command} --help' to see the options` : "run 'mpm-session --help' to see the commands";
}
function display(spec) {
  return `--${spec.name}`;
}
function globalsOf(values) {
  const color = values.color ?? "auto";
  return {
    directory: values.directory,
    quiet: Boolean(values.quiet),
    verbose: Boolean(values.verbose),
    json: Boolean(values.json),
    color
  };
}
function wantsJson(args) {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}
var OptionReader = class {
  specs;
  command;
  values;
  positionals;
  constructor(specs, command) {
    this.specs = specs;
    this.command = command;
    this.values = {};
    this.positionals = [];
  }
  byLong(name) {
    return this.specs.find((s) => s.name === name);
  }
  byShort(letter) {
    return this.specs.find((s) => s.short === letter);
  }
  set(spec, value) {
    if (spec.choices && typeof value === "string" && !spec.choices.includes(value)) {
      const guess = closest(value, spec.choices);
      throw new UsageError(`Option '${display(spec)}' got '${value}': use ${spec.choices.map((c) => `'${c}'`).join(", ")}${guess ? `: did you mean '${guess}'?` : ""}`);
    }
    if (spec.multiple) {
      const list = this.values[spec.name] ?? [];
      list.push(value);
      this.values[spec.name] = list;
    } else {
      this.values[spec.name] = value;
    }
  }
  unknown(token) {
    const where = this.command ? ` for '${this.command}'` : "";
    let guess;
    if (token.startsWith("--")) {
      const name = closest(token.slice(2).split("=")[0], this.specs.filter((s) => !s.hidden).map((s) => s.name));
      guess = name && `--${name}`;
    }
    return new UsageError(`Unknown option '${token.split("=")[0]}'${where}: ${guess ? `did you mean '${guess}'? Or ${helpHint(this.command)}` : helpHint(this.command)}`);
  }
  needsValue(spec) {
    return new UsageError(`Option '${display(spec)}' needs a value: give it as '${display(spec)} ${spec.value}': ${helpHint(this.command)}`);
  }
  /** Whether `arg` is one of the known options, such as `--json` or `-q`. */
  isOption(arg) {
    if (arg.startsWith("--")) {
      return this.byLong(arg.slice(2).split("=")[0]) !== void 0;
    }
    return /^-[a-zA-Z]$/.test(arg) && this.byShort(arg[1]) !== void 0;
  }
  /** The value after `spec`: the next argument, unless it is a known option. */
  nextValue(spec, args, i) {
    if (i + 1 >= args.length) throw this.needsValue(spec);
    const next = args[i + 1];
    if (this.isOption(next)) {
      throw new UsageError(`Option '${display(spec)}' needs a value, got the option '${next}': give the value first, or write '${display(spec)}=${next}' if you meant it as the value`);
    }
    return next;
  }
  /**
   * Reads `args` from `start`; stops at the first positional when
   * `stopAtPositional`, and returns the index it stopped at.
   */
  read(args, start, stopAtPositional) {
    let i = start;
    while (i < args.length) {
      const arg = args[i];
      if (arg === "--") {
        if (stopAtPositional) return i;
        this.positionals.push(...args.slice(i + 1));
        return args.length;
      }
      if (arg.startsWith("--") && arg.length > 2) {
        const eq = arg.indexOf("=");
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        const spec = this.byLong(name);
        if (!spec) throw this.unknown(arg);
        if (spec.value === void 0) {
          if (eq !== -1) {
            throw new UsageError(`Option '${display(spec)}' does not take a value: ${helpHint(this.command)}`);
          }
          this.set(spec, true);
        } else if (eq !== -1) {
          this.set(spec, arg.slice(eq + 1));
        } else {
          this.set(spec, this.nextValue(spec, args, i++));
        }
        i++;
        continue;
      }
      if (arg.startsWith("-") && arg.length > 1) {
        for (let j = 1; j < arg.length; j++) {
          const spec = this.byShort(arg[j]);
          if (!spec) throw this.unknown(`-${arg[j]}`);
          if (spec.value === void 0) {
            this.set(spec, true);
            continue;
          }
          const rest = arg.slice(j + 1).replace(/^=/, "");
          if (rest !== "") this.set(spec, rest);
          else this.set(spec, this.nextValue(spec, args, i++));
          break;
        }
        i++;
        continue;
      }
      if (stopAtPositional) return i;
      this.positionals.push(arg);
      i++;
    }
    return i;
  }
};
function parseCommandLine(args, commands) {
  const extra = [
    {
      name: "version",
      short: "V",
      help: "Show the version"
    }
  ];
  const leading = new OptionReader([
    ...GLOBAL_OPTIONS,
    ...extra
  ], void 0);
  const at = leading.read(args, 0, true);
  const name = args[at] === "--" ? args[at + 1] : args[at];
  const before = leading.values;
  if (name === void 0 || name === "help") {
    const topic = name === "help" ? args[at + 1] : void 0;
    if (topic !== void 0 && !commands.some((c) => c.name === topic)) {
      throw unknownCommand(topic, commands);
    }
    const asked = before.help || before.version || name === "help";
    if (before.version && !before.help) {
      return {
        kind: "version",
        global: globalsOf(before)
      };
    }
    return {
      kind: "help",
      topic,
      exitCode: asked ? 0 : 2,
      global: globalsOf(before)
    };
  }
  if (name === "version") return {
    kind: "version",
    global: globalsOf(before)
  };
  const command = commands.find((c) => c.name === name);
  if (!command) throw unknownCommand(name, commands);
  if (before.version) {
    throw new UsageError(`Option '--version' goes before any command: run 'mpm-session --version'`);
  }
  const reader = new OptionReader([
    ...GLOBAL_OPTIONS,
    ...command.options
  ], command.name);
  Object.assign(reader.values, before);
  reader.read(args, at + (args[at] === "--" ? 2 : 1), false);
  const values = reader.values;
  const global = globalsOf(values);
  if (values.help) {
    return {
      kind: "help",
      topic: command.name,
      exitCode: 0,
      global
    };
  }
  if (reader.positionals.length > command.maxPositionals) {
    throw new UsageError(`Unexpected argument '${reader.positionals[command.maxPositionals]}' for '${command.name}': run 'mpm-session ${command.name} --help' for usage`);
  }
  if (global.json && !command.jsonSchema) {
    throw new UsageError(`Option '--json' does not apply to '${command.name}': ${helpHint(command.name)}`);
  }
  const own = {};
  for (const spec of command.options) own[spec.name] = values[spec.name];
  return {
    kind: "command",
    command,
    values: own,
    positionals: reader.positionals,
    global
  };
}
function unknownCommand(name, commands) {
  if (name.startsWith("-")) {
    return new UsageError(`Unknown option '${name}': ${helpHint()}`);
  }
  const guess = closest(name, commands.map((c) => c.name));
  return new UsageError(`Unknown command '${name}': ${guess ? `did you mean '${guess}'? Or ${helpHint()}` : helpHint()}`);
}

// lib/cli/completions.ts
var SHELLS = [
  "bash",
  "zsh",
  "fish"
];
function flags(specs) {
  return specs.filter((s) => !s.hidden).flatMap((s) => s.short ? [
    `--${s.name}`,
    `-${s.short}`
  ] : [
    `--${s.name}`
  ]);
}
function bash(commands) {
  const cases = commands.map((c) => `    ${c.name}) opts="${[
    ...flags(c.options),
    ...flags(GLOBAL_OPTIONS),
    ...c.positionalChoices ?? []
  ].join(" ")}" ;;`);
  return `# bash completion for mpm-session (mpm-session completions bash)
_mpm_session() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="" i opts
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -C|--directory|--color) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "\${COMP_WORDS[COMP_CWORD-1]}" in
    -C|--directory) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
  esac
  case "$cmd" in
    "") opts="${commands.map((c) => c.name).join(" ")} ${flags(GLOBAL_OPTIONS).join(" ")} --version -V" ;;
${cases.join("\n")}
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _mpm_session mpm-session
`;
}
function zshEscape(text3) {
  return text3.replace(/'/g, "'\\''").replace(/[[\]:]/g, "\\$&");
}
function zshSpecs(specs) {
  return specs.filter((s) => !s.hidden).map((s) => {
    const action = s.choices ? `(${s.choices.join(" ")})` : s.name === "directory" ? "_files -/" : "_files";
    const body = `[${zshEscape(s.help)}]${s.value ? `:${s.value}:${action}` : ""}`;
    return s.short ? `{-${s.short},--${s.name}}'${body}'` : `'--${s.name}${body}'`;
  });
}
function zsh(commands) {
  const list = commands.map((c) => `'${c.name}:${zshEscape(c.summary)}'`).join(" ");
  const cases = commands.map((c) => `    ${c.name}) _arguments ${[
    ...zshSpecs(c.options),
    ...zshSpecs(GLOBAL_OPTIONS)
  ].join(" ")}${c.positionalChoices ? ` '1:${c.name}:(${c.positionalChoices.join(" ")})'` : " '*:path:_files'"} ;;`);
  return `#compdef mpm-session
# zsh completion for mpm-session (mpm-session completions zsh)
_mpm_session() {
  local -a commands
  commands=(${list})
  local i cmd=""
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      -C|--directory|--color) ((i++)) ;;
      -*) ;;
      *) cmd="\${words[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    _describe command commands
    _arguments ${zshSpecs(GLOBAL_OPTIONS).join(" ")}
    return
  fi
  case "$cmd" in
${cases.join("\n")}
  esac
}
compdef _mpm_session mpm-session
`;
}
function fishEscape(text3) {
  return text3.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
}
function fishOption(spec, condition) {
  const parts = [
    `complete -c mpm-session -n '${condition}'`,
    `-l ${spec.name}`
  ];
  if (spec.short) parts.push(`-s ${spec.short}`);
  if (spec.value) parts.push("-r");
  if (spec.choices) parts.push(`-f -a '${spec.choices.join(" ")}'`);
  parts.push(`-d '${fishEscape(spec.help)}'`);
  return parts.join(" ");
}
function fish(commands) {
  const names = commands.map((c) => c.name).join(" ");
  const lines = [
    "# fish completion for mpm-session (mpm-session completions fish)",
    "complete -c mpm-session -f",
    ...commands.map((c) => `complete -c mpm-session -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d '${fishEscape(c.summary)}'`),
    ...GLOBAL_OPTIONS.map((o) => fishOption(o, "true"))
  ];
  for (const c of commands) {
    const when = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options.filter((s) => !s.hidden)) {
      lines.push(fishOption(o, when));
    }
    if (c.positionalChoices) {
      lines.push(`complete -c mpm-session -n '${when}' -a '${c.positionalChoices.join(" ")}'`);
    }
  }
  return lines.join("\n") + "\n";
}
function completionScript(shell, commands) {
  return shell === "bash" ? bash(commands) : shell === "zsh" ? zsh(commands) : fish(commands);
}

// lib/commands/completions_cli.ts
function completionsCommand(commands) {
  return {
    name: "completions",
    summary: "Print a shell completion script (bash, zsh or fish)",
    usage: "bash|zsh|fish",
    description: `Print a completion script for the shell. Install it with, for example:
  mpm-session completions bash > ~/.local/share/bash-completion/completions/mpm-session
  mpm-session completions zsh > "\${fpath[1]}/_mpm-session"
  mpm-session completions fish > ~/.config/fish/completions/mpm-session.fish`,
    options: [],
    maxPositionals: 1,
    positionalChoices: SHELLS,
    examples: [
      "completions bash",
      "completions fish"
    ],
    run(context) {
      const shell = context.positionals[0];
      if (shell === void 0 || !SHELLS.includes(shell)) {
        const guess = shell === void 0 ? void 0 : closest(shell, SHELLS);
        throw new UsageError(`${shell === void 0 ? "Name a shell" : `Unknown shell '${shell}'`}: use bash, zsh or fish${guess ? `: did you mean '${guess}'?` : ""}`);
      }
      context.io.stdout(completionScript(shell, commands()));
      return Promise.resolve(0);
    }
  };
}

// lib/commands/hook_cli.ts
var hookCommand = {
  name: "hook",
  summary: "Handle a Claude Code hook event read from stdin",
  usage: "[--prune] [--max-age DURATION] < event.json",
  description: `Handle a Claude Code hook event given as JSON on stdin:
  PreCompact     save a session (trigger and transcript recorded; no cleanup
                 unless --prune is given); a repeat within 60 s with the
                 same HEAD, status and todos writes nothing
  SessionStart   print a paused session as context: after a compaction the
                 one just saved, else the newest of this worktree (else of
                 the project) paused within --max-age
Anything else, or bad JSON, prints nothing and exits 0: a hook never breaks
the editor.`,
  options: [
    {
      name: "prune",
      help: "Also clean up worktrees on PreCompact"
    },
    {
      name: "max-age",
      value: "DURATION",
      help: "SessionStart injects only sessions paused within DURATION (default 7d)"
    }
  ],
  maxPositionals: 0,
  async run(context) {
    const { handleHookEvent: handleHookEvent2 } = await Promise.resolve().then(() => (init_hook(), hook_exports));
    const maxAgeMs = parseDurationOption("max-age", context.values["max-age"]);
    const input = await context.io.readStdin().catch(() => "");
    const output = await handleHookEvent2(input, {
      prune: Boolean(context.values.prune),
      maxAgeMs,
      env: context.io.env,
      warn: (line) => context.io.stderr(line + "\n")
    });
    if (output) context.io.stdout(output);
    return 0;
  }
};

// lib/commands/install_hooks_cli.ts
init_errors();
var SCOPE_OPTIONS = [
  {
    name: "project",
    help: ".claude/settings.json of this project (default)"
  },
  {
    name: "user",
    help: "~/.claude/settings.json (honours CLAUDE_CONFIG_DIR)"
  },
  {
    name: "local",
    help: ".claude/settings.local.json of this project (not committed)"
  }
];
function scopeOf(context, command) {
  const v = context.values;
  const scopes = SCOPE_OPTIONS.map((o) => o.name).filter((s) => v[s]);
  if (scopes.length > 1) {
    throw new UsageError(`Give one of '--project', '--user' or '--local', not ${scopes.map((s) => `'--${s}'`).join(" and ")}: run 'mpm-session ${command} --help' for usage`);
  }
  return scopes[0] ?? "project";
}
var installHooksCommand = {
  name: "install-hooks",
  summary: "Add the auto-pause and resume hooks to Claude Code",
  usage: "[--project | --user | --local] [options]",
  description: `Add the PreCompact (auto-pause) and SessionStart (resume) hooks to Claude
Code's settings. Existing settings and hooks are kept, a backup is
written first, and running it again changes nothing.`,
  options: [
    ...SCOPE_OPTIONS,
    {
      name: "command",
      value: "C",
      help: "The command the hooks run (default: the absolute path of this mpm-session)"
    },
    {
      name: "dry-run",
      help: "Show the result without writing"
    }
  ],
  maxPositionals: 0,
  jsonSchema: "install-hooks.schema.json",
  examples: [
    "install-hooks",
    "install-hooks --user --dry-run"
  ],
  async run(context) {
    const { installHooks: installHooks2 } = await Promise.resolve().then(() => (init_install_hooks(), install_hooks_exports));
    const v = context.values;
    const result = await installHooks2({
      scope: scopeOf(context, "install-hooks"),
      command: v.command,
      dryRun: Boolean(v["dry-run"]),
      projectPath: context.global.directory,
      env: context.io.env
    });
    for (const warning of result.warnings) context.warn(warning);
    if (context.global.json) {
      context.printJson({
        ...result,
        dry_run: Boolean(v["dry-run"])
      });
    } else context.print(result.text);
    return 0;
  }
};

// lib/commands/list_cli.ts
var listCommand = {
  name: "list",
  summary: "List saved sessions, newest first",
  usage: "[options]",
  description: "List saved sessions, newest first: id, time, branch, first line of the message.",
  options: [
    {
      name: "limit",
      short: "n",
      value: "N",
      help: "Show at most N sessions (default 20)"
    },
    {
      name: "all",
      help: "Show every session"
    },
    PROJECT_ALIAS
  ],
  maxPositionals: 0,
  jsonSchema: "list.schema.json",
  examples: [
    "list",
    "list -n 5 --json",
    "list --all"
  ],
  async run(context) {
    const { renderList: renderList2 } = await Promise.resolve().then(() => (init_text(), text_exports));
    const { listSessions: listSessions2 } = await Promise.resolve().then(() => (init_resume(), resume_exports));
    const v = context.values;
    const limit = v.all ? void 0 : parseCount("limit", v.limit) ?? 20;
    const result = await listSessions2({
      projectPath: context.projectPath(v.project),
      limit
    });
    if (context.global.json) context.printJson(result);
    else {
      context.print(renderList2(result, context.colors));
      context.detail(`Sessions folder: ${result.sessionsDir}`);
    }
    return 0;
  }
};

// lib/commands/pause_cli.ts
init_errors();
var pauseCommand = {
  name: "pause",
  summary: "Save the work state, then clean up .claude/worktrees/",
  usage: "[PROJECT_PATH] [options]",
  description: `Save the work state (message, git branch, HEAD, recent commits, status,
Claude Code todos and tasks) to .claude-mpm/sessions/ at the project root,
then remove agent worktrees under .claude/worktrees/ that are provably
disposable. Anything with work a person could miss is kept, with the reason.
PROJECT_PATH is read relative to -C.`,
  options: [
    {
      name: "message",
      short: "m",
      value: "TEXT",
      help: "What you were doing (shown when you resume)"
    },
    {
      name: "todos",
      value: "FILE",
      help: "Todos as JSON to save too (- reads stdin)"
    },
    {
      name: "export",
      value: "FILE",
      help: "Also write a copy of the session JSON to FILE"
    },
    {
      name: "no-prune-worktrees",
      help: "Skip the worktree cleanup"
    },
    ...CLEANUP_OPTIONS
  ],
  maxPositionals: 1,
  jsonSchema: "pause.schema.json",
  examples: [
    'pause -m "Auth refactor: about to test the login flow"',
    "pause ~/code/app --no-prune-worktrees",
    "pause --export /tmp/session-backup.json --json"
  ],
  async run(context) {
    const { renderPause: renderPause2 } = await Promise.resolve().then(() => (init_text(), text_exports));
    const { pause: pause2 } = await Promise.resolve().then(() => (init_pause(), pause_exports));
    const v = context.values;
    const message = v.message;
    if (message !== void 0 && message.trim() === "") {
      throw new UsageError("Empty message for '-m': give some text, or leave '-m' out to pause without a message");
    }
    const todos = await readTodosOption(v.todos, context.io);
    const flags2 = cleanupFlags(context);
    const progress = progressReporter(context);
    const interrupt = interruptController(context.io);
    try {
      const pruneOptions = {
        ...flags2,
        onProgress: progress.update,
        signal: interrupt.signal
      };
      const result = await pause2({
        projectPath: context.projectPath(context.positionals[0]),
        message,
        todos,
        exportPath: v.export,
        pruneWorktrees: !v["no-prune-worktrees"],
        pruneOptions,
        env: context.io.env
      });
      progress.done();
      if (context.global.json) context.printJson(result);
      else {
        context.print(renderPause2(result, context.colors, context.width));
        if (context.global.verbose && result.cleanup) {
          const lines = verboseCleanupLines(result.cleanup);
          if (lines.length) context.print(lines.join("\n") + "\n");
        }
      }
      return interrupt.signal.aborted ? interrupt.exitCode() : 0;
    } finally {
      interrupt.dispose();
    }
  }
};

// lib/commands/prune_cli.ts
var pruneCommand = {
  name: "prune",
  summary: "Clean up .claude/worktrees/ only (for CI)",
  usage: "[PROJECT_PATH] [options]",
  description: `Clean up .claude/worktrees/ without pausing: remove registered worktrees
that are clean and fully integrated, clean registrations whose directory is
gone, and sweep orphaned directories that hold nothing. Never uses --force,
never follows a symlink, never touches anything outside .claude/worktrees/.
PROJECT_PATH is read relative to -C.`,
  options: [
    {
      name: "dry-run",
      help: "Change nothing; say what would go and what stays"
    },
    {
      name: "fail-on-preserved",
      help: "Exit 3 when anything was kept (for CI gates)"
    },
    ...CLEANUP_OPTIONS
  ],
  maxPositionals: 1,
  jsonSchema: "prune.schema.json",
  notes: `Exit codes: 0 done, 1 failure, 2 usage error, 3 something was kept
(--fail-on-preserved), 130 interrupted (143 on SIGTERM).`,
  examples: [
    "prune --dry-run",
    "prune --json --fail-on-preserved",
    "-C ~/code/app prune -v"
  ],
  async run(context) {
    const { renderPrune: renderPrune2 } = await Promise.resolve().then(() => (init_text(), text_exports));
    const { prune: prune2 } = await Promise.resolve().then(() => (init_prune(), prune_exports));
    const v = context.values;
    const flags2 = cleanupFlags(context);
    const progress = progressReporter(context);
    const interrupt = interruptController(context.io);
    try {
      const options = {
        ...flags2,
        projectPath: context.projectPath(context.positionals[0]),
        dryRun: Boolean(v["dry-run"]),
        onProgress: progress.update,
        signal: interrupt.signal
      };
      const summary = await prune2(options);
      progress.done();
      if (context.global.json) context.printJson(summary);
      else {
        context.print(renderPrune2(summary, context.colors, context.width));
        if (context.global.verbose) {
          const lines = verboseCleanupLines(summary);
          if (lines.length) context.print(lines.join("\n") + "\n");
        }
      }
      if (interrupt.signal.aborted) return interrupt.exitCode();
      if (summary.skipped) return 1;
      const kept = summary.preserved_count + summary.orphans_preserved;
      return v["fail-on-preserved"] && kept > 0 ? 3 : 0;
    } finally {
      interrupt.dispose();
    }
  }
};

// lib/commands/restore_cli.ts
init_errors();
var restoreCommand = {
  name: "restore",
  summary: "Bring back a worktree a cleanup removed",
  usage: "NAME|PATH | --list",
  description: `Re-create a worktree a cleanup removed, at its old path on its old branch,
from the rescue refs the cleanup recorded before deleting it (the branch is
re-created from them when --delete-branches removed it). Refuses when the
path is taken or the branch now points elsewhere. Rescue refs live under
refs/mpm-session/rescue/ for --rescue-days (default 30).`,
  options: [
    {
      name: "list",
      help: "List the recorded removals, newest first"
    }
  ],
  maxPositionals: 1,
  jsonSchema: "restore.schema.json",
  examples: [
    "restore --list",
    "restore agent-a1b2",
    "restore --list --json"
  ],
  async run(context) {
    const { renderRestoreList: renderRestoreList2 } = await Promise.resolve().then(() => (init_restore_text(), restore_text_exports));
    const { listRestorable: listRestorable2, restore: restore2 } = await Promise.resolve().then(() => (init_restore(), restore_exports));
    const target = context.positionals[0];
    const list = Boolean(context.values.list);
    if (list === (target !== void 0)) {
      throw new UsageError(list ? "Give either '--list' or a NAME to restore, not both: run 'mpm-session restore --help' for usage" : "Say which worktree to restore: give its NAME or PATH, or '--list' to see them");
    }
    const projectPath = context.projectPath();
    if (list) {
      const removals = await listRestorable2({
        projectPath
      });
      if (context.global.json) context.printJson({
        removals,
        restored: null
      });
      else {
        context.print(renderRestoreList2(removals, Date.now(), context.width));
      }
      return 0;
    }
    const restored = await restore2({
      projectPath,
      target
    });
    if (context.global.json) context.printJson({
      removals: null,
      restored
    });
    else context.print(`${restored.message}
`);
    return 0;
  }
};

// lib/commands/uninstall_hooks_cli.ts
var uninstallHooksCommand = {
  name: "uninstall-hooks",
  summary: "Remove the hooks install-hooks added",
  usage: "[--project | --user | --local] [options]",
  description: `Remove exactly the hooks install-hooks added (every 'mpm-session hook'
command, whatever path it was installed with) from Claude Code's settings.
Other settings and hooks are kept, and a backup is written first.`,
  options: [
    ...SCOPE_OPTIONS,
    {
      name: "dry-run",
      help: "Show the result without writing"
    }
  ],
  maxPositionals: 0,
  jsonSchema: "uninstall-hooks.schema.json",
  examples: [
    "uninstall-hooks",
    "uninstall-hooks --user --dry-run"
  ],
  async run(context) {
    const { uninstallHooks: uninstallHooks2 } = await Promise.resolve().then(() => (init_install_hooks(), install_hooks_exports));
    const dryRun = Boolean(context.values["dry-run"]);
    const result = await uninstallHooks2({
      scope: scopeOf(context, "uninstall-hooks"),
      dryRun,
      projectPath: context.global.directory,
      env: context.io.env
    });
    if (context.global.json) context.printJson({
      ...result,
      dry_run: dryRun
    });
    else context.print(result.text);
    return 0;
  }
};

// lib/commands/worktrees_cli.ts
var worktreesCommand = {
  name: "worktrees",
  summary: "Show every agent worktree and what a cleanup would do with it",
  usage: "[options]",
  description: `List every worktree and orphaned directory under .claude/worktrees/, one
line each: name, branch, last activity, size, integration check, and what
'prune' would do (would go, or kept and why), then the totals. Changes
nothing: it is the cleanup's dry run.`,
  options: [
    {
      name: "ignored-cache",
      value: "NAME",
      multiple: true,
      help: "Ignored files named NAME are a rebuildable cache (repeatable)"
    }
  ],
  maxPositionals: 0,
  jsonSchema: "worktrees.schema.json",
  examples: [
    "worktrees",
    "worktrees --json",
    "-C ~/code/app worktrees"
  ],
  async run(context) {
    const { renderWorktrees: renderWorktrees2 } = await Promise.resolve().then(() => (init_worktrees_text(), worktrees_text_exports));
    const { listWorktrees: listWorktrees3 } = await Promise.resolve().then(() => (init_worktrees(), worktrees_exports));
    const list = await listWorktrees3({
      projectPath: context.projectPath(),
      pruneOptions: {
        extraDisposableIgnored: context.values["ignored-cache"] ?? []
      }
    });
    if (context.global.json) context.printJson(list);
    else {
      context.print(renderWorktrees2(list, context.colors, Date.now(), context.width));
    }
    return list.skipped ? 1 : 0;
  }
};

// lib/commands/registry.ts
var COMMANDS = [
  pauseCommand,
  resumeCommand,
  listCommand,
  pruneCommand,
  worktreesCommand,
  restoreCommand,
  cleanCommand,
  hookCommand,
  installHooksCommand,
  uninstallHooksCommand,
  completionsCommand(() => COMMANDS)
];

// lib/cli/help.ts
init_version();
var EXIT_CODES = "Exit codes: 0 success, 1 failure, 2 usage error, 3 prune kept something\n(with --fail-on-preserved), 130 interrupted (143 on SIGTERM).";
function optionLabel(spec) {
  const short = spec.short ? `-${spec.short}, ` : "    ";
  return `${short}--${spec.name}${spec.value ? ` ${spec.value}` : ""}`;
}
function optionTable(specs) {
  const shown = specs.filter((s) => !s.hidden);
  const width = Math.max(...shown.map((s) => optionLabel(s).length)) + 2;
  return shown.map((s) => `  ${optionLabel(s).padEnd(width)}${s.help}`);
}
function mainHelp(commands) {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  return [
    `mpm-session ${VERSION}`,
    "Pause and resume AI coding sessions; keep agent git worktrees tidy without losing work.",
    "",
    "Usage: mpm-session <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Global options (before or after the command):",
    ...optionTable([
      ...GLOBAL_OPTIONS,
      {
        name: "version",
        short: "V",
        help: "Show the version"
      }
    ]),
    "",
    "Examples:",
    '  mpm-session pause -m "Auth refactor: login flow next"',
    "  mpm-session resume",
    "  mpm-session -C ~/code/app prune --dry-run",
    "",
    EXIT_CODES,
    "Session files live in <project>/.claude-mpm/sessions/.",
    "Run 'mpm-session <command> --help' for a command's options."
  ].join("\n");
}
function commandHelp(command) {
  const lines = [
    `Usage: mpm-session ${command.name} ${command.usage}`.trimEnd(),
    "",
    command.description,
    ""
  ];
  if (command.options.some((o) => !o.hidden)) {
    lines.push("Options:", ...optionTable(command.options), "");
  }
  lines.push("Global options: -C PATH, -q/--quiet, -v/--verbose, --color WHEN" + (command.jsonSchema ? ", --json" : "") + ", -h/--help");
  if (command.notes) lines.push("", command.notes);
  if (command.examples?.length) {
    lines.push("", "Examples:", ...command.examples.map((e) => `  mpm-session ${e}`));
  }
  return lines.join("\n");
}

// lib/cli/io.ts
import process17 from "node:process";
async function readAllStdin() {
  const chunks = [];
  for await (const chunk of process17.stdin) chunks.push(chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(out);
}
var closed = /* @__PURE__ */ new Set();
function isBrokenPipe(error) {
  const e = error;
  return e?.code === "EPIPE" || e?.name === "BrokenPipe" || e?.code === "ERR_STREAM_DESTROYED";
}
function guard(stream) {
  stream.on("error", (error) => {
    if (isBrokenPipe(error)) closed.add(stream);
  });
  return (text3) => {
    if (closed.has(stream)) return;
    try {
      stream.write(text3);
    } catch (error) {
      if (isBrokenPipe(error)) closed.add(stream);
      else throw error;
    }
  };
}
var streams;
function processIo() {
  streams ??= {
    out: guard(process17.stdout),
    err: guard(process17.stderr)
  };
  return {
    stdout: streams.out,
    stderr: streams.err,
    stdoutIsTty: Boolean(process17.stdout.isTTY),
    stderrIsTty: Boolean(process17.stderr.isTTY),
    columns: process17.stdout.isTTY ? process17.stdout.columns : void 0,
    readStdin: readAllStdin,
    env: process17.env
  };
}
async function exitWhenFlushed(code) {
  const flushed = (stream) => closed.has(stream) ? Promise.resolve() : new Promise((resolve15) => {
    try {
      stream.write("", () => resolve15());
    } catch {
      resolve15();
    }
  });
  await Promise.race([
    Promise.all([
      flushed(process17.stdout),
      flushed(process17.stderr)
    ]),
    new Promise((resolve15) => setTimeout(resolve15, 1e4))
  ]);
  process17.exit(code);
}

// lib/cli/json.ts
init_errors();
var JSON_SCHEMA_VERSION = 1;
var VERBATIM_KEYS = /* @__PURE__ */ new Set([
  "todos",
  "open_todos",
  "completed_since",
  "pending_tasks",
  "in_progress_tasks",
  // Ref names are data, not field names: `refs/mpm-session/...` stays.
  "refs"
]);
function snakeCase(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/-/g, "_").toLowerCase();
}
function snakeKeys(value) {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const name = snakeCase(key);
    out[name] = VERBATIM_KEYS.has(name) ? item : snakeKeys(item);
  }
  return out;
}
function pruneReportJson(summary) {
  const dry = summary.dry_run;
  const { pruned_count, orphans_swept, ...rest } = summary;
  return {
    ...rest,
    pruned_count: dry ? 0 : pruned_count,
    would_prune_count: dry ? pruned_count : 0,
    orphans_swept: dry ? 0 : orphans_swept,
    would_sweep_count: dry ? orphans_swept : 0,
    worktrees: summary.worktrees.map((w) => ({
      ...w,
      branch_deleted: w.branch_deleted ?? null,
      branch_note: w.branch_note ?? null,
      rescue_ref: w.rescue_ref ?? null,
      last_activity_at: w.last_activity_at ?? null
    }))
  };
}
function sessionJson2(doc) {
  if (doc === null || typeof doc !== "object") return doc;
  const d = doc;
  const trigger = d.trigger ?? {};
  const summary = d.worktree_prune_summary;
  return {
    ...d,
    trigger: {
      source: trigger.source ?? null,
      event: trigger.event ?? null,
      trigger: trigger.trigger ?? null
    },
    worktree_prune_summary: summary ? pruneReportJson(summary) : null
  };
}
function normalised(kind, result) {
  switch (kind) {
    case "prune":
      return pruneReportJson(result);
    case "pause": {
      const cleanup = result.cleanup;
      return {
        ...result,
        session: sessionJson2(result.session),
        cleanup: cleanup ? pruneReportJson(cleanup) : null,
        exportPath: result.exportPath ?? null
      };
    }
    case "resume":
      return {
        ...result,
        session: sessionJson2(result.session ?? null)
      };
    case "list":
      return {
        ...result,
        sessions: result.sessions.map((s) => ({
          ...s,
          worktree: s.worktree ?? null,
          error: s.error ?? null
        })),
        projectRoot: result.projectRoot ?? null
      };
    case "clean": {
      const dry = Boolean(result.dry_run);
      return {
        ...result,
        deleted: dry ? [] : result.deleted,
        would_delete: dry ? result.deleted : []
      };
    }
    default:
      return result;
  }
}
function jsonDocument(kind, result) {
  const body = snakeKeys(normalised(kind, result));
  return JSON.stringify({
    schema_version: JSON_SCHEMA_VERSION,
    ...body
  }, null, 2) + "\n";
}
function errorCode(error) {
  return error instanceof UsageError ? "usage" : error instanceof UserError ? "failed" : "internal";
}
function errorDocument(error) {
  return JSON.stringify({
    schema_version: JSON_SCHEMA_VERSION,
    error: {
      code: errorCode(error),
      message: messageOf(error).split("\n")[0]
    }
  }, null, 2) + "\n";
}

// lib/cli/locale.ts
function isUtf8Locale(env) {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /utf-?8/i.test(locale);
}
var ASCII = {
  "\u2026": "...",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2014": "--",
  "\u2013": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2022": "*",
  "\xB7": "-",
  "\xD7": "x",
  "\u2713": "ok",
  "\u2717": "x",
  "\u2265": ">=",
  "\u2264": "<=",
  "\xA0": " "
};
var SYMBOL = new RegExp(`[${Object.keys(ASCII).join("")}]`, "g");
function toAscii(text3) {
  return text3.replace(/[^\s.][^\s.]…/g, "...").replace(SYMBOL, (s) => ASCII[s]);
}

// cli.ts
init_errors();
init_color();
init_fit();
init_version();
function rawColorMode(args) {
  for (let i = args.length - 1; i >= 0; i--) {
    const m = /^--color(?:=(.*))?$/.exec(args[i]);
    const value = m && (m[1] ?? args[i + 1]);
    if (value === "always" || value === "never") return value;
  }
  return "auto";
}
async function main(args, io = processIo()) {
  const json = wantsJson(args);
  const debug = args.includes("--verbose") || args.includes("-v") || io.env.MPM_DEBUG === "1";
  try {
    return await run(args, io);
  } catch (error) {
    if (debug && error instanceof Error && !(error instanceof UserError)) {
      io.stderr(`${error.stack ?? error.message}
`);
    }
    const message = messageOf(error).split("\n")[0];
    const err = colorsFor(io.stderrIsTty, io.env, rawColorMode(args));
    if (json) io.stdout(errorDocument(error));
    const line = error instanceof UserError || debug ? message : `${message} (run with --verbose or MPM_DEBUG=1 for details)`;
    io.stderr(`${err.red("error")}: ${line}
`);
    return error instanceof UserError ? error.exitCode : 1;
  }
}
function contextFor(global, io, values, positionals) {
  const ascii = !isUtf8Locale(io.env);
  const plain2 = (text3) => ascii ? toAscii(text3) : text3;
  const errorColors = colorsFor(io.stderrIsTty, io.env, global.color);
  return {
    values,
    positionals,
    global,
    io,
    colors: colorsFor(io.stdoutIsTty, io.env, global.color),
    errorColors,
    width: terminalWidth(io.columns, io.env),
    print: (text3) => {
      if (!global.quiet) io.stdout(plain2(text3));
    },
    printJson: (document) => io.stdout(jsonDocument(currentKind, document)),
    warn: (line) => io.stderr(plain2(`${errorColors.yellow("warning")}: ${line}
`)),
    detail: (line) => {
      if (global.verbose) io.stderr(plain2(`${errorColors.dim(line)}
`));
    },
    projectPath: (positional) => {
      const base = global.directory;
      if (positional === void 0) return base;
      return base === void 0 ? positional : resolve14(base, positional);
    }
  };
}
var currentKind = "";
async function run(args, io) {
  const parsed = parseCommandLine(args, COMMANDS);
  if (parsed.kind === "version") {
    io.stdout(`mpm-session ${VERSION}
`);
    return 0;
  }
  if (parsed.kind === "help") {
    const command2 = COMMANDS.find((c) => c.name === parsed.topic);
    io.stdout((command2 ? commandHelp(command2) : mainHelp(COMMANDS)) + "\n");
    return parsed.exitCode;
  }
  const { command, values, positionals, global } = parsed;
  if (global.directory !== void 0 && global.directory.trim() === "") {
    throw new UsageError("Option '-C' needs a folder: give it as '-C PATH'");
  }
  currentKind = command.name;
  const started = Date.now();
  const context = contextFor(global, io, values, positionals);
  const code = await command.run(context);
  context.detail(`${command.name} took ${((Date.now() - started) / 1e3).toFixed(2)} s`);
  return code;
}
if (false) {
  await exitWhenFlushed(await main(process18.argv.slice(2)));
}

// npm/bin.ts
await exitWhenFlushed(await main(process19.argv.slice(2)));
