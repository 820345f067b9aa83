/**
 * Path containment over plain strings: the rule that keeps every deletion
 * inside `.claude/worktrees/`. Pure: no I/O; callers pass real paths.
 *
 * @module
 */

import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Whether `child` lies strictly inside `parent`: not equal to it, not
 * reached through `..`, and not on another drive. Both must be absolute.
 */
export function isStrictlyInside(parent: string, child: string): boolean {
  if (!isAbsolute(parent) || !isAbsolute(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  if (POSIX) {
    // Normal absolute paths: inside is a prefix ending at a separator.
    // This runs for every pair of worktrees and processes, so the common
    // case avoids `relative()`.
    const p = normal(parent);
    const c = normal(child);
    const base = p.endsWith("/") ? p : `${p}/`;
    return c.length > base.length && c.startsWith(base);
  }
  const rel = relative(resolve(parent), resolve(child));
  if (rel === "" || isAbsolute(rel)) return false;
  return rel !== ".." && !rel.startsWith(`..${sep}`);
}

/** Whether paths use `/` only and compare byte for byte (not Windows). */
const POSIX = sep === "/";

/** A `.` or `..` segment, an empty one, or a trailing separator. */
const NOT_NORMAL = /\/\/|\/\.\.?(\/|$)|.\/$/;

/** `path` as `resolve()` writes it, without calling it when it already is. */
function normal(path: string): string {
  return NOT_NORMAL.test(path) ? resolve(path) : path;
}

/**
 * Whether `name` is safe as one path segment inside a folder: not empty,
 * not `.` or `..`, and without separators or NUL.
 */
export function isPlainSegment(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." &&
    !name.includes("/") && !name.includes("\\") && !name.includes("\0");
}

/** Whether `path` or one of its ancestors (up to `root`) is `target`. */
export function isSameOrInside(parent: string, child: string): boolean {
  if (!isAbsolute(parent) || !isAbsolute(child)) return false;
  if (child.includes("\0") || parent.includes("\0")) return false;
  if (POSIX && normal(parent) === normal(child)) return true;
  return resolve(parent) === resolve(child) || isStrictlyInside(parent, child);
}

/**
 * The names of `parent`'s direct children that are, or contain, one of
 * `paths`: the children some registered worktree owns. Linear in the number
 * of paths, so hundreds of worktrees cost hundreds of checks, not their
 * square.
 */
export function childrenOwned(
  parent: string,
  paths: readonly string[],
): Set<string> {
  const owned = new Set<string>();
  for (const path of paths) {
    if (!isStrictlyInside(parent, path)) continue;
    const first = relative(resolve(parent), resolve(path)).split(sep)[0];
    owned.add(first);
  }
  return owned;
}

/** The trash folder's name inside `.claude/worktrees/`. */
export const TRASH_NAME = ".mpm-trash";
