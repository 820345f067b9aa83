/**
 * Every command the CLI offers, in the order help lists them. To add a
 * command, write `lib/commands/<name>_cli.ts` exporting a
 * `CommandDescriptor`, and add one line here.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { cleanCommand } from "./clean_cli.ts";
import { completionsCommand } from "./completions_cli.ts";
import { hookCommand } from "./hook_cli.ts";
import { installHooksCommand } from "./install_hooks_cli.ts";
import { listCommand } from "./list_cli.ts";
import { pauseCommand } from "./pause_cli.ts";
import { pruneCommand } from "./prune_cli.ts";
import { restoreCommand } from "./restore_cli.ts";
import { resumeCommand } from "./resume_cli.ts";
import { uninstallHooksCommand } from "./uninstall_hooks_cli.ts";
import { worktreesCommand } from "./worktrees_cli.ts";

/** The registered commands. */
export const COMMANDS: readonly CommandDescriptor[] = [
  pauseCommand,
  resumeCommand,
  listCommand,
  pruneCommand,
  worktreesCommand,
  restoreCommand,
  cleanCommand,
  hookCommand,
  installHooksCommand,
  uninstallHooksCommand,
  completionsCommand(() => COMMANDS),
];
