/**
 * `mpm-session install-hooks`: options, help and the run from the command
 * line. The work itself is {@link installHooks} in `install_hooks.ts`.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { CommandDescriptor } from "../cli/command.ts";
import { installHooks, type InstallHooksOptions } from "./install_hooks.ts";

/** The `install-hooks` command. */
export const installHooksCommand: CommandDescriptor = {
  name: "install-hooks",
  summary: "Add the auto-pause and resume hooks to Claude Code",
  usage: "[--project | --user | --local] [options]",
  description:
    `Add the PreCompact (auto-pause) and SessionStart (resume) hooks to Claude
Code's settings. Existing settings and hooks are kept, a backup is
written first, and running it again changes nothing.`,
  options: [
    {
      name: "project",
      help: ".claude/settings.json of this project (default)",
    },
    {
      name: "user",
      help: "~/.claude/settings.json (honours CLAUDE_CONFIG_DIR)",
    },
    {
      name: "local",
      help: ".claude/settings.local.json of this project (not committed)",
    },
    {
      name: "command",
      value: "C",
      help: "The command the hooks run (default: mpm-session)",
    },
    { name: "dry-run", help: "Show the result without writing" },
  ],
  maxPositionals: 0,
  jsonSchema: "install-hooks.schema.json",
  examples: ["install-hooks", "install-hooks --user --dry-run"],
  async run(context) {
    const v = context.values;
    const scopes = ["project", "user", "local"].filter((s) => v[s]);
    if (scopes.length > 1) {
      throw new UsageError(
        `Give one of '--project', '--user' or '--local', not ${
          scopes.map((s) => `'--${s}'`).join(" and ")
        }: run 'mpm-session install-hooks --help' for usage`,
      );
    }
    // `local` is the settings.local.json scope; the library gains it in
    // parallel work and treats it as the project scope until then.
    const options: InstallHooksOptions & { local?: boolean } = {
      scope: v.user ? "user" : "project",
      command: v.command as string | undefined,
      dryRun: Boolean(v["dry-run"]),
      projectPath: context.global.directory,
      env: context.io.env,
    };
    if (v.local) options.local = true;
    const result = await installHooks(options);
    if (context.global.json) {
      context.printJson({ ...result, dry_run: Boolean(v["dry-run"]) });
    } else context.print(result.text);
    return 0;
  },
};
