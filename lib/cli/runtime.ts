/**
 * Pieces the command descriptors share when they run from the command
 * line: progress on a terminal, Ctrl-C handling, reading option values.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import process from "node:process";
import { parseTodosDocument } from "../gather/claude.ts";
import { parseDuration } from "../decide/duration.ts";
import { messageOf, UsageError, UserError } from "../errors.ts";
import type { PruneSummary, TodoItem } from "../types.ts";
import type { CommandContext, OptionSpec } from "./command.ts";
import type { CliIo } from "./io.ts";

/** A whole number option (`--limit 10`), or a usage error that shows one. */
export function parseCount(
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

/** A duration option (`--older-than 30d`) in milliseconds, or a usage error. */
export function parseDurationOption(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const result = parseDuration(value);
  if (!result.ok) {
    throw new UsageError(
      result.message.replace(
        /^Cannot read duration '([^']*)'/,
        `Cannot read duration '$1' for '--${name}'`,
      ),
    );
  }
  return result.ms;
}

/** Shows progress on a terminal as `Checking worktrees: N of M`. */
export function progressReporter(context: CommandContext) {
  const io = context.io;
  if (!io.stderrIsTty || context.global.quiet) {
    return { update: undefined, done: () => {} };
  }
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
export function interruptController(io: CliIo) {
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

/** Reads `--todos FILE` (`-` for stdin). */
export async function readTodosOption(
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

/** The cleanup options `prune` and `pause` share. */
export const CLEANUP_OPTIONS: readonly OptionSpec[] = [
  {
    name: "delete-branches",
    help: "Also delete branches of removed worktrees (git branch -d, never -D)",
  },
  {
    name: "ignored-cache",
    value: "NAME",
    multiple: true,
    help: "Ignored files named NAME are a rebuildable cache (repeatable)",
  },
  {
    name: "min-age",
    value: "DURATION",
    help:
      "Keep worktrees active within DURATION (such as 90min, 12h, 2d; default 0)",
  },
  {
    name: "rescue-days",
    value: "N",
    help: "Keep rescue refs of removed work for N days (default 30)",
  },
  {
    name: "keep-stale-locks",
    help: "Keep worktrees locked by a Claude Code agent that is gone",
  },
];

/**
 * Cleanup options that the library gains in parallel work (`minAgeMs`,
 * `rescueDays`, `keepStaleLocks`); declared here so the CLI passes them
 * whether or not `PruneOptions` names them yet.
 */
export interface CleanupFlags {
  /** Keep worktrees with activity newer than this (ms); 0 keeps none for age. */
  minAgeMs?: number;
  /** Days rescue refs of removed work are kept. */
  rescueDays?: number;
  /** Keep worktrees held by a stale Claude Code lock instead of unlocking. */
  keepStaleLocks?: boolean;
}

/** The cleanup flags read from the shared cleanup options. */
export function cleanupFlags(context: CommandContext): CleanupFlags & {
  deleteBranches: boolean;
  extraDisposableIgnored: string[];
} {
  const v = context.values;
  const flags: CleanupFlags & {
    deleteBranches: boolean;
    extraDisposableIgnored: string[];
  } = {
    deleteBranches: Boolean(v["delete-branches"]),
    extraDisposableIgnored: (v["ignored-cache"] as string[] | undefined) ?? [],
    minAgeMs:
      parseDurationOption("min-age", v["min-age"] as string | undefined) ?? 0,
  };
  const rescue = parseCount(
    "rescue-days",
    v["rescue-days"] as string | undefined,
  );
  if (rescue !== undefined) flags.rescueDays = rescue;
  if (v["keep-stale-locks"]) flags.keepStaleLocks = true;
  return flags;
}

/**
 * Under `-v`: every worktree and orphan with its outcome, the removed ones
 * included, and why each kept one stays.
 */
export function verboseCleanupLines(summary: PruneSummary): string[] {
  if (summary.worktrees.length === 0 && summary.orphans.length === 0) return [];
  const lines = ["All entries under .claude/worktrees/:"];
  for (const w of summary.worktrees) {
    const why = w.reasons.map((r) => r.code).join(", ");
    lines.push(
      `  ${w.action.padEnd(12)} ${w.relative_path}${
        w.branch ? ` (${w.branch})` : ""
      }${w.integration_check ? ` integrated: ${w.integration_check}` : ""}${
        why ? `: ${why}` : ""
      }`,
    );
    for (const note of w.notes) lines.push(`               note: ${note}`);
  }
  for (const o of summary.orphans) {
    const why = o.reasons.map((r) => r.code).join(", ");
    lines.push(
      `  ${o.action.padEnd(12)} ${o.relative_path} (orphan, ${o.kind})${
        why ? `: ${why}` : ""
      }`,
    );
  }
  for (const note of summary.notes) lines.push(`  note: ${note}`);
  return lines;
}
