/**
 * Writes that never leave a partial file: content goes to a temporary file
 * in the same folder first, then takes its final name in one step.
 *
 * @module
 */

import {
  chmod,
  link,
  open,
  realpath,
  rename,
  stat,
  unlink,
} from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import process from "node:process";

let counter = 0;

function tempPathFor(path: string): string {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${
    (counter++)
      .toString(36)
  }-${Math.random().toString(36).slice(2, 8)}`;
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

async function writeTemp(path: string, content: string): Promise<string> {
  const temp = tempPathFor(path);
  const handle = await open(temp, "wx", 0o644);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Replaces `path` with `content` atomically: readers see the old file or
 * the new one, never a mix, and a failure leaves no partial file.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
): Promise<void> {
  // Replace the file a symlink points to, not the symlink (dotfile managers
  // link settings files), and keep the existing file's permissions.
  let target = path;
  let mode: number | undefined;
  try {
    target = await realpath(path);
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    target = path;
  }
  const temp = await writeTemp(target, content);
  try {
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/**
 * Creates `path` with `content` atomically, failing with `EEXIST` when the
 * path already exists, so two writers can never overwrite each other.
 *
 * @returns `false` when the path already existed.
 */
export async function createFileExclusive(
  path: string,
  content: string,
): Promise<boolean> {
  const temp = await writeTemp(path, content);
  try {
    // A hard link takes the name only if nobody holds it, in one step.
    await link(temp, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST") {
      await unlink(temp).catch(() => {});
      return false;
    }
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") {
      await unlink(temp).catch(() => {});
      throw error;
    }
    return await reserveThenRename(temp, path);
  }
  await unlink(temp).catch(() => {});
  return true;
}

/** For file systems without hard links: reserve the name, then replace it. */
async function reserveThenRename(temp: string, path: string): Promise<boolean> {
  try {
    const handle = await open(path, "wx", 0o644);
    await handle.close();
  } catch (error) {
    await unlink(temp).catch(() => {});
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    await unlink(path).catch(() => {});
    throw error;
  }
  return true;
}

/** The error code of a Node-style file system error, if any. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
