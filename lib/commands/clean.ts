/**
 * `clean`: delete old session files. Only files named like sessions inside
 * the sessions folder are touched, never the newest session and never the
 * one `LATEST-SESSION.txt` points to.
 *
 * @module
 */

import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { resolveProject } from "../gather/project.ts";
import {
  listSessionIds,
  readLatestPointer,
  sessionsDirFor,
} from "../gather/sessions.ts";
import type { CleanResult } from "../types.ts";
import { planClean } from "../decide/clean_plan.ts";
import { parseDuration as parseDurationResult } from "../decide/duration.ts";

export type { CleanResult };

/** Options for {@link cleanSessions}. */
export interface CleanOptions {
  /** A folder inside the project; defaults to the current directory. */
  projectPath?: string;
  /** Keep this many newest sessions. */
  keep?: number;
  /** Delete sessions paused longer ago than this (ms). */
  olderThanMs?: number;
  /** Only report. */
  dryRun?: boolean;
  /** The time to measure age from; defaults to now. */
  now?: Date;
}

/**
 * Parses a duration such as `30d`, `12h`, `90min` or `2w` into milliseconds,
 * or `undefined`; {@link parseDurationResult} says why not.
 */
export function parseDuration(text: string): number | undefined {
  const result = parseDurationResult(text);
  return result.ok ? result.ms : undefined;
}

/** Deletes old session files as {@link planClean} chooses. */
export async function cleanSessions(
  options: CleanOptions,
): Promise<CleanResult> {
  const project = await resolveProject(options.projectPath);
  const sessionsDir = sessionsDirFor(project.root);
  const [ids, latest] = await Promise.all([
    listSessionIds(sessionsDir),
    readLatestPointer(sessionsDir),
  ]);
  const doomed = planClean(ids, {
    keep: options.keep,
    olderThanMs: options.olderThanMs,
    latest,
    now: options.now ?? new Date(),
  });
  const errors: string[] = [];
  if (!options.dryRun) {
    for (const id of doomed) {
      for (const ext of [".json", ".md"]) {
        await unlink(join(sessionsDir, id + ext)).catch((error) => {
          if ((error as { code?: string }).code !== "ENOENT") {
            errors.push(
              `Cannot delete '${id}${ext}': ${(error as Error).message}`,
            );
          }
        });
      }
    }
  }
  return {
    deleted: doomed,
    kept: ids.length - doomed.length,
    dry_run: Boolean(options.dryRun),
    errors,
    sessionsDir,
  };
}

/** The text `clean` prints. */
export function renderClean(result: CleanResult): string {
  const verb = result.dry_run ? "Would delete" : "Deleted";
  const lines = [
    `${verb} ${result.deleted.length} session(s); kept ${result.kept}`,
  ];
  for (const id of result.deleted.slice(0, 20)) lines.push(`  ${id}`);
  if (result.deleted.length > 20) {
    lines.push(`  … and ${result.deleted.length - 20} more`);
  }
  for (const e of result.errors) lines.push(`Warning: ${e}`);
  return lines.join("\n") + "\n";
}
