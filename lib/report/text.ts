/**
 * What the CLI prints for people. Pure: each function returns the text.
 *
 * @module
 */

import { relative } from "node:path";
import type { PauseResult } from "../commands/pause.ts";
import type { ListResult, ResumeResult } from "../commands/resume.ts";
import type { PruneSummary, SessionDocument } from "../types.ts";
import type { Colors } from "./color.ts";
import { displayPath, escapeControl, firstLine, truncate } from "./escape.ts";
import { hasCleanupActivity, pruneSummaryLines } from "./prune_text.ts";

function oneLine(text: string): string {
  return escapeControl(text).replace(/[\r\n\t]+/g, " ");
}

/** The cleanup summary block, or nothing when there was nothing to clean. */
export function renderCleanup(
  summary: PruneSummary | null,
  c: Colors,
): string[] {
  if (!summary || !hasCleanupActivity(summary)) return [];
  return [
    c.bold(
      summary.dry_run ? "Worktree Cleanup (dry run):" : "Worktree Cleanup:",
    ),
    ...pruneSummaryLines(summary).map((l) => `  ${l}`),
  ];
}

/** The summary printed after a pause. */
export function renderPause(result: PauseResult, c: Colors): string {
  const doc = result.session;
  const root = doc.project_path;
  const rel = (p: string) => displayPath(relative(root, p) || p);
  const git = doc.git_context;
  const lines = [
    c.green(c.bold("Session paused")),
    `  ID:        ${doc.session_id}`,
    `  Paused at: ${doc.paused_at}`,
    `  Project:   ${displayPath(root)}`,
    `  Files:     ${rel(result.files.jsonPath)}`,
    `             ${rel(result.files.markdownPath)}`,
    `             ${rel(result.files.latestPath)}`,
  ];
  if (result.exportPath) {
    lines.push(`  Export:    ${displayPath(result.exportPath)}`);
  }
  if (doc.conversation.summary) {
    lines.push(
      `  Message:   ${
        truncate(oneLine(firstLine(doc.conversation.summary)), 100)
      }`,
    );
  }
  if (git.is_git_repo) {
    const where = git.branch ? `branch ${git.branch}` : "detached HEAD";
    const s = git.status.counts;
    lines.push(
      `  Git:       ${oneLine(where)}${
        git.head ? ` at ${git.head.slice(0, 7)}` : ""
      }, ${
        git.status.clean
          ? "clean"
          : `${s.modified} changed, ${s.untracked} untracked${
            s.conflicted ? `, ${s.conflicted} conflicted` : ""
          }`
      }`,
    );
  }
  const open = doc.todos.filter((t) => t.status !== "completed").length +
    doc.task_list.pending_tasks.length + doc.task_list.in_progress_tasks.length;
  if (open > 0) lines.push(`  Open todos and tasks: ${open}`);
  for (const w of doc.warnings) {
    lines.push(c.yellow(`  Warning: ${oneLine(w)}`));
  }
  for (const e of git.errors) lines.push(c.yellow(`  Warning: ${oneLine(e)}`));
  lines.push("", `Resume with: mpm-session resume`);
  const cleanup = renderCleanup(result.cleanup, c);
  if (cleanup.length > 0) lines.push("", ...cleanup);
  return lines.join("\n") + "\n";
}

/** The text `resume` prints: the saved context, then what changed since. */
export function renderResume(result: ResumeResult, c: Colors): string {
  const lines: string[] = [];
  for (const w of result.warnings) {
    lines.push(c.yellow(`Warning: ${oneLine(w)}`));
  }
  const doc = result.session;
  if (!doc) {
    lines.push(
      'No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"',
    );
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
        lines.push(
          c.yellow(
            `  Branch switched: ${
              oneLine(doc.git_context.branch ?? "detached")
            } -> ${oneLine(since.branch_now ?? "detached HEAD")}`,
          ),
        );
      }
      if (since.head_diverged) {
        lines.push(
          c.yellow("  The paused commit is no longer in the history of HEAD"),
        );
      }
      if (since.new_commit_count > 0) {
        lines.push(`  ${since.new_commit_count} new commit(s):`);
        for (const commit of since.new_commits) {
          lines.push(
            `    ${commit.sha.slice(0, 7)} ${
              truncate(oneLine(commit.message), 80)
            }`,
          );
        }
      } else if (!since.head_diverged) {
        lines.push("  No new commits");
      }
      if (since.files_changed_count > 0) {
        lines.push(
          `  ${since.files_changed_count} file(s) changed by commits:`,
        );
        for (const f of since.files_changed.slice(0, 10)) {
          lines.push(`    ${displayPath(f)}`);
        }
        if (since.files_changed_count > 10) {
          lines.push(`    … and ${since.files_changed_count - 10} more`);
        }
      }
      const w = since.working_tree_now;
      if (w) {
        lines.push(
          w.modified + w.untracked + w.conflicted === 0
            ? "  Working tree now: clean"
            : `  Working tree now: ${w.modified} changed, ${w.untracked} untracked${
              w.conflicted ? `, ${w.conflicted} conflicted` : ""
            }`,
        );
      }
    }
    if (since.completed_since.length > 0) {
      lines.push(`  Todos completed since: ${since.completed_since.length}`);
    }
    if (since.open_todos.length > 0) {
      lines.push(
        `  Todos still open${
          since.todos_checked ? "" : " (as saved)"
        }: ${since.open_todos.length}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

/** Characters of the message shown on resume before pointing to the file. */
export const MESSAGE_SHOWN_CHARS = 4000;

/** The saved context of a session, for the terminal. */
export function renderSessionText(doc: SessionDocument, c: Colors): string[] {
  const git = doc.git_context;
  const lines = [
    c.bold(`Resuming session ${doc.session_id}`),
    `  Paused at: ${doc.paused_at}`,
    `  Project:   ${displayPath(doc.project_path)}`,
  ];
  if (doc.conversation.summary) {
    // The note is what the person wrote for their future self: show it
    // whole, unless it is huge, and then say where the rest is.
    const full = doc.conversation.summary;
    const shown = full.length > MESSAGE_SHOWN_CHARS
      ? full.slice(0, MESSAGE_SHOWN_CHARS)
      : full;
    const message = shown.split(/\r?\n/).map((l) => escapeControl(l));
    lines.push(`  Message:   ${message[0]}`);
    for (const l of message.slice(1)) lines.push(`             ${l}`);
    if (shown.length < full.length) {
      lines.push(
        `             … (${
          full.length - shown.length
        } more characters in .claude-mpm/sessions/${doc.session_id}.json)`,
      );
    }
  }
  const carried = doc.conversation.carried_message;
  if (carried) {
    // An automatic pause's own message says nothing; show what the person
    // last wrote, and when.
    const text = carried.text.slice(0, MESSAGE_SHOWN_CHARS).split(/\r?\n/)
      .map((l) => escapeControl(l));
    lines.push(
      `  Last note: ${text[0]}`,
      ...text.slice(1).map((l) => `             ${l}`),
      `             (written ${carried.paused_at} with ${carried.session_id})`,
    );
  }
  if (git.is_git_repo) {
    lines.push(
      `  Git:       ${
        git.branch ? `branch ${oneLine(git.branch)}` : "detached HEAD"
      }${git.head ? ` at ${git.head.slice(0, 7)}` : ""}${
        git.operation_in_progress
          ? ` (${git.operation_in_progress} in progress)`
          : ""
      }`,
    );
    const s = git.status;
    if (!s.clean) {
      lines.push(
        `  Changes:   ${s.counts.modified} changed, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted`,
      );
      for (const f of s.modified_files.slice(0, 10)) {
        lines.push(`    ${displayPath(f)}`);
      }
      if (s.counts.modified > 10) {
        lines.push(`    … and ${s.counts.modified - 10} more`);
      }
    }
    if (git.recent_commits.length > 0) {
      lines.push("  Recent commits:");
      for (const commit of git.recent_commits) {
        lines.push(
          `    ${commit.sha.slice(0, 7)} ${
            truncate(oneLine(commit.message), 80)
          }`,
        );
      }
    }
  }
  const open = doc.todos.filter((t) => t.status !== "completed");
  if (open.length > 0) {
    lines.push("  Todos:");
    for (const t of open.slice(0, 15)) {
      lines.push(
        `    [${t.status === "in_progress" ? "~" : " "}] ${
          truncate(oneLine(t.content), 100)
        }`,
      );
    }
    if (open.length > 15) lines.push(`    … and ${open.length - 15} more`);
  }
  const tasks = [
    ...doc.task_list.in_progress_tasks,
    ...doc.task_list.pending_tasks,
  ];
  if (tasks.length > 0) {
    lines.push("  Tasks:");
    for (const t of tasks.slice(0, 15)) {
      lines.push(
        `    [${t.status === "in_progress" ? "~" : " "}] ${
          truncate(oneLine(t.subject), 100)
        }`,
      );
    }
    if (tasks.length > 15) lines.push(`    … and ${tasks.length - 15} more`);
  }
  return lines;
}

/** A worktree as `list` shows it: `.` for the main one, else relative. */
function worktreeLabel(root: string | undefined, worktree: string): string {
  if (!root) return worktree;
  if (worktree === root) return ".";
  return worktree.startsWith(`${root}/`)
    ? worktree.slice(root.length + 1)
    : worktree;
}

/** The table `list` prints. */
export function renderList(result: ListResult, c: Colors): string {
  if (result.total === 0) {
    return 'No paused sessions found in this project. Save one with: mpm-session pause -m "what you are doing"\n';
  }
  const rows = result.sessions.map((s) => [
    s.id,
    s.paused_at ? s.paused_at.replace("T", " ").replace(/\.\d+Z$/, "Z") : "?",
    s.error ? "(unreadable)" : oneLine(s.branch ?? "-"),
    s.worktree ? oneLine(worktreeLabel(result.projectRoot, s.worktree)) : "-",
    s.error ? oneLine(s.error) : truncate(oneLine(firstLine(s.message)), 60),
  ]);
  const header = ["ID", "PAUSED AT (UTC)", "BRANCH", "WORKTREE", "MESSAGE"];
  const widths = header.map((h, i) =>
    Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length)))
  );
  const fmt = (r: string[]) =>
    r.map((cell, i) =>
      i === r.length - 1 ? cell : truncate(cell, widths[i]).padEnd(widths[i])
    )
      .join("  ").trimEnd();
  const lines = [c.bold(fmt(header)), ...rows.map(fmt)];
  if (result.sessions.length < result.total) {
    lines.push(
      c.dim(
        `(${result.sessions.length} of ${result.total} sessions shown; use --all or --limit N)`,
      ),
    );
  }
  return lines.join("\n") + "\n";
}

/** The text `prune` prints. */
export function renderPrune(summary: PruneSummary, c: Colors): string {
  const block = renderCleanup(summary, c);
  if (block.length === 0) {
    return "Nothing to clean under .claude/worktrees/\n";
  }
  return block.join("\n") + "\n";
}
