/**
 * `mpm-session worktrees`: options, help and the run from the command line.
 * The work itself is {@link listWorktrees} in `worktrees.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";

/** The `worktrees` command. */
export const worktreesCommand: CommandDescriptor = {
  name: "worktrees",
  summary: "Show every agent worktree and what a cleanup would do with it",
  usage: "[options]",
  description:
    `List every worktree and orphaned directory under .claude/worktrees/, one
line each: name, branch, last activity, size, integration check, and what
'prune' would do (would go, or kept and why), then the totals. Changes
nothing: it is the cleanup's dry run.`,
  options: [
    {
      name: "ignored-cache",
      value: "NAME",
      multiple: true,
      help: "Ignored files named NAME are a rebuildable cache (repeatable)",
    },
  ],
  maxPositionals: 0,
  jsonSchema: "worktrees.schema.json",
  examples: ["worktrees", "worktrees --json", "-C ~/code/app worktrees"],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderWorktrees } = await import("../report/worktrees_text.ts");
    const { listWorktrees } = await import("./worktrees.ts");
    const list = await listWorktrees({
      projectPath: context.projectPath(),
      pruneOptions: {
        extraDisposableIgnored:
          (context.values["ignored-cache"] as string[] | undefined) ?? [],
      },
    });
    if (context.global.json) context.printJson(list);
    else {
      context.print(
        renderWorktrees(list, context.colors, Date.now(), context.width),
      );
    }
    return list.skipped ? 1 : 0;
  },
};
