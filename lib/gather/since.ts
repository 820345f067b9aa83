/**
 * What a person who was away needs besides the saved state: the commits of
 * the current branch not pushed yet, the default branch's new commits since
 * the pause (from the local `origin/<default>` ref: no fetch), and whether
 * the paused HEAD is known at all. Read-only git calls, run in parallel.
 *
 * @module
 */

import { runGit } from "./git.ts";
import type { OrientationFacts, ShortCommit } from "../types.ts";

export type { OrientationFacts, ShortCommit };

/** Commits listed per list. */
export const ORIENTATION_LIST_LIMIT = 10;

/** Facts for nothing known. */
export function emptyOrientation(headUnknown = false): OrientationFacts {
  return {
    head_unknown: headUnknown,
    unpushed_commits: [],
    unpushed_count: null,
    default_ref: null,
    default_new_commits: [],
    default_new_count: null,
  };
}

function parseLog(stdout: string): ShortCommit[] {
  return stdout.split("\n").filter(Boolean).map((line) => {
    const [sha, message] = line.split("\x1f");
    return { sha, message: message ?? "" };
  });
}

/** `origin/HEAD`'s target, else the first of `origin/main`, `origin/master` that exists. */
export async function remoteDefaultRef(cwd: string): Promise<string | null> {
  const head = await runGit(
    ["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"],
    { cwd },
  );
  if (head.code === 0 && head.stdout.trim() !== "") return head.stdout.trim();
  const found = await runGit(
    [
      "for-each-ref",
      "--format=%(refname:short)",
      "refs/remotes/origin/main",
      "refs/remotes/origin/master",
    ],
    { cwd },
  );
  if (found.code !== 0) return null;
  const refs = found.stdout.split("\n").filter(Boolean);
  return refs.includes("origin/main") ? "origin/main" : refs[0] ?? null;
}

/**
 * Reads the orientation facts of the repository at `cwd` for a session
 * paused at `pausedAt` (ISO) on `pausedHead` (`null` when unknown).
 */
export async function gatherOrientation(
  cwd: string,
  pausedAt: string,
  pausedHead: string | null,
): Promise<OrientationFacts> {
  const facts = emptyOrientation(pausedHead === null);
  const format = "--format=%H%x1f%s";
  const limit = `-${ORIENTATION_LIST_LIMIT}`;
  const notPushed = ["HEAD", "--not", "--remotes"];
  const [remotes, unpushedCount, unpushedLog, defaultRef] = await Promise
    .all([
      runGit(["for-each-ref", "--count=1", "refs/remotes"], { cwd }),
      runGit(["rev-list", "--count", ...notPushed], { cwd }),
      runGit(["log", limit, format, ...notPushed], { cwd }),
      remoteDefaultRef(cwd),
    ]);
  // With no remote-tracking branch at all, "not pushed" says nothing.
  const hasRemotes = remotes.code === 0 && remotes.stdout.trim() !== "";
  if (hasRemotes && unpushedCount.code === 0 && unpushedLog.code === 0) {
    facts.unpushed_count = Number(unpushedCount.stdout.trim());
  }
  if (unpushedLog.code === 0) {
    facts.unpushed_commits = parseLog(unpushedLog.stdout);
  }
  if (defaultRef === null) return facts;
  // Committed after the pause, and not already in the paused HEAD.
  const range = [
    `--since=${pausedAt}`,
    defaultRef,
    ...(pausedHead ? [`^${pausedHead}`] : []),
    "--",
  ];
  const [count, log] = await Promise.all([
    runGit(["rev-list", "--count", ...range], { cwd }),
    runGit(["log", limit, format, ...range], { cwd }),
  ]);
  if (count.code === 0 && log.code === 0) {
    facts.default_ref = defaultRef;
    facts.default_new_count = Number(count.stdout.trim());
    facts.default_new_commits = parseLog(log.stdout);
  }
  return facts;
}
