/**
 * `mpm-session resume`: options, help and the run from the command line.
 * The work itself is {@link resume} in `resume.ts`.
 *
 * @module
 */

import { statSync } from "node:fs";
import { resolve } from "node:path";
import process from "node:process";
import { UsageError } from "../errors.ts";
import type { CommandDescriptor } from "../cli/command.ts";

/** The hidden `--project PATH` spelling of `-C` kept for old scripts. */
export const PROJECT_ALIAS = {
  name: "project",
  value: "PATH",
  help: "Same as -C PATH",
  hidden: true,
} as const;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The `resume` command. */
export const resumeCommand: CommandDescriptor = {
  name: "resume",
  summary: "Show a saved session and what changed since",
  usage: "[ID] [options]",
  description:
    `Show a saved session (the latest by default) and what changed since:
new commits, a switched branch, changed files, todos still open. To resume
in another project, use -C PATH.`,
  options: [
    {
      name: "select",
      value: "N|PREFIX",
      help:
        "The N-th newest session (1 is the newest), or the one whose id starts with PREFIX",
    },
    PROJECT_ALIAS,
  ],
  maxPositionals: 1,
  jsonSchema: "resume.schema.json",
  examples: [
    "resume",
    "resume session-20261125-093000",
    "resume --select 2",
    "resume --select 20261125",
    "-C ~/code/app resume",
  ],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderResume } = await import("../report/text.ts");
    const { resume } = await import("./resume.ts");
    const v = context.values;
    const id = context.positionals[0];
    const select = v.select as string | undefined;
    if (id !== undefined && select !== undefined) {
      throw new UsageError(
        "Give either a session id or '--select', not both: run 'mpm-session resume --help' for usage",
      );
    }
    if (
      id !== undefined &&
      isFolder(resolve(context.global.directory ?? process.cwd(), id))
    ) {
      throw new UsageError(
        `Cannot resume session '${id}': it is a folder, not a session id: to resume in that project, run 'mpm-session -C ${id} resume'`,
      );
    }
    if (select !== undefined && /^\s*0+\s*$/.test(select)) {
      throw new UsageError(
        `Cannot select session '${select}': sessions count from 1 (the newest): for example --select 1`,
      );
    }
    const result = await resume({
      projectPath: context.projectPath(v.project as string | undefined),
      id,
      select,
      env: context.io.env,
    });
    for (const w of result.warnings) context.warn(w);
    if (context.global.json) context.printJson(result);
    else {
      context.print(
        renderResume(result, context.colors, Date.now(), context.width),
      );
      context.detail(`Sessions folder: ${result.sessionsDir}`);
    }
    return 0;
  },
};
