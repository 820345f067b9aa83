/**
 * The shape of a command: its options, its help and how it runs from the
 * command line. Each command declares one {@link CommandDescriptor} in
 * `lib/commands/<name>_cli.ts`; the registry (`lib/commands/registry.ts`)
 * lists them, and parsing, `--help`, shell completions and the README's
 * command reference are all made from them.
 *
 * @module
 */

import type { ColorMode, Colors } from "../report/color.ts";
import type { CliIo } from "./io.ts";

/** One option of a command (or of every command). */
export interface OptionSpec {
  /** The long name, without `--`. */
  name: string;
  /** A one-letter short name, without `-`. */
  short?: string;
  /** The value's placeholder (such as `N` or `FILE`); options without one are flags. */
  value?: string;
  /** The values allowed, for completions and checks. */
  choices?: readonly string[];
  /** Whether the option may be given more than once (the values are collected). */
  multiple?: boolean;
  /** One line for `--help` and the README. */
  help: string;
  /** Accepted but not shown in help (old spellings kept for scripts). */
  hidden?: boolean;
}

/** Values of parsed options: flags are booleans, repeatable ones arrays. */
export type OptionValues = Record<
  string,
  string | boolean | string[] | undefined
>;

/** The options every command takes, before or after the command name. */
export interface GlobalOptions {
  /** `-C PATH`: the folder to run in (git's convention). */
  directory?: string;
  /** `-q`: print nothing but errors and warnings (JSON still prints). */
  quiet: boolean;
  /** `-v`: more detail, and stack traces on internal errors. */
  verbose: boolean;
  /** `--json`: one JSON document on stdout, errors included. */
  json: boolean;
  /** `--color WHEN`. */
  color: ColorMode;
}

/** What a command's `run` gets. */
export interface CommandContext {
  /** The command's own option values, by long name. */
  values: OptionValues;
  /** Positional arguments after the command name. */
  positionals: string[];
  /** The global options. */
  global: GlobalOptions;
  /** The streams and environment. */
  io: CliIo;
  /** Colours for standard output. */
  colors: Colors;
  /** Colours for standard error. */
  errorColors: Colors;
  /**
   * How wide text output may be: the terminal's columns, else `COLUMNS`,
   * else 80.
   */
  width: number;
  /** Prints text for people (dropped under `-q`, made ASCII outside UTF-8 locales). */
  print(text: string): void;
  /** Prints one JSON document (snake_case keys, `schema_version` first). */
  printJson(document: object): void;
  /** Prints `warning: LINE` on standard error. */
  warn(line: string): void;
  /** Prints a detail line on standard error under `-v`. */
  detail(line: string): void;
  /**
   * The project folder to work in: `positional` resolved against `-C`, or
   * `-C` itself, or `undefined` (the current directory).
   */
  projectPath(positional?: string): string | undefined;
}

/** A command as the CLI knows it. */
export interface CommandDescriptor {
  /** The command name, such as `pause`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line after `mpm-session NAME`, such as `[PROJECT_PATH] [options]`. */
  usage: string;
  /** What the command does, one or more paragraphs. */
  description: string;
  /** The command's own options (the global ones are added by the CLI). */
  options: readonly OptionSpec[];
  /** How many positional arguments it takes at most. */
  maxPositionals: number;
  /** Whether it can print `--json`; the name of its JSON Schema in `schemas/`. */
  jsonSchema?: string;
  /** Example command lines, without the leading `mpm-session`. */
  examples?: readonly string[];
  /** A paragraph after the options, such as exit codes. */
  notes?: string;
  /** Arguments the completion offers for the first positional. */
  positionalChoices?: readonly string[];
  /** Runs the command and returns the exit code. */
  run(context: CommandContext): Promise<number>;
}
