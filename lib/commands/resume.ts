/**
 * `resume` and `list`: read saved sessions back, and compare the paused
 * state with the repository as it is now.
 *
 * @module
 */

import process from "node:process";
import { UserError } from "../errors.ts";
import {
  chooseSession,
  selectSession,
  type SessionSelector,
  worktreeOf,
} from "../decide/select.ts";
import { loadRecentSessions } from "../gather/recent_sessions.ts";
import { readClaudeState } from "../gather/claude.ts";
import { runGit } from "../gather/git.ts";
import { resolveProject } from "../gather/project.ts";
import { captureGitContext } from "../gather/repo.ts";
import { emptyOrientation, gatherOrientation } from "../gather/since.ts";
import {
  listSessionIds,
  loadSession,
  readLatestPointer,
  sessionsDirFor,
} from "../gather/sessions.ts";
import { mapPool } from "../pool.ts";
import type {
  ListResult,
  ResumeResult,
  SessionDocument,
  SessionListEntry,
  SinceFacts,
} from "../types.ts";

export type { ListResult, ResumeResult, SessionListEntry, SinceFacts };

/** Options for {@link resume}. */
export interface ResumeOptions {
  /** A folder inside the project; defaults to the current directory. */
  projectPath?: string;
  /** An exact session id. */
  id?: string;
  /** `N` for the N-th newest, or an id prefix. */
  select?: string;
  /** Environment for reading Claude Code's current todos. */
  env?: Record<string, string | undefined>;
  /** Prefer the newest session of this Claude Code conversation (SessionStart `compact`). */
  conversationId?: string;
  /** Only sessions paused within this many ms count (SessionStart); none is found otherwise. */
  maxAgeMs?: number;
  /** The time to measure `maxAgeMs` from; defaults to now. */
  now?: Date;
}

/**
 * Loads the chosen session (the latest by default) and compares it with now.
 *
 * @throws {UserError} when the chosen session does not exist or is ambiguous.
 */
export async function resume(
  options: ResumeOptions = {},
): Promise<ResumeResult> {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const ids = await listSessionIds(sessionsDir);
  const warnings: string[] = [];
  const selector: SessionSelector = options.id
    ? { kind: "exact", id: options.id }
    : options.select !== undefined
    ? { kind: "select", value: options.select }
    : {
      kind: "latest",
      pointer: await preferredLatest(project, sessionsDir, options) ??
        await readLatestPointer(sessionsDir),
    };
  if (selector.kind === "latest" && selector.pointer === "") {
    return { session: null, since: null, warnings, sessionsDir };
  }
  let candidates = ids;
  // Skip unreadable files and choose again among the rest.
  while (true) {
    const choice = selectSession(candidates, selector);
    if (!choice.ok) {
      if (choice.reason === "none" && warnings.length === 0) {
        return { session: null, since: null, warnings, sessionsDir };
      }
      if (choice.reason === "none") {
        throw new UserError(
          `Cannot resume: no readable session in '${sessionsDir}'`,
        );
      }
      throw new UserError(
        choice.message,
        choice.reason === "out-of-range" ? 2 : 1,
      );
    }
    try {
      const session = await loadSession(sessionsDir, choice.id);
      const since = await sinceFacts(
        project,
        session,
        options.env ?? process.env,
      );
      return { session, since, warnings, sessionsDir };
    } catch (error) {
      if (error instanceof UserError) throw error;
      warnings.push(`${(error as Error).message}: skipped`);
      if (selector.kind !== "latest") {
        throw new UserError((error as Error).message);
      }
      candidates = candidates.filter((id) => id !== choice.id);
      if (selector.pointer === choice.id) selector.pointer = undefined;
    }
  }
}

/**
 * The session `latest` means here: in a linked worktree the newest paused
 * in it, for a conversation its newest, within `maxAgeMs` when set. `""`
 * when `maxAgeMs` leaves none; `undefined` for the project's LATEST.
 */
async function preferredLatest(
  project: Awaited<ReturnType<typeof resolveProject>>,
  sessionsDir: string,
  options: ResumeOptions,
): Promise<string | undefined> {
  const linked = project.worktreeRoot !== project.root;
  if (!linked && !options.conversationId && options.maxAgeMs === undefined) {
    return undefined;
  }
  const docs = await loadRecentSessions(sessionsDir);
  const now = (options.now ?? new Date()).getTime();
  const chosen = chooseSession(docs, {
    conversationId: options.conversationId,
    worktreePath: project.worktreeRoot,
    notBeforeMs: options.maxAgeMs === undefined
      ? undefined
      : now - options.maxAgeMs,
  });
  if (!chosen) return options.maxAgeMs === undefined ? undefined : "";
  return chosen.session_id;
}

async function sinceFacts(
  project: Awaited<ReturnType<typeof resolveProject>>,
  session: SessionDocument,
  env: Record<string, string | undefined>,
): Promise<SinceFacts> {
  const openAtPause = session.todos.filter((t) => t.status !== "completed");
  const facts: SinceFacts = {
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
    ...emptyOrientation(session.git_context.head == null),
  };
  const claude = await readClaudeState(project.worktreeRoots, env).catch(() =>
    undefined
  );
  if (claude && claude.todos.length > 0) {
    facts.todos_checked = true;
    const doneNow = new Set(
      claude.todos.filter((t) => t.status === "completed").map((t) =>
        t.content
      ),
    );
    facts.completed_since = openAtPause.filter((t) => doneNow.has(t.content));
    facts.open_todos = openAtPause.filter((t) => !doneNow.has(t.content));
  }
  if (!project.repo) return facts;
  const [now, orientation] = await Promise.all([
    captureGitContext(project.repo),
    gatherOrientation(
      project.repo.topLevel,
      session.paused_at,
      session.git_context.head ?? null,
    ),
  ]);
  Object.assign(facts, orientation);
  facts.available = true;
  facts.branch_now = now.branch;
  facts.head_now = now.head;
  facts.branch_switched = session.git_context.is_git_repo &&
    (now.branch !== session.git_context.branch);
  facts.working_tree_now = {
    modified: now.status.counts.modified,
    untracked: now.status.counts.untracked,
    conflicted: now.status.counts.conflicted,
  };
  const then = session.git_context.head;
  if (then && now.head && then !== now.head) {
    const cwd = project.worktreeRoot;
    const [count, log, diff, ancestor] = await Promise.all([
      runGit(["rev-list", "--count", `${then}..HEAD`], { cwd }),
      runGit(["log", "-10", "--format=%H%x1f%s", `${then}..HEAD`], { cwd }),
      runGit(["diff", "--name-only", "-z", "--no-renames", then, "HEAD"], {
        cwd,
      }),
      runGit(["merge-base", "--is-ancestor", then, "HEAD"], { cwd }),
    ]);
    if (count.code === 0) facts.new_commit_count = Number(count.stdout.trim());
    if (log.code === 0) {
      facts.new_commits = log.stdout.split("\n").filter(Boolean).map((l) => {
        const [sha, message] = l.split("\x1f");
        return { sha, message: message ?? "" };
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

/** Options for {@link listSessions}. */
export interface ListOptions {
  /** A folder inside the project; defaults to the current directory. */
  projectPath?: string;
  /** At most this many newest sessions; all when `undefined`. */
  limit?: number;
}

/** Lists saved sessions, newest first, reading only the files it shows. */
export async function listSessions(
  options: ListOptions = {},
): Promise<ListResult> {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const ids = await listSessionIds(sessionsDir);
  const shown = options.limit === undefined ? ids : ids.slice(0, options.limit);
  const sessions = await mapPool(
    shown,
    async (id): Promise<SessionListEntry> => {
      try {
        const doc = await loadSession(sessionsDir, id);
        return {
          id,
          paused_at: doc.paused_at,
          branch: doc.git_context.branch,
          worktree: worktreeOf(doc),
          message: doc.conversation.summary,
        };
      } catch (error) {
        return {
          id,
          paused_at: null,
          branch: null,
          worktree: null,
          message: null,
          error: (error as Error).message,
        };
      }
    },
    16,
  );
  return {
    sessions,
    total: ids.length,
    sessionsDir,
    projectRoot: project.root,
  };
}
