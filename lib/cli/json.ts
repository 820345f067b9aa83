/**
 * The CLI's JSON: one place turns every result into the document printed
 * under `--json`. Keys are snake_case, `schema_version` comes first, every
 * field is present (`null` when unknown), and a dry run counts what would
 * go in `would_*` fields, leaving the done counts at 0. The schemas in
 * `schemas/` describe each document.
 *
 * Todo and task items are Claude Code's own records (`activeForm`,
 * `blockedBy`) and keep its keys, as in the session files.
 *
 * @module
 */

import { messageOf, UsageError, UserError } from "../errors.ts";
import type { PruneSummary } from "../types.ts";

/** The version of the CLI's JSON documents. */
export const JSON_SCHEMA_VERSION = 1;

/** Keys whose values are Claude Code records, copied as they are. */
const VERBATIM_KEYS = new Set([
  "todos",
  "open_todos",
  "completed_since",
  "pending_tasks",
  "in_progress_tasks",
  // Ref names are data, not field names: `refs/mpm-session/...` stays.
  "refs",
]);

/** `jsonPath` → `json_path`; snake_case stays as it is. */
export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/-/g, "_")
    .toLowerCase();
}

/** A copy of `value` with every object key in snake_case. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = snakeCase(key);
    out[name] = VERBATIM_KEYS.has(name) ? item : snakeKeys(item);
  }
  return out;
}

/** The cleanup report as printed: every field present, dry-run counts apart. */
export function pruneReportJson(
  summary: PruneSummary,
): Record<string, unknown> {
  const dry = summary.dry_run;
  const { pruned_count, orphans_swept, ...rest } = summary;
  return {
    ...rest,
    pruned_count: dry ? 0 : pruned_count,
    would_prune_count: dry ? pruned_count : 0,
    orphans_swept: dry ? 0 : orphans_swept,
    would_sweep_count: dry ? orphans_swept : 0,
    worktrees: summary.worktrees.map((w) => ({
      ...w,
      branch_deleted: w.branch_deleted ?? null,
      branch_note: w.branch_note ?? null,
      rescue_ref: w.rescue_ref ?? null,
      last_activity_at:
        (w as { last_activity_at?: string | null }).last_activity_at ?? null,
    })),
  };
}

/** A session document as printed: every optional field present. */
export function sessionJson(doc: unknown): unknown {
  if (doc === null || typeof doc !== "object") return doc;
  const d = doc as Record<string, unknown>;
  const trigger = (d.trigger ?? {}) as Record<string, unknown>;
  const summary = d.worktree_prune_summary as PruneSummary | undefined;
  return {
    ...d,
    trigger: {
      source: trigger.source ?? null,
      event: trigger.event ?? null,
      trigger: trigger.trigger ?? null,
    },
    worktree_prune_summary: summary ? pruneReportJson(summary) : null,
  };
}

/** Fills in the fields known to be optional in a result, by its kind. */
function normalised(kind: string, result: Record<string, unknown>): unknown {
  switch (kind) {
    case "prune":
      return pruneReportJson(result as unknown as PruneSummary);
    case "pause": {
      const cleanup = result.cleanup as PruneSummary | null;
      return {
        ...result,
        session: sessionJson(result.session),
        cleanup: cleanup ? pruneReportJson(cleanup) : null,
        exportPath: result.exportPath ?? null,
      };
    }
    case "resume":
      return { ...result, session: sessionJson(result.session ?? null) };
    case "list":
      return {
        ...result,
        sessions: (result.sessions as Record<string, unknown>[]).map((s) => ({
          ...s,
          worktree: s.worktree ?? null,
          error: s.error ?? null,
        })),
        projectRoot: result.projectRoot ?? null,
      };
    case "clean": {
      const dry = Boolean(result.dry_run);
      return {
        ...result,
        deleted: dry ? [] : result.deleted,
        would_delete: dry ? result.deleted : [],
      };
    }
    default:
      return result;
  }
}

/** The document printed under `--json` for a command's result. */
export function jsonDocument(kind: string, result: object): string {
  const body = snakeKeys(normalised(kind, result as Record<string, unknown>));
  return JSON.stringify(
    { schema_version: JSON_SCHEMA_VERSION, ...(body as object) },
    null,
    2,
  ) + "\n";
}

/** The error codes of {@link errorDocument}. */
export type ErrorCode = "usage" | "failed" | "internal";

/** The code for a thrown value. */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof UsageError
    ? "usage"
    : error instanceof UserError
    ? "failed"
    : "internal";
}

/** The document printed under `--json` when a command fails. */
export function errorDocument(error: unknown): string {
  return JSON.stringify(
    {
      schema_version: JSON_SCHEMA_VERSION,
      error: {
        code: errorCode(error),
        message: messageOf(error).split("\n")[0],
      },
    },
    null,
    2,
  ) + "\n";
}
