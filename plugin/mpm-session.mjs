#!/usr/bin/env node
// npm/bin.ts
import process12 from "node:process";

// cli.ts
import { readFile as readFile8 } from "node:fs/promises";
import process11 from "node:process";
import { parseArgs } from "node:util";

// lib/commands/pause.ts
import { stat as stat9 } from "node:fs/promises";
import { dirname as dirname4, resolve as resolve7 } from "node:path";
import process8 from "node:process";

// lib/errors.ts
var UserError = class extends Error {
  /** The exit code the CLI uses. */
  exitCode;
  /** Creates the error; `exitCode` defaults to 1. */
  constructor(message, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
};
var UsageError = class extends UserError {
  /** Creates the error, always with exit code 2. */
  constructor(message) {
    super(message, 2);
    this.name = "UsageError";
  }
};
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// lib/gather/git.ts
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { constants } from "node:os";
import { delimiter, resolve } from "node:path";
import process from "node:process";
var DEFAULT_GIT_TIMEOUT_MS = 6e4;
var GitNotFoundError = class extends Error {
  constructor() {
    super("Cannot run git: 'git' was not found on PATH: install git or add it to PATH");
    this.name = "GitNotFoundError";
  }
};
var GitError = class extends Error {
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
function describeGitFailure(result) {
  if (result.timedOut) return "timed out";
  const line = result.stderr.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  const text = line?.replace(/^(fatal|error|warning): /, "") ?? `exit code ${result.code}`;
  return text.length > 300 ? `${text.slice(0, 300)}\u2026` : text;
}
function timeoutFromEnv() {
  const raw = process.env.MPM_GIT_TIMEOUT_MS;
  const parsed = raw === void 0 ? NaN : Number(raw);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_GIT_TIMEOUT_MS;
}
var BASE_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_PAGER: "cat",
  // Messages are parsed and quoted; keep them in one language.
  LC_ALL: "C",
  LANGUAGE: "C"
};
var resolvedGit;
async function gitExecutable() {
  const pathEnv = process.env.PATH ?? "";
  if (resolvedGit?.pathEnv === pathEnv) return resolvedGit.path;
  const windows = process.platform === "win32";
  const name = windows ? "git.exe" : "git";
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === "") continue;
    const candidate = resolve(dir, name);
    try {
      const info = await stat(candidate);
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
var gitCalls = 0;
async function runGit(args, options) {
  const readOnly = options.readOnly ?? true;
  const git = await gitExecutable();
  const argv = [
    ...readOnly ? [
      "--no-optional-locks"
    ] : [],
    ...args
  ];
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv();
  gitCalls++;
  const result = await new Promise((done) => {
    const child = spawn(git, argv, {
      cwd: options.cwd,
      env: {
        ...process.env,
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
      done({
        code: code ?? 128 + (constants.signals[signal] ?? 0),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + killed,
        timedOut: false
      });
    });
  });
  if (!(result instanceof Error)) return result;
  return await launchFailure(result, options.cwd);
}
async function launchFailure(error, cwd) {
  const code = error.code;
  const cwdGone = await stat(cwd).then((s) => !s.isDirectory(), () => true);
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

// lib/gather/claude.ts
import { open, readdir, readFile, stat as stat2 } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import process2 from "node:process";
function claudeConfigDir(env = process2.env) {
  return env.CLAUDE_CONFIG_DIR || join(homeDir(env), ".claude");
}
function homeDir(env = process2.env) {
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
async function transcriptCwd(path) {
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
      }
    }
  } catch {
    return void 0;
  } finally {
    await handle?.close();
  }
  return void 0;
}
async function findLatestTranscript(configDir, projectRoot) {
  const projectsDir = join(configDir, "projects");
  const encoded = encodeProjectPath(projectRoot);
  let folders;
  try {
    folders = (await readdir(projectsDir)).filter((name) => name === encoded || encoded.length > 100 && name.startsWith(encoded.slice(0, 100)));
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
        const info = await stat2(path);
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
    if (await transcriptCwd(candidate.path) === projectRoot) {
      return {
        sessionId: candidate.sessionId,
        path: candidate.path
      };
    }
  }
  return void 0;
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
function parseTodosDocument(text) {
  let value;
  try {
    value = JSON.parse(text);
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
async function readClaudeState(projectRoot, env = process2.env) {
  const configDir = claudeConfigDir(env);
  const state = {
    sessionId: null,
    transcriptPath: null,
    todos: [],
    tasks: [],
    sources: [],
    warnings: []
  };
  const transcript = env.CLAUDE_CODE_SESSION_ID ? void 0 : await findLatestTranscript(configDir, projectRoot);
  state.sessionId = env.CLAUDE_CODE_SESSION_ID || transcript?.sessionId || null;
  state.transcriptPath = transcript?.path ?? null;
  const taskListId = env.CLAUDE_CODE_TASK_LIST_ID || state.sessionId;
  if (taskListId) await readTasks(join(configDir, "tasks", taskListId), state);
  if (state.sessionId) {
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

// lib/gather/project.ts
import { realpath, stat as stat4 } from "node:fs/promises";
import { resolve as resolve3 } from "node:path";
import process3 from "node:process";

// lib/gather/repo.ts
import { stat as stat3 } from "node:fs/promises";
import { join as join2, resolve as resolve2 } from "node:path";

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

// lib/gather/worktree_list_parse.ts
function parseWorktreeList(output) {
  const records = [];
  let current;
  for (const field of output.split("\0")) {
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
      continue;
    }
    if (!current) continue;
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

// lib/types.ts
var SCHEMA_VERSION = 1;
var MAX_LISTED_PATHS = 500;

// lib/gather/repo.ts
async function locateRepo(cwd) {
  const flags = [
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
  const all = await ask(...flags);
  if (all.code !== 0) return void 0;
  let paths = all.stdout.split("\n");
  if (paths.at(-1) === "") paths.pop();
  if (paths.length !== flags.length) {
    const each = await Promise.all(flags.map((flag) => ask(flag)));
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
  const found = await Promise.all(markers.map(([name]) => exists(join2(gitDir, name))));
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
var FULL_STATUS_ARGS = statusArgs({
  branch: true,
  stash: true
});
var FIELD = "";
var RECORD = "";
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
async function captureGitContext(repo) {
  const cwd = repo.topLevel;
  const [statusResult, commits, worktrees, operation] = await Promise.all([
    runGit([
      ...FULL_STATUS_ARGS
    ], {
      cwd
    }),
    recentCommits(cwd).then((list) => ({
      ok: true,
      list
    }), (error) => ({
      ok: false,
      error
    })),
    runGit([
      "worktree",
      "list",
      "--porcelain",
      "-z"
    ], {
      cwd
    }),
    operationInProgress(repo.gitDir)
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
      context.stash_count = status.stashCount;
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

// lib/gather/project.ts
async function resolveProject(projectPath) {
  const given = resolve3(process3.cwd(), projectPath ?? ".");
  let info;
  try {
    info = await stat4(given);
  } catch {
    throw new UserError(`Cannot use project path '${given}': no such directory: check the path or omit it to use the current directory`);
  }
  if (!info.isDirectory()) {
    throw new UserError(`Cannot use project path '${given}': not a directory: give the project's folder`);
  }
  const workingDirectory = await realpath(given);
  try {
    const repo = await locateRepo(workingDirectory);
    if (repo) return {
      root: repo.topLevel,
      workingDirectory,
      repo
    };
  } catch (error) {
    if (!(error instanceof GitNotFoundError)) throw error;
    return {
      root: workingDirectory,
      workingDirectory,
      gitMissing: true
    };
  }
  return {
    root: workingDirectory,
    workingDirectory
  };
}

// lib/gather/sessions.ts
import { readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// lib/decide/session_id.ts
var ID_PATTERN = /^session-(\d{8})-(\d{6})(?:-(\d+))?$/;
function baseSessionId(date) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  const day = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
  return `session-${day}-${time}`;
}
function candidateSessionId(base, attempt) {
  return attempt <= 1 ? base : `${base}-${attempt}`;
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

// lib/gather/sessions.ts
var SESSIONS_DIR = join3(".claude-mpm", "sessions");
var LATEST_FILE = "LATEST-SESSION.txt";
function sessionsDirFor(projectRoot) {
  return join3(projectRoot, SESSIONS_DIR);
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
    const text = await readFile2(join3(sessionsDir, LATEST_FILE), "utf8");
    return /session-\d{8}-\d{6}(?:-\d+)?/.exec(text)?.[0];
  } catch {
    return void 0;
  }
}
async function loadSession(sessionsDir, id) {
  const path = join3(sessionsDir, `${id}.json`);
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read session '${path}': ${error.message}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Cannot read session '${path}': not valid JSON`);
  }
  const doc = value;
  if (typeof doc !== "object" || doc === null || typeof doc.session_id !== "string" || typeof doc.paused_at !== "string") {
    throw new Error(`Cannot read session '${path}': missing 'session_id' or 'paused_at'`);
  }
  return normaliseSession(doc);
}
function normaliseSession(doc) {
  const git = doc.git_context ?? {};
  const status = git.status ?? {};
  const list = (v) => Array.isArray(v) ? v : [];
  return {
    ...doc,
    schema_version: doc.schema_version ?? 0,
    session_id: doc.session_id,
    paused_at: doc.paused_at,
    project_path: doc.project_path ?? "",
    conversation: {
      summary: doc.conversation?.summary ?? null
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
          conflicted: list(status.conflicted_files).length
        },
        truncated: status.truncated ?? false
      },
      stash_count: git.stash_count ?? 0,
      operation_in_progress: git.operation_in_progress ?? null,
      worktree_count: git.worktree_count ?? 0,
      errors: list(git.errors)
    },
    active_context: {
      working_directory: doc.active_context?.working_directory ?? ""
    },
    resume_instructions: {
      quick_start: list(doc.resume_instructions?.quick_start),
      files_to_review: list(doc.resume_instructions?.files_to_review),
      validation_commands: list(doc.resume_instructions?.validation_commands)
    },
    todos: list(doc.todos),
    task_list: {
      pending_tasks: list(doc.task_list?.pending_tasks),
      in_progress_tasks: list(doc.task_list?.in_progress_tasks),
      completed_count: doc.task_list?.completed_count ?? 0
    },
    claude_code: doc.claude_code ?? {
      session_id: null,
      transcript_path: null,
      sources: []
    },
    trigger: doc.trigger ?? {
      source: "cli"
    },
    warnings: list(doc.warnings),
    tool: doc.tool ?? {
      name: "unknown",
      version: "unknown"
    }
  };
}

// lib/act/session_store.ts
import { mkdir, stat as stat6 } from "node:fs/promises";
import { join as join5, relative } from "node:path";

// lib/report/escape.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeControl(text) {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function escapeMarkdown(text) {
  return escapeControl(text).split("\n").map((line) => line.replace(/[\\`*_\[\]<>#|~&]/g, "\\$&").replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2")).join("\n");
}
function codeSpan(text) {
  const oneLine2 = escapeControl(text).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  const longest = Math.max(0, ...(oneLine2.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine2.startsWith("`") || oneLine2.endsWith("`") || oneLine2.length === 0 || oneLine2.startsWith(" ") && oneLine2.endsWith(" ") && oneLine2.trim() !== "" ? " " : "";
  return `${fence}${pad}${oneLine2}${pad}${fence}`;
}
function displayPath(path) {
  const escaped = escapeControl(path).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return escaped;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function firstLine(text) {
  return (text ?? "").split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ?? "";
}

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
function reasonText(outcome) {
  return displayPath(outcome.reasons.map((r) => r.message).join("; "));
}
function hasCleanupActivity(summary) {
  return summary.worktrees.length > 0 || summary.orphans.length > 0 || summary.orphan_sweep_skipped !== null || summary.skipped !== null || summary.trash.emptied.length > 0 || summary.trash.remaining.length > 0 || summary.trash.restored.length > 0;
}
function pruneSummaryLines(summary) {
  const lines = [];
  if (summary.skipped) {
    lines.push(`Skipped: ${displayPath(summary.skipped)}`);
    return lines;
  }
  const dry = summary.dry_run;
  const removed = summary.worktrees.filter((w) => w.action === "pruned" || w.action === "would-prune");
  const kept = summary.worktrees.filter((w) => w.action === "preserved");
  const admin = summary.worktrees.filter((w) => w.action === "admin-pruned");
  if (removed.length > 0 || dry) {
    lines.push(`${dry ? "Would prune" : "Pruned"} ${removed.length} stale worktree(s)`);
    if (dry) {
      for (const w of removed) {
        lines.push(`  ${displayPath(w.relative_path)}: ${w.integration_check ? `integrated (${w.integration_check})` : "clean, nothing unique"}`);
      }
    }
  }
  if (admin.length > 0) {
    lines.push(`${dry ? "Would clean" : "Cleaned"} ${admin.length} registration(s) whose directory was gone`);
  }
  if (kept.length > 0) {
    lines.push(`Preserved ${kept.length} worktree(s) with unsaved work`);
    for (const w of kept) {
      lines.push(`  ${displayPath(w.relative_path)}: ${reasonText(w)}`);
    }
  }
  for (const w of summary.worktrees) {
    for (const note of w.notes) {
      lines.push(`  note: ${displayPath(w.relative_path)}: ${displayPath(note)}`);
    }
  }
  if (summary.orphan_sweep_skipped) {
    lines.push(`Orphan sweep skipped: ${displayPath(summary.orphan_sweep_skipped)}`);
  }
  const swept = summary.orphans.filter((o) => o.action !== "preserved");
  const keptOrphans = summary.orphans.filter((o) => o.action === "preserved");
  const dirs = (n) => n === 1 ? "directory" : "directories";
  if (swept.length > 0) {
    lines.push(`${dry ? "Would sweep" : "Swept"} ${swept.length} orphaned ${dirs(swept.length)}`);
    if (dry) {
      for (const o of swept) lines.push(`  ${displayPath(o.relative_path)}`);
    }
  }
  if (keptOrphans.length > 0) {
    lines.push(`Preserved ${keptOrphans.length} orphaned ${dirs(keptOrphans.length)} with unsaved work`);
    for (const o of keptOrphans) {
      lines.push(`  ${displayPath(o.relative_path)}: ${reasonText(o)}`);
    }
  }
  if (summary.trash.emptied.length > 0) {
    lines.push(`Finished removing ${summary.trash.emptied.length} item(s) left by an interrupted run`);
  }
  if (summary.trash.restored.length > 0) {
    lines.push(`Moved back ${summary.trash.restored.length} item(s) an interrupted run had left in the trash: they hold work`);
  }
  if (summary.trash.remaining.length > 0) {
    lines.push(`Could not finish removing ${summary.trash.remaining.length} item(s) left by an interrupted run:`);
    for (const p of summary.trash.remaining) lines.push(`  ${displayPath(p)}`);
  }
  if (summary.bytes_reclaimed > 0) {
    lines.push(`${dry ? "Would reclaim" : "Reclaimed"} ${formatBytes(summary.bytes_reclaimed)}`);
  }
  for (const note of summary.notes) lines.push(`Note: ${displayPath(note)}`);
  return lines;
}

// lib/report/markdown.ts
var MARKDOWN_LIST_LIMIT = 15;
var MARKDOWN_MESSAGE_LIMIT = 2e3;
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
  if (git.is_git_repo) {
    const s = git.status;
    out.push("", "## Working tree", "");
    if (s.clean) {
      out.push("Clean.");
    } else {
      out.push(`${s.counts.staged} staged, ${s.counts.unstaged} modified, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted.`, "");
      const changed = [
        ...s.conflicted_files.map((p) => `- conflict ${codeSpan(p)}`),
        ...s.modified_files.map((p) => `- changed ${codeSpan(p)}`),
        ...s.untracked_files.map((p) => `- new ${codeSpan(p)}`)
      ];
      const total = s.counts.conflicted + s.counts.modified + s.counts.untracked;
      out.push(...capped(changed, Math.max(total, changed.length), (l) => l));
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
  out.push("", "## Resume", "", "```sh", ...ri.quick_start, "```");
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
    const lines = pruneSummaryLines(summary);
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

// lib/act/write.ts
import { chmod, link, open as open2, realpath as realpath2, rename, stat as stat5, unlink } from "node:fs/promises";
import { basename, dirname, join as join4 } from "node:path";
import process4 from "node:process";
var counter = 0;
function tempPathFor(path) {
  const suffix = `${process4.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return join4(dirname(path), `.${basename(path)}.${suffix}.tmp`);
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
    await unlink(temp).catch(() => {
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
    await unlink(temp).catch(() => {
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
      await unlink(temp).catch(() => {
      });
      return false;
    }
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") {
      await unlink(temp).catch(() => {
      });
      throw error;
    }
    return await reserveThenRename(temp, path);
  }
  await unlink(temp).catch(() => {
  });
  return true;
}
async function reserveThenRename(temp, path) {
  try {
    const handle = await open2(path, "wx", 420);
    await handle.close();
  } catch (error) {
    await unlink(temp).catch(() => {
    });
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {
    });
    await unlink(path).catch(() => {
    });
    throw error;
  }
  return true;
}
function errnoCode(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}

// lib/act/session_store.ts
import { unlink as unlink2 } from "node:fs/promises";
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
  await createFileExclusive(join5(sessionsDir, ".gitignore"), "# Written by mpm-session: session files are local to this machine.\n*\n");
}
function writeError(path, error) {
  const code = errnoCode(error);
  const why = code === "ENOSPC" ? "no space left on device" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied" : error.message;
  return new UserError(`Cannot write session file '${path}': ${why}: free space or fix the permissions, then pause again`);
}
async function createSessionFiles(sessionsDir, pausedAt, build) {
  const base = baseSessionId(pausedAt);
  for (let attempt = 1; attempt <= 1e4; attempt++) {
    const id = candidateSessionId(base, attempt);
    const doc = build(id);
    const jsonPath = join5(sessionsDir, `${id}.json`);
    const markdownPath = join5(sessionsDir, `${id}.md`);
    let created;
    try {
      created = await createFileExclusive(jsonPath, sessionJson(doc));
    } catch (error) {
      throw writeError(jsonPath, error);
    }
    if (!created) continue;
    let createdMarkdown;
    try {
      createdMarkdown = await createFileExclusive(markdownPath, renderSessionMarkdown(doc));
    } catch (error) {
      await unlink2(jsonPath).catch(() => {
      });
      throw writeError(markdownPath, error);
    }
    if (!createdMarkdown) {
      await unlink2(jsonPath).catch(() => {
      });
      continue;
    }
    return {
      doc,
      files: {
        id,
        jsonPath,
        markdownPath,
        latestPath: join5(sessionsDir, LATEST_FILE)
      }
    };
  }
  throw new UserError(`Cannot choose a session id in '${sessionsDir}': every id for this second is taken`);
}
async function rewriteSessionFiles(files, doc) {
  await writeFileAtomic(files.jsonPath, sessionJson(doc));
  await writeFileAtomic(files.markdownPath, renderSessionMarkdown(doc));
}
function latestPointerText(doc, files) {
  const rel = (p) => relative(doc.project_path, p) || p;
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
async function writeLatestPointer(doc, files) {
  try {
    await writeFileAtomic(files.latestPath, latestPointerText(doc, files));
  } catch (error) {
    throw writeError(files.latestPath, error);
  }
}

// lib/version.ts
var VERSION = "0.1.0";
var TOOL_NAME = "mpm-session";

// lib/commands/prune.ts
import { lstat as lstat4, readdir as readdir7, realpath as realpath5 } from "node:fs/promises";
import { availableParallelism as availableParallelism2 } from "node:os";
import { join as join12, relative as relative3, resolve as resolve6 } from "node:path";

// lib/decide/classify.ts
function reason(code, message) {
  return {
    code,
    message
  };
}
function plural(n, one, many = `${one}s`) {
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
  return reason("unpushed-commits", `branch has ${plural(ahead, "commit")} not pushed to ${upstream}`);
}
function processReason(pids) {
  return reason("process-running", `in use by ${plural(pids.length, "process", "processes")} (pid ${pids.slice(0, 3).join(", ")})`);
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
  if (f.deepChecksSkipped) {
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
      keep("stash", `has ${plural(f.stashCount, "stash entry", "stash entries")}`);
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
var DEFAULT_DISPOSABLE_IGNORED = [
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
function isDisposableIgnored(path, disposable = DEFAULT_DISPOSABLE_IGNORED) {
  const segments = path.split("/").filter((s) => s !== "");
  const names = new Set(disposable.filter((d) => !d.startsWith("*.")));
  const suffixes = disposable.filter((d) => d.startsWith("*.")).map((d) => d.slice(1));
  if (segments.some((s) => names.has(s))) return true;
  const last = segments.at(-1) ?? "";
  return suffixes.some((suffix) => last.endsWith(suffix));
}
function firstIntegrationCheck(results) {
  if (results.ancestor) return "ancestor";
  if (results.treeEqual) return "tree-equal";
  if (results.threeDotEmpty === void 0) return void 0;
  if (results.threeDotEmpty) return "three-dot-diff-empty";
  if (results.mergeAddsNothing === void 0) return void 0;
  return results.mergeAddsNothing ? "merge-adds-nothing" : null;
}

// lib/decide/containment.ts
import { isAbsolute, relative as relative2, resolve as resolve4, sep } from "node:path";
function isStrictlyInside(parent, child) {
  if (!isAbsolute(parent) || !isAbsolute(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  const rel = relative2(resolve4(parent), resolve4(child));
  if (rel === "" || isAbsolute(rel)) return false;
  return rel !== ".." && !rel.startsWith(`..${sep}`);
}
function isPlainSegment(name) {
  return name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\\") && !name.includes("\0");
}
function isSameOrInside(parent, child) {
  if (!isAbsolute(parent) || !isAbsolute(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  return resolve4(parent) === resolve4(child) || isStrictlyInside(parent, child);
}
function childrenOwned(parent, paths) {
  const owned = /* @__PURE__ */ new Set();
  for (const path of paths) {
    if (!isStrictlyInside(parent, path)) continue;
    const first = relative2(resolve4(parent), resolve4(path)).split(sep)[0];
    owned.add(first);
  }
  return owned;
}

// lib/gather/branches.ts
var SEP = "%00";
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
  let merged = /* @__PURE__ */ new Set();
  if (defaultBranch) {
    const mergedOutput = await gitOk([
      "for-each-ref",
      "--format=%(refname)",
      ...defaultBranch.refs.map((r) => `--merged=${r}`),
      "refs/heads"
    ], opts);
    merged = new Set(mergedOutput.split("\n").filter((l) => l !== "").map(shortRef));
  }
  return {
    branches,
    defaultBranch,
    merged
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
function knownIntegration(facts, branch, memo) {
  const record = facts.branches.get(branch);
  const target = facts.defaultBranch;
  if (!record || !target) return void 0;
  const quick = firstIntegrationCheck({
    ancestor: facts.merged.has(branch),
    treeEqual: target.trees.includes(record.tree)
  });
  if (quick !== void 0) return quick;
  if (memo?.notIntegrated.has(record.sha)) {
    memo.found.add(record.sha);
    return null;
  }
  return void 0;
}
async function integrationOf(cwd, facts, branch, memo) {
  const known = knownIntegration(facts, branch, memo);
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

// lib/gather/integration_memo.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join as join6 } from "node:path";
var INTEGRATION_MEMO_NAME = "mpm-session-integration.json";
var FORMAT = "mpm-session integration memo v1";
function defaultKeyOf(refs, shas) {
  return refs.map((ref, i) => `${ref}=${shas[i] ?? ""}`).join(" ");
}
function parseIntegrationMemo(text, defaultKey) {
  const empty = {
    defaultKey,
    notIntegrated: /* @__PURE__ */ new Set(),
    found: /* @__PURE__ */ new Set()
  };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof data !== "object" || data === null) return empty;
  const record = data;
  if (record.format !== FORMAT || record.default !== defaultKey) return empty;
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
    format: FORMAT,
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
  const text = await readFile3(join6(commonDir, INTEGRATION_MEMO_NAME), "utf8").catch(() => "");
  return parseIntegrationMemo(text, defaultKey);
}

// lib/gather/disk_usage.ts
import { lstatSync } from "node:fs";
import { readdir as readdir3 } from "node:fs/promises";
import { join as join7 } from "node:path";
var sizeOf = typeof Deno !== "undefined" ? (path) => Deno.lstatSync(path).size : (path) => lstatSync(path).size;
async function directorySize(path) {
  let total = 0;
  const pending = [
    path
  ];
  while (pending.length > 0) {
    const dir = pending.pop();
    let entries;
    try {
      entries = await readdir3(dir, {
        withFileTypes: true
      });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join7(dir, entry.name);
      if (entry.isDirectory()) {
        pending.push(full);
        continue;
      }
      try {
        total += sizeOf(full);
      } catch {
      }
    }
  }
  return total;
}

// lib/gather/processes.ts
import { readdir as readdir4, readlink, stat as stat7 } from "node:fs/promises";
import process6 from "node:process";

// lib/pool.ts
import { availableParallelism } from "node:os";
import process5 from "node:process";
function defaultConcurrency() {
  const fromEnv = Number(process5.env.MPM_CONCURRENCY);
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

// lib/gather/processes.ts
async function readProcessCwds(procDir = "/proc") {
  let names;
  try {
    names = await readdir4(procDir);
    await stat7(`${procDir}/self/cwd`);
  } catch (error) {
    const denied = error?.name === "NotCapable" || error.code === "EACCES";
    return {
      available: false,
      reason: denied ? `running processes were not checked: reading ${procDir} is not permitted (under Deno it needs --allow-all)` : `running processes were not checked: process working directories cannot be read here (no ${procDir})`
    };
  }
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number).filter((pid) => pid !== process6.pid);
  const found = await mapPool(pids, async (pid) => {
    try {
      const cwd = await readlink(`${procDir}/${pid}/cwd`);
      return {
        pid,
        cwd: cwd.replace(/ \(deleted\)$/, "")
      };
    } catch {
      return void 0;
    }
  }, 32);
  return {
    available: true,
    cwds: found.filter((x) => x !== void 0)
  };
}
function processesInside(cwds, dir) {
  if (!cwds.available) return void 0;
  return cwds.cwds.filter((p) => isSameOrInside(dir, p.cwd)).map((p) => p.pid);
}
function isProcessAlive(pid) {
  try {
    process6.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== "ESRCH";
  }
}
function pidFromLockReason(reason2) {
  const match = /\bpid[\s:=#]*(\d{1,10})\b/i.exec(reason2) ?? /\bprocess[\s:=#]*(\d{1,10})\b/i.exec(reason2);
  if (!match) return void 0;
  const pid = Number(match[1]);
  return pid > 0 ? pid : void 0;
}

// lib/gather/worktree_facts.ts
import { lstat as lstat2, readdir as readdir5, readFile as readFile4, realpath as realpath3, stat as stat8 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join as join9, resolve as resolve5 } from "node:path";

// lib/gather/ignored.ts
import { lstat, open as open3, readlink as readlink2 } from "node:fs/promises";
import { join as join8 } from "node:path";
var MAX_COMPARE_BYTES = 64 * 1024 * 1024;
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
  const here = join8(root, relPath);
  const there = join8(mainRoot, relPath);
  let a, b;
  try {
    [a, b] = await Promise.all([
      lstat(here),
      lstat(there)
    ]);
  } catch {
    return false;
  }
  if (a.isSymbolicLink() && b.isSymbolicLink()) {
    return await readlink2(here) === await readlink2(there);
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

// lib/gather/worktree_facts.ts
function statusArgsFor(ctx, extra = {}) {
  return [
    ...ctx.manyStatusesAtOnce ? [
      "-c",
      "core.preloadIndex=false"
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
    GIT_CEILING_DIRECTORIES: dirname2(workTree)
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
async function readGitFile(dotGit) {
  try {
    const text = await readFile4(dotGit, "utf8");
    if (!text.startsWith("gitdir: ")) return void 0;
    const target = text.slice("gitdir: ".length).replace(/\r?\n$/, "");
    if (target === "") return void 0;
    return isAbsolute2(target) ? target : resolve5(dirname2(dotGit), target);
  } catch {
    return void 0;
  }
}
async function exists2(path) {
  try {
    await lstat2(path);
    return true;
  } catch {
    return false;
  }
}
async function hasInitialisedSubmodules(root, gitDir) {
  if (await exists2(join9(gitDir, "modules"))) return true;
  let text;
  try {
    text = await readFile4(join9(root, ".gitmodules"), "utf8");
  } catch {
    return false;
  }
  const paths = [
    ...text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)
  ].map((m) => m[1]);
  for (const path of paths) {
    if (await exists2(join9(root, path, ".git"))) return true;
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
    contained: isStrictlyInside(ctx.worktreesDir, resolve5(path)),
    isCurrent: false,
    errors: []
  };
  if (record.lockReason !== void 0) {
    facts.lockReason = record.lockReason;
    const pid = pidFromLockReason(record.lockReason);
    if (pid !== void 0 && !isProcessAlive(pid)) facts.stalePid = pid;
  }
  let info;
  try {
    info = await lstat2(path);
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
  try {
    const real = await realpath3(path);
    facts.contained = isStrictlyInside(ctx.worktreesDirReal, real);
    facts.isCurrent = isSameOrInside(real, ctx.cwdReal);
    facts.processes = processesInside(ctx.processes, real);
  } catch (error) {
    facts.errors.push(`cannot resolve the path: ${error.message}`);
    return facts;
  }
  if (info.dev !== ctx.worktreesDev) {
    facts.errors.push("is on another file system (a mount point)");
  }
  if (facts.lockReason !== void 0 || facts.isCurrent || !facts.contained || (facts.processes?.length ?? 0) > 0) {
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
  const gitDir = await readGitFile(join9(path, ".git"));
  if (!gitDir) {
    facts.errors.push("its .git file is missing or unreadable");
    return facts;
  }
  const env = isolatedEnv(gitDir, path);
  const [status, operation, submodules, unref] = await Promise.all([
    runGit(statusArgsFor(ctx), {
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
      const parsed = parsePorcelainV2(status.stdout, {
        expectBranchHeaders: true
      });
      facts.changes = counts(parsed);
      facts.uniqueIgnored = await uniqueIgnoredFiles(path, ctx.mainRoot, parsed.ignored, ctx.disposableIgnored).catch(() => void 0);
    } catch (error) {
      facts.errors.push(error.message);
    }
  }
  return facts;
}
async function branchKeepsIt(ctx, refs, branch, facts) {
  const upstream = refs.branches.get(branch)?.upstream;
  facts.upstream = upstream;
  const known = knownIntegration(refs, branch, ctx.integrationMemo);
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
async function gatherOrphanFacts(ctx, path) {
  const facts = {
    path,
    kind: "plain",
    otherFilesystem: false,
    errors: []
  };
  let info;
  try {
    info = await lstat2(path);
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
  facts.otherFilesystem = info.dev !== ctx.worktreesDev;
  let dotGit;
  try {
    dotGit = await lstat2(join9(path, ".git"));
  } catch (error) {
    if (error.code !== "ENOENT") {
      facts.errors.push(`cannot read it: ${error.message}`);
      return facts;
    }
  }
  if (!dotGit) {
    try {
      facts.empty = (await readdir5(path)).length === 0;
    } catch {
      facts.empty = void 0;
    }
    return facts;
  }
  if (!dotGit.isDirectory()) {
    facts.kind = "git-file";
    const target = dotGit.isFile() ? await readGitFile(join9(path, ".git")) : void 0;
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
  const gitDir = join9(path, ".git");
  const env = isolatedEnv(gitDir, path);
  const [status, unpushed, operation, nested] = await Promise.all([
    runGit(statusArgsFor(ctx, {
      stash: true
    }), {
      cwd: path,
      env
    }),
    // Every commit reachable from its branches, tags or HEAD must be on one
    // of its own remote-tracking refs; the outer repository does not count.
    runGit([
      "rev-list",
      "-n",
      "1",
      "HEAD",
      "--branches",
      "--tags",
      "--not",
      "--remotes"
    ], {
      cwd: path,
      env
    }),
    operationInProgress(gitDir).catch(() => void 0),
    Promise.all([
      readdir5(join9(gitDir, "worktrees")).then((n) => n.length > 0, () => false),
      stat8(join9(gitDir, "modules")).then(() => true, () => false)
    ]).then(([a, b]) => a || b, () => void 0)
  ]);
  facts.operation = operation;
  facts.nested = nested;
  if (unpushed.code === 0) {
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

// lib/act/lock.ts
import { hostname } from "node:os";
import { readFile as readFile5, rename as rename2, unlink as unlink3 } from "node:fs/promises";
import { join as join10 } from "node:path";
import process7 from "node:process";
var PRUNE_LOCK_NAME = "mpm-session-prune.lock";
function hostName() {
  try {
    return hostname();
  } catch {
    return process7.env.HOSTNAME || "unknown";
  }
}
async function readOwner(path) {
  try {
    const value = JSON.parse(await readFile5(path, "utf8"));
    return typeof value?.pid === "number" ? value : void 0;
  } catch {
    return void 0;
  }
}
async function acquirePruneLock(commonDir, waitMs = 3e3) {
  const path = join10(commonDir, PRUNE_LOCK_NAME);
  const me = {
    pid: process7.pid,
    host: hostName(),
    started: (/* @__PURE__ */ new Date()).toISOString()
  };
  const deadline = Date.now() + waitMs;
  let warning;
  while (true) {
    let created;
    try {
      created = await createFileExclusive(path, JSON.stringify(me) + "\n");
    } catch (error) {
      throw new UserError(`Cannot take the cleanup lock '${path}': ${error.message}: check that the git directory is writable`);
    }
    if (created) {
      let released = false;
      return {
        warning,
        release: async () => {
          if (released) return;
          released = true;
          const owner2 = await readOwner(path);
          if (owner2?.pid === me.pid && owner2.started === me.started) {
            await unlink3(path).catch(() => {
            });
          }
        }
      };
    }
    const owner = await readOwner(path);
    const stale = owner !== void 0 && owner.host === me.host && !isProcessAlive(owner.pid);
    if (stale) {
      const aside = `${path}.stale-${process7.pid}-${Date.now()}`;
      try {
        await rename2(path, aside);
        const movedOwner = await readOwner(aside);
        await unlink3(aside).catch(() => {
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

// lib/act/remove.ts
import { lstat as lstat3, mkdir as mkdir2, readdir as readdir6, readFile as readFile6, realpath as realpath4, rename as rename3, rm, rmdir, writeFile } from "node:fs/promises";
import { basename as basename2, dirname as dirname3, join as join11 } from "node:path";
var TRASH_NAME = ".mpm-trash";
async function checkContained(path, root, dev) {
  let info;
  try {
    info = await lstat3(path);
  } catch (error) {
    return `cannot read it: ${error.message}`;
  }
  if (info.isSymbolicLink()) return "it became a symlink";
  if (!info.isDirectory()) return "it is not a directory";
  if (info.dev !== dev) return "it is on another file system";
  let real;
  try {
    real = await realpath4(path);
  } catch (error) {
    return `cannot resolve it: ${error.message}`;
  }
  return isStrictlyInside(root, real) ? void 0 : `it resolves outside '${root}'`;
}
function trashDir(ctx) {
  return join11(ctx.worktreesDirReal, TRASH_NAME);
}
async function ensureTrash(ctx) {
  const dir = trashDir(ctx);
  await mkdir2(dir, {
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
      reason: `containment check failed: ${problem}`
    };
  }
  try {
    const trash = await ensureTrash(ctx);
    return {
      ok: true,
      trash,
      trashPath: join11(trash, trashNameFor(path, kind))
    };
  } catch (error) {
    return {
      ok: false,
      reason: error.message
    };
  }
}
function trashNameFor(path, kind) {
  return `${basename2(path)}~${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${kind}`;
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
  return lstat3(path).then(() => true, () => false);
}
function recordedGitdir(adminDir) {
  return readFile6(join11(adminDir, "gitdir"), "utf8").then((text) => text.replace(/\r?\n$/, ""), () => "");
}
async function removeRegisteredWorktree(ctx, path) {
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
    return {
      ok: false,
      reason: `git refused: ${describeGitFailure(moved)}`
    };
  }
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  const removed = after ? void 0 : await git([
    "worktree",
    "remove",
    trashPath
  ]);
  if (removed?.code === 0) return {
    ok: true
  };
  if (!after && await finishWorktreeRemoval(trashPath, ctx, git)) {
    return {
      ok: true
    };
  }
  const why = after ? `containment check failed: ${after}` : `git refused: ${describeGitFailure(removed)}`;
  const back = await git([
    "worktree",
    "move",
    trashPath,
    path
  ]);
  if (back.code === 0) return {
    ok: false,
    reason: why
  };
  try {
    await rename3(trashPath, path);
    return {
      ok: false,
      reason: `${why}; what is left was put back`
    };
  } catch {
    return {
      ok: false,
      reason: `${why}; it was left at '${trashPath}' (${describeGitFailure(back)})`
    };
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
  } : {
    ok: false,
    reason: `git refused: ${describeGitFailure(result)}`
  };
}
async function sweepOrphan(ctx, path, kind, recheck) {
  const slot = await trashSlotFor(ctx, path, "orphan");
  if (!slot.ok) return slot;
  const { trash, trashPath } = slot;
  try {
    await rename3(path, trashPath);
  } catch (error) {
    return {
      ok: false,
      reason: `cannot move it: ${error.message}`
    };
  }
  const restore = async (why) => {
    try {
      await rename3(trashPath, path);
      return {
        ok: false,
        reason: why
      };
    } catch {
      return {
        ok: false,
        reason: `${why}; it was left at '${trashPath}'`
      };
    }
  };
  const after = await checkContained(trashPath, trash, ctx.worktreesDev);
  if (after) return await restore(`containment check failed: ${after}`);
  if (kind === "plain") {
    try {
      await rmdir(trashPath);
      return {
        ok: true
      };
    } catch (error) {
      const code = errnoCode(error);
      return await restore(code === "ENOTEMPTY" || code === "EEXIST" ? "content appeared during cleanup" : `cannot remove it: ${error.message}`);
    }
  }
  const problem = recheck ? await recheck(trashPath) : void 0;
  if (problem) return await restore(problem);
  try {
    await rm(trashPath, {
      recursive: true
    });
    return {
      ok: true
    };
  } catch (error) {
    return {
      ok: false,
      reason: `removal failed part way: ${error.message}; the rest is in '${trashPath}' and the next run finishes it`
    };
  }
}
async function recoverTrash(ctx, registeredInTrash) {
  const dir = trashDir(ctx);
  const result = {
    emptied: [],
    restored: [],
    remaining: []
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
    names = await readdir6(dir);
  } catch {
    return result;
  }
  const trashProblem = await checkContained(dir, ctx.worktreesDirReal, ctx.worktreesDev);
  if (trashProblem) {
    result.remaining = names.map((n) => join11(dir, n));
    return result;
  }
  for (const name of names) {
    const entry = join11(dir, name);
    const home = join11(ctx.worktreesDirReal, originalName(name));
    const registered = registeredInTrash.has(entry) || trashKind(name) === "worktree" && await registrationLost(entry, ctx.commonDir) && (await git([
      "worktree",
      "repair",
      entry
    ])).code === 0;
    if (registered) {
      if (await finishWorktreeRemoval(entry, ctx, git)) {
        result.emptied.push(entry);
        continue;
      }
      const back = await git([
        "worktree",
        "move",
        entry,
        home
      ]);
      (back.code === 0 ? result.restored : result.remaining).push(entry);
      continue;
    }
    let info;
    try {
      info = await lstat3(entry);
    } catch {
      result.remaining.push(entry);
      continue;
    }
    if (trashKind(name) === "orphan" && info.isDirectory() && !info.isSymbolicLink()) {
      try {
        await rm(entry, {
          recursive: true
        });
        result.emptied.push(entry);
      } catch {
        result.remaining.push(entry);
      }
      continue;
    }
    if (info.isDirectory() && !info.isSymbolicLink()) {
      try {
        await rmdir(entry);
        result.emptied.push(entry);
        continue;
      } catch {
      }
    }
    try {
      await lstat3(home);
      result.remaining.push(entry);
    } catch {
      try {
        await rename3(entry, home);
        result.restored.push(entry);
      } catch {
        result.remaining.push(entry);
      }
    }
  }
  if (result.remaining.length === 0) await rmdir(dir).catch(() => {
  });
  return result;
}
async function registrationLost(entry, commonDir) {
  const adminDir = await readGitFile(join11(entry, ".git"));
  if (!adminDir) return false;
  const [adminReal, adminRoot] = await Promise.all([
    realpath4(adminDir).catch(() => void 0),
    realpath4(join11(commonDir, "worktrees")).catch(() => void 0)
  ]);
  if (!adminReal || !adminRoot || !isStrictlyInside(adminRoot, adminReal)) {
    return false;
  }
  const recorded = await recordedGitdir(adminReal);
  if (recorded === join11(entry, ".git")) return false;
  if (recorded === "") return true;
  return !await exists3(dirname3(recorded));
}
async function finishWorktreeRemoval(entry, ctx, git) {
  if ((await git([
    "worktree",
    "remove",
    entry
  ])).code === 0) return true;
  let adminDir = await readGitFile(join11(entry, ".git"));
  if (!adminDir) {
    adminDir = await restoreGitFile(entry, ctx.commonDir);
    if (!adminDir) return false;
    if ((await git([
      "worktree",
      "remove",
      entry
    ])).code === 0) return true;
  }
  const env = isolatedEnv(adminDir, entry);
  const status = await runGit(statusArgs({
    renames: false
  }), {
    cwd: entry,
    env
  });
  if (statusFailure(status)) return false;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout);
  } catch {
    return false;
  }
  const onlyDeleted = parsed.staged.length === 0 && parsed.untracked.length === 0 && parsed.conflicted.length === 0 && parsed.modified.length > 0 && parsed.modified.every((e) => e.worktree === "D");
  if (!onlyDeleted) return false;
  const restored = await runGit([
    "checkout",
    "--",
    "."
  ], {
    cwd: entry,
    env,
    readOnly: false
  });
  if (restored.code !== 0) return false;
  return (await git([
    "worktree",
    "remove",
    entry
  ])).code === 0;
}
async function restoreGitFile(entry, commonDir) {
  const adminRoot = join11(commonDir, "worktrees");
  const dotGit = join11(entry, ".git");
  for (const id of await readdir6(adminRoot).catch(() => [])) {
    const adminDir = join11(adminRoot, id);
    if (await recordedGitdir(adminDir) !== dotGit) continue;
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
  await rmdir(trashDir(ctx)).catch(() => {
  });
}

// lib/commands/prune.ts
var WORKTREES_DIR = join12(".claude", "worktrees");
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
    return await lstat4(path);
  } catch {
    return void 0;
  }
}
async function prune(options = {}) {
  const dryRun = options.dryRun ?? false;
  const summary = emptySummary(dryRun);
  const project = await resolveProject(options.projectPath);
  if (project.gitMissing) {
    throw new UserError("Cannot prune worktrees: 'git' was not found on PATH: install git or add it to PATH");
  }
  if (!project.repo) {
    throw new UserError(`Cannot prune worktrees in '${project.workingDirectory}': not inside a git repository`);
  }
  const repo = project.repo;
  const listed = await listWorktrees(repo.topLevel);
  if (typeof listed === "string") return listFailed(summary, listed);
  let records = listed;
  const main2 = records[0];
  if (!main2 || main2.bare) {
    summary.skipped = "the repository has no main worktree (it is bare)";
    return finish(summary);
  }
  const mainRoot = main2.path;
  const worktreesDir = join12(mainRoot, WORKTREES_DIR);
  const dirInfo = await lstatOrUndefined(worktreesDir);
  const claudeInfo = await lstatOrUndefined(join12(mainRoot, ".claude"));
  if (claudeInfo?.isSymbolicLink() || dirInfo?.isSymbolicLink()) {
    summary.skipped = "'.claude' or '.claude/worktrees' is a symlink: it is never followed, so nothing was cleaned";
    return finish(summary);
  }
  const ourMissing = records.slice(1).filter((r) => isStrictlyInside(worktreesDir, resolve6(r.path)));
  if (!dirInfo || !dirInfo.isDirectory()) {
    if (ourMissing.length === 0) return finish(summary);
  }
  const lock = dryRun ? void 0 : await acquirePruneLock(repo.commonDir, options.lockWaitMs);
  if (lock && "busyPid" in lock) {
    summary.skipped = `another cleanup is already running${lock.busyPid ? ` (pid ${lock.busyPid})` : ""}: try again when it finishes, or delete '${join12(repo.commonDir, PRUNE_LOCK_NAME)}' if no cleanup is running`;
    return finish(summary);
  }
  if (lock?.warning) summary.notes.push(lock.warning);
  const readRefs = (record) => gatherRefFacts(mainRoot, record.branchRef?.replace(/^refs\/heads\//, "")).catch((error) => error);
  let refs = readRefs(main2);
  try {
    if (lock) {
      const fresh = await listWorktrees(repo.topLevel);
      if (typeof fresh === "string") return listFailed(summary, fresh);
      if (fresh[0].branchRef !== main2.branchRef) refs = readRefs(fresh[0]);
      records = fresh;
    }
    return await pruneLocked(options, summary, records, refs, {
      mainRoot,
      worktreesDir,
      cwd: project.workingDirectory,
      worktreesDev: dirInfo?.isDirectory() ? dirInfo.dev : void 0,
      commonDir: repo.commonDir
    });
  } finally {
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
  const records = parseWorktreeList(list.stdout);
  return records.length > 0 ? records : "git worktree list failed: it listed no worktrees";
}
async function pruneLocked(options, summary, records, refsRead, { mainRoot, worktreesDir, cwd, worktreesDev, commonDir }) {
  const dryRun = summary.dry_run;
  const limit = options.concurrency ?? defaultConcurrency();
  const progress = options.onProgress ?? (() => {
  });
  const worktreesDirReal = worktreesDev === void 0 ? worktreesDir : await realpath5(worktreesDir);
  const removal = {
    mainRoot,
    commonDir,
    worktreesDirReal,
    worktreesDev: worktreesDev ?? -1
  };
  const rel = (p) => relative3(mainRoot, p) || ".";
  const trashDir2 = join12(worktreesDirReal, TRASH_NAME);
  const inTrash = records.filter((r) => isStrictlyInside(trashDir2, resolve6(r.path)));
  if (!dryRun && worktreesDev !== void 0) {
    summary.trash = await recoverTrash(removal, new Set(inTrash.map((r) => resolve6(r.path))));
    if (summary.trash.emptied.length + summary.trash.restored.length > 0) {
      const relisted = await listWorktrees(mainRoot);
      if (typeof relisted === "string") return listFailed(summary, relisted);
      records = relisted;
    }
  } else if (worktreesDev !== void 0) {
    summary.trash.remaining = (await readdir7(trashDir2).catch(() => [])).map((n) => join12(trashDir2, n));
  }
  const candidates = records.slice(1).filter((r) => !r.bare && isStrictlyInside(worktreesDir, resolve6(r.path)) && !isStrictlyInside(trashDir2, resolve6(r.path)) && !isStrictlyInside(join12(worktreesDir, TRASH_NAME), resolve6(r.path)));
  const [refs, processes, cwdReal] = await Promise.all([
    refsRead,
    readProcessCwds(),
    realpath5(cwd).catch(() => cwd)
  ]);
  if (!processes.available) summary.notes.push(processes.reason);
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
    processes,
    disposableIgnored,
    manyStatusesAtOnce: candidates.length >= availableParallelism2()
  };
  let orphanPaths = [];
  if (worktreesDev !== void 0) {
    const registered = records.map((r) => resolve6(r.path));
    const registeredReal = await Promise.all(registered.map((p) => realpath5(p).catch(() => p)));
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
    const names = await readdir7(worktreesDir).catch(() => []);
    orphanPaths = names.filter((n) => n !== TRASH_NAME && isPlainSegment(n) && !owned.has(n)).map((n) => join12(worktreesDir, n));
  }
  const total = candidates.length + orphanPaths.length;
  let done = 0;
  const tick = () => progress("checking", ++done, total);
  const [worktreeFacts, orphanFacts] = await Promise.all([
    mapPool(candidates, async (record) => {
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
      tick();
      return facts;
    }, limit),
    mapPool(orphanPaths, async (path) => {
      const facts = await gatherOrphanFacts(ctx, path).catch((error) => ({
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
  if (!dryRun && integrationMemo && memoChanged(integrationMemo)) {
    await writeFileAtomic(join12(commonDir, INTEGRATION_MEMO_NAME), serializeIntegrationMemo(integrationMemo)).catch(() => {
    });
  }
  const interrupted = () => options.signal?.aborted ?? false;
  const interruptedReason = {
    code: "interrupted",
    message: "cleanup was interrupted before reaching it"
  };
  let acted = 0;
  const actTotal = worktreeFacts.length + orphanFacts.length;
  const actTick = () => {
    acted++;
    if (!dryRun) progress("cleaning", acted, actTotal);
  };
  const worktreeOutcomes = await mapPool(worktreeFacts, async (facts) => {
    const decision = classifyWorktree(facts);
    const outcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      branch: facts.branch,
      action: "preserved",
      reasons: decision.reasons,
      integration_check: facts.integration ?? null,
      bytes_reclaimed: 0,
      notes: decision.notes
    };
    if (decision.action === "preserve") {
      actTick();
      return outcome;
    }
    if (decision.action === "admin-prune") {
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
                code: "git-refused",
                message: result.reason
              }
            ];
          }
        }
      }
      actTick();
      return outcome;
    }
    outcome.bytes_reclaimed = await directorySize(facts.path);
    if (dryRun) {
      outcome.action = "would-prune";
    } else if (interrupted()) {
      outcome.reasons = [
        interruptedReason
      ];
      outcome.bytes_reclaimed = 0;
    } else {
      const result = await removeRegisteredWorktree(removal, facts.path);
      if (result.ok) {
        outcome.action = "pruned";
        if (options.deleteBranches && facts.branch) {
          await deleteBranch(mainRoot, facts.branch, outcome);
        }
      } else {
        outcome.reasons = [
          {
            code: "git-refused",
            message: result.reason
          }
        ];
        outcome.bytes_reclaimed = 0;
      }
    }
    actTick();
    return outcome;
  }, limit);
  const orphanOutcomes = await mapPool(orphanFacts, async (facts) => {
    const decision = classifyOrphan(facts);
    const outcome = {
      path: facts.path,
      relative_path: rel(facts.path),
      kind: facts.kind,
      action: "preserved",
      reasons: decision.reasons,
      bytes_reclaimed: 0
    };
    if (decision.action === "sweep" && (facts.kind === "plain" || facts.kind === "clone")) {
      outcome.bytes_reclaimed = facts.kind === "plain" ? 0 : await directorySize(facts.path);
      if (dryRun) {
        outcome.action = "would-sweep";
      } else if (interrupted()) {
        outcome.reasons = [
          interruptedReason
        ];
        outcome.bytes_reclaimed = 0;
      } else {
        const result = await sweepOrphan(removal, facts.path, facts.kind, (trashPath) => recheckClone(trashPath));
        if (result.ok) outcome.action = "swept";
        else {
          outcome.reasons = [
            {
              code: "git-refused",
              message: result.reason
            }
          ];
          outcome.bytes_reclaimed = 0;
        }
      }
    } else if (decision.action === "sweep") {
      outcome.reasons = [
        {
          code: "unknown",
          message: "unexpected kind"
        }
      ];
    }
    actTick();
    return outcome;
  }, limit);
  if (!dryRun && worktreesDev !== void 0) await removeEmptyTrash(removal);
  summary.worktrees = worktreeOutcomes;
  summary.orphans = orphanOutcomes;
  return finish(summary);
}
async function recheckClone(trashPath) {
  const status = await runGit([
    ...FULL_STATUS_ARGS
  ], {
    cwd: trashPath,
    env: isolatedEnv(join12(trashPath, ".git"), trashPath)
  });
  const problem = statusFailure(status);
  if (problem) return `${problem} (on re-check)`;
  let parsed;
  try {
    parsed = parsePorcelainV2(status.stdout, {
      expectBranchHeaders: true
    });
  } catch (error) {
    return `git status unreadable on re-check: ${error.message}`;
  }
  const changed = parsed.staged.length + parsed.modified.length + parsed.untracked.length + parsed.conflicted.length + parsed.stashCount;
  return changed > 0 ? "changes appeared during cleanup" : void 0;
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

// lib/commands/pause.ts
async function checkExportTarget(path) {
  const target = resolve7(process8.cwd(), path);
  let info;
  try {
    info = await stat9(dirname4(target));
  } catch {
    throw new UserError(`Cannot export to '${target}': folder '${dirname4(target)}' does not exist: create it or choose another path`);
  }
  if (!info.isDirectory()) {
    throw new UserError(`Cannot export to '${target}': '${dirname4(target)}' is not a folder`);
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
    quickStart.push(`git switch ${quoteArg(git.branch)}`);
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
function quoteArg(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
async function pause(options = {}) {
  const env = options.env ?? process8.env;
  const project = await resolveProject(options.projectPath);
  const exportPath = options.exportPath === void 0 ? null : await checkExportTarget(options.exportPath);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const warnings = [];
  if (project.gitMissing) {
    warnings.push("git was not found on PATH: git state was not captured");
  }
  const [git, claude, ignored] = await Promise.all([
    project.repo ? captureGitContext(project.repo) : Promise.resolve(project.gitMissing ? unknownGitContext() : emptyGitContext()),
    readClaudeState(project.root, options.claudeSessionId ? {
      ...env,
      CLAUDE_CODE_SESSION_ID: options.claudeSessionId
    } : env),
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
      working_directory: project.workingDirectory
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
  const { files, doc } = await createSessionFiles(sessionsDir, now, build);
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
    await rewriteSessionFiles(files, doc).catch((error) => {
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

// lib/commands/resume.ts
import process9 from "node:process";

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

// lib/commands/resume.ts
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
    pointer: await readLatestPointer(sessionsDir)
  };
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
      throw new UserError(choice.message, choice.reason === "ambiguous" ? 1 : 1);
    }
    try {
      const session = await loadSession(sessionsDir, choice.id);
      const since = await sinceFacts(project, session, options.env ?? process9.env);
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
    todos_checked: false
  };
  const claude = await readClaudeState(project.root, env).catch(() => void 0);
  if (claude && claude.todos.length > 0) {
    facts.todos_checked = true;
    const doneNow = new Set(claude.todos.filter((t) => t.status === "completed").map((t) => t.content));
    facts.completed_since = openAtPause.filter((t) => doneNow.has(t.content));
    facts.open_todos = openAtPause.filter((t) => !doneNow.has(t.content));
  }
  if (!project.repo) return facts;
  const now = await captureGitContext(project.repo);
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
    const cwd = project.root;
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
        message: doc.conversation.summary
      };
    } catch (error) {
      return {
        id,
        paused_at: null,
        branch: null,
        message: null,
        error: error.message
      };
    }
  }, 16);
  return {
    sessions,
    total: ids.length,
    sessionsDir
  };
}

// lib/commands/clean.ts
import { unlink as unlink4 } from "node:fs/promises";
import { join as join13 } from "node:path";

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

// lib/commands/clean.ts
function parseDuration(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/i.exec(text);
  if (!match) return void 0;
  const unit = {
    s: 1e3,
    m: 6e4,
    h: 36e5,
    d: 864e5,
    w: 6048e5
  };
  return Number(match[1]) * unit[match[2].toLowerCase()];
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
        await unlink4(join13(sessionsDir, id + ext)).catch((error) => {
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

// lib/commands/hook.ts
import process10 from "node:process";

// lib/report/text.ts
import { relative as relative4 } from "node:path";
function oneLine(text) {
  return escapeControl(text).replace(/[\r\n\t]+/g, " ");
}
function renderCleanup(summary, c) {
  if (!summary || !hasCleanupActivity(summary)) return [];
  return [
    c.bold(summary.dry_run ? "Worktree Cleanup (dry run):" : "Worktree Cleanup:"),
    ...pruneSummaryLines(summary).map((l) => `  ${l}`)
  ];
}
function renderPause(result, c) {
  const doc = result.session;
  const root = doc.project_path;
  const rel = (p) => displayPath(relative4(root, p) || p);
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
    lines.push(`  Message:   ${truncate(oneLine(firstLine(doc.conversation.summary)), 100)}`);
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
  const cleanup = renderCleanup(result.cleanup, c);
  if (cleanup.length > 0) lines.push("", ...cleanup);
  return lines.join("\n") + "\n";
}
function renderResume(result, c) {
  const lines = [];
  for (const w of result.warnings) {
    lines.push(c.yellow(`Warning: ${oneLine(w)}`));
  }
  const doc = result.session;
  if (!doc) {
    lines.push('No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"');
    return lines.join("\n") + "\n";
  }
  lines.push(...renderSessionText(doc, c));
  const since = result.since;
  if (since) {
    lines.push("", c.bold("Since you paused:"));
    if (!since.available) {
      lines.push("  (not a git repository now: no git comparison)");
    } else {
      if (since.branch_switched) {
        lines.push(c.yellow(`  Branch switched: ${oneLine(doc.git_context.branch ?? "detached")} -> ${oneLine(since.branch_now ?? "detached HEAD")}`));
      }
      if (since.head_diverged) {
        lines.push(c.yellow("  The paused commit is no longer in the history of HEAD"));
      }
      if (since.new_commit_count > 0) {
        lines.push(`  ${since.new_commit_count} new commit(s):`);
        for (const commit of since.new_commits) {
          lines.push(`    ${commit.sha.slice(0, 7)} ${truncate(oneLine(commit.message), 80)}`);
        }
      } else if (!since.head_diverged) {
        lines.push("  No new commits");
      }
      if (since.files_changed_count > 0) {
        lines.push(`  ${since.files_changed_count} file(s) changed by commits:`);
        for (const f of since.files_changed.slice(0, 10)) {
          lines.push(`    ${displayPath(f)}`);
        }
        if (since.files_changed_count > 10) {
          lines.push(`    \u2026 and ${since.files_changed_count - 10} more`);
        }
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
var MESSAGE_SHOWN_CHARS = 4e3;
function renderSessionText(doc, c) {
  const git = doc.git_context;
  const lines = [
    c.bold(`Resuming session ${doc.session_id}`),
    `  Paused at: ${doc.paused_at}`,
    `  Project:   ${displayPath(doc.project_path)}`
  ];
  if (doc.conversation.summary) {
    const full = doc.conversation.summary;
    const shown = full.length > MESSAGE_SHOWN_CHARS ? full.slice(0, MESSAGE_SHOWN_CHARS) : full;
    const message = shown.split(/\r?\n/).map((l) => escapeControl(l));
    lines.push(`  Message:   ${message[0]}`);
    for (const l of message.slice(1)) lines.push(`             ${l}`);
    if (shown.length < full.length) {
      lines.push(`             \u2026 (${full.length - shown.length} more characters in .claude-mpm/sessions/${doc.session_id}.json)`);
    }
  }
  if (git.is_git_repo) {
    lines.push(`  Git:       ${git.branch ? `branch ${oneLine(git.branch)}` : "detached HEAD"}${git.head ? ` at ${git.head.slice(0, 7)}` : ""}${git.operation_in_progress ? ` (${git.operation_in_progress} in progress)` : ""}`);
    const s = git.status;
    if (!s.clean) {
      lines.push(`  Changes:   ${s.counts.modified} changed, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted`);
      for (const f of s.modified_files.slice(0, 10)) {
        lines.push(`    ${displayPath(f)}`);
      }
      if (s.counts.modified > 10) {
        lines.push(`    \u2026 and ${s.counts.modified - 10} more`);
      }
    }
    if (git.recent_commits.length > 0) {
      lines.push("  Recent commits:");
      for (const commit of git.recent_commits) {
        lines.push(`    ${commit.sha.slice(0, 7)} ${truncate(oneLine(commit.message), 80)}`);
      }
    }
  }
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
function renderList(result, c) {
  if (result.total === 0) {
    return 'No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"\n';
  }
  const rows = result.sessions.map((s) => [
    s.id,
    s.paused_at ? s.paused_at.replace("T", " ").replace(/\.\d+Z$/, "Z") : "?",
    s.error ? "(unreadable)" : oneLine(s.branch ?? "-"),
    s.error ? oneLine(s.error) : truncate(oneLine(firstLine(s.message)), 60)
  ]);
  const header = [
    "ID",
    "PAUSED AT (UTC)",
    "BRANCH",
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
function renderPrune(summary, c) {
  const block = renderCleanup(summary, c);
  if (block.length === 0) {
    return "Nothing to clean under .claude/worktrees/\n";
  }
  return block.join("\n") + "\n";
}

// lib/report/color.ts
var plain = {
  bold: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  red: (t) => t,
  dim: (t) => t
};
var wrap = (open4, close) => (t) => `\x1B[${open4}m${t}\x1B[${close}m`;
var ansi = {
  bold: wrap(1, 22),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  red: wrap(31, 39),
  dim: wrap(2, 22)
};
function colorsFor(isTty, env) {
  return isTty && env.NO_COLOR === void 0 ? ansi : plain;
}

// lib/commands/hook.ts
var MAX_CONTEXT_CHARS = 8e3;
var SESSION_START_SOURCES = /* @__PURE__ */ new Set([
  "startup",
  "resume",
  "clear",
  "compact"
]);
async function handleHookEvent(input, options = {}) {
  const warn = options.warn ?? ((line) => process10.stderr.write(line + "\n"));
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
        env: options.env
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

// lib/commands/install_hooks.ts
import { copyFile, mkdir as mkdir3, readFile as readFile7 } from "node:fs/promises";
import { dirname as dirname5, join as join14 } from "node:path";

// lib/decide/merge_hooks.ts
var HOOK_EVENTS = [
  "PreCompact",
  "SessionStart"
];
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function mergeHooks(settings, command) {
  if (!isObject(settings)) {
    return {
      ok: false,
      error: "the settings are not a JSON object"
    };
  }
  const hooks = settings.hooks ?? {};
  if (!isObject(hooks)) return {
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
    const present = groups.some((group) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some((h) => isObject(h) && h.command === command));
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

// lib/commands/install_hooks.ts
async function installHooks(options) {
  const path = options.scope === "user" ? join14(claudeConfigDir(options.env), "settings.json") : join14((await resolveProject(options.projectPath)).root, ".claude", "settings.json");
  let original;
  try {
    original = await readFile7(path, "utf8");
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
  const merged = mergeHooks(settings, `${options.command ?? "mpm-session"} hook`);
  if (!merged.ok) {
    throw new UserError(`Cannot update settings '${path}': ${merged.error}: nothing was changed`);
  }
  const changed = merged.added.length > 0;
  let backup = null;
  if (changed && !options.dryRun) {
    await mkdir3(dirname5(path), {
      recursive: true
    });
    if (original !== void 0) {
      backup = `${path}.bak-${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}`;
      await copyFile(path, backup);
    }
    await writeFileAtomic(path, JSON.stringify(merged.settings, null, 2) + "\n");
  }
  const text = changed ? `${options.dryRun ? "Would add" : "Added"} ${merged.added.join(" and ")} hook(s) to ${path}${backup ? `
Backup: ${backup}` : ""}
` : `Hooks already installed in ${path}: nothing changed
`;
  return {
    path,
    changed,
    backup,
    added: merged.added,
    text
  };
}

// lib/report/help.ts
var MAIN_HELP = `mpm-session ${VERSION}
Pause and resume AI coding sessions; keep agent git worktrees tidy without losing work.

Usage: mpm-session <command> [options]

Commands:
  pause [PATH]       Save the work state, then clean up .claude/worktrees/
  resume [ID]        Show a saved session and what changed since
  list               List saved sessions, newest first
  prune [PATH]       Clean up .claude/worktrees/ only (for CI)
  clean              Delete old session files
  hook               Handle a Claude Code hook event read from stdin
  install-hooks      Add the auto-pause and resume hooks to Claude Code

Options:
  -h, --help         Show help (also: mpm-session <command> --help)
  -V, --version      Show the version
      --verbose      Show stack traces on errors (or set MPM_DEBUG=1)

Examples:
  mpm-session pause -m "Auth refactor: login flow next"
  mpm-session resume
  mpm-session prune --dry-run

Exit codes: 0 success, 1 failure, 2 usage error, 3 prune kept something
(with --fail-on-preserved), 130 interrupted (143 on SIGTERM).
Session files live in <project>/.claude-mpm/sessions/.`;
var COMMAND_HELP = {
  pause: `Usage: mpm-session pause [PROJECT_PATH] [options]

Save the work state (message, git branch, HEAD, recent commits, status,
Claude Code todos and tasks) to .claude-mpm/sessions/ at the project root,
then remove agent worktrees under .claude/worktrees/ that are provably
disposable. Anything with work a person could miss is kept, with the reason.

Options:
  -m, --message TEXT        What you were doing (shown when you resume)
      --todos FILE          Todos as JSON to save too (- reads stdin)
      --export FILE         Also write a copy of the session JSON to FILE
      --json                Print the result as one JSON document
      --no-prune-worktrees  Skip the worktree cleanup
      --delete-branches     Also delete branches of removed worktrees (git branch -d)
      --ignored-cache NAME  Ignored files named NAME are a rebuildable cache
                            (repeatable; adds to the built-in list)
  -h, --help                Show this help

Examples:
  mpm-session pause -m "Auth refactor: about to test the login flow"
  mpm-session pause ~/code/app --no-prune-worktrees
  mpm-session pause --export /tmp/session-backup.json --json`,
  resume: `Usage: mpm-session resume [ID] [options]

Show a saved session (the latest by default) and what changed since:
new commits, a switched branch, changed files, todos still open.

Options:
      --select N|PREFIX   The N-th newest session, or the one whose id starts with PREFIX
  -C, --project PATH      Project folder (default: the current directory)
      --json              Print one JSON document
  -h, --help              Show this help

Examples:
  mpm-session resume
  mpm-session resume session-20261125-093000
  mpm-session resume --select 2
  mpm-session resume --select 20261125`,
  list: `Usage: mpm-session list [options]

List saved sessions, newest first: id, time, branch, first line of the message.

Options:
  -n, --limit N           Show at most N sessions (default 20)
      --all               Show every session
  -C, --project PATH      Project folder (default: the current directory)
      --json              Print one JSON document
  -h, --help              Show this help`,
  prune: `Usage: mpm-session prune [PROJECT_PATH] [options]

Clean up .claude/worktrees/ without pausing: remove registered worktrees
that are clean and fully integrated, clean registrations whose directory is
gone, and sweep orphaned directories that hold nothing. Never uses --force,
never follows a symlink, never touches anything outside .claude/worktrees/.

Options:
      --dry-run              Change nothing; say what would go and what stays
      --json                 Print the report as one JSON document
      --delete-branches      Also delete branches of removed worktrees (git branch -d)
      --fail-on-preserved    Exit 3 when anything was kept (for CI gates)
      --ignored-cache NAME   Ignored files named NAME are a rebuildable cache
                             (repeatable; adds to the built-in list)
  -h, --help                 Show this help

Exit codes: 0 done, 1 failure, 2 usage error, 3 something was kept
(--fail-on-preserved), 130 interrupted (143 on SIGTERM).

Examples:
  mpm-session prune --dry-run
  mpm-session prune --json --fail-on-preserved`,
  clean: `Usage: mpm-session clean (--keep N | --older-than DURATION) [options]

Delete old session files from .claude-mpm/sessions/. Never deletes the newest
session or the one LATEST-SESSION.txt points to, and nothing else in the folder.

Options:
      --keep N               Keep the N newest sessions
      --older-than DURATION  Delete sessions older than DURATION (30d, 12h, 90m, 2w)
      --dry-run              Only list what would be deleted
  -C, --project PATH         Project folder (default: the current directory)
      --json                 Print one JSON document
  -h, --help                 Show this help

Examples:
  mpm-session clean --keep 50
  mpm-session clean --older-than 30d --dry-run`,
  hook: `Usage: mpm-session hook < event.json

Handle a Claude Code hook event given as JSON on stdin:
  PreCompact     save a session (trigger and transcript recorded; no cleanup
                 unless --prune is given)
  SessionStart   print the latest session as additional context
Anything else, or bad JSON, prints nothing and exits 0: a hook never breaks
the editor.

Options:
      --prune      Also clean up worktrees on PreCompact
  -h, --help       Show this help`,
  "install-hooks": `Usage: mpm-session install-hooks [--project | --user] [options]

Add the PreCompact (auto-pause) and SessionStart (resume) hooks to Claude
Code's settings.json. Existing settings and hooks are kept, a backup is
written first, and running it again changes nothing.

Options:
      --project    .claude/settings.json of this project (default)
      --user       ~/.claude/settings.json (honours CLAUDE_CONFIG_DIR)
      --command C  The command the hooks run (default: mpm-session)
      --dry-run    Show the result without writing
  -h, --help       Show this help`
};

// cli.ts
var COMMON = {
  help: {
    type: "boolean",
    short: "h"
  },
  verbose: {
    type: "boolean"
  },
  json: {
    type: "boolean"
  }
};
var CACHE_OPTION = {
  "ignored-cache": {
    type: "string",
    multiple: true
  }
};
var COMMAND_OPTIONS = {
  pause: {
    ...COMMON,
    ...CACHE_OPTION,
    message: {
      type: "string",
      short: "m"
    },
    todos: {
      type: "string"
    },
    export: {
      type: "string"
    },
    "no-prune-worktrees": {
      type: "boolean"
    },
    "delete-branches": {
      type: "boolean"
    }
  },
  resume: {
    ...COMMON,
    select: {
      type: "string"
    },
    project: {
      type: "string",
      short: "C"
    }
  },
  list: {
    ...COMMON,
    limit: {
      type: "string",
      short: "n"
    },
    all: {
      type: "boolean"
    },
    project: {
      type: "string",
      short: "C"
    }
  },
  prune: {
    ...COMMON,
    ...CACHE_OPTION,
    "dry-run": {
      type: "boolean"
    },
    "delete-branches": {
      type: "boolean"
    },
    "fail-on-preserved": {
      type: "boolean"
    }
  },
  clean: {
    ...COMMON,
    keep: {
      type: "string"
    },
    "older-than": {
      type: "string"
    },
    "dry-run": {
      type: "boolean"
    },
    project: {
      type: "string",
      short: "C"
    }
  },
  hook: {
    ...COMMON,
    prune: {
      type: "boolean"
    }
  },
  "install-hooks": {
    ...COMMON,
    project: {
      type: "boolean"
    },
    user: {
      type: "boolean"
    },
    command: {
      type: "string"
    },
    "dry-run": {
      type: "boolean"
    }
  }
};
var MAX_POSITIONALS = {
  pause: 1,
  resume: 1,
  list: 0,
  prune: 1,
  clean: 0,
  hook: 0,
  "install-hooks": 0
};
async function readAllStdin() {
  const chunks = [];
  for await (const chunk of process11.stdin) chunks.push(chunk);
  return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : concat(chunks));
}
function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
function processIo() {
  return {
    stdout: (t) => process11.stdout.write(t),
    stderr: (t) => process11.stderr.write(t),
    stdoutIsTty: Boolean(process11.stdout.isTTY),
    stderrIsTty: Boolean(process11.stderr.isTTY),
    readStdin: readAllStdin,
    env: process11.env
  };
}
function usageFromParseError(command, error) {
  const text = messageOf(error);
  const option = /'([^']+)'/.exec(text)?.[1];
  const help = `run 'mpm-session ${command} --help' to see the options`;
  if (/Unknown option/i.test(text) && option) {
    return new UsageError(`Unknown option '${option}' for '${command}': ${help}`);
  }
  if (/argument missing/i.test(text) && option) {
    return new UsageError(`Option '${option.split(",").pop().trim().split(" ")[0]}' needs a value: ${help}`);
  }
  if (/argument is ambiguous/i.test(text) && option) {
    const name = option.split(",").pop().trim().split(" ")[0];
    return new UsageError(`Option '${name}' got a value that starts with a dash: write it as '${name}=VALUE': ${help}`);
  }
  if (/does not take an argument/i.test(text) && option) {
    return new UsageError(`Option '${option}' does not take a value: ${help}`);
  }
  return new UsageError(`${text.split(". ")[0].replace(/\.$/, "")}: ${help}`);
}
function parseCount(name, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`Option '--${name}' needs a whole number, got '${value}': for example --${name} 10`);
  }
  return Number(value);
}
function progressReporter(io) {
  if (!io.stderrIsTty) return {
    update: void 0,
    done: () => {
    }
  };
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
      process11.exit(signal === "SIGINT" ? 130 : 143);
    }
    exitCode = signal === "SIGINT" ? 130 : 143;
    io.stderr(`
Interrupted: finishing the removals under way, then stopping (press again to stop at once)
`);
    controller.abort();
  };
  for (const s of signals) process11.on(s, onSignal);
  return {
    signal: controller.signal,
    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number). */
    exitCode: () => exitCode,
    dispose: () => {
      for (const s of signals) process11.off(s, onSignal);
    }
  };
}
async function readTodosOption(value, io) {
  if (value === void 0) return void 0;
  let text;
  try {
    text = value === "-" ? await io.readStdin() : await readFile8(value, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read todos file '${value}': ${error.code === "ENOENT" ? "no such file" : messageOf(error)}`);
  }
  try {
    return parseTodosDocument(text);
  } catch (error) {
    throw new UserError(`Cannot read todos from '${value === "-" ? "stdin" : value}': ${messageOf(error)}: give a JSON array of {content, status}`);
  }
}
async function main(args, io = processIo()) {
  const c = colorsFor(io.stdoutIsTty, io.env);
  const debug = args.includes("--verbose") || io.env.MPM_DEBUG === "1";
  try {
    return await run(args, io, c);
  } catch (error) {
    if (debug && error instanceof Error && !(error instanceof UsageError)) {
      io.stderr(`${error.stack ?? error.message}
`);
    }
    const message = messageOf(error).split("\n")[0];
    const err = colorsFor(io.stderrIsTty, io.env);
    if (error instanceof UsageError) {
      io.stderr(`${err.red("error")}: ${message}
`);
      return error.exitCode;
    }
    if (error instanceof UserError) {
      io.stderr(`${err.red("error")}: ${message}
`);
      return error.exitCode;
    }
    io.stderr(`${err.red("error")}: ${message}${debug ? "" : " (run with --verbose or MPM_DEBUG=1 for details)"}
`);
    return 1;
  }
}
async function run(args, io, c) {
  const [command, ...rest] = args;
  if (command === void 0 || command === "-h" || command === "--help" || command === "help") {
    const topic = command === "help" ? rest[0] : void 0;
    if (topic && COMMAND_HELP[topic]) {
      io.stdout(COMMAND_HELP[topic] + "\n");
      return 0;
    }
    io.stdout(MAIN_HELP + "\n");
    return command === void 0 ? 2 : 0;
  }
  if (command === "-V" || command === "--version" || command === "version") {
    io.stdout(`mpm-session ${VERSION}
`);
    return 0;
  }
  const spec = COMMAND_OPTIONS[command];
  if (!spec) {
    throw new UsageError(command.startsWith("-") ? `Unknown option '${command}': run 'mpm-session --help' to see the commands` : `Unknown command '${command}': run 'mpm-session --help' to see the commands`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: spec,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw usageFromParseError(command, error);
  }
  const { values, positionals } = parsed;
  const v = values;
  if (v.help) {
    io.stdout(COMMAND_HELP[command] + "\n");
    return 0;
  }
  if (positionals.length > MAX_POSITIONALS[command]) {
    throw new UsageError(`Unexpected argument '${positionals[MAX_POSITIONALS[command]]}' for '${command}': run 'mpm-session ${command} --help' for usage`);
  }
  const json = Boolean(v.json);
  const str = (k) => v[k];
  const caches = v["ignored-cache"] ?? [];
  switch (command) {
    case "pause": {
      const message = str("message");
      if (message !== void 0 && message.trim() === "") {
        throw new UsageError("Empty message for '-m': give some text, or leave '-m' out to pause without a message");
      }
      const todos = await readTodosOption(str("todos"), io);
      const progress = progressReporter(io);
      const interrupt = interruptController(io);
      try {
        const result = await pause({
          projectPath: positionals[0],
          message,
          todos,
          exportPath: str("export"),
          pruneWorktrees: !v["no-prune-worktrees"],
          pruneOptions: {
            deleteBranches: Boolean(v["delete-branches"]),
            extraDisposableIgnored: caches,
            onProgress: progress.update,
            signal: interrupt.signal
          },
          env: io.env
        });
        progress.done();
        io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : renderPause(result, c));
        return interrupt.signal.aborted ? interrupt.exitCode() : 0;
      } finally {
        interrupt.dispose();
      }
    }
    case "resume": {
      if (positionals[0] !== void 0 && v.select !== void 0) {
        throw new UsageError("Give either a session id or '--select', not both: run 'mpm-session resume --help' for usage");
      }
      const result = await resume({
        projectPath: str("project"),
        id: positionals[0],
        select: str("select"),
        env: io.env
      });
      const warn = colorsFor(io.stderrIsTty, io.env);
      for (const w of result.warnings) {
        io.stderr(`${warn.yellow("warning")}: ${w}
`);
      }
      io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : renderResume(result, c));
      return 0;
    }
    case "list": {
      const limit = v.all ? void 0 : parseCount("limit", str("limit")) ?? 20;
      const result = await listSessions({
        projectPath: str("project"),
        limit
      });
      io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : renderList(result, c));
      return 0;
    }
    case "prune": {
      const progress = progressReporter(io);
      const interrupt = interruptController(io);
      try {
        const summary = await prune({
          projectPath: positionals[0],
          dryRun: Boolean(v["dry-run"]),
          deleteBranches: Boolean(v["delete-branches"]),
          extraDisposableIgnored: caches,
          onProgress: progress.update,
          signal: interrupt.signal
        });
        progress.done();
        io.stdout(json ? JSON.stringify(summary, null, 2) + "\n" : renderPrune(summary, c));
        if (interrupt.signal.aborted) return interrupt.exitCode();
        if (summary.skipped && !json) return 1;
        if (summary.skipped) return 1;
        const kept = summary.preserved_count + summary.orphans_preserved;
        return v["fail-on-preserved"] && kept > 0 ? 3 : 0;
      } finally {
        interrupt.dispose();
      }
    }
    case "clean": {
      const keep = parseCount("keep", str("keep"));
      const olderThan = str("older-than");
      if (keep === void 0 && olderThan === void 0) {
        throw new UsageError("Say which sessions to delete with '--keep N' or '--older-than DURATION': run 'mpm-session clean --help' for usage");
      }
      let olderThanMs;
      if (olderThan !== void 0) {
        olderThanMs = parseDuration(olderThan);
        if (olderThanMs === void 0) {
          throw new UsageError(`Cannot read duration '${olderThan}': use a number and a unit, such as 30d, 12h, 90m or 2w`);
        }
      }
      const result = await cleanSessions({
        projectPath: str("project"),
        keep,
        olderThanMs,
        dryRun: Boolean(v["dry-run"])
      });
      io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : renderClean(result));
      return 0;
    }
    case "hook": {
      const input = await io.readStdin().catch(() => "");
      const output = await handleHookEvent(input, {
        prune: Boolean(v.prune),
        env: io.env
      });
      if (output) io.stdout(output);
      return 0;
    }
    case "install-hooks": {
      if (v.project && v.user) {
        throw new UsageError("Give either '--project' or '--user', not both: run 'mpm-session install-hooks --help' for usage");
      }
      const result = await installHooks({
        scope: v.user ? "user" : "project",
        command: str("command"),
        dryRun: Boolean(v["dry-run"]),
        env: io.env
      });
      io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : result.text);
      return 0;
    }
  }
  return 0;
}
async function exitWhenFlushed(code) {
  const flushed = (stream) => new Promise((resolve8) => stream.write("", () => resolve8()));
  await Promise.race([
    Promise.all([
      flushed(process11.stdout),
      flushed(process11.stderr)
    ]),
    new Promise((resolve8) => setTimeout(resolve8, 1e4))
  ]);
  process11.exit(code);
}
if (false) {
  await exitWhenFlushed(await main(process11.argv.slice(2)));
}

// npm/bin.ts
await exitWhenFlushed(await main(process12.argv.slice(2)));
