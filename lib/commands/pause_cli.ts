/**
 * `mpm-session pause`: options, help and the run from the command line.
 * The work itself is {@link pause} in `pause.ts`.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { CommandDescriptor } from "../cli/command.ts";
import {
  CLEANUP_OPTIONS,
  cleanupFlags,
  interruptController,
  progressReporter,
  readTodosOption,
  verboseCleanupLines,
} from "../cli/runtime.ts";
import type { PauseOptions } from "./pause.ts";

/** The `pause` command. */
export const pauseCommand: CommandDescriptor = {
  name: "pause",
  summary: "Save the work state, then clean up .claude/worktrees/",
  usage: "[PROJECT_PATH] [options]",
  description:
    `Save the work state (message, git branch, HEAD, recent commits, status,
Claude Code todos and tasks) to .claude-mpm/sessions/ at the project root,
then remove agent worktrees under .claude/worktrees/ that are provably
disposable. Anything with work a person could miss is kept, with the reason.
PROJECT_PATH is read relative to -C.`,
  options: [
    {
      name: "message",
      short: "m",
      value: "TEXT",
      help: "What you were doing (shown when you resume)",
    },
    {
      name: "todos",
      value: "FILE",
      help: "Todos as JSON to save too (- reads stdin)",
    },
    {
      name: "export",
      value: "FILE",
      help: "Also write a copy of the session JSON to FILE",
    },
    { name: "no-prune-worktrees", help: "Skip the worktree cleanup" },
    ...CLEANUP_OPTIONS,
  ],
  maxPositionals: 1,
  jsonSchema: "pause.schema.json",
  examples: [
    'pause -m "Auth refactor: about to test the login flow"',
    "pause ~/code/app --no-prune-worktrees",
    "pause --export /tmp/session-backup.json --json",
  ],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderPause } = await import("../report/text.ts");
    const { pause } = await import("./pause.ts");
    const v = context.values;
    const message = v.message as string | undefined;
    if (message !== undefined && message.trim() === "") {
      throw new UsageError(
        "Empty message for '-m': give some text, or leave '-m' out to pause without a message",
      );
    }
    const todos = await readTodosOption(
      v.todos as string | undefined,
      context.io,
    );
    const flags = cleanupFlags(context);
    const progress = progressReporter(context);
    const interrupt = interruptController(context.io);
    try {
      const pruneOptions: PauseOptions["pruneOptions"] = {
        ...flags,
        onProgress: progress.update,
        signal: interrupt.signal,
      };
      const result = await pause({
        projectPath: context.projectPath(context.positionals[0]),
        message,
        todos,
        exportPath: v.export as string | undefined,
        pruneWorktrees: !v["no-prune-worktrees"],
        pruneOptions,
        env: context.io.env,
      });
      progress.done();
      if (context.global.json) context.printJson(result);
      else {
        context.print(renderPause(result, context.colors, context.width));
        if (context.global.verbose && result.cleanup) {
          const lines = verboseCleanupLines(result.cleanup);
          if (lines.length) context.print(lines.join("\n") + "\n");
        }
      }
      return interrupt.signal.aborted ? interrupt.exitCode() : 0;
    } finally {
      interrupt.dispose();
    }
  },
};
