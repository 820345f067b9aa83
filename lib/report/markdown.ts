/**
 * Renders a session as concise Markdown for a person or an agent resuming
 * the work. Lists are capped so even a huge status stays short. Pure.
 *
 * @module
 */

import type { SessionDocument, TaskItem, TodoItem } from "../types.ts";
import { codeSpan, escapeMarkdown } from "./escape.ts";
import { hasCleanupActivity, pruneSummaryLines } from "./prune_text.ts";

/** Entries shown per list before "… and N more". */
export const MARKDOWN_LIST_LIMIT = 15;

/** Characters of the message shown before it is cut. */
export const MARKDOWN_MESSAGE_LIMIT = 2000;

function capped<T>(
  items: readonly T[],
  total: number,
  render: (item: T) => string,
): string[] {
  const lines = items.slice(0, MARKDOWN_LIST_LIMIT).map(render);
  const rest = total - Math.min(items.length, MARKDOWN_LIST_LIMIT);
  if (rest > 0) lines.push(`- … and ${rest} more (see the JSON file)`);
  return lines;
}

function todoLine(todo: TodoItem): string {
  const box = todo.status === "completed" ? "[x]" : "[ ]";
  const state = todo.status === "in_progress" ? " *(in progress)*" : "";
  return `- ${box} ${escapeMarkdown(todo.content)}${state}`;
}

function taskLine(task: TaskItem): string {
  const id = task.id ? `#${escapeMarkdown(task.id)} ` : "";
  const blocked = task.blockedBy?.length
    ? ` (blocked by ${task.blockedBy.map(escapeMarkdown).join(", ")})`
    : "";
  return `- ${id}${escapeMarkdown(task.subject)}${blocked}`;
}

/** Renders the message as an escaped block quote, cut if very long. */
export function renderMessage(message: string | null): string[] {
  if (message === null || message.trim() === "") return ["*(no message)*"];
  const cut = message.length > MARKDOWN_MESSAGE_LIMIT;
  const shown = cut ? message.slice(0, MARKDOWN_MESSAGE_LIMIT) : message;
  const lines = shown.split(/\r?\n/).map((l) =>
    l.trim() === "" ? ">" : `> ${escapeMarkdown(l)}`
  );
  if (cut) {
    lines.push(
      "",
      `*(message cut at ${MARKDOWN_MESSAGE_LIMIT} of ${message.length} characters; the JSON file has all of it)*`,
    );
  }
  return lines;
}

/** Renders the whole session document. */
export function renderSessionMarkdown(doc: SessionDocument): string {
  const git = doc.git_context;
  const out: string[] = [];
  out.push(`# Paused session ${doc.session_id}`, "");
  out.push(`- **Paused at:** ${doc.paused_at}`);
  out.push(`- **Project:** ${codeSpan(doc.project_path)}`);
  if (doc.active_context.working_directory !== doc.project_path) {
    out.push(
      `- **Working directory:** ${
        codeSpan(doc.active_context.working_directory)
      }`,
    );
  }
  if (git.is_git_repo) {
    const where = git.detached
      ? "detached HEAD"
      : `branch ${codeSpan(git.branch ?? "?")}`;
    const head = git.head ? ` at ${codeSpan(git.head.slice(0, 12))}` : "";
    const upstream = git.upstream
      ? ` (${git.ahead ?? 0} ahead, ${git.behind ?? 0} behind ${
        codeSpan(git.upstream)
      })`
      : "";
    out.push(`- **Git:** ${where}${head}${upstream}`);
    if (git.operation_in_progress) {
      out.push(`- **In progress:** ${git.operation_in_progress}`);
    }
    if (git.stash_count > 0) out.push(`- **Stashes:** ${git.stash_count}`);
  } else {
    out.push("- **Git:** not a git repository");
  }
  if (doc.trigger.source === "hook") {
    out.push(
      `- **Saved by:** Claude Code ${
        escapeMarkdown(doc.trigger.event ?? "hook").replace(/\n/g, " ")
      }${
        doc.trigger.trigger
          ? ` (${escapeMarkdown(doc.trigger.trigger).replace(/\n/g, " ")})`
          : ""
      }`,
    );
  }
  out.push("", "## Message", "", ...renderMessage(doc.conversation.summary));
  const carried = doc.conversation.carried_message;
  if (carried) {
    out.push(
      "",
      `## Last message written by hand (${
        escapeMarkdown(carried.paused_at)
      }, session ${escapeMarkdown(carried.session_id)})`,
      "",
      ...renderMessage(carried.text),
    );
  }

  if (git.is_git_repo) {
    const s = git.status;
    out.push("", "## Working tree", "");
    if (s.clean) {
      out.push("Clean.");
    } else {
      out.push(
        `${s.counts.staged} staged, ${s.counts.unstaged} modified, ${s.counts.untracked} untracked, ${s.counts.conflicted} conflicted.`,
        "",
      );
      const changed = [
        ...s.conflicted_files.map((p) => `- conflict ${codeSpan(p)}`),
        ...s.modified_files.map((p) => `- changed ${codeSpan(p)}`),
        ...s.untracked_files.map((p) => `- new ${codeSpan(p)}`),
      ];
      const total = s.counts.conflicted + s.counts.modified +
        s.counts.untracked;
      out.push(...capped(changed, Math.max(total, changed.length), (l) => l));
    }
    if (git.recent_commits.length > 0) {
      out.push("", "## Recent commits", "");
      for (const c of git.recent_commits) {
        out.push(
          `- ${codeSpan(c.sha.slice(0, 7))} ${escapeMarkdown(c.message)}`,
        );
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
  if (
    tl.in_progress_tasks.length + tl.pending_tasks.length +
        tl.completed_count > 0
  ) {
    out.push("", "## Tasks", "");
    if (tl.in_progress_tasks.length > 0) {
      out.push("In progress:", "");
      out.push(
        ...capped(
          tl.in_progress_tasks,
          tl.in_progress_tasks.length,
          taskLine,
        ),
        "",
      );
    }
    if (tl.pending_tasks.length > 0) {
      out.push("Pending:", "");
      out.push(
        ...capped(tl.pending_tasks, tl.pending_tasks.length, taskLine),
        "",
      );
    }
    out.push(`Completed: ${tl.completed_count}`);
  }

  const ri = doc.resume_instructions;
  // Switching to what was checked out when this file was written is noise.
  const here = [
    git.branch && `git switch ${git.branch}`,
    git.branch && `git switch '${git.branch}'`,
    git.head && `git switch --detach ${git.head}`,
  ];
  const quickStart = ri.quick_start.filter((l) => !here.includes(l));
  out.push("", "## Resume", "", "```sh", ...quickStart, "```");
  if (ri.files_to_review.length > 0) {
    out.push("", "Files to review:", "");
    out.push(
      ...capped(
        ri.files_to_review,
        ri.files_to_review.length,
        (p) => `- ${codeSpan(p)}`,
      ),
    );
  }
  if (ri.validation_commands.length > 0) {
    out.push("", "Check the state with:", "", "```sh");
    out.push(...ri.validation_commands, "```");
  }

  const summary = doc.worktree_prune_summary;
  if (summary && hasCleanupActivity(summary)) {
    out.push("", "## Worktree cleanup", "");
    // A file has no terminal width; under 1 MB reclaimed is not news.
    const lines = pruneSummaryLines(summary, {
      width: Number.POSITIVE_INFINITY,
      minReclaimedBytes: 1_000_000,
    });
    const shown = lines.slice(0, 25).map((l) =>
      l.startsWith("  ")
        ? `  - ${escapeMarkdown(l.trim())}`
        : `- ${escapeMarkdown(l)}`
    );
    out.push(...shown);
    if (lines.length > 25) {
      out.push(`- … and ${lines.length - 25} more lines (see the JSON file)`);
    }
  }
  const warnings = [...doc.warnings, ...git.errors];
  if (warnings.length > 0) {
    out.push("", "## Warnings", "");
    out.push(
      ...capped(warnings, warnings.length, (w) => `- ${escapeMarkdown(w)}`),
    );
  }
  return out.join("\n") + "\n";
}
