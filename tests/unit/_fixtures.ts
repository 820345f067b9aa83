/**
 * Builders for the plain data the pure modules take: a minimal session
 * document, a prune summary, worktree and orphan outcomes. Each builder
 * takes overrides so a test states only what it is about.
 *
 * @module
 */

import type { ContentFacts } from "../../lib/decide/classify.ts";
import type {
  GitContext,
  OrphanOutcome,
  PruneSummary,
  SessionDocument,
  WorktreeOutcome,
} from "../../lib/types.ts";
import { SCHEMA_VERSION } from "../../lib/types.ts";

/** A clean git context on `main` with no commits listed. */
export function gitContext(overrides: Partial<GitContext> = {}): GitContext {
  return {
    is_git_repo: true,
    branch: "main",
    head: "0123456789abcdef0123456789abcdef01234567",
    detached: false,
    upstream: null,
    ahead: null,
    behind: null,
    recent_commits: [],
    status: {
      clean: true,
      modified_files: [],
      untracked_files: [],
      staged_files: [],
      unstaged_files: [],
      conflicted_files: [],
      counts: {
        modified: 0,
        staged: 0,
        unstaged: 0,
        untracked: 0,
        conflicted: 0,
      },
      truncated: false,
    },
    stash_count: 0,
    operation_in_progress: null,
    worktree_count: 1,
    errors: [],
    ...overrides,
  };
}

/** A minimal session document. */
export function sessionDocument(
  overrides: Partial<SessionDocument> = {},
): SessionDocument {
  return {
    schema_version: SCHEMA_VERSION,
    session_id: "session-20240102-030405",
    paused_at: "2024-01-02T03:04:05.000Z",
    project_path: "/work/project",
    conversation: { summary: "Working on the parser" },
    git_context: gitContext(),
    active_context: { working_directory: "/work/project" },
    resume_instructions: {
      quick_start: ["mpm-session resume", "git switch main"],
      files_to_review: [],
      validation_commands: ["git status"],
    },
    todos: [],
    task_list: { pending_tasks: [], in_progress_tasks: [], completed_count: 0 },
    claude_code: { session_id: null, transcript_path: null, sources: [] },
    trigger: { source: "cli" },
    warnings: [],
    tool: { name: "mpm-session", version: "0.0.0-test" },
    ...overrides,
  };
}

/** An empty prune summary: nothing happened. */
export function pruneSummary(
  overrides: Partial<PruneSummary> = {},
): PruneSummary {
  return {
    pruned_count: 0,
    preserved_count: 0,
    admin_pruned: 0,
    worktrees: [],
    orphans_swept: 0,
    orphans_preserved: 0,
    orphans: [],
    orphan_sweep_skipped: null,
    dry_run: false,
    default_branch: null,
    bytes_reclaimed: 0,
    skipped: null,
    trash: { emptied: [], restored: [], remaining: [] },
    notes: [],
    ...overrides,
  };
}

/** One worktree outcome under `.claude/worktrees/<name>`. */
export function worktreeOutcome(
  name: string,
  overrides: Partial<WorktreeOutcome> = {},
): WorktreeOutcome {
  return {
    path: `/repo/.claude/worktrees/${name}`,
    relative_path: `.claude/worktrees/${name}`,
    branch: name,
    action: "pruned",
    reasons: [],
    integration_check: "ancestor",
    bytes_reclaimed: 0,
    notes: [],
    last_activity_at: null,
    ...overrides,
  };
}

/** One orphan outcome under `.claude/worktrees/<name>`. */
export function orphanOutcome(
  name: string,
  overrides: Partial<OrphanOutcome> = {},
): OrphanOutcome {
  return {
    path: `/repo/.claude/worktrees/${name}`,
    relative_path: `.claude/worktrees/${name}`,
    kind: "plain",
    action: "swept",
    reasons: [],
    bytes_reclaimed: 0,
    ...overrides,
  };
}

/** Contents facts of a candidate that holds nothing status does not show. */
export const NO_CONTENTS: ContentFacts = {
  hiddenChanges: [],
  nestedWorktrees: [],
  nestedRepositories: [],
  mounts: [],
  undecodableNames: [],
  privateCommits: false,
};
