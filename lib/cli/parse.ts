/**
 * Reads the command line: global options before or after the command name
 * (git's convention), then the command's own options and positionals.
 * Pure: no I/O. Every mistake is a {@link UsageError} that names it, says
 * what would work, and suggests the closest name for a slip.
 *
 * An option's value is the next argument even when it starts with a dash
 * (`-n -1`, `-m "-- note"`), as getopt does, so the advice in an error
 * always works when followed.
 *
 * @module
 */

import { UsageError } from "../errors.ts";
import type { ColorMode } from "../report/color.ts";
import type {
  CommandDescriptor,
  GlobalOptions,
  OptionSpec,
  OptionValues,
} from "./command.ts";
import { closest } from "./suggest.ts";

/** The options every command takes, before or after its name. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: "directory",
    short: "C",
    value: "PATH",
    help: "Run as if started in PATH (git's -C)",
  },
  {
    name: "quiet",
    short: "q",
    help: "Print only errors and warnings (--json still prints)",
  },
  {
    name: "verbose",
    short: "v",
    help:
      "Say more: every worktree and its outcome, timings, stack traces on internal errors",
  },
  { name: "json", help: "Print one JSON document, errors included" },
  {
    name: "color",
    value: "WHEN",
    choices: ["auto", "always", "never"],
    help:
      "Colour: auto (default; honours NO_COLOR, FORCE_COLOR, TERM=dumb), always, never",
  },
  { name: "help", short: "h", help: "Show help" },
];

/** What the command line asked for. */
export type ParsedCommandLine =
  | { kind: "help"; topic?: string; exitCode: number; global: GlobalOptions }
  | { kind: "version"; global: GlobalOptions }
  | {
    kind: "command";
    command: CommandDescriptor;
    values: OptionValues;
    positionals: string[];
    global: GlobalOptions;
  };

function helpHint(command?: string): string {
  return command
    ? `run 'mpm-session ${command} --help' to see the options`
    : "run 'mpm-session --help' to see the commands";
}

function display(spec: OptionSpec): string {
  return `--${spec.name}`;
}

/** Reads global values out of the merged option values. */
function globalsOf(values: OptionValues): GlobalOptions {
  const color = (values.color as string | undefined) ?? "auto";
  return {
    directory: values.directory as string | undefined,
    quiet: Boolean(values.quiet),
    verbose: Boolean(values.verbose),
    json: Boolean(values.json),
    color: color as ColorMode,
  };
}

/** Whether the raw arguments ask for JSON (to report a usage error as JSON). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}

class OptionReader {
  readonly values: OptionValues = {};
  readonly positionals: string[] = [];

  constructor(
    private readonly specs: readonly OptionSpec[],
    private readonly command: string | undefined,
  ) {}

  private byLong(name: string) {
    return this.specs.find((s) => s.name === name);
  }

  private byShort(letter: string) {
    return this.specs.find((s) => s.short === letter);
  }

  private set(spec: OptionSpec, value: string | boolean): void {
    if (
      spec.choices && typeof value === "string" && !spec.choices.includes(value)
    ) {
      const guess = closest(value, spec.choices);
      throw new UsageError(
        `Option '${display(spec)}' got '${value}': use ${
          spec.choices.map((c) => `'${c}'`).join(", ")
        }${guess ? `: did you mean '${guess}'?` : ""}`,
      );
    }
    if (spec.multiple) {
      const list = (this.values[spec.name] as string[] | undefined) ?? [];
      list.push(value as string);
      this.values[spec.name] = list;
    } else {
      this.values[spec.name] = value;
    }
  }

  private unknown(token: string): UsageError {
    const where = this.command ? ` for '${this.command}'` : "";
    let guess: string | undefined;
    if (token.startsWith("--")) {
      const name = closest(
        token.slice(2).split("=")[0],
        this.specs.filter((s) => !s.hidden).map((s) => s.name),
      );
      guess = name && `--${name}`;
    }
    return new UsageError(
      `Unknown option '${token.split("=")[0]}'${where}: ${
        guess
          ? `did you mean '${guess}'? Or ${helpHint(this.command)}`
          : helpHint(this.command)
      }`,
    );
  }

  private needsValue(spec: OptionSpec): UsageError {
    return new UsageError(
      `Option '${display(spec)}' needs a value: give it as '${
        display(spec)
      } ${spec.value}': ${helpHint(this.command)}`,
    );
  }

  /** Whether `arg` is one of the known options, such as `--json` or `-q`. */
  private isOption(arg: string): boolean {
    if (arg.startsWith("--")) {
      return this.byLong(arg.slice(2).split("=")[0]) !== undefined;
    }
    return /^-[a-zA-Z]$/.test(arg) && this.byShort(arg[1]) !== undefined;
  }

  /** The value after `spec`: the next argument, unless it is a known option. */
  private nextValue(
    spec: OptionSpec,
    args: readonly string[],
    i: number,
  ): string {
    if (i + 1 >= args.length) throw this.needsValue(spec);
    const next = args[i + 1];
    if (this.isOption(next)) {
      throw new UsageError(
        `Option '${
          display(spec)
        }' needs a value, got the option '${next}': give the value first, or write '${
          display(spec)
        }=${next}' if you meant it as the value`,
      );
    }
    return next;
  }

  /**
   * Reads `args` from `start`; stops at the first positional when
   * `stopAtPositional`, and returns the index it stopped at.
   */
  read(
    args: readonly string[],
    start: number,
    stopAtPositional: boolean,
  ): number {
    let i = start;
    while (i < args.length) {
      const arg = args[i];
      if (arg === "--") {
        if (stopAtPositional) return i;
        this.positionals.push(...args.slice(i + 1));
        return args.length;
      }
      if (arg.startsWith("--") && arg.length > 2) {
        const eq = arg.indexOf("=");
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        const spec = this.byLong(name);
        if (!spec) throw this.unknown(arg);
        if (spec.value === undefined) {
          if (eq !== -1) {
            throw new UsageError(
              `Option '${display(spec)}' does not take a value: ${
                helpHint(this.command)
              }`,
            );
          }
          this.set(spec, true);
        } else if (eq !== -1) {
          this.set(spec, arg.slice(eq + 1));
        } else {
          this.set(spec, this.nextValue(spec, args, i++));
        }
        i++;
        continue;
      }
      if (arg.startsWith("-") && arg.length > 1) {
        // A cluster of short flags (`-qv`), the last of which may take a value.
        for (let j = 1; j < arg.length; j++) {
          const spec = this.byShort(arg[j]);
          if (!spec) throw this.unknown(`-${arg[j]}`);
          if (spec.value === undefined) {
            this.set(spec, true);
            continue;
          }
          const rest = arg.slice(j + 1).replace(/^=/, "");
          if (rest !== "") this.set(spec, rest);
          else this.set(spec, this.nextValue(spec, args, i++));
          break;
        }
        i++;
        continue;
      }
      if (stopAtPositional) return i;
      this.positionals.push(arg);
      i++;
    }
    return i;
  }
}

/**
 * Parses `args` against the registered `commands`.
 *
 * @throws {UsageError} for an unknown command or option, a missing value,
 * or too many arguments.
 */
export function parseCommandLine(
  args: readonly string[],
  commands: readonly CommandDescriptor[],
): ParsedCommandLine {
  const extra: OptionSpec[] = [{
    name: "version",
    short: "V",
    help: "Show the version",
  }];
  const leading = new OptionReader([...GLOBAL_OPTIONS, ...extra], undefined);
  const at = leading.read(args, 0, true);
  const name = args[at] === "--" ? args[at + 1] : args[at];
  const before = leading.values;
  if (name === undefined || name === "help") {
    const topic = name === "help" ? args[at + 1] : undefined;
    if (topic !== undefined && !commands.some((c) => c.name === topic)) {
      throw unknownCommand(topic, commands);
    }
    const asked = before.help || before.version || name === "help";
    if (before.version && !before.help) {
      return { kind: "version", global: globalsOf(before) };
    }
    return {
      kind: "help",
      topic,
      exitCode: asked ? 0 : 2,
      global: globalsOf(before),
    };
  }
  if (name === "version") return { kind: "version", global: globalsOf(before) };
  const command = commands.find((c) => c.name === name);
  if (!command) throw unknownCommand(name, commands);
  if (before.version) {
    throw new UsageError(
      `Option '--version' goes before any command: run 'mpm-session --version'`,
    );
  }
  const reader = new OptionReader(
    [...GLOBAL_OPTIONS, ...command.options],
    command.name,
  );
  Object.assign(reader.values, before);
  reader.read(args, at + (args[at] === "--" ? 2 : 1), false);
  const values = reader.values;
  const global = globalsOf(values);
  if (values.help) {
    return { kind: "help", topic: command.name, exitCode: 0, global };
  }
  if (reader.positionals.length > command.maxPositionals) {
    throw new UsageError(
      `Unexpected argument '${
        reader.positionals[command.maxPositionals]
      }' for '${command.name}': run 'mpm-session ${command.name} --help' for usage`,
    );
  }
  if (global.json && !command.jsonSchema) {
    throw new UsageError(
      `Option '--json' does not apply to '${command.name}': ${
        helpHint(command.name)
      }`,
    );
  }
  const own: OptionValues = {};
  for (const spec of command.options) own[spec.name] = values[spec.name];
  return {
    kind: "command",
    command,
    values: own,
    positionals: reader.positionals,
    global,
  };
}

function unknownCommand(
  name: string,
  commands: readonly CommandDescriptor[],
): UsageError {
  if (name.startsWith("-")) {
    return new UsageError(`Unknown option '${name}': ${helpHint()}`);
  }
  const guess = closest(name, commands.map((c) => c.name));
  return new UsageError(
    `Unknown command '${name}': ${
      guess ? `did you mean '${guess}'? Or ${helpHint()}` : helpHint()
    }`,
  );
}
