/**
 * `mpm-session uninstall-hooks`: options, help and the run from the
 * command line. The work itself is {@link uninstallHooks} in
 * `install_hooks.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { SCOPE_OPTIONS, scopeOf } from "./install_hooks_cli.ts";

/** The `uninstall-hooks` command. */
export const uninstallHooksCommand: CommandDescriptor = {
  name: "uninstall-hooks",
  summary: "Remove the hooks install-hooks added",
  usage: "[--project | --user | --local] [options]",
  description:
    `Remove exactly the hooks install-hooks added (every 'mpm-session hook'
command, whatever path it was installed with) from Claude Code's settings.
Other settings and hooks are kept, and a backup is written first.`,
  options: [
    ...SCOPE_OPTIONS,
    { name: "dry-run", help: "Show the result without writing" },
  ],
  maxPositionals: 0,
  jsonSchema: "uninstall-hooks.schema.json",
  examples: ["uninstall-hooks", "uninstall-hooks --user --dry-run"],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { uninstallHooks } = await import("./install_hooks.ts");
    const dryRun = Boolean(context.values["dry-run"]);
    const result = await uninstallHooks({
      scope: scopeOf(context, "uninstall-hooks"),
      dryRun,
      projectPath: context.global.directory,
      env: context.io.env,
    });
    if (context.global.json) context.printJson({ ...result, dry_run: dryRun });
    else context.print(result.text);
    return 0;
  },
};
