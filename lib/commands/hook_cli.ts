/**
 * `mpm-session hook`: options, help and the run from the command line.
 * The work itself is {@link handleHookEvent} in `hook.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { handleHookEvent } from "./hook.ts";

/** The `hook` command. */
export const hookCommand: CommandDescriptor = {
  name: "hook",
  summary: "Handle a Claude Code hook event read from stdin",
  usage: "[--prune] < event.json",
  description: `Handle a Claude Code hook event given as JSON on stdin:
  PreCompact     save a session (trigger and transcript recorded; no cleanup
                 unless --prune is given)
  SessionStart   print the latest session as additional context
Anything else, or bad JSON, prints nothing and exits 0: a hook never breaks
the editor.`,
  options: [{ name: "prune", help: "Also clean up worktrees on PreCompact" }],
  maxPositionals: 0,
  async run(context) {
    const input = await context.io.readStdin().catch(() => "");
    const output = await handleHookEvent(input, {
      prune: Boolean(context.values.prune),
      env: context.io.env,
      warn: (line) => context.io.stderr(line + "\n"),
    });
    // The hook's output is Claude Code's input: -q does not silence it.
    if (output) context.io.stdout(output);
    return 0;
  },
};
