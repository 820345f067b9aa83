/**
 * `mpm-session list`: options, help and the run from the command line.
 * The work itself is {@link listSessions} in `resume.ts`.
 *
 * @module
 */

import type { CommandDescriptor } from "../cli/command.ts";
import { parseCount } from "../cli/runtime.ts";
import { PROJECT_ALIAS } from "./resume_cli.ts";

/** The `list` command. */
export const listCommand: CommandDescriptor = {
  name: "list",
  summary: "List saved sessions, newest first",
  usage: "[options]",
  description:
    "List saved sessions, newest first: id, time, branch, first line of the message.",
  options: [
    {
      name: "limit",
      short: "n",
      value: "N",
      help: "Show at most N sessions (default 20)",
    },
    { name: "all", help: "Show every session" },
    PROJECT_ALIAS,
  ],
  maxPositionals: 0,
  jsonSchema: "list.schema.json",
  examples: ["list", "list -n 5 --json", "list --all"],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { renderList } = await import("../report/text.ts");
    const { listSessions } = await import("./resume.ts");
    const v = context.values;
    const limit = v.all
      ? undefined
      : parseCount("limit", v.limit as string | undefined) ?? 20;
    const result = await listSessions({
      projectPath: context.projectPath(v.project as string | undefined),
      limit,
    });
    if (context.global.json) context.printJson(result);
    else {
      context.print(renderList(result, context.colors));
      context.detail(`Sessions folder: ${result.sessionsDir}`);
    }
    return 0;
  },
};
