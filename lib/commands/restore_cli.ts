/**
 * `mpm-session restore`: options, help and the run from the command line.
 * The work itself is {@link restore} and {@link listRestorable} in
 * `restore.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { UsageError } from "../errors.ts";

/** The `restore` command. */
export const restoreCommand: CommandDescriptor = {
  name: "restore",
  summary: "Bring back a worktree a cleanup removed",
  usage: "NAME|PATH | --list",
  description:
    `Re-create a worktree a cleanup removed, at its old path on its old branch,
from the rescue refs the cleanup recorded before deleting it (the branch is
re-created from them when --delete-branches removed it). Refuses when the
path is taken or the branch now points elsewhere. Rescue refs live under
refs/mpm-session/rescue/ for --rescue-days (default 30).`,
  options: [
    { name: "list", help: "List the recorded removals, newest first" },
  ],
  maxPositionals: 1,
  jsonSchema: "restore.schema.json",
  examples: ["restore --list", "restore agent-a1b2", "restore --list --json"],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderRestoreList } = await import("../report/restore_text.ts");
    const { listRestorable, restore } = await import("./restore.ts");
    const target = context.positionals[0];
    const list = Boolean(context.values.list);
    if (list === (target !== undefined)) {
      throw new UsageError(
        list
          ? "Give either '--list' or a NAME to restore, not both: run 'mpm-session restore --help' for usage"
          : "Say which worktree to restore: give its NAME or PATH, or '--list' to see them",
      );
    }
    const projectPath = context.projectPath();
    if (list) {
      const removals = await listRestorable({ projectPath });
      if (context.global.json) context.printJson({ removals, restored: null });
      else {
        context.print(renderRestoreList(removals, Date.now(), context.width));
      }
      return 0;
    }
    const restored = await restore({ projectPath, target: target! });
    if (context.global.json) context.printJson({ removals: null, restored });
    else context.print(`${restored.message}\n`);
    return 0;
  },
};
