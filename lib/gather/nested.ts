/**
 * One bounded walk of a candidate folder that finds what deleting it would
 * take along besides its own files: `.git` entries of other repositories or
 * worktrees (also inside ignored and cache folders) and mount points. The
 * walk never follows a symlink and never crosses a device boundary.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { lstatSync, type Stats } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import process from "node:process";
import { isStrictlyInside } from "../decide/containment.ts";
import { currentUid } from "./ownership.ts";
import { escapeInvalidUtf8 } from "./worktree_list_parse.ts";
import { lstatFast } from "./fast_stat.ts";

const SLASH = Buffer.from("/");

/** How many entries one walk reads before it gives up (then unknown). */
export const MAX_WALK_ENTRIES = 500_000;

/** What one walk found; paths are relative to the walked root. */
export interface NestedFacts {
  /**
   * Bytes its entries hold (symlinks count as themselves, folders as
   * nothing): what deleting it reclaims.
   */
  bytes: number;
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
 * Whether this user may delete the entries of a folder with `info`, read
 * from its mode (`access()` needs the user id, which Deno's narrow
 * permissions do not grant). Only the owner's and everyone's bits count: a
 * folder writable through a group alone counts as not writable, which only
 * keeps it.
 */
function writable(info: Stats, uid: number | undefined): boolean {
  if (uid === undefined) return false;
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

/** The size of a non-folder entry, or 0 when it cannot be read. */
function sizeOf(abs: Buffer, shown: string | undefined): number {
  try {
    return lstatFast(shown ?? abs).size;
  } catch {
    return 0; // gone or unreadable: this is a report, not a safety fact
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
    bytes: 0,
    gitEntries: [],
    mounts: [],
    undecodableNames: [],
  };
  const [rootInfo, uid] = await Promise.all([lstat(root), currentUid()]);
  for (const m of options.mounts ?? []) {
    if (isStrictlyInside(root, m)) facts.mounts.push(m.slice(root.length + 1));
  }
  let seen = 0;
  // Folders as byte paths, so names that are not UTF-8 stay exact. Only
  // folders are lstat'ed (for their device and mode); the type of every
  // other entry comes with its name.
  const stack: { abs: Buffer; rel: string; info: Stats }[] = [{
    abs: Buffer.from(root),
    rel: "",
    info: rootInfo,
  }];
  while (stack.length > 0) {
    const { abs, rel, info } = stack.pop()!;
    const entries = await readdir(abs, {
      encoding: "buffer",
      withFileTypes: true,
    });
    if (entries.length > 0 && !writable(info, uid)) {
      // Deleting would fail part way, leaving a half-removed worktree.
      throw new Error(
        `cannot delete what is in '${
          rel === "" ? "." : rel
        }': this user may not write in it`,
      );
    }
    for (const entry of entries) {
      if (++seen > MAX_WALK_ENTRIES) {
        throw new Error(
          `holds more than ${MAX_WALK_ENTRIES} entries; not walked to the end`,
        );
      }
      const name = entry.name as unknown as Buffer;
      // Deno's node:fs decodes names lossily (U+FFFD) even as buffers.
      const valid = isValidUtf8(name) &&
        !name.toString("utf8").includes("\uFFFD");
      const shown = valid ? name.toString("utf8") : escapeInvalidUtf8(name);
      const childRel = rel === "" ? shown : `${rel}/${shown}`;
      if (!valid) facts.undecodableNames.push(childRel);
      const childAbs = Buffer.concat([abs, SLASH, name]);
      if (shown === ".git") {
        if (rel !== "") facts.gitEntries.push(childRel);
        // A worktree's `.git` file goes with it; a repository's own files
        // are judged by git.
        if (!entry.isDirectory()) {
          facts.bytes += sizeOf(childAbs, `${root}/${childRel}`);
        }
        continue;
      }
      const known = entry.isFile() || entry.isSymbolicLink() ||
        entry.isDirectory() || entry.isFIFO() || entry.isSocket() ||
        entry.isBlockDevice() || entry.isCharacterDevice();
      if (known && !entry.isDirectory()) {
        facts.bytes += sizeOf(
          childAbs,
          valid ? `${root}/${childRel}` : undefined,
        );
        continue;
      }
      // A folder, or a file system that does not tell the type.
      const childInfo = lstatSync(childAbs);
      if (!childInfo.isDirectory()) {
        facts.bytes += childInfo.size;
        continue;
      }
      if (childInfo.dev !== rootInfo.dev) {
        facts.mounts.push(childRel);
        continue;
      }
      stack.push({ abs: childAbs, rel: childRel, info: childInfo });
    }
  }
  facts.mounts = [...new Set(facts.mounts)].sort();
  facts.gitEntries.sort();
  return facts;
}
