/**
 * `pause`: capture the work state, write the session files, then clean up
 * agent worktrees. Files are always written before anything is removed.
 *
 * @module
 */

import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { UserError } from "../errors.ts";
import { runGit } from "../gather/git.ts";
import { readClaudeState, taskListSnapshot } from "../gather/claude.ts";
import { projectAt, projectFolder } from "../gather/project.ts";
import {
  captureGitContext,
  emptyGitContext,
  settleEarly,
  startGitCapture,
  unknownGitContext,
} from "../gather/repo.ts";
import { sessionsDirFor } from "../gather/sessions.ts";
import { autoPauseContext } from "./pause_auto.ts";
import {
  createSessionFiles,
  ensureSessionsDir,
  rewriteSessionFiles,
  SELF_IGNORE_TEXT,
  sessionJson,
  writeLatestPointer,
  writeSelfIgnore,
} from "../act/session_store.ts";
import { writeFileAtomic } from "../act/write.ts";
import { renderSessionMarkdown } from "../report/markdown.ts";
import {
  type GitContext,
  type PauseResult,
  type PauseTrigger,
  type PruneSummary,
  SCHEMA_VERSION,
  type SessionDocument,
  type TodoItem,
} from "../types.ts";
import { TOOL_NAME, VERSION } from "../version.ts";
import { prune, type PruneOptions } from "./prune.ts";

export type { PauseResult };

/** Options for {@link pause}. */
export interface PauseOptions {
  /** Project folder; defaults to the current directory. */
  projectPath?: string;
  /** What the user was doing. */
  message?: string;
  /** Todos handed in by the caller (`--todos`), added to Claude Code's. */
  todos?: TodoItem[];
  /** Also write a copy of the JSON here. */
  exportPath?: string;
  /** Clean up `.claude/worktrees/` after saving; defaults to `true`. */
  pruneWorktrees?: boolean;
  /** Options passed to the cleanup. */
  pruneOptions?: Omit<PruneOptions, "projectPath" | "dryRun">;
  /** What started the pause; defaults to the CLI. */
  trigger?: PauseTrigger;
  /** The Claude Code conversation, when a hook names it. */
  claudeSessionId?: string;
  /** The Claude Code transcript, when a hook names it. */
  transcriptPath?: string;
  /** Environment to read Claude Code settings from. */
  env?: Record<string, string | undefined>;
  /** The pause time; defaults to now. */
  now?: Date;
}

async function checkExportTarget(path: string): Promise<string> {
  const target = resolve(process.cwd(), path);
  let info;
  try {
    info = await stat(dirname(target));
  } catch {
    throw new UserError(
      `Cannot export to '${target}': folder '${
        dirname(target)
      }' does not exist: create it or choose another path`,
    );
  }
  if (!info.isDirectory()) {
    throw new UserError(
      `Cannot export to '${target}': '${dirname(target)}' is not a folder`,
    );
  }
  try {
    if ((await stat(target)).isDirectory()) {
      throw new UserError(
        `Cannot export to '${target}': it is a folder: give a file path`,
      );
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  return target;
}

async function sessionsAlreadyIgnored(
  root: string,
  isGit: boolean,
): Promise<boolean> {
  if (!isGit) return true;
  // Our own '*' in the folder ignores every untracked file in it, whatever
  // the folders above say: no need for git to read the whole index.
  const own = await readFile(
    join(sessionsDirFor(root), ".gitignore"),
    "utf8",
  ).catch(() => undefined);
  if (own === SELF_IGNORE_TEXT) return true;
  const result = await runGit(
    ["check-ignore", "-q", ".claude-mpm/sessions/session-probe.json"],
    { cwd: root },
  ).catch(() => undefined);
  return result?.code === 0;
}

function resumeInstructions(git: GitContext): SessionDocument[
  "resume_instructions"
] {
  const quickStart = ["mpm-session resume"];
  if (git.is_git_repo && git.branch) {
    quickStart.push(`git switch ${quoteArg(git.branch)}`);
  } else if (git.is_git_repo && git.head) {
    quickStart.push(`git switch --detach ${git.head}`);
  }
  const files = [
    ...git.status.conflicted_files,
    ...git.status.modified_files,
    ...git.status.untracked_files,
  ].slice(0, 50);
  return {
    quick_start: quickStart,
    files_to_review: files,
    validation_commands: git.is_git_repo
      ? ["git status", "git log --oneline -5", "git stash list"]
      : [],
  };
}

/** Quotes a shell argument when it needs it. */
export function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Pauses the session: captures state, writes `.claude-mpm/sessions/<id>.json`,
 * `<id>.md` and `LATEST-SESSION.txt`, then cleans up agent worktrees.
 *
 * @throws {UserError} for a bad project path, export path, or unwritable folder.
 */
export async function pause(options: PauseOptions = {}): Promise<PauseResult> {
  const env = options.env ?? process.env;
  // The status of a large worktree is most of a pause: it starts before
  // the repository is even located, from the folder the pause runs in.
  const folder = await projectFolder(options.projectPath);
  const early = startGitCapture(folder);
  const project = await projectAt(folder, early.worktreeList);
  if (!project.repo) await settleEarly(early);
  const exportPath = options.exportPath === undefined
    ? null
    : await checkExportTarget(options.exportPath);
  const now = options.now ?? new Date();
  const warnings: string[] = [];
  if (project.gitMissing) {
    warnings.push("git was not found on PATH: git state was not captured");
  }
  const [git, claude, ignored] = await Promise.all([
    project.repo ? captureGitContext(project.repo, early) : Promise.resolve(
      project.gitMissing ? unknownGitContext() : emptyGitContext(),
    ),
    readClaudeState(
      project.worktreeRoots,
      options.claudeSessionId
        ? { ...env, CLAUDE_CODE_SESSION_ID: options.claudeSessionId }
        : env,
      {
        transcriptPath: options.transcriptPath,
        likelyStarts: [project.workingDirectory, project.worktreeRoot],
      },
    ),
    sessionsAlreadyIgnored(project.root, project.repo !== undefined),
  ]);
  warnings.push(...claude.warnings);
  const sessionsDir = sessionsDirFor(project.root);
  await ensureSessionsDir(sessionsDir);
  if (!ignored) await writeSelfIgnore(sessionsDir).catch(() => {});
  const build = (id: string): SessionDocument => ({
    schema_version: SCHEMA_VERSION,
    session_id: id,
    paused_at: now.toISOString(),
    project_path: project.root,
    conversation: { summary: options.message ?? null },
    git_context: git,
    active_context: {
      working_directory: project.workingDirectory,
      worktree_path: project.worktreeRoot,
      branch: project.repo ? git.branch : null,
    },
    resume_instructions: resumeInstructions(git),
    todos: [...claude.todos, ...(options.todos ?? [])],
    task_list: taskListSnapshot(claude.tasks),
    claude_code: {
      session_id: claude.sessionId,
      transcript_path: options.transcriptPath ?? claude.transcriptPath,
      sources: claude.sources,
    },
    trigger: options.trigger ?? { source: "cli" },
    warnings,
    tool: { name: TOOL_NAME, version: VERSION },
  });
  const auto = await autoPauseContext(sessionsDir, build("probe"));
  if (auto.repeated) {
    return { ...auto.repeated, cleanup: null, exportPath: null };
  }
  const { files, doc } = await createSessionFiles(
    sessionsDir,
    now,
    (id) => ({ ...build(id), ...auto.extra(id) }),
    renderSessionMarkdown,
  );
  await writeLatestPointer(doc, files);

  let cleanup: PruneSummary | null = null;
  const shouldPrune = (options.pruneWorktrees ?? true) &&
    project.repo !== undefined;
  if (shouldPrune) {
    try {
      cleanup = await prune({
        ...options.pruneOptions,
        projectPath: project.workingDirectory,
      });
    } catch (error) {
      // Cleanup never fails a pause; the reason is kept with the session.
      doc.warnings.push(
        `Worktree cleanup did not run: ${(error as Error).message}`,
      );
    }
    if (cleanup) doc.worktree_prune_summary = cleanup;
    await rewriteSessionFiles(files, doc, renderSessionMarkdown).catch((
      error,
    ) => {
      doc.warnings.push(
        `Cannot add the cleanup report to the session: ${
          (error as Error).message
        }`,
      );
    });
  }
  if (exportPath) {
    try {
      await writeFileAtomic(exportPath, sessionJson(doc));
    } catch (error) {
      throw new UserError(
        `Cannot export to '${exportPath}': ${
          (error as Error).message
        }: the session itself was saved as '${files.jsonPath}'`,
      );
    }
  }
  return { session: doc, files, cleanup, exportPath };
}
