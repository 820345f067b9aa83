/**
 * `install-hooks`: merges the PreCompact and SessionStart hooks into Claude
 * Code's `settings.json`, keeping everything already there. A backup is
 * written before any change; a second run changes nothing; malformed
 * settings are reported and left untouched.
 *
 * @module
 */

import { copyFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { UserError } from "../errors.ts";
import { claudeConfigDir } from "../gather/claude.ts";
import { resolveProject } from "../gather/project.ts";
import { writeFileAtomic } from "../act/write.ts";
import { mergeHooks } from "../decide/merge_hooks.ts";
import type { InstallHooksResult } from "../types.ts";

export type { InstallHooksResult };

/** Options for {@link installHooks}. */
export interface InstallHooksOptions {
  /** `project` (`.claude/settings.json`) or `user` (`~/.claude/settings.json`). */
  scope: "project" | "user";
  /** The command the hooks run; defaults to `mpm-session`. */
  command?: string;
  /** Show the result without writing. */
  dryRun?: boolean;
  /** A folder inside the project, for the project scope. */
  projectPath?: string;
  /** Environment (for `CLAUDE_CONFIG_DIR`). */
  env?: Record<string, string | undefined>;
}

/** Merges the hooks into the chosen settings file. */
export async function installHooks(
  options: InstallHooksOptions,
): Promise<InstallHooksResult> {
  const path = options.scope === "user"
    ? join(claudeConfigDir(options.env), "settings.json")
    : join(
      (await resolveProject(options.projectPath)).root,
      ".claude",
      "settings.json",
    );
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
  const merged = mergeHooks(
    settings,
    `${options.command ?? "mpm-session"} hook`,
  );
  if (!merged.ok) {
    throw new UserError(
      `Cannot update settings '${path}': ${merged.error}: nothing was changed`,
    );
  }
  const changed = merged.added.length > 0;
  let backup: string | null = null;
  if (changed && !options.dryRun) {
    await mkdir(dirname(path), { recursive: true });
    if (original !== undefined) {
      backup = `${path}.bak-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await copyFile(path, backup);
    }
    await writeFileAtomic(
      path,
      JSON.stringify(merged.settings, null, 2) + "\n",
    );
  }
  const text = changed
    ? `${options.dryRun ? "Would add" : "Added"} ${
      merged.added.join(" and ")
    } hook(s) to ${path}${backup ? `\nBackup: ${backup}` : ""}\n`
    : `Hooks already installed in ${path}: nothing changed\n`;
  return { path, changed, backup, added: merged.added, text };
}
