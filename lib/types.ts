/**
 * The shapes this tool reads and writes: the session document (compatible
 * with the claude-mpm session format) and the worktree cleanup report.
 *
 * @module
 */

/** The version of the session JSON written by this tool. */
export const SCHEMA_VERSION = 1;

/** One commit in `git_context.recent_commits`. */
export interface CommitInfo {
  /** Full commit sha. */
  sha: string;
  /** Author name. */
  author: string;
  /** Author date, ISO 8601. */
  timestamp: string;
  /** Subject line. */
  message: string;
}

/** The working-tree status saved with a session. */
export interface GitStatusSnapshot {
  /** No staged, modified, untracked or conflicted paths. */
  clean: boolean;
  /** Tracked paths with staged or unstaged changes. */
  modified_files: string[];
  /** Untracked paths. */
  untracked_files: string[];
  /** Paths with staged changes. */
  staged_files: string[];
  /** Paths with unstaged changes. */
  unstaged_files: string[];
  /** Paths with merge conflicts. */
  conflicted_files: string[];
  /** Full counts; the lists above stop at {@link MAX_LISTED_PATHS}. */
  counts: {
    /** Tracked paths with staged or unstaged changes, each counted once. */
    modified: number;
    staged: number;
    unstaged: number;
    untracked: number;
    conflicted: number;
  };
  /** Whether any list above was cut short. */
  truncated: boolean;
}

/** The most paths kept in each status list of the session JSON. */
export const MAX_LISTED_PATHS = 500;

/** Git facts saved with a session. */
export interface GitContext {
  /** Whether the project is inside a git worktree. */
  is_git_repo: boolean;
  /** Branch name, or `null` when detached or not a repository. */
  branch: string | null;
  /** HEAD commit sha. */
  head: string | null;
  /** Whether HEAD is detached. */
  detached: boolean;
  /** Upstream branch, such as `origin/main`. */
  upstream: string | null;
  /** Commits ahead of the upstream. */
  ahead: number | null;
  /** Commits behind the upstream. */
  behind: number | null;
  /** The last five commits, newest first. */
  recent_commits: CommitInfo[];
  /** The working-tree status. */
  status: GitStatusSnapshot;
  /** Number of stash entries. */
  stash_count: number;
  /** `merge`, `rebase`, `cherry-pick`, `revert` or `bisect` when one is in progress. */
  operation_in_progress: string | null;
  /** Number of registered worktrees, the main one included. */
  worktree_count: number;
  /** Facts that could not be read, one line each. */
  errors: string[];
}

/** One TodoWrite item. */
export interface TodoItem {
  /** What to do. */
  content: string;
  /** `pending`, `in_progress` or `completed`. */
  status: string;
  /** Present-tense form shown while in progress. */
  activeForm?: string;
  /** Older todo files carry an id. */
  id?: string;
  /** Older todo files carry a priority. */
  priority?: string;
}

/** One Claude Code task. */
export interface TaskItem {
  /** Task id. */
  id: string;
  /** Short title. */
  subject: string;
  /** Longer description. */
  description?: string;
  /** Present-tense form shown while in progress. */
  activeForm?: string;
  /** `pending`, `in_progress` or `completed`. */
  status: string;
  /** Agent that owns the task. */
  owner?: string;
  /** Tasks this one blocks. */
  blocks?: string[];
  /** Tasks blocking this one. */
  blockedBy?: string[];
}

/** Open tasks saved with a session. */
export interface TaskListSnapshot {
  /** Tasks not started. */
  pending_tasks: TaskItem[];
  /** Tasks in progress. */
  in_progress_tasks: TaskItem[];
  /** How many tasks were completed. */
  completed_count: number;
}

/** Where the todos and tasks came from. */
export interface ClaudeCodeContext {
  /** The Claude Code conversation id, when one was found. */
  session_id: string | null;
  /** The conversation transcript, when found. */
  transcript_path: string | null;
  /** The files todos and tasks were read from. */
  sources: string[];
}

/** What started the pause. */
export interface PauseTrigger {
  /** `cli`, or `hook` for a Claude Code hook event. */
  source: "cli" | "hook";
  /** The hook event name, such as `PreCompact`. */
  event?: string;
  /** `manual` or `auto` for PreCompact. */
  trigger?: string;
}

/** A person's message carried into an automatic pause. */
export interface CarriedMessage {
  /** The message. */
  text: string;
  /** When it was written (the manual pause's time), ISO 8601. */
  paused_at: string;
  /** The session it was written with. */
  session_id: string;
}

/** A saved session, as written to `<id>.json`. */
export interface SessionDocument {
  /** Version of this format. */
  schema_version: number;
  /** `session-YYYYMMDD-HHMMSS`, UTC. */
  session_id: string;
  /** When the session was paused, ISO 8601 UTC. */
  paused_at: string;
  /** The project root the session belongs to. */
  project_path: string;
  /** The message given with the pause. */
  conversation: {
    summary: string | null;
    /**
     * For an automatic pause: the newest message a person wrote (the
     * latest manual pause of the same conversation, else of the same
     * worktree within 24 hours), or `null` when there is none.
     */
    carried_message?: CarriedMessage | null;
  };
  /** Git state at pause time. */
  git_context: GitContext;
  /** Where the user was working. */
  active_context: {
    working_directory: string;
    /** Top level of the worktree the session was paused in. */
    worktree_path?: string;
    /** That worktree's branch, `null` when detached. */
    branch?: string | null;
  };
  /** How to pick the work up again. */
  resume_instructions: {
    quick_start: string[];
    files_to_review: string[];
    validation_commands: string[];
  };
  /** TodoWrite items. */
  todos: TodoItem[];
  /** Claude Code tasks. */
  task_list: TaskListSnapshot;
  /** Where todos and tasks came from. */
  claude_code: ClaudeCodeContext;
  /** What started the pause. */
  trigger: PauseTrigger;
  /** Problems met while capturing, one line each. */
  warnings: string[];
  /** The tool that wrote the file. */
  tool: { name: string; version: string };
  /** The worktree cleanup that ran after the files were written. */
  worktree_prune_summary?: PruneSummary;
}

/** Every reason a worktree or directory can be kept for, as data (reports and tests list them). */
export const REASON_CODES = [
  "current-worktree",
  "locked",
  "in-use-by-claude",
  "dirty",
  "unique-ignored-files",
  "submodules",
  "operation-in-progress",
  "unpushed-commits",
  "not-integrated",
  "unreferenced-commits",
  "process-running",
  "unknown",
  "git-refused",
  "symlink",
  "not-a-directory",
  "other-filesystem",
  "not-empty",
  "unreadable-git",
  "foreign-worktree",
  "stash",
  "nested-worktrees",
  "containment",
  "interrupted",
  "recently-active",
  "needs-repair",
  "staged-only-copy",
  "unsafe-trash",
  "name-taken",
  "move-failed",
  "changed-during-cleanup",
  "rescue-failed",
  "not-put-in-trash-by-tool",
  "hidden-changes",
  "nested-worktree",
  "nested-repository",
  "mount-point",
  "undecodable-name",
  "private-refs",
  "foreign-owner",
  "borrowed-objects",
] as const;

/** Why a worktree or directory was kept or removed. */
export type ReasonCode = typeof REASON_CODES[number];

/** A reason with its code and a sentence for people. */
export interface Reason {
  /** Machine-readable code. */
  code: ReasonCode;
  /** One line for people. */
  message: string;
}

/** The outcome for one registered worktree. */
export interface WorktreeOutcome {
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root. */
  relative_path: string;
  /** Branch short name, when on a branch. */
  branch: string | null;
  /** `pruned`, `preserved`, `would-prune` (dry run) or `admin-pruned` (directory was gone). */
  action: "pruned" | "preserved" | "would-prune" | "admin-pruned";
  /** Why it was kept; empty when removed. */
  reasons: Reason[];
  /** Which integration check held, when the branch was found integrated. */
  integration_check: IntegrationCheck | null;
  /** Bytes freed (or that would be freed). */
  bytes_reclaimed: number;
  /** Whether its branch was deleted (`--delete-branches`). */
  branch_deleted?: boolean;
  /** Why the branch was kept when deletion was asked for. */
  branch_note?: string;
  /** Notes that do not change the outcome, such as a stale lock. */
  notes: string[];
  /**
   * ISO time of its newest activity (admin folder, index, HEAD, top-level
   * entries), `null` when unknown or the folder is gone.
   */
  last_activity_at: string | null;
  /** The rescue ref of its HEAD, when it was removed. */
  rescue_ref?: string;
}

/** The outcome for one orphaned directory. */
export interface OrphanOutcome {
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root. */
  relative_path: string;
  /** `plain`, `clone`, `git-file`, `symlink` or `file`. */
  kind: "plain" | "clone" | "git-file" | "symlink" | "file";
  /** `swept`, `preserved` or `would-sweep` (dry run). */
  action: "swept" | "preserved" | "would-sweep";
  /** Why it was kept; empty when swept. */
  reasons: Reason[];
  /** Bytes freed (or that would be freed). */
  bytes_reclaimed: number;
}

/** How a branch was found integrated into the default branch. */
export type IntegrationCheck =
  | "ancestor"
  | "three-dot-diff-empty"
  | "tree-equal"
  | "merge-adds-nothing";

/** The cleanup report; the claude-mpm keys plus this tool's own. */
export interface PruneSummary {
  /** Worktrees removed. */
  pruned_count: number;
  /** Worktrees kept. */
  preserved_count: number;
  /** Registrations cleaned whose directory was already gone. */
  admin_pruned: number;
  /** Every registered worktree under `.claude/worktrees/`. */
  worktrees: WorktreeOutcome[];
  /** Orphaned directories removed. */
  orphans_swept: number;
  /** Orphaned directories kept. */
  orphans_preserved: number;
  /** Every orphaned child of `.claude/worktrees/`. */
  orphans: OrphanOutcome[];
  /** Why the orphan sweep did not run, or `null`. */
  orphan_sweep_skipped: string | null;
  /** Whether nothing was changed because this was a dry run. */
  dry_run: boolean;
  /** The default branch refs integration was checked against. */
  default_branch: { name: string; refs: string[] } | null;
  /** Bytes freed in total (or that would be freed). */
  bytes_reclaimed: number;
  /** Whether cleanup was skipped entirely, and why. */
  skipped: string | null;
  /** Leftovers of an interrupted earlier run that were cleaned or reported. */
  trash: { emptied: string[]; restored: string[]; remaining: string[] };
  /** Notes for the whole run, such as `/proc` not being readable. */
  notes: string[];
}

// Results of the library's commands: the CLI prints them, the report
// modules render them.

/** Paths of one written session. */
export interface SessionFiles {
  /** The session id finally used. */
  id: string;
  /** The JSON file. */
  jsonPath: string;
  /** The Markdown file. */
  markdownPath: string;
  /** The LATEST pointer. */
  latestPath: string;
}

/** A commit in a short list. */
export interface ShortCommit {
  /** Full sha. */
  sha: string;
  /** Subject line. */
  message: string;
}

/** The orientation part of what changed since a pause. */
export interface OrientationFacts {
  /**
   * Whether the paused HEAD is unknown (a session written by claude-mpm
   * saves only a short sha), so new commits cannot be told.
   */
  head_unknown: boolean;
  /** Commits of HEAD on no remote-tracking branch (newest first, at most 10). */
  unpushed_commits: ShortCommit[];
  /** How many commits of HEAD are on no remote-tracking branch, or `null` when unknown. */
  unpushed_count: number | null;
  /** The remote default branch compared, such as `origin/main`, or `null`. */
  default_ref: string | null;
  /** Commits on the default ref committed since the pause (newest first, at most 10). */
  default_new_commits: ShortCommit[];
  /** How many, or `null` when there is no default ref. */
  default_new_count: number | null;
}

/** What changed since the session was paused. */
export interface SinceFacts extends OrientationFacts {
  /** Whether the comparison could be made (a git repository now). */
  available: boolean;
  /** The branch now, or `null` when detached. */
  branch_now: string | null;
  /** Whether the branch differs from the paused one. */
  branch_switched: boolean;
  /** HEAD now. */
  head_now: string | null;
  /** Commits made since the paused HEAD (newest first, at most 10). */
  new_commits: { sha: string; message: string }[];
  /** How many commits were made since the paused HEAD. */
  new_commit_count: number;
  /** Whether the paused HEAD is no longer an ancestor of HEAD (history rewritten or branch switched). */
  head_diverged: boolean;
  /** Files changed by those commits (at most 20) and their count. */
  files_changed: string[];
  /** Number of files changed by commits since the pause. */
  files_changed_count: number;
  /** Uncommitted changes now. */
  working_tree_now:
    | { modified: number; untracked: number; conflicted: number }
    | null;
  /** Todos open at pause time that are still open (or unknown). */
  open_todos: TodoItem[];
  /** Open todos at pause time that are completed now. */
  completed_since: TodoItem[];
  /** Whether the current todo state could be read. */
  todos_checked: boolean;
}

/** What `resume` found. */
export interface ResumeResult {
  /** The session, or `null` when there are none. */
  session: SessionDocument | null;
  /** What changed since, when a session was found. */
  since: SinceFacts | null;
  /** Unreadable session files that were skipped. */
  warnings: string[];
  /** The sessions folder. */
  sessionsDir: string;
}

/** One row of `list`. */
export interface SessionListEntry {
  /** Session id. */
  id: string;
  /** When it was paused, or `null` when unreadable. */
  paused_at: string | null;
  /** Branch at pause time. */
  branch: string | null;
  /** The worktree it was paused in, `null` when unreadable. */
  worktree: string | null;
  /** First line of the message. */
  message: string | null;
  /** Set when the file could not be read. */
  error?: string;
}

/** What `listSessions` found. */
export interface ListResult {
  /** Newest first. */
  sessions: SessionListEntry[];
  /** How many sessions exist in total. */
  total: number;
  /** The sessions folder. */
  sessionsDir: string;
  /** The project's main worktree, which worktrees are shown relative to. */
  projectRoot?: string;
}

/** What `pause` did. */
export interface PauseResult {
  /** The saved document, with the cleanup report when cleanup ran. */
  session: SessionDocument;
  /** Where it was saved. */
  files: SessionFiles;
  /** The cleanup report, or `null` when cleanup did not run. */
  cleanup: PruneSummary | null;
  /** Where the export copy went, if asked. */
  exportPath: string | null;
  /** Set when an automatic pause repeated the previous one: nothing was written. */
  repeated?: boolean;
}

/** What `cleanSessions` did. */
export interface CleanResult {
  /** Session ids deleted (or that would be). */
  deleted: string[];
  /** Session ids kept. */
  kept: number;
  /** Whether nothing was changed. */
  dry_run: boolean;
  /** Files that could not be deleted. */
  errors: string[];
  /** The sessions folder. */
  sessionsDir: string;
}

/** What `installHooks` did. */
export interface InstallHooksResult {
  /** The settings file. */
  path: string;
  /** Whether the file changed (or would). */
  changed: boolean;
  /** The backup written, if any. */
  backup: string | null;
  /** Hook events added. */
  added: string[];
  /** The hook command written. */
  command: string;
  /** Why the command might not run, one line each. */
  warnings: string[];
  /** A summary for people. */
  text: string;
}

/** What a cleanup would do with one entry. */
export type WorktreeState =
  | "would-remove"
  | "would-clean"
  | "would-sweep"
  | "kept";

/** One row of the worktrees view. */
export interface WorktreeEntry {
  /** The folder name under `.claude/worktrees/`. */
  name: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root. */
  relative_path: string;
  /** `worktree` (registered with git) or `orphan` (a directory git does not know). */
  kind: "worktree" | "orphan";
  /** Branch short name, or `null` when detached, unknown or an orphan. */
  branch: string | null;
  /** What `prune` would do. */
  state: WorktreeState;
  /** Why it would be kept; empty when it would go. */
  reasons: Reason[];
  /** Newest activity, ISO 8601, or `null` when unknown. */
  last_activity_at: string | null;
  /**
   * Bytes on disk, `null` when not measured (a symlink, a mount, another
   * user's folder: walking it is unsafe or says nothing).
   */
  size_bytes: number | null;
  /** Which integration check held, or `null`. */
  integration_check: IntegrationCheck | null;
}

/** What {@link listWorktrees} found. */
export interface WorktreeList {
  /** The version of this document. */
  schema_version: 1;
  /** The default branch integration was checked against, or `null`. */
  default_branch: string | null;
  /** Every entry, worktrees first, in the cleanup's order. */
  worktrees: WorktreeEntry[];
  /** Totals for the summary line. */
  totals: {
    /** Entries listed. */
    count: number;
    /** Entries a cleanup would remove, clean or sweep. */
    would_go: number;
    /** Entries a cleanup would keep. */
    kept: number;
    /** Bytes a cleanup would reclaim. */
    reclaimable_bytes: number;
  };
  /** Why nothing could be judged, or `null`. */
  skipped: string | null;
  /** Notes of the run, such as `/proc` not being readable. */
  notes: string[];
}

/** One journal line: a removal and how to undo it. */
export interface JournalEntry {
  /** Format version. */
  v: 1;
  /** When it was removed, ISO time. */
  time: string;
  /** `worktree` (registered) or `clone` (orphan clone). */
  kind: "worktree" | "clone";
  /** Its folder name under `.claude/worktrees/`. */
  name: string;
  /** Its absolute path before removal. */
  path: string;
  /** Its branch short name, `null` when detached or unknown. */
  branch: string | null;
  /** Its HEAD commit, `null` when unborn. */
  head: string | null;
  /** The rescue ref prefix: `refs/mpm-session/rescue/<name>/<stamp>`. */
  rescue_prefix: string;
  /** Each rescued ref (under the prefix) with its commit. */
  refs: Record<string, string>;
  /** The facts that allowed the removal. */
  facts: Record<string, unknown>;
}
