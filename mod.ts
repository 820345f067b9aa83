/**
 * Pause and resume AI coding sessions, and keep agent git worktrees under
 * `.claude/worktrees/` tidy without ever losing work.
 *
 * ```ts
 * import { pause, resume } from "@mpm/session";
 *
 * const paused = await pause({ message: "Auth refactor: login flow next" });
 * console.log(paused.files.jsonPath);
 * const latest = await resume();
 * console.log(latest.session?.conversation.summary);
 * ```
 *
 * Run as a program (`deno run -A jsr:@mpm/session pause`), it is the CLI.
 *
 * @module
 */

export {
  pause,
  type PauseOptions,
  type PauseResult,
} from "./lib/commands/pause.ts";
export {
  type ListOptions,
  type ListResult,
  listSessions,
  resume,
  type ResumeOptions,
  type ResumeResult,
  type SessionListEntry,
  type SinceFacts,
} from "./lib/commands/resume.ts";
export { prune, type PruneOptions } from "./lib/commands/prune.ts";
export type { OrientationFacts, ShortCommit } from "./lib/gather/since.ts";
export {
  listWorktrees,
  type ListWorktreesOptions,
  type WorktreeEntry,
  type WorktreeList,
  type WorktreeState,
} from "./lib/commands/worktrees.ts";
export {
  type JournalEntry,
  listRestorable,
  restore,
  type RestoreListOptions,
  type RestoreOptions,
  type RestoreResult,
} from "./lib/commands/restore.ts";
export {
  type CleanOptions,
  type CleanResult,
  cleanSessions,
} from "./lib/commands/clean.ts";
export { handleHookEvent, type HookOptions } from "./lib/commands/hook.ts";
export {
  type HooksScope,
  installHooks,
  type InstallHooksOptions,
  type InstallHooksResult,
  uninstallHooks,
  type UninstallHooksOptions,
  type UninstallHooksResult,
} from "./lib/commands/install_hooks.ts";
export type { SessionFiles } from "./lib/act/session_store.ts";
export { UsageError, UserError } from "./lib/errors.ts";
export { DEFAULT_DISPOSABLE_IGNORED } from "./lib/decide/classify.ts";
export type * from "./lib/types.ts";
export { VERSION } from "./lib/version.ts";

if (import.meta.main) {
  const { exitWhenFlushed, main } = await import("./cli.ts");
  const process = (await import("node:process")).default;
  await exitWhenFlushed(await main(process.argv.slice(2)));
}
