/**
 * `--help` text for the tool and each command.
 *
 * @module
 */

import { VERSION } from "../version.ts";

/** Help for the tool as a whole. */
export const MAIN_HELP = `mpm-session ${VERSION}
Pause and resume AI coding sessions; keep agent git worktrees tidy without losing work.

Usage: mpm-session <command> [options]

Commands:
  pause [PATH]       Save the work state, then clean up .claude/worktrees/
  resume [ID]        Show a saved session and what changed since
  list               List saved sessions, newest first
  prune [PATH]       Clean up .claude/worktrees/ only (for CI)
  clean              Delete old session files
  worktrees          List agent worktrees and what a cleanup would do
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

/** Help for each command. */
export const COMMAND_HELP: Record<string, string> = {
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
  worktrees: `Usage: mpm-session worktrees [-C PATH] [--json]

List every worktree and orphaned directory under .claude/worktrees/, one
line each: name, branch, last activity, size, integration check, and what
'prune' would do (would go, or kept and why). Changes nothing.

Options:
  -C, --project PATH      Project folder (default: the current directory)
      --json              Print one JSON document
      --ignored-cache NAME  Ignored files named NAME are a rebuildable cache
  -h, --help              Show this help`,
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
  "install-hooks":
    `Usage: mpm-session install-hooks [--project | --user] [options]

Add the PreCompact (auto-pause) and SessionStart (resume) hooks to Claude
Code's settings.json. Existing settings and hooks are kept, a backup is
written first, and running it again changes nothing.

Options:
      --project    .claude/settings.json of this project (default)
      --user       ~/.claude/settings.json (honours CLAUDE_CONFIG_DIR)
      --command C  The command the hooks run (default: mpm-session)
      --dry-run    Show the result without writing
  -h, --help       Show this help`,
};
