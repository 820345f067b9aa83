/**
 * Reads Claude Code's own worktree lock reasons and `/proc/<pid>/stat`
 * lines, and judges whether a lock's owner still runs. Pure: no I/O.
 *
 * Claude Code 2.1.332 locks a worktree it uses with the reason
 * `claude session NAME (pid P start T)` (`claude -w NAME`) or
 * `claude agent NAME (pid P start T)` (an Agent with `isolation:
 * "worktree"`), where T is field 22 of `/proc/P/stat`: the process start
 * time in clock ticks since boot. A pid alone can be reused; the pair names
 * one process.
 *
 * @module
 */

/** The owner named by a Claude Code lock reason. */
export interface ClaudeLockOwner {
  /** `session` for `claude -w`, `agent` for an Agent worktree. */
  kind: "session" | "agent";
  /** The worktree or agent name. */
  name: string;
  /** The process id. */
  pid: number;
  /** Field 22 of `/proc/<pid>/stat` when the lock was taken. */
  startTicks: string;
}

const LOCK_REASON =
  /^claude (session|agent) (.+) \(pid (\d{1,10}) start (\d{1,20})\)$/;

/**
 * Parses a lock reason in Claude Code's own form.
 *
 * @returns `undefined` for any other text, which keeps the worktree as any
 * lock does.
 */
export function parseClaudeLockReason(
  reason: string,
): ClaudeLockOwner | undefined {
  const match = LOCK_REASON.exec(reason.trim());
  if (!match) return undefined;
  const pid = Number(match[3]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return {
    kind: match[1] as "session" | "agent",
    name: match[2],
    pid,
    startTicks: match[4].replace(/^0+(?=\d)/, ""),
  };
}

/** The fields of `/proc/<pid>/stat` this tool needs. */
export interface ProcStat {
  /** One-letter state: `R`, `S`, `Z` (zombie, not running) ... */
  state: string;
  /** Field 22: start time in clock ticks since boot. */
  startTicks: string;
}

/**
 * Parses one `/proc/<pid>/stat` line. The second field, the command name,
 * is in parentheses and may itself hold spaces and parentheses, so the
 * fields are split after the LAST `)`.
 *
 * @returns `undefined` when the line does not have that shape.
 */
export function parseProcStat(line: string): ProcStat | undefined {
  const close = line.lastIndexOf(")");
  if (close < 0 || line.indexOf("(") < 0 || line.indexOf("(") > close) {
    return undefined;
  }
  // After the name come field 3 (state) onwards; field 22 is the 20th.
  const rest = line.slice(close + 1).trim().split(/\s+/);
  if (rest.length < 20) return undefined;
  const state = rest[0];
  const startTicks = rest[19];
  if (!/^[A-Za-z]$/.test(state) || !/^\d+$/.test(startTicks)) return undefined;
  return { state, startTicks: startTicks.replace(/^0+(?=\d)/, "") };
}

/** What is known about a lock owner's process. */
export type OwnerProcess =
  | { kind: "absent" }
  | { kind: "present"; stat: ProcStat }
  | { kind: "unknown"; why: string };

/** Whether a Claude Code lock's owner still runs. */
export type LockVerdict =
  | { kind: "live" }
  | { kind: "stale"; why: "gone" | "reused" }
  | { kind: "unknown"; why: string };

/**
 * Judges a lock: its owner runs only when a process with its pid runs with
 * the same start time. A zombie has ended; only its exit status is left.
 */
export function judgeClaudeLock(
  owner: ClaudeLockOwner,
  process: OwnerProcess,
): LockVerdict {
  if (process.kind === "unknown") return process;
  if (process.kind === "absent") return { kind: "stale", why: "gone" };
  if (process.stat.startTicks !== owner.startTicks) {
    return { kind: "stale", why: "reused" };
  }
  if (process.stat.state === "Z" || process.stat.state === "X") {
    return { kind: "stale", why: "gone" };
  }
  return { kind: "live" };
}

/** `claude agent NAME`, as the report names the owner. */
export function ownerLabel(owner: ClaudeLockOwner): string {
  return `claude ${owner.kind} ${owner.name}`;
}

/** The note for a stale lock that was (or, in a dry run, would be) unlocked. */
export function staleLockNote(
  owner: ClaudeLockOwner,
  why: "gone" | "reused",
  dryRun: boolean,
): string {
  const pid = why === "gone"
    ? `pid ${owner.pid} gone`
    : `pid ${owner.pid} gone, now used by another process`;
  return `${dryRun ? "would unlock" : "unlocked"} stale lock of ${
    ownerLabel(owner)
  } (${pid})`;
}
