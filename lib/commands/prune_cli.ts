/**
 * `mpm-session prune`: options, help and the run from the command line.
 * The work itself is {@link prune} in `prune.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import {
  CLEANUP_OPTIONS,
  cleanupFlags,
  interruptController,
  progressReporter,
  verboseCleanupLines,
} from "../cli/runtime.ts";
import type { PruneOptions } from "./prune.ts";

/** The `prune` command. */
export const pruneCommand: CommandDescriptor = {
  name: "prune",
  summary: "Clean up .claude/worktrees/ only (for CI)",
  usage: "[PROJECT_PATH] [options]",
  description:
    `Clean up .claude/worktrees/ without pausing: remove registered worktrees
that are clean and fully integrated, clean registrations whose directory is
gone, and sweep orphaned directories that hold nothing. Never uses --force,
never follows a symlink, never touches anything outside .claude/worktrees/.
PROJECT_PATH is read relative to -C.`,
  options: [
    {
      name: "dry-run",
      help: "Change nothing; say what would go and what stays",
    },
    {
      name: "fail-on-preserved",
      help: "Exit 3 when anything was kept (for CI gates)",
    },
    ...CLEANUP_OPTIONS,
  ],
  maxPositionals: 1,
  jsonSchema: "prune.schema.json",
  notes: `Exit codes: 0 done, 1 failure, 2 usage error, 3 something was kept
(--fail-on-preserved), 130 interrupted (143 on SIGTERM).`,
  examples: [
    "prune --dry-run",
    "prune --json --fail-on-preserved",
    "-C ~/code/app prune -v",
  ],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderPrune } = await import("../report/text.ts");
    const { prune } = await import("./prune.ts");
    const v = context.values;
    const flags = cleanupFlags(context);
    const progress = progressReporter(context);
    const interrupt = interruptController(context.io);
    try {
      const options: PruneOptions = {
        ...flags,
        projectPath: context.projectPath(context.positionals[0]),
        dryRun: Boolean(v["dry-run"]),
        onProgress: progress.update,
        signal: interrupt.signal,
      };
      const summary = await prune(options);
      progress.done();
      if (context.global.json) context.printJson(summary);
      else {
        context.print(renderPrune(summary, context.colors, context.width));
        if (context.global.verbose) {
          const lines = verboseCleanupLines(summary);
          if (lines.length) context.print(lines.join("\n") + "\n");
        }
      }
      if (interrupt.signal.aborted) return interrupt.exitCode();
      if (summary.skipped) return 1;
      const kept = summary.preserved_count + summary.orphans_preserved;
      return v["fail-on-preserved"] && kept > 0 ? 3 : 0;
    } finally {
      interrupt.dispose();
    }
  },
};
