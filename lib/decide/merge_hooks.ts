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

/** The outcome of {@link unmergeHooks}. */
export type UnmergeResult =
  | { ok: true; settings: Record<string, unknown>; removed: string[] }
  | { ok: false; error: string };

/**
 * Whether a hook command is one `install-hooks` writes: `mpm-session hook`,
 * or an absolute command ending in `mpm-session`, `mpm-session.mjs` or
 * `cli.ts` followed by `hook`.
 */
export function isOurHookCommand(command: string): boolean {
  return /(^|[\s/'"])(mpm-session(\.mjs|\.exe)?|cli\.ts)'?\s+hook$/.test(
    command.trim(),
  );
}

/**
 * Removes exactly the hooks `install-hooks` adds: in PreCompact and
 * SessionStart, each `{type: "command"}` hook whose command `isOurs`
 * accepts; a group left with no hooks goes too. Everything else stays as
 * it is, and `hooks` itself goes only when nothing is left in it.
 */
export function unmergeHooks(
  settings: unknown,
  isOurs: (command: string) => boolean = isOurHookCommand,
): UnmergeResult {
  if (!isObject(settings)) {
    return { ok: false, error: "the settings are not a JSON object" };
  }
  if (settings.hooks === undefined) {
    return { ok: true, settings, removed: [] };
  }
  const hooks = settings.hooks;
  if (!isObject(hooks)) return { ok: false, error: "'hooks' is not an object" };
  const next: Record<string, unknown> = { ...hooks };
  const removed: string[] = [];
  for (const event of HOOK_EVENTS) {
    const groups = next[event];
    if (groups === undefined) continue;
    if (!Array.isArray(groups)) {
      return { ok: false, error: `'hooks.${event}' is not a list` };
    }
    let changed = false;
    const kept = groups.flatMap((group) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) return [group];
      const left = group.hooks.filter((h) =>
        !(isObject(h) && h.type === "command" &&
          typeof h.command === "string" && isOurs(h.command))
      );
      if (left.length === group.hooks.length) return [group];
      changed = true;
      return left.length === 0 ? [] : [{ ...group, hooks: left }];
    });
    if (!changed) continue;
    removed.push(event);
    if (kept.length === 0) delete next[event];
    else next[event] = kept;
  }
  const result: Record<string, unknown> = { ...settings, hooks: next };
  if (Object.keys(next).length === 0) delete result.hooks;
  return { ok: true, settings: result, removed };
}
