/**
 * `mpm-session install-hooks`: options, help and the run from the command
 * line. The work itself is {@link installHooks} in `install_hooks.ts`.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { CommandContext, CommandDescriptor } from "../cli/command.ts";
import type { HooksScope } from "./install_hooks.ts";

/** The `--project`, `--user` and `--local` options both hook commands take. */
export const SCOPE_OPTIONS = [
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
] as const;

/** The settings scope chosen with `--project`, `--user` or `--local`. */
export function scopeOf(context: CommandContext, command: string): HooksScope {
  const v = context.values;
  const scopes = SCOPE_OPTIONS.map((o) => o.name).filter((s) => v[s]);
  if (scopes.length > 1) {
    throw new UsageError(
      `Give one of '--project', '--user' or '--local', not ${
        scopes.map((s) => `'--${s}'`).join(" and ")
      }: run 'mpm-session ${command} --help' for usage`,
    );
  }
  return scopes[0] ?? "project";
}

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
    ...SCOPE_OPTIONS,
    {
      name: "command",
      value: "C",
      help:
        "The command the hooks run (default: the absolute path of this mpm-session)",
    },
    { name: "dry-run", help: "Show the result without writing" },
  ],
  maxPositionals: 0,
  jsonSchema: "install-hooks.schema.json",
  examples: ["install-hooks", "install-hooks --user --dry-run"],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { installHooks } = await import("./install_hooks.ts");
    const v = context.values;
    const result = await installHooks({
      scope: scopeOf(context, "install-hooks"),
      command: v.command as string | undefined,
      dryRun: Boolean(v["dry-run"]),
      projectPath: context.global.directory,
      env: context.io.env,
    });
    for (const warning of result.warnings) context.warn(warning);
    if (context.global.json) {
      context.printJson({ ...result, dry_run: Boolean(v["dry-run"]) });
    } else context.print(result.text);
    return 0;
  },
};
