/**
 * One bounded walk of a candidate folder that finds what deleting it would
 * take along besides its own files: `.git` entries of other repositories or
 * worktrees (also inside ignored and cache folders) and mount points. The
 * walk never follows a symlink and never crosses a device boundary.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { setImmediate } from "node:timers";
import { lstat, readdir, readFile } from "node:fs/promises";
import process from "node:process";
import { isStrictlyInside } from "../decide/containment.ts";
import { currentUid } from "./ownership.ts";
import { escapeInvalidUtf8, hasInvalidUtf8 } from "./worktree_list_parse.ts";
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
function writable(
  info: { mode: number; uid: number },
  uid: number | undefined,
): boolean {
  if (uid === undefined) return false;
  if (uid === 0) return true;
  const bits = info.uid === uid ? (info.mode >> 6) & 0o3 : info.mode & 0o3;
  return bits === 0o3;
}

/** The size of a non-folder entry, or 0 when it cannot be read. */
function sizeOf(path: string | Buffer): number {
  try {
    return lstatFast(path).size;
  } catch {
    return 0; // gone or unreadable: this is a report, not a safety fact
  }
}

/**
 * Walks `root` once. The root's own `.git` folder (a clone's repository)
 * is left out: git judges it. With `measure: false` the bytes are not
 * counted (one `lstat` less per file), for a walk whose report nobody
 * reads.
 *
 * @throws when a folder cannot be read or the walk is too large; the
 *   caller treats that as unknown.
 */
export async function walkNested(
  root: string,
  options: { mounts?: readonly string[]; measure?: boolean } = {},
): Promise<NestedFacts> {
  const facts: NestedFacts = {
    bytes: 0,
    gitEntries: [],
    mounts: [],
    undecodableNames: [],
  };
  const measure = options.measure ?? true;
  const [rootInfo, uid] = await Promise.all([lstat(root), currentUid()]);
  for (const m of options.mounts ?? []) {
    if (isStrictlyInside(root, m)) facts.mounts.push(m.slice(root.length + 1));
  }
  const folders = typeof Deno !== "undefined" ? denoFolders : nodeFolders;
  let seen = 0;
  // Only folders are lstat'ed (for their device and mode); the type of
  // every other entry comes with its name.
  const stack: Folder[] = [{
    path: folders.root(root),
    rel: "",
    info: { dev: rootInfo.dev, mode: rootInfo.mode, uid: rootInfo.uid },
  }];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    const entries = await folders.list(folder.path);
    if (entries.length > 0 && !writable(folder.info, uid)) {
      // Deleting would fail part way, leaving a half-removed worktree.
      throw new Error(
        `cannot delete what is in '${
          folder.rel === "" ? "." : folder.rel
        }': this user may not write in it`,
      );
    }
    for (const entry of entries) {
      if (++seen > MAX_WALK_ENTRIES) {
        throw new Error(
          `holds more than ${MAX_WALK_ENTRIES} entries; not walked to the end`,
        );
      }
      const rel = folder.rel === ""
        ? entry.shown
        : `${folder.rel}/${entry.shown}`;
      if (!entry.valid) facts.undecodableNames.push(rel);
      if (entry.shown === ".git") {
        if (folder.rel !== "") facts.gitEntries.push(rel);
        // A worktree's `.git` file goes with it; a repository's own files
        // are judged by git.
        if (measure && entry.kind !== "folder") {
          facts.bytes += sizeOf(folders.child(folder.path, entry));
        }
        continue;
      }
      if (entry.kind === "other") {
        if (measure) facts.bytes += sizeOf(folders.child(folder.path, entry));
        continue;
      }
      if (!entry.valid && !folders.exactNames) {
        // This runtime cannot name it exactly: it is not read further (the
        // name alone keeps what holds it).
        continue;
      }
      // A folder, or a file system that does not tell the type.
      const path = folders.child(folder.path, entry);
      const info = lstatFast(path);
      if (!info.isDirectory) {
        if (measure) facts.bytes += info.size;
        continue;
      }
      if (info.dev !== rootInfo.dev) {
        facts.mounts.push(rel);
        continue;
      }
      stack.push({ path, rel, info });
    }
  }
  facts.mounts = [...new Set(facts.mounts)].sort();
  facts.gitEntries.sort();
  return facts;
}

/** A folder the walk still has to read. */
interface Folder {
  /** Its path, in the form the runtime's reader takes. */
  path: string | Buffer;
  /** Its path relative to the root, as shown. */
  rel: string;
  /** Its device, mode and owner. */
  info: { dev: number; mode: number; uid: number };
}

/** One entry of a folder, as the walk needs it. */
interface FolderEntry {
  /** Its name as text, escaped where it is not UTF-8. */
  shown: string;
  /** Whether its name is valid UTF-8. */
  valid: boolean;
  /** A folder, another kind of entry, or not told by the file system. */
  kind: "folder" | "other" | "unknown";
  /** Its name in the form the runtime's reader takes. */
  name: string | Buffer;
}

/** What one runtime offers the walk. */
interface FolderReader {
  /** Whether names that are not UTF-8 can be named exactly. */
  exactNames: boolean;
  root(path: string): string | Buffer;
  list(path: string | Buffer): Promise<FolderEntry[]>;
  child(folder: string | Buffer, entry: FolderEntry): string | Buffer;
}

/**
 * Node: folders as byte paths, so names that are not UTF-8 stay exact.
 * Deno's `node:fs` decodes names lossily (U+FFFD) even as buffers, so any
 * U+FFFD counts as not UTF-8 there.
 */
const nodeFolders: FolderReader = {
  exactNames: true,
  root: (path) => Buffer.from(path),
  list: async (path) => {
    const entries = await readdir(path, {
      encoding: "buffer",
      withFileTypes: true,
    });
    return entries.map((entry) => {
      const name = entry.name as unknown as Buffer;
      const text = name.toString("utf8");
      const valid = !hasInvalidUtf8(name) && !text.includes("\uFFFD");
      const known = entry.isFile() || entry.isSymbolicLink() ||
        entry.isDirectory() || entry.isFIFO() || entry.isSocket() ||
        entry.isBlockDevice() || entry.isCharacterDevice();
      return {
        shown: valid ? text : escapeInvalidUtf8(name),
        valid,
        kind: entry.isDirectory() ? "folder" : known ? "other" : "unknown",
        name,
      };
    });
  },
  child: (folder, entry) =>
    Buffer.concat([folder as Buffer, SLASH, entry.name as Buffer]),
};

/**
 * Deno: its own synchronous calls, several times cheaper than its
 * `node:fs` ones and without a buffer per name. Names come decoded, a
 * name that is not UTF-8 with U+FFFD in it: any U+FFFD counts as not
 * UTF-8, and such an entry is never read further.
 */
const denoFolders: FolderReader = {
  exactNames: false,
  root: (path) => path,
  list: async (path) => {
    const out: FolderEntry[] = [];
    for (const entry of Deno.readDirSync(path as string)) {
      const valid = !entry.name.includes("\uFFFD");
      out.push({
        shown: valid ? entry.name : escapeInvalidUtf8(Buffer.from(entry.name)),
        valid,
        kind: entry.isDirectory
          ? "folder"
          : entry.isFile || entry.isSymlink
          ? "other"
          : "unknown",
        name: entry.name,
      });
    }
    // The event loop runs between folders: a large tree does not hold up
    // the git calls running beside it.
    await new Promise((resolve) => setImmediate(resolve));
    return out;
  },
  child: (folder, entry) => `${folder as string}/${entry.name as string}`,
};
