/**
 * Parses `git worktree list --porcelain -z` into plain data. Pure: no I/O.
 *
 * @module
 */

/** One registered worktree, as git lists it. */
export interface WorktreeRecord {
  /** Absolute path git recorded for the worktree. */
  path: string;
  /** HEAD commit, absent for an unborn branch. */
  head?: string;
  /** Full ref name of the checked-out branch, such as `refs/heads/a1`. */
  branchRef?: string;
  /** Whether HEAD is detached. */
  detached: boolean;
  /** Whether this is a bare repository entry. */
  bare: boolean;
  /** Present when locked; the lock reason, possibly empty. */
  lockReason?: string;
  /** Present when git considers the worktree prunable; git's reason. */
  prunableReason?: string;
  /**
   * Set when its path or branch name is not valid UTF-8: `path` and
   * `branchRef` then show it escaped (`\xNN`) and name no real folder, so
   * the worktree is judged unknown and kept.
   */
  undecodable?: boolean;
}

/** Whether bytes are not valid UTF-8 (so a decoded string would differ). */
export function hasInvalidUtf8(bytes: Uint8Array): boolean {
  // ASCII, by far the most common, needs no decoder.
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i] < 0x80;
  if (ascii) return false;
  try {
    STRICT.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Decodes UTF-8 or throws; a leading BOM is part of the name. */
const STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Shows bytes as text, with bytes that are not UTF-8 escaped as `\xNN`. */
export function escapeInvalidUtf8(bytes: Uint8Array): string {
  // Nearly every name is valid: one strict decode of the whole settles it.
  try {
    return STRICT.decode(bytes);
  } catch {
    // Some byte is not UTF-8: find each one below.
  }
  let out = "";
  let start = 0;
  const fatal = STRICT;
  const decodeRun = (from: number, to: number) =>
    new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      bytes.subarray(from, to),
    );
  for (let i = 0; i < bytes.length;) {
    let ok = 0;
    for (let len = 1; len <= 4 && i + len <= bytes.length; len++) {
      try {
        fatal.decode(bytes.subarray(i, i + len));
        ok = len;
        break;
      } catch {
        // a longer sequence may be valid
      }
    }
    if (ok === 0) {
      out += decodeRun(start, i) +
        `\\x${bytes[i].toString(16).padStart(2, "0")}`;
      i++;
      start = i;
    } else i += ok;
  }
  return out + decodeRun(start, bytes.length);
}

/**
 * Parses `git worktree list --porcelain -z` output. Given the raw bytes,
 * a field that is not valid UTF-8 is shown escaped and its record marked
 * `undecodable`, never confused with another name.
 */
export function parseWorktreeList(
  output: string | Uint8Array,
): WorktreeRecord[] {
  const fields: { text: string; valid: boolean }[] = [];
  if (typeof output === "string") {
    for (const f of output.split("\0")) fields.push({ text: f, valid: true });
  } else {
    let start = 0;
    for (let i = 0; i <= output.length; i++) {
      if (i === output.length || output[i] === 0) {
        const bytes = output.subarray(start, i);
        const valid = !hasInvalidUtf8(bytes);
        fields.push({
          text: valid
            ? new TextDecoder().decode(bytes)
            : escapeInvalidUtf8(bytes),
          valid,
        });
        start = i + 1;
      }
    }
  }
  const records: WorktreeRecord[] = [];
  let current: WorktreeRecord | undefined;
  for (const { text: field, valid } of fields) {
    if (field === "") {
      current = undefined;
      continue;
    }
    const space = field.indexOf(" ");
    const key = space < 0 ? field : field.slice(0, space);
    const value = space < 0 ? "" : field.slice(space + 1);
    if (key === "worktree") {
      current = { path: value, detached: false, bare: false };
      records.push(current);
      if (!valid) current.undecodable = true;
      continue;
    }
    if (!current) continue;
    if (!valid && (key === "branch" || key === "HEAD")) {
      current.undecodable = true;
    }
    switch (key) {
      case "HEAD":
        current.head = value;
        break;
      case "branch":
        current.branchRef = value;
        break;
      case "detached":
        current.detached = true;
        break;
      case "bare":
        current.bare = true;
        break;
      case "locked":
        current.lockReason = value;
        break;
      case "prunable":
        current.prunableReason = value;
        break;
    }
  }
  return records;
}

/** The short name of a branch ref: `refs/heads/a/b` becomes `a/b`. */
export function shortBranchName(ref: string): string {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}
