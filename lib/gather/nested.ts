/**
 * One bounded walk of a candidate folder that finds what deleting it would
 * take along besides its own files: `.git` entries of other repositories or
 * worktrees (also inside ignored and cache folders) and mount points. The
 * walk never follows a symlink and never crosses a device boundary.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { lstat, readdir, readFile } from "node:fs/promises";
import process from "node:process";
import { isStrictlyInside } from "../decide/containment.ts";
import { currentUid } from "./ownership.ts";
import { escapeInvalidUtf8 } from "./worktree_list_parse.ts";

/** How many entries one walk reads before it gives up (then unknown). */
export const MAX_WALK_ENTRIES = 500_000;

/** What one walk found; paths are relative to the walked root. */
export interface NestedFacts {
  /** `.git` entries below the root (not the root's own `.git`). */
  gitEntries: string[];
  /** Folders below the root on another device, and mount points. */
  mounts: string[];
  /** Entries whose name is not valid UTF-8 (shown escaped). */
  undecodableNames: string[];
}

/** Mount points listed in `/proc/self/mountinfo` (Linux), unescaped. */
export async function mountPoints(): Promise<string[]> {
  if (process.platform !== "linux") return [];
  let text: string;
  try {
    text = await readFile("/proc/self/mountinfo", "utf8");
  } catch {
    return [];
  }
  return parseMountInfo(text);
}

/**
 * Whether the folder at real path `real` is itself a mount point. A bind
 * mount of a folder on the same file system keeps its device id, so only
 * the mount table tells.
 */
export async function isMountPoint(real: string): Promise<boolean> {
  return (await mountPoints()).includes(real);
}

/** Parses `/proc/self/mountinfo` text into mount point paths. */
export function parseMountInfo(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const fields = line.split(" ");
    if (fields.length < 5) continue;
    out.push(
      fields[4].replace(
        /\\([0-7]{3})/g,
        (_, oct: string) => String.fromCharCode(parseInt(oct, 8)),
      ),
    );
  }
  return out;
}

/**
 * Whether this user may delete the entries of `dir`, read from its mode
 * (`access()` needs the user id, which Deno's narrow permissions do not
 * grant). Only the owner's and everyone's bits count: a folder writable
 * through a group alone counts as not writable, which only keeps it.
 */
async function writable(dir: Buffer): Promise<boolean> {
  const [info, uid] = await Promise.all([
    lstat(dir).catch(() => undefined),
    currentUid(),
  ]);
  if (!info || uid === undefined) return false;
  if (uid === 0) return true;
  const bits = info.uid === uid ? (info.mode >> 6) & 0o3 : info.mode & 0o3;
  return bits === 0o3;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Walks `root` once. `skipOwnGitDir` leaves out the root's own `.git`
 * folder (a clone's repository), which is judged by git instead.
 *
 * @throws when a folder cannot be read or the walk is too large; the
 *   caller treats that as unknown.
 */
export async function walkNested(
  root: string,
  options: { mounts?: readonly string[] } = {},
): Promise<NestedFacts> {
  const facts: NestedFacts = {
    gitEntries: [],
    mounts: [],
    undecodableNames: [],
  };
  const rootInfo = await lstat(root);
  for (const m of options.mounts ?? []) {
    if (isStrictlyInside(root, m)) facts.mounts.push(m.slice(root.length + 1));
  }
  let seen = 0;
  // Folders as byte paths, so names that are not UTF-8 stay exact.
  const stack: { abs: Buffer; rel: string }[] = [{
    abs: Buffer.from(root),
    rel: "",
  }];
  while (stack.length > 0) {
    const { abs, rel } = stack.pop()!;
    const names = await readdir(abs, { encoding: "buffer" });
    if (names.length > 0 && !await writable(abs)) {
      // Deleting would fail part way, leaving a half-removed worktree.
      throw new Error(
        `cannot delete what is in '${
          rel === "" ? "." : rel
        }': this user may not write in it`,
      );
    }
    for (const name of names) {
      if (++seen > MAX_WALK_ENTRIES) {
        throw new Error(
          `holds more than ${MAX_WALK_ENTRIES} entries; not walked to the end`,
        );
      }
      // Deno's node:fs decodes names lossily (U+FFFD) even as buffers.
      const valid = isValidUtf8(name) &&
        !name.toString("utf8").includes("\uFFFD");
      const shown = valid ? name.toString("utf8") : escapeInvalidUtf8(name);
      const childRel = rel === "" ? shown : `${rel}/${shown}`;
      if (!valid) facts.undecodableNames.push(childRel);
      const childAbs = Buffer.concat([abs, Buffer.from("/"), name]);
      if (shown === ".git") {
        if (rel !== "") facts.gitEntries.push(childRel);
        continue; // a repository's own files are judged by git
      }
      const info = await lstat(childAbs);
      if (!info.isDirectory()) continue;
      if (info.dev !== rootInfo.dev) {
        facts.mounts.push(childRel);
        continue;
      }
      stack.push({ abs: childAbs, rel: childRel });
    }
  }
  facts.mounts = [...new Set(facts.mounts)].sort();
  facts.gitEntries.sort();
  return facts;
}
