/**
 * `mpm-session hook`: options, help and the run from the command line.
 * The work itself is {@link handleHookEvent} in `hook.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { parseDurationOption } from "../cli/runtime.ts";

/** The `hook` command. */
export const hookCommand: CommandDescriptor = {
  name: "hook",
  summary: "Handle a Claude Code hook event read from stdin",
  usage: "[--prune] [--max-age DURATION] < event.json",
  description: `Handle a Claude Code hook event given as JSON on stdin:
  PreCompact     save a session (trigger and transcript recorded; no cleanup
                 unless --prune is given); a repeat within 60 s with the
                 same HEAD, status and todos writes nothing
  SessionStart   print a paused session as context: after a compaction the
                 one just saved, else the newest of this worktree (else of
                 the project) paused within --max-age
Anything else, or bad JSON, prints nothing and exits 0: a hook never breaks
the editor.`,
  options: [
    { name: "prune", help: "Also clean up worktrees on PreCompact" },
    {
      name: "max-age",
      value: "DURATION",
      help:
        "SessionStart injects only sessions paused within DURATION (default 7d)",
    },
  ],
  maxPositionals: 0,
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { handleHookEvent } = await import("./hook.ts");
    const maxAgeMs = parseDurationOption(
      "max-age",
      context.values["max-age"] as string | undefined,
    );
    const input = await context.io.readStdin().catch(() => "");
    const output = await handleHookEvent(input, {
      prune: Boolean(context.values.prune),
      maxAgeMs,
      env: context.io.env,
      warn: (line) => context.io.stderr(line + "\n"),
    });
    // The hook's output is Claude Code's input: -q does not silence it.
    if (output) context.io.stdout(output);
    return 0;
  },
};
