/**
 * `mpm-session completions`: prints a shell completion script made from
 * the registered commands.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { CommandDescriptor } from "../cli/command.ts";
import { completionScript, type Shell, SHELLS } from "../cli/completions.ts";
import { closest } from "../cli/suggest.ts";

/**
 * The `completions` command. It lists the commands through `commands()`,
 * so the registry can include it without an import cycle.
 */
export function completionsCommand(
  commands: () => readonly CommandDescriptor[],
): CommandDescriptor {
  return {
    name: "completions",
    summary: "Print a shell completion script (bash, zsh or fish)",
    usage: "bash|zsh|fish",
    description:
      `Print a completion script for the shell. Install it with, for example:
  mpm-session completions bash > ~/.local/share/bash-completion/completions/mpm-session
  mpm-session completions zsh > "\${fpath[1]}/_mpm-session"
  mpm-session completions fish > ~/.config/fish/completions/mpm-session.fish`,
    options: [],
    maxPositionals: 1,
    positionalChoices: SHELLS,
    examples: ["completions bash", "completions fish"],
    run(context) {
      const shell = context.positionals[0];
      if (
        shell === undefined || !(SHELLS as readonly string[]).includes(shell)
      ) {
        const guess = shell === undefined ? undefined : closest(shell, SHELLS);
        throw new UsageError(
          `${
            shell === undefined ? "Name a shell" : `Unknown shell '${shell}'`
          }: use bash, zsh or fish${guess ? `: did you mean '${guess}'?` : ""}`,
        );
      }
      // The script is the output itself: -q does not silence it.
      context.io.stdout(completionScript(shell as Shell, commands()));
      return Promise.resolve(0);
    },
  };
}
