#!/usr/bin/env -S deno run --allow-run=git --allow-read --allow-write --allow-env
/**
 * The `mpm-session` command line: parses arguments, runs a command from
 * the library, prints the result and sets the exit code.
 *
 * Exit codes: 0 success, 1 failure, 2 usage error, 3 cleanup kept something
 * (with `--fail-on-preserved`), 130 interrupted.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import process from "node:process";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { pause } from "./lib/commands/pause.ts";
import { prune } from "./lib/commands/prune.ts";
import { listSessions, resume } from "./lib/commands/resume.ts";
import { cleanSessions, parseDuration } from "./lib/commands/clean.ts";
import { handleHookEvent } from "./lib/commands/hook.ts";
import { installHooks } from "./lib/commands/install_hooks.ts";
import { parseTodosDocument } from "./lib/gather/claude.ts";
import { messageOf, UsageError, UserError } from "./lib/errors.ts";
import { colorsFor } from "./lib/report/color.ts";
import { COMMAND_HELP, MAIN_HELP } from "./lib/report/help.ts";
import { terminalWidth } from "./lib/report/fit.ts";
import {
  renderList,
  renderPause,
  renderPrune,
  renderResume,
} from "./lib/report/text.ts";
import { renderClean } from "./lib/commands/clean.ts";
import { listWorktrees } from "./lib/commands/worktrees.ts";
import { renderWorktrees } from "./lib/report/worktrees_text.ts";
import type { TodoItem } from "./lib/types.ts";
import { VERSION } from "./lib/version.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

const COMMON: Options = {
  help: { type: "boolean", short: "h" },
  verbose: { type: "boolean" },
  json: { type: "boolean" },
};

const CACHE_OPTION: Options = {
  "ignored-cache": { type: "string", multiple: true },
};

const COMMAND_OPTIONS: Record<string, Options> = {
  pause: {
    ...COMMON,
    ...CACHE_OPTION,
    message: { type: "string", short: "m" },
    todos: { type: "string" },
    export: { type: "string" },
    "no-prune-worktrees": { type: "boolean" },
    "delete-branches": { type: "boolean" },
  },
  resume: {
    ...COMMON,
    select: { type: "string" },
    project: { type: "string", short: "C" },
  },
  list: {
    ...COMMON,
    limit: { type: "string", short: "n" },
    all: { type: "boolean" },
    project: { type: "string", short: "C" },
  },
  prune: {
    ...COMMON,
    ...CACHE_OPTION,
    "dry-run": { type: "boolean" },
    "delete-branches": { type: "boolean" },
    "fail-on-preserved": { type: "boolean" },
  },
  clean: {
    ...COMMON,
    keep: { type: "string" },
    "older-than": { type: "string" },
    "dry-run": { type: "boolean" },
    project: { type: "string", short: "C" },
  },
  worktrees: {
    ...COMMON,
    ...CACHE_OPTION,
    project: { type: "string", short: "C" },
  },
  hook: { ...COMMON, prune: { type: "boolean" } },
  "install-hooks": {
    ...COMMON,
    project: { type: "boolean" },
    user: { type: "boolean" },
    command: { type: "string" },
    "dry-run": { type: "boolean" },
  },
};

/** The most positional arguments each command takes. */
const MAX_POSITIONALS: Record<string, number> = {
  pause: 1,
  resume: 1,
  list: 0,
  prune: 1,
  clean: 0,
  worktrees: 0,
  hook: 0,
  "install-hooks": 0,
};

/** Where output goes; tests and embedders may replace it. */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Whether standard output is a terminal. */
  stdoutIsTty: boolean;
  /** Whether standard error is a terminal. */
  stderrIsTty: boolean;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** Environment variables. */
  env: Record<string, string | undefined>;
}

async function readAllStdin(): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  return new TextDecoder().decode(
    chunks.length === 1 ? chunks[0] : concat(chunks),
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    readStdin: readAllStdin,
    env: process.env,
  };
}

function usageFromParseError(command: string, error: unknown): UsageError {
  const text = messageOf(error);
  const option = /'([^']+)'/.exec(text)?.[1];
  const help = `run 'mpm-session ${command} --help' to see the options`;
  if (/Unknown option/i.test(text) && option) {
    return new UsageError(
      `Unknown option '${option}' for '${command}': ${help}`,
    );
  }
  if (/argument missing/i.test(text) && option) {
    return new UsageError(
      `Option '${
        option.split(",").pop()!.trim().split(" ")[0]
      }' needs a value: ${help}`,
    );
  }
  if (/argument is ambiguous/i.test(text) && option) {
    const name = option.split(",").pop()!.trim().split(" ")[0];
    return new UsageError(
      `Option '${name}' got a value that starts with a dash: write it as '${name}=VALUE': ${help}`,
    );
  }
  if (/does not take an argument/i.test(text) && option) {
    return new UsageError(`Option '${option}' does not take a value: ${help}`);
  }
  return new UsageError(`${text.split(". ")[0].replace(/\.$/, "")}: ${help}`);
}

function parseCount(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(
      `Option '--${name}' needs a whole number, got '${value}': for example --${name} 10`,
    );
  }
  return Number(value);
}

/** The width to fit text to: terminal columns, else COLUMNS, else 80. */
function width(io: CliIo): number {
  return terminalWidth(
    io.stdoutIsTty ? process.stdout.columns : undefined,
    io.env,
  );
}

/** Shows progress on a terminal as `Checking worktrees: N of M`. */
function progressReporter(io: CliIo) {
  if (!io.stderrIsTty) return { update: undefined, done: () => {} };
  let shown = false;
  return {
    update: (phase: string, done: number, total: number) => {
      if (total < 2) return;
      shown = true;
      const label = phase === "checking" ? "Checking" : "Cleaning";
      io.stderr(`\r\x1b[2K${label} worktrees: ${done} of ${total}`);
    },
    done: () => {
      if (shown) io.stderr("\r\x1b[2K");
    },
  };
}

/** Stops new removals on the first SIGINT or SIGTERM; exits on the second. */
function interruptController(io: CliIo) {
  const controller = new AbortController();
  const signals = ["SIGINT", "SIGTERM"] as const;
  let exitCode = 130;
  const onSignal = (signal: string) => {
    if (controller.signal.aborted) {
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    exitCode = signal === "SIGINT" ? 130 : 143;
    io.stderr(
      `\nInterrupted: finishing the removals under way, then stopping (press again to stop at once)\n`,
    );
    controller.abort();
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    signal: controller.signal,
    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number). */
    exitCode: () => exitCode,
    dispose: () => {
      for (const s of signals) process.off(s, onSignal);
    },
  };
}

async function readTodosOption(
  value: string | undefined,
  io: CliIo,
): Promise<TodoItem[] | undefined> {
  if (value === undefined) return undefined;
  let text: string;
  try {
    text = value === "-" ? await io.readStdin() : await readFile(value, "utf8");
  } catch (error) {
    throw new UserError(
      `Cannot read todos file '${value}': ${
        (error as { code?: string }).code === "ENOENT"
          ? "no such file"
          : messageOf(error)
      }`,
    );
  }
  try {
    return parseTodosDocument(text);
  } catch (error) {
    throw new UserError(
      `Cannot read todos from '${value === "-" ? "stdin" : value}': ${
        messageOf(error)
      }: give a JSON array of {content, status}`,
    );
  }
}

/**
 * Runs the CLI with `args` and returns the exit code.
 */
export async function main(
  args: string[],
  io: CliIo = processIo(),
): Promise<number> {
  const c = colorsFor(io.stdoutIsTty, io.env);
  const debug = args.includes("--verbose") || io.env.MPM_DEBUG === "1";
  try {
    return await run(args, io, c);
  } catch (error) {
    if (debug && error instanceof Error && !(error instanceof UsageError)) {
      io.stderr(`${error.stack ?? error.message}\n`);
    }
    const message = messageOf(error).split("\n")[0];
    const err = colorsFor(io.stderrIsTty, io.env);
    if (error instanceof UsageError) {
      io.stderr(`${err.red("error")}: ${message}\n`);
      return error.exitCode;
    }
    if (error instanceof UserError) {
      io.stderr(`${err.red("error")}: ${message}\n`);
      return error.exitCode;
    }
    io.stderr(
      `${err.red("error")}: ${message}${
        debug ? "" : " (run with --verbose or MPM_DEBUG=1 for details)"
      }\n`,
    );
    return 1;
  }
}

async function run(
  args: string[],
  io: CliIo,
  c: ReturnType<typeof colorsFor>,
): Promise<number> {
  const [command, ...rest] = args;
  if (
    command === undefined || command === "-h" || command === "--help" ||
    command === "help"
  ) {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic && COMMAND_HELP[topic]) {
      io.stdout(COMMAND_HELP[topic] + "\n");
      return 0;
    }
    io.stdout(MAIN_HELP + "\n");
    return command === undefined ? 2 : 0;
  }
  if (command === "-V" || command === "--version" || command === "version") {
    io.stdout(`mpm-session ${VERSION}\n`);
    return 0;
  }
  const spec = COMMAND_OPTIONS[command];
  if (!spec) {
    throw new UsageError(
      command.startsWith("-")
        ? `Unknown option '${command}': run 'mpm-session --help' to see the commands`
        : `Unknown command '${command}': run 'mpm-session --help' to see the commands`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: spec,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageFromParseError(command, error);
  }
  const { values, positionals } = parsed;
  const v = values as Record<string, string | boolean | string[] | undefined>;
  if (v.help) {
    io.stdout(COMMAND_HELP[command] + "\n");
    return 0;
  }
  if (positionals.length > MAX_POSITIONALS[command]) {
    throw new UsageError(
      `Unexpected argument '${
        positionals[MAX_POSITIONALS[command]]
      }' for '${command}': run 'mpm-session ${command} --help' for usage`,
    );
  }
  const json = Boolean(v.json);
  const str = (k: string) => v[k] as string | undefined;
  const caches = (v["ignored-cache"] as string[] | undefined) ?? [];

  switch (command) {
    case "pause": {
      const message = str("message");
      if (message !== undefined && message.trim() === "") {
        throw new UsageError(
          "Empty message for '-m': give some text, or leave '-m' out to pause without a message",
        );
      }
      const todos = await readTodosOption(str("todos"), io);
      const progress = progressReporter(io);
      const interrupt = interruptController(io);
      try {
        const result = await pause({
          projectPath: positionals[0],
          message,
          todos,
          exportPath: str("export"),
          pruneWorktrees: !v["no-prune-worktrees"],
          pruneOptions: {
            deleteBranches: Boolean(v["delete-branches"]),
            extraDisposableIgnored: caches,
            onProgress: progress.update,
            signal: interrupt.signal,
          },
          env: io.env,
        });
        progress.done();
        io.stdout(
          json
            ? JSON.stringify(result, null, 2) + "\n"
            : renderPause(result, c, width(io)),
        );
        return interrupt.signal.aborted ? interrupt.exitCode() : 0;
      } finally {
        interrupt.dispose();
      }
    }
    case "resume": {
      if (positionals[0] !== undefined && v.select !== undefined) {
        throw new UsageError(
          "Give either a session id or '--select', not both: run 'mpm-session resume --help' for usage",
        );
      }
      const result = await resume({
        projectPath: str("project"),
        id: positionals[0],
        select: str("select"),
        env: io.env,
      });
      const warn = colorsFor(io.stderrIsTty, io.env);
      for (const w of result.warnings) {
        io.stderr(`${warn.yellow("warning")}: ${w}\n`);
      }
      io.stdout(
        json
          ? JSON.stringify(result, null, 2) + "\n"
          : renderResume(result, c, Date.now(), width(io)),
      );
      return 0;
    }
    case "list": {
      const limit = v.all ? undefined : parseCount("limit", str("limit")) ?? 20;
      const result = await listSessions({ projectPath: str("project"), limit });
      io.stdout(
        json ? JSON.stringify(result, null, 2) + "\n" : renderList(result, c),
      );
      return 0;
    }
    case "prune": {
      const progress = progressReporter(io);
      const interrupt = interruptController(io);
      try {
        const summary = await prune({
          projectPath: positionals[0],
          dryRun: Boolean(v["dry-run"]),
          deleteBranches: Boolean(v["delete-branches"]),
          extraDisposableIgnored: caches,
          onProgress: progress.update,
          signal: interrupt.signal,
        });
        progress.done();
        io.stdout(
          json
            ? JSON.stringify(summary, null, 2) + "\n"
            : renderPrune(summary, c, width(io)),
        );
        if (interrupt.signal.aborted) return interrupt.exitCode();
        if (summary.skipped && !json) return 1;
        if (summary.skipped) return 1;
        const kept = summary.preserved_count + summary.orphans_preserved;
        return v["fail-on-preserved"] && kept > 0 ? 3 : 0;
      } finally {
        interrupt.dispose();
      }
    }
    case "clean": {
      const keep = parseCount("keep", str("keep"));
      const olderThan = str("older-than");
      if (keep === undefined && olderThan === undefined) {
        throw new UsageError(
          "Say which sessions to delete with '--keep N' or '--older-than DURATION': run 'mpm-session clean --help' for usage",
        );
      }
      let olderThanMs: number | undefined;
      if (olderThan !== undefined) {
        olderThanMs = parseDuration(olderThan);
        if (olderThanMs === undefined) {
          throw new UsageError(
            `Cannot read duration '${olderThan}': use a number and a unit, such as 30d, 12h, 90m or 2w`,
          );
        }
      }
      const result = await cleanSessions({
        projectPath: str("project"),
        keep,
        olderThanMs,
        dryRun: Boolean(v["dry-run"]),
      });
      io.stdout(
        json ? JSON.stringify(result, null, 2) + "\n" : renderClean(result),
      );
      return 0;
    }
    case "worktrees": {
      const list = await listWorktrees({
        projectPath: str("project"),
        pruneOptions: { extraDisposableIgnored: caches },
      });
      io.stdout(
        json
          ? JSON.stringify(list, null, 2) + "\n"
          : renderWorktrees(list, c, Date.now(), width(io)),
      );
      return list.skipped ? 1 : 0;
    }
    case "hook": {
      const input = await io.readStdin().catch(() => "");
      const output = await handleHookEvent(input, {
        prune: Boolean(v.prune),
        env: io.env,
      });
      if (output) io.stdout(output);
      return 0;
    }
    case "install-hooks": {
      if (v.project && v.user) {
        throw new UsageError(
          "Give either '--project' or '--user', not both: run 'mpm-session install-hooks --help' for usage",
        );
      }
      const result = await installHooks({
        scope: v.user ? "user" : "project",
        command: str("command"),
        dryRun: Boolean(v["dry-run"]),
        env: io.env,
      });
      io.stdout(json ? JSON.stringify(result, null, 2) + "\n" : result.text);
      return 0;
    }
  }
  return 0;
}

/**
 * Exits once standard output and error have been handed to the system.
 * Under Node, writes to a pipe are asynchronous, and exiting at once would
 * cut a long `--json` document short.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.race([
    Promise.all([flushed(process.stdout), flushed(process.stderr)]),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  // Exiting explicitly: leftover git grandchildren of a timed-out call must
  // not keep the process alive.
  process.exit(code);
}

if (import.meta.main) {
  await exitWhenFlushed(await main(process.argv.slice(2)));
}
