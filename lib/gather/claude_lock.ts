/**
 * Finds Claude Code's stale worktree locks and, in a real cleanup, unlocks
 * them, so the worktree is judged by every other rule. A lock whose owner
 * runs, or whose owner cannot be checked, is kept. Only locks in Claude
 * Code's own form are ever touched.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type ClaudeLockOwner,
  judgeClaudeLock,
  type LockVerdict,
  ownerLabel,
  type OwnerProcess,
  parseClaudeLockReason,
  parseProcStat,
  staleLockNote,
} from "../decide/claude_lock.ts";
import { describeGitFailure, runGit } from "./git.ts";
import type { WorktreeRecord } from "./worktree_list_parse.ts";
import { readGitFile } from "./worktree_facts.ts";
import type { WorktreeOutcome } from "../types.ts";

/** Reads what `/proc` says about a pid. */
export async function readOwnerProcess(
  pid: number,
  procDir = "/proc",
): Promise<OwnerProcess> {
  let text: string;
  try {
    text = await readFile(`${procDir}/${pid}/stat`, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ESRCH") {
      // No such pid, or no /proc at all (another OS): tell them apart.
      try {
        await readFile(`${procDir}/self/stat`, "utf8");
        return { kind: "absent" };
      } catch (selfError) {
        return {
          kind: "unknown",
          why: `cannot read '${procDir}/self/stat': ${
            (selfError as Error).message
          }`,
        };
      }
    }
    return {
      kind: "unknown",
      why: `cannot read '${procDir}/${pid}/stat': ${(error as Error).message}`,
    };
  }
  const stat = parseProcStat(text);
  return stat ? { kind: "present", stat } : {
    kind: "unknown",
    why: `'${procDir}/${pid}/stat' has an unexpected format`,
  };
}

/** Options for {@link settleClaudeLocks}. */
export interface ClaudeLockOptions {
  /** The main worktree, where `git worktree unlock` runs. */
  mainRoot: string;
  /** A dry run unlocks nothing and says it would. */
  dryRun: boolean;
  /** Keep stale locks (`--keep-stale-locks`). */
  keepStaleLocks?: boolean;
  /** Where `/proc` is; a seam for tests. */
  procDir?: string;
}

/** What {@link settleClaudeLocks} found and did. */
export interface ClaudeLockSettlement {
  /** The records to judge: a stale lock that went (or would go) has no lock reason. */
  records: WorktreeRecord[];
  /** Adds each worktree's notes and reasons to its outcome. */
  annotate(outcome: WorktreeOutcome): WorktreeOutcome;
}

interface Finding {
  owner: ClaudeLockOwner;
  verdict: LockVerdict;
  note?: string;
}

/** The lock reason git has for a worktree now, read from its admin folder. */
async function currentLockReason(
  worktree: string,
): Promise<string | undefined> {
  const adminDir = await readGitFile(join(worktree, ".git"));
  if (!adminDir) return undefined;
  return await readFile(join(adminDir, "locked"), "utf8").then(
    (text) => text.replace(/\r?\n$/, ""),
    () => undefined,
  );
}

/**
 * Checks every Claude Code lock among `records` and unlocks the stale ones
 * (a real run, unless `keepStaleLocks`). Call it while holding the prune
 * lock, on the list that will be judged.
 */
export async function settleClaudeLocks(
  records: readonly WorktreeRecord[],
  options: ClaudeLockOptions,
): Promise<ClaudeLockSettlement> {
  const findings = new Map<string, Finding>();
  const next = await Promise.all(records.map(async (record) => {
    if (record.lockReason === undefined) return record;
    const owner = parseClaudeLockReason(record.lockReason);
    if (!owner) return record;
    const verdict = judgeClaudeLock(
      owner,
      await readOwnerProcess(owner.pid, options.procDir),
    );
    const finding: Finding = { owner, verdict };
    findings.set(record.path, finding);
    if (verdict.kind === "unknown") {
      finding.note = `kept the lock of ${
        ownerLabel(owner)
      }: cannot tell whether pid ${owner.pid} runs: ${verdict.why}`;
      return record;
    }
    if (verdict.kind === "live") return record;
    if (options.keepStaleLocks) {
      finding.note = `kept stale lock of ${
        ownerLabel(owner)
      } (pid ${owner.pid} ${verdict.why}): --keep-stale-locks`;
      return record;
    }
    if (!options.dryRun) {
      // A client that took the worktree again since the list was read
      // wrote a new reason: that lock is not the stale one.
      if (await currentLockReason(record.path) !== record.lockReason) {
        finding.note = `kept the lock of ${
          ownerLabel(owner)
        }: it changed while the cleanup ran`;
        return record;
      }
      const result = await runGit(
        ["worktree", "unlock", "--", record.path],
        { cwd: options.mainRoot, readOnly: false },
      );
      if (result.code !== 0) {
        finding.note = `cannot unlock stale lock of ${ownerLabel(owner)}: ${
          describeGitFailure(result)
        }`;
        return record;
      }
    }
    finding.note = staleLockNote(owner, verdict.why, options.dryRun);
    const { lockReason: _unlocked, ...rest } = record;
    return rest as WorktreeRecord;
  }));
  return {
    records: next,
    annotate(outcome) {
      const finding = findings.get(outcome.path);
      if (!finding) return outcome;
      if (finding.note) outcome.notes = [finding.note, ...outcome.notes];
      if (finding.verdict.kind === "live") {
        const reason = {
          code: "in-use-by-claude" as const,
          message: `in use by ${
            ownerLabel(finding.owner)
          } (pid ${finding.owner.pid})`,
        };
        const at = outcome.reasons.findIndex((r) => r.code === "locked");
        if (at >= 0) outcome.reasons[at] = reason;
        else outcome.reasons.push(reason);
      }
      return outcome;
    },
  };
}
