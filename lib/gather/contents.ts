/**
 * Gathers, for one candidate folder (a registered worktree or an orphan
 * clone), what its status does not show: hidden changes, nested
 * repositories and worktrees, mount points, names that are not UTF-8 and
 * commits only its private refs or HEAD reflog hold. Used by the gather
 * functions of `worktree_facts.ts`; works on any path it is given.
 *
 * @module
 */

import { lstat, readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { ContentFacts } from "../decide/classify.ts";
import { describeGitFailure, runGit } from "./git.ts";
import { hiddenChanges } from "./hidden_changes.ts";
import { mountPoints, walkNested } from "./nested.ts";

/** Options for {@link gatherContents}. */
export interface ContentOptions {
  /** The candidate's git directory (a worktree's admin folder or `.git`). */
  gitDir: string;
  /** Environment that points git at the candidate (see `isolatedEnv`). */
  env: Record<string, string>;
  /**
   * Where to ask whether a commit is held by a ref outside the candidate
   * (the main worktree for a registered worktree); no private-ref check
   * when absent.
   */
  refsRepo?: string;
  /** Its HEAD commit: what HEAD reaches is judged by the caller's rules. */
  head?: string;
}

/**
 * Commits held by the candidate's own refs (`refs/worktree/*`,
 * `refs/bisect/*`) or its HEAD reflog that no branch, tag or
 * remote-tracking ref holds.
 */
export async function privateCommits(
  env: Record<string, string>,
  cwd: string,
  gitDir: string,
  refsRepo: string,
  head?: string,
): Promise<boolean> {
  const [refs, reflog] = await Promise.all([
    runGit([
      "for-each-ref",
      "--format=%(objectname)",
      "refs/worktree/",
      "refs/bisect/",
    ], { cwd, env }),
    readFile(join(gitDir, "logs", "HEAD"), "utf8").catch((error) => {
      if ((error as { code?: string }).code === "ENOENT") return "";
      throw error;
    }),
  ]);
  if (refs.code !== 0) {
    throw new Error(`cannot read its refs: ${describeGitFailure(refs)}`);
  }
  const shas = new Set(refs.stdout.split("\n").filter((l) => l !== ""));
  for (const line of reflog.split("\n")) {
    const m = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) /.exec(line);
    if (!m) continue;
    for (const sha of [m[1], m[2]]) if (!/^0+$/.test(sha)) shas.add(sha);
  }
  if (shas.size === 0) return false;
  const result = await runGit(
    [
      "rev-list",
      "-n",
      "1",
      "--ignore-missing",
      "--stdin",
      "--not",
      "--branches",
      "--tags",
      "--remotes",
    ],
    {
      cwd: refsRepo,
      stdin: [...shas, ...(head ? [`^${head}`] : [])].join("\n") + "\n",
    },
  );
  if (result.code !== 0) {
    throw new Error(
      `cannot check the commits of its reflog: ${describeGitFailure(result)}`,
    );
  }
  return result.stdout.trim() !== "";
}

/** Whether a nested `.git` file names a registered worktree's admin folder. */
async function isRegisteredWorktree(dotGit: string): Promise<boolean> {
  const info = await lstat(dotGit).catch(() => undefined);
  if (!info?.isFile()) return false;
  const text = await readFile(dotGit, "utf8").catch(() => "");
  if (!text.startsWith("gitdir: ")) return false;
  const raw = text.slice(8).replace(/\r?\n$/, "");
  const target = isAbsolute(raw) ? raw : resolve(join(dotGit, ".."), raw);
  // A registered worktree's admin folder has a `gitdir` file of its own.
  return await lstat(join(target, "gitdir")).then(() => true, () => false);
}

/**
 * Gathers {@link ContentFacts} for `root`. Each part that fails becomes an
 * error line (and the facts are then `undefined`: unknown, so preserved).
 */
export async function gatherContents(
  root: string,
  options: ContentOptions,
): Promise<{ contents?: ContentFacts; errors: string[] }> {
  const errors: string[] = [];
  const real = await realpath(root);
  const [hidden, nested, priv] = await Promise.all([
    hiddenChanges(root, options.env).catch((error: Error) => {
      errors.push(`cannot check hidden changes: ${error.message}`);
      return undefined;
    }),
    mountPoints().then((mounts) => walkNested(real, { mounts })).catch(
      (error: Error) => {
        errors.push(`cannot walk its folders: ${error.message}`);
        return undefined;
      },
    ),
    options.refsRepo === undefined ? Promise.resolve(false) : privateCommits(
      options.env,
      root,
      options.gitDir,
      options.refsRepo,
      options.head,
    )
      .catch((error: Error) => {
        errors.push(error.message);
        return undefined;
      }),
  ]);
  if (!hidden || !nested || priv === undefined) return { errors };
  const nestedWorktrees: string[] = [];
  const nestedRepositories: string[] = [];
  for (const entry of nested.gitEntries) {
    const folder = entry.slice(0, -"/.git".length);
    if (await isRegisteredWorktree(join(real, entry))) {
      nestedWorktrees.push(folder);
    } else nestedRepositories.push(folder);
  }
  return {
    contents: {
      hiddenChanges: hidden.paths,
      nestedWorktrees,
      nestedRepositories,
      mounts: nested.mounts,
      undecodableNames: nested.undecodableNames,
      privateCommits: priv,
    },
    errors,
  };
}
