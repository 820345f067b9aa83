/**
 * `mpm-session clean`: options, help and the run from the command line.
 * The work itself is {@link cleanSessions} in `clean.ts`.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { CommandDescriptor } from "../cli/command.ts";
import { parseCount, parseDurationOption } from "../cli/runtime.ts";
import { PROJECT_ALIAS } from "./resume_cli.ts";

/** The `clean` command. */
export const cleanCommand: CommandDescriptor = {
  name: "clean",
  summary: "Delete old session files",
  usage: "(--keep N | --older-than DURATION) [options]",
  description:
    `Delete old session files from .claude-mpm/sessions/. Never deletes the newest
session or the one LATEST-SESSION.txt points to, and nothing else in the folder.
Given both --keep and --older-than, both apply: a session is deleted only when
it is beyond the N newest and older than DURATION.`,
  options: [
    { name: "keep", value: "N", help: "Keep the N newest sessions" },
    {
      name: "older-than",
      value: "DURATION",
      help:
        "Delete sessions older than DURATION (90min, 12h, 30d, 2w, 6mo; not 'm')",
    },
    { name: "dry-run", help: "Only list what would be deleted" },
    PROJECT_ALIAS,
  ],
  maxPositionals: 0,
  jsonSchema: "clean.schema.json",
  examples: [
    "clean --keep 50",
    "clean --older-than 30d --dry-run",
    "clean --keep 10 --older-than 2w",
  ],
  async run(context) {
    // Loaded here, not at start: a run loads only its own command.
    const { cleanSessions, renderClean } = await import("./clean.ts");
    const v = context.values;
    const keep = parseCount("keep", v.keep as string | undefined);
    const olderThanMs = parseDurationOption(
      "older-than",
      v["older-than"] as string | undefined,
    );
    if (keep === undefined && olderThanMs === undefined) {
      throw new UsageError(
        "Say which sessions to delete with '--keep N' or '--older-than DURATION': run 'mpm-session clean --help' for usage",
      );
    }
    const result = await cleanSessions({
      projectPath: context.projectPath(v.project as string | undefined),
      keep,
      olderThanMs,
      dryRun: Boolean(v["dry-run"]),
    });
    if (context.global.json) context.printJson(result);
    else context.print(renderClean(result));
    for (const e of result.errors) context.detail(e);
    return 0;
  },
};
