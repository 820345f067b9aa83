/**
 * Which processes have their working directory where: read from
 * `/proc/<pid>/cwd` on Linux, the only place it can be read without
 * starting another program.
 *
 * @module
 */

import { readdir, readlink, stat } from "node:fs/promises";
import process from "node:process";
import { isSameOrInside } from "../decide/containment.ts";
import { mapPool } from "../pool.ts";

/** Working directories of running processes, or why they are unknown. */
export type ProcessCwds =
  | { available: true; cwds: { pid: number; cwd: string }[] }
  | { available: false; reason: string };

/** Open files read per process, so one process cannot stall the check. */
const MAX_FDS_PER_PROCESS = 4096;

/**
 * Reads every readable process's working directory and the files it holds
 * open, except this process's.
 */
export async function readProcessCwds(
  procDir = "/proc",
): Promise<ProcessCwds> {
  let names: string[];
  try {
    names = await readdir(procDir);
    await stat(`${procDir}/self/cwd`);
  } catch (error) {
    const denied = (error as Error)?.name === "NotCapable" ||
      (error as { code?: string }).code === "EACCES";
    return {
      available: false,
      reason: denied
        ? `running processes were not checked: reading ${procDir} is not permitted (under Deno it needs --allow-all)`
        : `running processes were not checked: process working directories cannot be read here (no ${procDir})`,
    };
  }
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number).filter((
    pid,
  ) => pid !== process.pid);
  const found = await mapPool(pids, async (pid) => {
    const out: { pid: number; cwd: string }[] = [];
    try {
      const cwd = await readlink(`${procDir}/${pid}/cwd`);
      out.push({ pid, cwd: cwd.replace(/ \(deleted\)$/, "") });
    } catch {
      return out;
    }
    // A process whose working directory is elsewhere may still hold files
    // open inside a worktree (a log it writes, a file being edited).
    const fds = await readdir(`${procDir}/${pid}/fd`).catch(() => []);
    for (const fd of fds.slice(0, MAX_FDS_PER_PROCESS)) {
      const target = await readlink(`${procDir}/${pid}/fd/${fd}`).catch(
        () => "",
      );
      if (target.startsWith("/")) {
        out.push({ pid, cwd: target.replace(/ \(deleted\)$/, "") });
      }
    }
    return out;
  }, 32);
  return { available: true, cwds: found.flat() };
}

/**
 * A reader of the processes that reads them once, on first call: a run
 * that finds every worktree kept by cheaper facts never scans `/proc`.
 */
export function processReader(): () => Promise<ProcessCwds> {
  let read: Promise<ProcessCwds> | undefined;
  return () => (read ??= readProcessCwds());
}

/** PIDs whose working directory, or a file they hold open, is `dir` or inside it. */
export function processesInside(
  cwds: ProcessCwds,
  dir: string,
): number[] | undefined {
  if (!cwds.available) return undefined;
  return [
    ...new Set(
      cwds.cwds.filter((p) => isSameOrInside(dir, p.cwd)).map((p) => p.pid),
    ),
  ];
}

/**
 * Whether a process with this PID may be running. Only a definite "no such
 * process" counts as gone: when the check itself is not allowed (Deno
 * without `--allow-run`), the process is assumed alive.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== "ESRCH";
  }
}

/** The PID named in a lock reason such as `agent a1 (pid 4242)`, if any. */
export function pidFromLockReason(reason: string): number | undefined {
  const match = /\bpid[\s:=#]*(\d{1,10})\b/i.exec(reason) ??
    /\bprocess[\s:=#]*(\d{1,10})\b/i.exec(reason);
  if (!match) return undefined;
  const pid = Number(match[1]);
  return pid > 0 ? pid : undefined;
}
