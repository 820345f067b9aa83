/**
 * What the CLI prints for people. Pure: each function returns the text.
 *
 * @module
 */

import { relative } from "node:path";
import type {
  ListResult,
  PauseResult,
  PruneSummary,
  ResumeResult,
  SessionDocument,
} from "../types.ts";
import type { Colors } from "./color.ts";
import { displayPath, escapeControl, firstLine, truncate } from "./escape.ts";
import {
  cutAtWord,
  DEFAULT_WIDTH,
  fitEntry,
  plural,
  shellQuote,
} from "./fit.ts";
import { pausedLine } from "./time.ts";
import { hasCleanupActivity, pruneSummaryLines } from "./prune_text.ts";

function oneLine(text: string): string {
  return escapeControl(text).replace(/[\r\n\t]+/g, " ");
}

/**
 * The cleanup summary block, or nothing when there was nothing to clean;
 * each line fits in `width` characters.
 */
export function renderCleanup(
  summary: PruneSummary | null,
  c: Colors,
  width: number = DEFAULT_WIDTH,
): string[] {
  if (!summary || !hasCleanupActivity(summary)) return [];
  return [
    c.bold(
      summary.dry_run ? "Worktree Cleanup (dry run):" : "Worktree Cleanup:",
    ),
    ...pruneSummaryLines(summary, { width: width - 2 }).map((l) => `  ${l}`),
  ];
}

/** The summary printed after a pause. */
export function renderPause(
  result: PauseResult,
  c: Colors,
  width: number = DEFAULT_WIDTH,
): string {
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
        cutAtWord(
          oneLine(firstLine(doc.conversation.summary)),
          Math.min(100, width - "  Message:   ".length),
        )
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
  const cleanup = renderCleanup(result.cleanup, c, width);
  if (cleanup.length > 0) lines.push("", ...cleanup);
  return lines.join("\n") + "\n";
}

/** A commit as `abc1234 subject`, on one line of at most `width`. */
function commitLine(
  indent: string,
  commit: { sha: string; message: string },
  width: number,
): string {
  return cutAtWord(
    `${indent}${commit.sha.slice(0, 7)} ${oneLine(commit.message)}`,
    width,
  );
}

/** Lines of commits, then `… and K more` when the count exceeds the list. */
function commitLines(
  commits: readonly { sha: string; message: string }[],
  count: number,
  width: number,
): string[] {
  const lines = commits.map((commit) => commitLine("    ", commit, width));
  if (count > commits.length) {
    lines.push(`    … and ${count - commits.length} more`);
  }
  return lines;
}

/**
 * The text `resume` prints: when the work was paused, the saved context,
 * then what changed since. `nowMs` and `width` make it reproducible; with
 * no width (a hook's context for an agent) the message is not wrapped.
 */
export function renderResume(
  result: ResumeResult,
  c: Colors,
  nowMs: number = Date.now(),
  width: number = Number.POSITIVE_INFINITY,
): string {
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
  lines.push(...renderSessionText(doc, c, nowMs, width));
  const since = result.since;
  if (since) {
    lines.push("", c.bold("Since you paused:"));
    if (!since.available) {
      lines.push("  (not a git repository now: no git comparison)");
    } else {
      const branchNow = oneLine(since.branch_now ?? "detached HEAD");
      if (since.branch_switched) {
        lines.push(
          c.yellow(
            `  Branch switched: ${
              oneLine(doc.git_context.branch ?? "detached")
            } -> ${branchNow}`,
          ),
        );
        if (doc.git_context.branch) {
          lines.push(
            `  Back to it with: git switch ${
              shellQuote(doc.git_context.branch)
            }`,
          );
        }
      }
      if (since.unpushed_count !== null && since.unpushed_count > 0) {
        lines.push(
          `  Branch now: ${
            since.branch_now ? `${branchNow}, ` : "detached HEAD, "
          }${plural(since.unpushed_count, "commit")} not pushed:`,
          ...commitLines(since.unpushed_commits, since.unpushed_count, width),
        );
      } else if (since.unpushed_count === 0) {
        lines.push(`  Branch now: ${branchNow}, everything pushed`);
      } else {
        lines.push(`  Branch now: ${branchNow}`);
      }
      if (since.head_unknown) {
        lines.push(
          "  New commits: cannot tell: the session saved no full HEAD (it was written by claude-mpm)",
        );
      } else if (since.head_diverged) {
        lines.push(
          c.yellow("  The paused commit is no longer in the history of HEAD"),
        );
      }
      if (since.new_commit_count > 0) {
        lines.push(
          `  ${plural(since.new_commit_count, "new commit")} on this branch:`,
          ...commitLines(since.new_commits, since.new_commit_count, width),
        );
      } else if (!since.head_diverged && !since.head_unknown) {
        lines.push("  No new commits on this branch");
      }
      if (since.files_changed_count > 0) {
        lines.push(
          `  ${plural(since.files_changed_count, "file")} changed by commits:`,
        );
        for (const f of since.files_changed.slice(0, 10)) {
          lines.push(`    ${displayPath(f)}`);
        }
        if (since.files_changed_count > 10) {
          lines.push(`    … and ${since.files_changed_count - 10} more`);
        }
      }
      if (since.default_ref && since.default_new_count !== null) {
        const ref = oneLine(since.default_ref);
        lines.push(
          since.default_new_count === 0
            ? `  ${ref}: no new commits since the pause (as last fetched)`
            : `  ${ref}: ${
              plural(since.default_new_count, "new commit")
            } since the pause (as last fetched):`,
          ...commitLines(
            since.default_new_commits,
            since.default_new_count,
            width,
          ),
        );
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

/** Wraps `text` at spaces to `width`, every line after the first indented by `hang`. */
export function hangingWrap(
  first: string,
  hang: string,
  text: string,
  width: number,
): string[] {
  const out: string[] = [];
  const paragraphs = text.split(/\r?\n/).map((l) => escapeControl(l));
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

/** Files listed by name before `… and K more`. */
export const FILES_SHOWN = 10;

function fileLines(
  label: string,
  files: readonly string[],
  count: number,
): string[] {
  if (count === 0) return [];
  const lines = [`  ${label}:`];
  for (const f of files.slice(0, FILES_SHOWN)) {
    lines.push(`    ${displayPath(f)}`);
  }
  const shown = Math.min(files.length, FILES_SHOWN);
  if (count > shown) lines.push(`    … and ${count - shown} more`);
  return lines;
}

/** The agent worktrees the pause's cleanup kept, grouped by reason code. */
function keptWorktreeLines(doc: SessionDocument, width: number): string[] {
  const summary = doc.worktree_prune_summary;
  if (!summary) return [];
  const kept = [
    ...summary.worktrees.filter((w) => w.action === "preserved"),
    ...summary.orphans.filter((o) => o.action === "preserved"),
  ];
  if (kept.length === 0) return [];
  const lines = [
    `  Agent worktrees kept with work: ${kept.length} (mpm-session worktrees shows them now)`,
  ];
  const shown = kept.slice(0, FILES_SHOWN);
  const labelWidth = Math.max(...shown.map((k) => k.relative_path.length));
  for (const k of shown) {
    const codes = [...new Set(k.reasons.map((r) => r.code))].join(", ");
    lines.push(
      fitEntry("    ", displayPath(k.relative_path), codes, width, labelWidth),
    );
  }
  if (kept.length > FILES_SHOWN) {
    lines.push(`    … and ${kept.length - FILES_SHOWN} more`);
  }
  return lines;
}

/** The saved context of a session, for the terminal. */
export function renderSessionText(
  doc: SessionDocument,
  c: Colors,
  nowMs: number = Date.now(),
  width: number = Number.POSITIVE_INFINITY,
): string[] {
  const git = doc.git_context;
  const lines = [
    c.bold(`Resuming session ${doc.session_id}`),
    `  ${pausedLine(doc.paused_at, nowMs)}`,
    `  Project:   ${displayPath(doc.project_path)}`,
  ];
  if (doc.conversation.summary) {
    // The note is what the person wrote for their future self: show it
    // whole, unless it is huge, and then say where the rest is.
    const full = doc.conversation.summary;
    const shown = full.length > MESSAGE_SHOWN_CHARS
      ? full.slice(0, MESSAGE_SHOWN_CHARS)
      : full;
    const hang = " ".repeat("  Message:   ".length);
    lines.push(...hangingWrap("  Message:   ", hang, shown, width));
    if (shown.length < full.length) {
      lines.push(
        `${hang}… (${
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
      lines.push(
        ...fileLines("Changed", s.modified_files, s.counts.modified),
        ...fileLines("Untracked", s.untracked_files, s.counts.untracked),
      );
    }
    if (git.recent_commits.length > 0) {
      lines.push("  Recent commits:");
      for (const commit of git.recent_commits) {
        lines.push(commitLine("    ", commit, width));
      }
    }
  }
  lines.push(...keptWorktreeLines(doc, width));
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
export function renderPrune(
  summary: PruneSummary,
  c: Colors,
  width: number = DEFAULT_WIDTH,
): string {
  const block = renderCleanup(summary, c, width);
  if (block.length === 0) {
    return "Nothing to clean under .claude/worktrees/\n";
  }
  return block.join("\n") + "\n";
}
