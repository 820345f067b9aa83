/**
 * `install-hooks` and `uninstall-hooks`: merge the PreCompact and
 * SessionStart hooks into Claude Code's settings, or take exactly those out
 * again, keeping everything else. A backup is written before any change;
 * settings are written atomically, so never half-written; a second install
 * changes nothing; malformed settings are reported and left untouched.
 *
 * The command written runs from a fresh shell with a minimal PATH: the
 * absolute path of what runs now (see `lib/gather/hook_command.ts`), or
 * what `--command` gives, with a warning when that would not resolve.
 *
 * @module
 */

import { copyFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import process from "node:process";
import { UserError } from "../errors.ts";
import { claudeConfigDir } from "../gather/claude.ts";
import { hookCommand } from "../gather/hook_command.ts";
import { resolveProject } from "../gather/project.ts";
import { writeFileAtomic } from "../act/write.ts";
import { mergeHooks, unmergeHooks } from "../decide/merge_hooks.ts";
import type { InstallHooksResult } from "../types.ts";

export type { InstallHooksResult };

/** Which settings file: `.claude/settings.json`, `.claude/settings.local.json` or the user's. */
export type HooksScope = "project" | "local" | "user";

/** Options for {@link installHooks}. */
export interface InstallHooksOptions {
  /**
   * `project` (`.claude/settings.json`), `local`
   * (`.claude/settings.local.json`, CLI `--local`) or `user`
   * (`$CLAUDE_CONFIG_DIR/settings.json`).
   */
  scope: HooksScope;
  /** The program the hooks run (` hook` is added); defaults to the absolute command of what runs now. */
  command?: string;
  /** Show the result without writing. */
  dryRun?: boolean;
  /** A folder inside the project, for the project and local scopes. */
  projectPath?: string;
  /** Environment (for `CLAUDE_CONFIG_DIR` and `PATH`). */
  env?: Record<string, string | undefined>;
}

/** The settings file of a scope. */
export async function settingsPathFor(
  scope: HooksScope,
  projectPath: string | undefined,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  if (scope === "user") return join(claudeConfigDir(env), "settings.json");
  const root = (await resolveProject(projectPath)).root;
  return join(
    root,
    ".claude",
    scope === "local" ? "settings.local.json" : "settings.json",
  );
}

async function readSettings(
  path: string,
): Promise<{ original: string | undefined; settings: unknown }> {
  let original: string | undefined;
  try {
    original = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") {
      throw new UserError(
        `Cannot read settings '${path}': ${(error as Error).message}`,
      );
    }
  }
  let settings: unknown = {};
  if (original !== undefined && original.trim() !== "") {
    try {
      settings = JSON.parse(original);
    } catch (error) {
      throw new UserError(
        `Cannot update settings '${path}': not valid JSON (${
          (error as Error).message
        }): fix it by hand, nothing was changed`,
      );
    }
  }
  return { original, settings };
}

/** Backs the original up (when there is one), then writes atomically. */
async function writeSettings(
  path: string,
  original: string | undefined,
  settings: unknown,
): Promise<string | null> {
  await mkdir(dirname(path), { recursive: true });
  let backup: string | null = null;
  if (original !== undefined) {
    backup = `${path}.bak-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await copyFile(path, backup);
  }
  await writeFileAtomic(path, JSON.stringify(settings, null, 2) + "\n");
  return backup;
}

/** Merges the hooks into the chosen settings file. */
export async function installHooks(
  options: InstallHooksOptions,
): Promise<InstallHooksResult> {
  const env = options.env ?? process.env;
  const path = await settingsPathFor(options.scope, options.projectPath, env);
  const { original, settings } = await readSettings(path);
  const { command, warnings } = hookCommand(options.command, env);
  const merged = mergeHooks(settings, command);
  if (!merged.ok) {
    throw new UserError(
      `Cannot update settings '${path}': ${merged.error}: nothing was changed`,
    );
  }
  const changed = merged.added.length > 0;
  let backup: string | null = null;
  if (changed && !options.dryRun) {
    backup = await writeSettings(path, original, merged.settings);
  }
  const lines = [
    changed
      ? `${options.dryRun ? "Would add" : "Added"} ${
        merged.added.join(" and ")
      } hook(s) to ${path}`
      : `Hooks already installed in ${path}: nothing changed`,
    `Command: ${command}`,
    ...(backup ? [`Backup: ${backup}`] : []),
    ...warnings.map((w) => `Warning: ${w}`),
  ];
  return {
    path,
    changed,
    backup,
    added: merged.added,
    command,
    warnings,
    text: lines.join("\n") + "\n",
  };
}

/** Options for {@link uninstallHooks}. */
export type UninstallHooksOptions = Omit<InstallHooksOptions, "command">;

/** What {@link uninstallHooks} did. */
export interface UninstallHooksResult {
  /** The settings file. */
  path: string;
  /** Whether the file changed (or would). */
  changed: boolean;
  /** The backup written, if any. */
  backup: string | null;
  /** Hook events this tool's hooks were removed from. */
  removed: string[];
  /** A summary for people. */
  text: string;
}

/**
 * Removes exactly the hooks {@link installHooks} adds (any `mpm-session
 * hook` command, whatever path it was installed with), with a backup.
 */
export async function uninstallHooks(
  options: UninstallHooksOptions,
): Promise<UninstallHooksResult> {
  const env = options.env ?? process.env;
  const path = await settingsPathFor(options.scope, options.projectPath, env);
  const { original, settings } = await readSettings(path);
  if (original === undefined) {
    return {
      path,
      changed: false,
      backup: null,
      removed: [],
      text: `No settings file '${path}': nothing to remove\n`,
    };
  }
  const result = unmergeHooks(settings);
  if (!result.ok) {
    throw new UserError(
      `Cannot update settings '${path}': ${result.error}: nothing was changed`,
    );
  }
  const changed = result.removed.length > 0;
  let backup: string | null = null;
  if (changed && !options.dryRun) {
    backup = await writeSettings(path, original, result.settings);
  }
  const text = changed
    ? `${options.dryRun ? "Would remove" : "Removed"} the ${
      result.removed.join(" and ")
    } hook(s) from ${path}${backup ? `\nBackup: ${backup}` : ""}\n`
    : `No mpm-session hooks in ${path}: nothing changed\n`;
  return { path, changed, backup, removed: result.removed, text };
}
