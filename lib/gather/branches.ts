/**
 * Branch facts for the whole repository in as few git calls as possible:
 * every branch's upstream, push state and tree in one `for-each-ref`, and
 * which branches are merged into the default branch in one more.
 *
 * @module
 */

import { type GitCallOptions, gitOk, runGit } from "./git.ts";
import { firstIntegrationCheck } from "../decide/classify.ts";
import type { IntegrationCheck } from "../types.ts";
import type { UpstreamFacts } from "../decide/classify.ts";
import type { IntegrationMemo } from "./integration_memo.ts";

/** One local branch. */
export interface BranchRecord {
  /** Short name. */
  name: string;
  /** Tip commit. */
  sha: string;
  /** Tip tree. */
  tree: string;
  /** Upstream facts, or `null` when it has none. */
  upstream: UpstreamFacts | null;
}

/** The default branch and the refs that stand for it. */
export interface DefaultBranch {
  /** Short name, such as `main`. */
  name: string;
  /** Full refs to compare with: the local branch and its remote-tracking ref. */
  refs: string[];
  /** The trees of those refs. */
  trees: string[];
  /** The tip commits of those refs. */
  shas: string[];
}

/** Repository-wide branch facts. */
export interface RefFacts {
  /** Local branches by short name. */
  branches: Map<string, BranchRecord>;
  /** The default branch, or `null` when none could be found. */
  defaultBranch: DefaultBranch | null;
  /**
   * Branches whose tip is an ancestor of a default ref, read by one git
   * call on first use: a run where the memo settles every branch makes none.
   */
  merged: () => Promise<Set<string>>;
}

const SEP = "%00";

/** Parses an `%(upstream:track)` value such as `[ahead 2, behind 1]`. */
export function parseTrack(track: string): { ahead: number; gone: boolean } {
  if (track.includes("gone")) return { ahead: 0, gone: true };
  const ahead = /ahead (\d+)/.exec(track);
  return { ahead: ahead ? Number(ahead[1]) : 0, gone: false };
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|remotes)\//, "");
}

/**
 * Reads all branch facts.
 *
 * @param mainBranch the main worktree's branch, a fallback for the default.
 */
export async function gatherRefFacts(
  cwd: string,
  mainBranch: string | undefined,
): Promise<RefFacts> {
  const opts: GitCallOptions = { cwd };
  const output = await gitOk([
    "for-each-ref",
    `--format=%(refname)${SEP}%(objectname)${SEP}%(tree)${SEP}%(upstream)${SEP}%(upstream:track)${SEP}%(symref)`,
    "refs/heads",
    "refs/remotes",
  ], opts);
  const branches = new Map<string, BranchRecord>();
  const refTrees = new Map<string, string>();
  const refShas = new Map<string, string>();
  let originHead: string | undefined;
  for (const line of output.split("\n")) {
    if (line === "") continue;
    const [ref, sha, tree, upstream, track, symref] = line.split("\0");
    if (symref) {
      if (ref === "refs/remotes/origin/HEAD") originHead = symref;
      continue;
    }
    refTrees.set(ref, tree);
    refShas.set(ref, sha);
    if (ref.startsWith("refs/heads/")) {
      const t = parseTrack(track);
      branches.set(shortRef(ref), {
        name: shortRef(ref),
        sha,
        tree,
        upstream: upstream
          ? { name: shortRef(upstream), gone: t.gone, ahead: t.ahead }
          : null,
      });
    }
  }
  const defaultBranch = chooseDefaultBranch(
    refTrees,
    refShas,
    originHead,
    mainBranch,
  );
  let merged: Promise<Set<string>> | undefined;
  const readMerged = async () => {
    if (!defaultBranch) return new Set<string>();
    const mergedOutput = await gitOk([
      "for-each-ref",
      "--format=%(refname)",
      ...defaultBranch.refs.map((r) => `--merged=${r}`),
      "refs/heads",
    ], opts);
    return new Set(
      mergedOutput.split("\n").filter((l) => l !== "").map(shortRef),
    );
  };
  return {
    branches,
    defaultBranch,
    merged: () => (merged ??= readMerged()),
  };
}

/**
 * Picks the default branch: `origin/HEAD`, else the main worktree's branch,
 * else `main` or `master`; compared by its local and remote-tracking refs.
 */
export function chooseDefaultBranch(
  refTrees: Map<string, string>,
  refShas: Map<string, string>,
  originHead: string | undefined,
  mainBranch: string | undefined,
): DefaultBranch | null {
  const candidates: string[] = [];
  if (originHead?.startsWith("refs/remotes/origin/")) {
    candidates.push(originHead.slice("refs/remotes/origin/".length));
  }
  if (mainBranch) candidates.push(mainBranch);
  candidates.push("main", "master");
  for (const name of candidates) {
    const refs = [`refs/heads/${name}`, `refs/remotes/origin/${name}`].filter(
      (r) => refTrees.has(r),
    );
    if (refs.length > 0) {
      return {
        name,
        refs,
        trees: refs.map((r) => refTrees.get(r)!),
        shas: refs.map((r) => refShas.get(r) ?? ""),
      };
    }
  }
  return null;
}

/**
 * How a branch is integrated as far as the facts already read tell, with no
 * git call: its tip is an ancestor of the default branch, its tree equals
 * the default branch's tree, or the memo knows the tip is not integrated.
 *
 * @returns the check that held, `null` when the memo knows it is not
 * integrated, `undefined` when only git can tell.
 */
export async function knownIntegration(
  facts: RefFacts,
  branch: string,
  memo?: IntegrationMemo,
): Promise<IntegrationCheck | null | undefined> {
  const record = facts.branches.get(branch);
  const target = facts.defaultBranch;
  if (!record || !target) return undefined;
  // The memo first: it is filed under the default branch's tips, and a tip
  // not integrated into them is neither an ancestor nor tree-equal.
  if (memo?.notIntegrated.has(record.sha)) {
    memo.found.add(record.sha);
    return null;
  }
  const quick = firstIntegrationCheck({
    ancestor: (await facts.merged()).has(branch),
    treeEqual: target.trees.includes(record.tree),
  });
  return quick;
}

/**
 * How a branch is integrated into the default branch, checking the cheap
 * facts first and asking git only when those do not settle it.
 *
 * @param memo tips already known not to be integrated; the tips found not
 * integrated now are added to its `found` set.
 * @returns the check that held, `null` when not integrated, `undefined`
 * when it could not be determined.
 */
export async function integrationOf(
  cwd: string,
  facts: RefFacts,
  branch: string,
  memo?: IntegrationMemo,
): Promise<IntegrationCheck | null | undefined> {
  const known = await knownIntegration(facts, branch, memo);
  if (known !== undefined) return known;
  const record = facts.branches.get(branch);
  const target = facts.defaultBranch;
  if (!record || !target) return undefined;
  const result = await askGitForIntegration(cwd, target, record.sha);
  if (result === null) memo?.found.add(record.sha);
  return result;
}

/**
 * The checks that need git: the three-dot diff, then a simulated merge.
 * They compare the commits read by `for-each-ref`, not the refs as they are
 * now, so the answer is about exactly the tips the memo files it under.
 */
async function askGitForIntegration(
  cwd: string,
  target: DefaultBranch,
  tip: string,
): Promise<IntegrationCheck | null | undefined> {
  let threeDotEmpty = false;
  for (const base of target.shas) {
    const diff = await runGit(
      ["diff", "--quiet", "--no-ext-diff", `${base}...${tip}`],
      { cwd },
    );
    if (diff.code === 0) threeDotEmpty = true;
    else if (diff.code !== 1) return undefined;
    if (threeDotEmpty) break;
  }
  if (threeDotEmpty) return "three-dot-diff-empty";
  for (let i = 0; i < target.shas.length; i++) {
    const merge = await runGit(
      ["merge-tree", "--write-tree", "--no-messages", target.shas[i], tip],
      { cwd },
    );
    if (merge.code === 1) continue; // Conflicts: the merge would change things.
    if (merge.code !== 0) return undefined;
    const tree = merge.stdout.split("\n")[0].trim();
    // Anything but an object id is a git that cannot be trusted, not an
    // answer: the memo would otherwise keep it as "not integrated".
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(tree)) return undefined;
    if (tree === target.trees[i]) return "merge-adds-nothing";
  }
  return null;
}
