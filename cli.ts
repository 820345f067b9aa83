#!/usr/bin/env -S deno run --allow-run=git --allow-read --allow-write --allow-env
/**
 * The `mpm-session` command line: parses arguments, runs the chosen
 * command's descriptor (`lib/commands/<name>_cli.ts`, listed in
 * `lib/commands/registry.ts`) and sets the exit code.
 *
 * Exit codes: 0 success, 1 failure, 2 usage error, 3 cleanup kept something
 * (with `--fail-on-preserved`), 130 interrupted.
 *
 * @module
 */

import { resolve } from "node:path";
import process from "node:process";
import { COMMANDS } from "./lib/commands/registry.ts";
import type { CommandContext, GlobalOptions } from "./lib/cli/command.ts";
import { commandHelp, mainHelp } from "./lib/cli/help.ts";
import { type CliIo, exitWhenFlushed, processIo } from "./lib/cli/io.ts";
import { errorDocument, jsonDocument } from "./lib/cli/json.ts";
import { isUtf8Locale, toAscii } from "./lib/cli/locale.ts";
import { parseCommandLine, wantsJson } from "./lib/cli/parse.ts";
import { messageOf, UsageError, UserError } from "./lib/errors.ts";
import { type ColorMode, colorsFor } from "./lib/report/color.ts";
import { terminalWidth } from "./lib/report/fit.ts";
import { VERSION } from "./lib/version.ts";

export { type CliIo, exitWhenFlushed };

/** `--color` as far as it can be read from raw arguments (for errors). */
function rawColorMode(args: readonly string[]): ColorMode {
  for (let i = args.length - 1; i >= 0; i--) {
    const m = /^--color(?:=(.*))?$/.exec(args[i]);
    const value = m && (m[1] ?? args[i + 1]);
    if (value === "always" || value === "never") return value;
  }
  return "auto";
}

/**
 * Runs the CLI with `args` and returns the exit code.
 */
export async function main(
  args: string[],
  io: CliIo = processIo(),
): Promise<number> {
  const json = wantsJson(args);
  const debug = args.includes("--verbose") || args.includes("-v") ||
    io.env.MPM_DEBUG === "1";
  try {
    return await run(args, io);
  } catch (error) {
    if (debug && error instanceof Error && !(error instanceof UserError)) {
      io.stderr(`${error.stack ?? error.message}\n`);
    }
    const message = messageOf(error).split("\n")[0];
    const err = colorsFor(io.stderrIsTty, io.env, rawColorMode(args));
    if (json) io.stdout(errorDocument(error));
    const line = error instanceof UserError || debug
      ? message
      : `${message} (run with --verbose or MPM_DEBUG=1 for details)`;
    io.stderr(`${err.red("error")}: ${line}\n`);
    return error instanceof UserError ? error.exitCode : 1;
  }
}

function contextFor(
  global: GlobalOptions,
  io: CliIo,
  values: CommandContext["values"],
  positionals: string[],
): CommandContext {
  const ascii = !isUtf8Locale(io.env);
  const plain = (text: string) => (ascii ? toAscii(text) : text);
  const errorColors = colorsFor(io.stderrIsTty, io.env, global.color);
  return {
    values,
    positionals,
    global,
    io,
    colors: colorsFor(io.stdoutIsTty, io.env, global.color),
    errorColors,
    width: terminalWidth(io.columns, io.env),
    print: (text) => {
      if (!global.quiet) io.stdout(plain(text));
    },
    printJson: (document) => io.stdout(jsonDocument(currentKind, document)),
    warn: (line) =>
      io.stderr(plain(`${errorColors.yellow("warning")}: ${line}\n`)),
    detail: (line) => {
      if (global.verbose) io.stderr(plain(`${errorColors.dim(line)}\n`));
    },
    projectPath: (positional) => {
      const base = global.directory;
      if (positional === undefined) return base;
      return base === undefined ? positional : resolve(base, positional);
    },
  };
}

/** The running command's name, which picks its JSON document's shape. */
let currentKind = "";

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, COMMANDS);
  if (parsed.kind === "version") {
    io.stdout(`mpm-session ${VERSION}\n`);
    return 0;
  }
  if (parsed.kind === "help") {
    const command = COMMANDS.find((c) => c.name === parsed.topic);
    io.stdout((command ? commandHelp(command) : mainHelp(COMMANDS)) + "\n");
    return parsed.exitCode;
  }
  const { command, values, positionals, global } = parsed;
  if (global.directory !== undefined && global.directory.trim() === "") {
    throw new UsageError(
      "Option '-C' needs a folder: give it as '-C PATH'",
    );
  }
  currentKind = command.name;
  const started = Date.now();
  const context = contextFor(global, io, values, positionals);
  const code = await command.run(context);
  context.detail(
    `${command.name} took ${((Date.now() - started) / 1000).toFixed(2)} s`,
  );
  return code;
}

if (import.meta.main) {
  await exitWhenFlushed(await main(process.argv.slice(2)));
}
