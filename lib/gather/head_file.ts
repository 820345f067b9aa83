/**
 * A worktree's HEAD read from its files, for the re-check and the rescue
 * right before a deletion: the common case (a branch with a loose or
 * packed ref, or a detached commit) costs two small reads instead of a git
 * process. Anything else (a symbolic ref to a symbolic ref, an unborn
 * branch, a name git would refuse, a reftable repository, an unreadable
 * file) returns `undefined`, and the caller asks git.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** What HEAD names: its commit, and its branch when it is on one. */
export interface HeadFiles {
  /** The commit id HEAD resolves to. */
  sha: string;
  /** The full branch ref (`refs/heads/...`); absent when detached. */
  branchRef?: string;
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Whether `ref` is a branch name git itself would write as a loose file:
 * no empty, `.`-led or `.lock` component, no `..`, no control character
 * or character git refuses. Anything else is left to git.
 */
export function isPlainBranchRef(ref: string): boolean {
  if (!ref.startsWith("refs/heads/") || ref.length <= "refs/heads/".length) {
    return false;
  }
  if (ref.includes("..") || ref.includes("@{") || ref.endsWith("/")) {
    return false;
  }
  // deno-lint-ignore no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  return ref.split("/").every((part) =>
    part !== "" && !part.startsWith(".") && !part.endsWith(".lock")
  );
}

/** The text of a file, or `undefined` when it cannot be read. */
async function text(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Reads HEAD of the worktree whose admin folder is `adminDir` in the
 * repository whose common git folder is `commonDir`, as git would resolve
 * it, when that is plain; `undefined` when git must be asked.
 */
export async function readHeadFiles(
  adminDir: string,
  commonDir: string,
): Promise<HeadFiles | undefined> {
  const head = (await text(join(adminDir, "HEAD")))?.replace(/\n$/, "");
  if (head === undefined) return undefined;
  if (OBJECT_ID.test(head)) return { sha: head };
  if (!head.startsWith("ref: ")) return undefined;
  const ref = head.slice("ref: ".length);
  if (!isPlainBranchRef(ref)) return undefined;
  const loose = await text(join(commonDir, ref));
  if (loose !== undefined) {
    const sha = loose.replace(/\n$/, "");
    return OBJECT_ID.test(sha) ? { sha, branchRef: ref } : undefined;
  }
  const packed = await text(join(commonDir, "packed-refs"));
  for (const line of packed?.split("\n") ?? []) {
    const space = line.indexOf(" ");
    if (space < 0 || line.slice(space + 1) !== ref) continue;
    const sha = line.slice(0, space);
    return OBJECT_ID.test(sha) ? { sha, branchRef: ref } : undefined;
  }
  return undefined; // unborn, or refs git keeps elsewhere: ask git
}
