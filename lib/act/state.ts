/**
 * The tool's state folder in the repository's common git directory,
 * `<common dir>/mpm-session/`: the cleanup lock, the integration memo, the
 * witnesses, the trash manifest, the removal journal and the note of when
 * rescue refs next expire. A `version` file says which
 * layout wrote it. Everything in it only saves time or adds a way back:
 * a file that is old, missing or damaged costs speed, never safety.
 *
 * @module
 */

import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./write.ts";

/** The state folder's name inside the common git directory. */
export const STATE_DIR_NAME = "mpm-session";

/** The layout version written to `mpm-session/version`. */
export const STATE_VERSION = 1;

/** The state folder of the repository whose common git directory is `commonDir`. */
export function stateDir(commonDir: string): string {
  return join(commonDir, STATE_DIR_NAME);
}

/**
 * Creates the state folder and its `version` file when missing.
 *
 * @returns the folder's path.
 */
export async function ensureStateDir(commonDir: string): Promise<string> {
  const dir = stateDir(commonDir);
  await mkdir(dir, { recursive: true });
  const version = await readFile(join(dir, "version"), "utf8").catch(() => "");
  if (version.trim() !== String(STATE_VERSION)) {
    await writeFileAtomic(join(dir, "version"), `${STATE_VERSION}\n`)
      .catch(() => {});
  }
  return dir;
}
