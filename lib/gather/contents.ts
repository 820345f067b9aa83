/**
 * Gathers, for one candidate folder (a registered worktree or an orphan
 * clone), what its status does not show: hidden changes, nested
 * repositories and worktrees, mount points, names that are not UTF-8 and
 * commits only its private refs or HEAD reflog hold. Used by the gather
 * functions of `worktree_facts.ts`; works on any path it is given.
 *
 * @module
 */

import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { ContentFacts } from "../decide/classify.ts";
import { describeGitFailure, runGit } from "./git.ts";
import { hiddenChanges, type HiddenConfig } from "./hidden_changes.ts";
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
  /** The config its hidden changes depend on, when read once for all. */
  config?: HiddenConfig;
  /** The mount table, when read once for all; read here otherwise. */
  mounts?: Promise<string[]>;
  /** Whether the walk counts bytes (default: it does). */
  measure?: boolean;
}

/**
 * Commits held by the candidate's own refs (`refs/worktree/*`,
 * `refs/bisect/*`) or its HEAD reflog that no branch, tag or
 * remote-tracking ref holds.
 */
export async function privateCommits(
  gitDir: string,
  refsRepo: string,
  head?: string,
): Promise<boolean> {
  // Per-worktree refs are loose files in its own git folder (git never
  // packs them), so reading them costs no git call.
  const [refShas, reflog] = await Promise.all([
    Promise.all(
      ["worktree", "bisect"].map((d) => looseRefs(join(gitDir, "refs", d))),
    ),
    readFile(join(gitDir, "logs", "HEAD"), "utf8").catch((error) => {
      if ((error as { code?: string }).code === "ENOENT") return "";
      throw error;
    }),
  ]);
  const shas = new Set(refShas.flat());
  for (const line of reflog.split("\n")) {
    const m = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) /.exec(line);
    if (!m) continue;
    for (const sha of [m[1], m[2]]) if (!/^0+$/.test(sha)) shas.add(sha);
  }
  // HEAD itself is judged by the caller, and a new worktree's reflog holds
  // nothing else: then no git call is needed to know.
  if (head !== undefined) shas.delete(head);
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

/** The object ids of the loose refs below `dir` (symbolic refs skipped). */
async function looseRefs(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") continue;
      throw error;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) {
        const text = (await readFile(path, "utf8")).trim();
        if (/^[0-9a-f]{40,64}$/.test(text)) out.push(text);
        else if (!text.startsWith("ref: ")) {
          throw new Error(`cannot read the ref '${path}'`);
        }
      }
    }
  }
  return out;
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
    hiddenChanges(root, options.env, options.config).catch((error: Error) => {
      errors.push(`cannot check hidden changes: ${error.message}`);
      return undefined;
    }),
    (options.mounts ?? mountPoints()).then((mounts) =>
      walkNested(real, { mounts, measure: options.measure })
    ).catch(
      (error: Error) => {
        errors.push(`cannot walk its folders: ${error.message}`);
        return undefined;
      },
    ),
    options.refsRepo === undefined ? Promise.resolve(false) : privateCommits(
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
      bytes: nested.bytes,
      gitlinks: hidden.gitlinks,
    },
    errors,
  };
}
