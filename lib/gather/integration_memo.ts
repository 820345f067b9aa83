/**
 * A memo of branch tips already found not integrated into the default
 * branch, so a steady-state cleanup (nothing new to remove) needs no
 * `diff` or `merge-tree` call for branches it checked before.
 *
 * Only "not integrated" is remembered. Integration is a fact about two
 * commits, which never change, so a memo keyed by the branch tip and the
 * default branch's tips stays true; and should it ever be wrong (merge
 * settings changed, say), the worktree it names is kept, never removed.
 * A branch that might be removed is always checked afresh.
 *
 * The memo lives in the repository's common git directory, next to the
 * cleanup lock, and holds only the tips seen in the last run.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The memo's path relative to the common git directory, in the tool's
 * state folder. The memo of older versions
 * (`mpm-session-integration.json`) is not read: it only saved time.
 */
export const INTEGRATION_MEMO_NAME = "mpm-session/integration.json";

/** What one cleanup knows and learns about integration. */
export interface IntegrationMemo {
  /** The default branch's refs and tips the memo is valid for. */
  readonly defaultKey: string;
  /** Branch tips already known not to be integrated. */
  readonly notIntegrated: ReadonlySet<string>;
  /** Branch tips found not integrated in this run (known or new). */
  readonly found: Set<string>;
}

const FORMAT = "mpm-session integration memo v1";

/** The key for a default branch: each ref with its tip commit. */
export function defaultKeyOf(
  refs: readonly string[],
  shas: readonly string[],
): string {
  return refs.map((ref, i) => `${ref}=${shas[i] ?? ""}`).join(" ");
}

/**
 * Reads a memo's text. Anything unexpected (another format, another
 * default branch tip, malformed commit ids) gives an empty memo.
 */
export function parseIntegrationMemo(
  text: string,
  defaultKey: string,
): IntegrationMemo {
  const empty: IntegrationMemo = {
    defaultKey,
    notIntegrated: new Set(),
    found: new Set(),
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof data !== "object" || data === null) return empty;
  const record = data as Record<string, unknown>;
  if (record.format !== FORMAT || record.default !== defaultKey) return empty;
  const list = record.not_integrated;
  if (!Array.isArray(list)) return empty;
  const shas = list.filter((x): x is string =>
    typeof x === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(x)
  );
  return { defaultKey, notIntegrated: new Set(shas), found: new Set() };
}

/** The memo's text after a run: the tips found not integrated in it. */
export function serializeIntegrationMemo(memo: IntegrationMemo): string {
  return `${
    JSON.stringify({
      format: FORMAT,
      default: memo.defaultKey,
      not_integrated: [...memo.found].sort(),
    })
  }\n`;
}

/** Whether the run learnt something the stored memo does not say. */
export function memoChanged(memo: IntegrationMemo): boolean {
  if (memo.found.size !== memo.notIntegrated.size) return true;
  for (const sha of memo.found) if (!memo.notIntegrated.has(sha)) return true;
  return false;
}

/** Loads the memo from the common git directory; empty when there is none. */
export async function loadIntegrationMemo(
  commonDir: string,
  defaultKey: string,
): Promise<IntegrationMemo> {
  const text = await readFile(join(commonDir, INTEGRATION_MEMO_NAME), "utf8")
    .catch(() => "");
  return parseIntegrationMemo(text, defaultKey);
}
