/**
 * Merges this tool's hooks into Claude Code settings. Pure: no I/O.
 *
 * @module
 */

/** The hook events this tool installs. */
export const HOOK_EVENTS = ["PreCompact", "SessionStart"] as const;

/** The outcome of a merge. */
export type MergeResult =
  | { ok: true; settings: Record<string, unknown>; added: string[] }
  | { ok: false; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Adds a `{type: "command", command}` hook for each event unless one with
 * the same command is there already. Everything else is kept as it is.
 */
export function mergeHooks(settings: unknown, command: string): MergeResult {
  if (!isObject(settings)) {
    return { ok: false, error: "the settings are not a JSON object" };
  }
  const hooks = settings.hooks ?? {};
  if (!isObject(hooks)) return { ok: false, error: "'hooks' is not an object" };
  const next: Record<string, unknown> = { ...hooks };
  const added: string[] = [];
  for (const event of HOOK_EVENTS) {
    const groups = next[event] ?? [];
    if (!Array.isArray(groups)) {
      return { ok: false, error: `'hooks.${event}' is not a list` };
    }
    const present = groups.some((group) =>
      isObject(group) && Array.isArray(group.hooks) &&
      group.hooks.some((h) => isObject(h) && h.command === command)
    );
    if (present) continue;
    next[event] = [...groups, {
      matcher: "",
      hooks: [{ type: "command", command }],
    }];
    added.push(event);
  }
  return { ok: true, settings: { ...settings, hooks: next }, added };
}
