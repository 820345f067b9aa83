/**
 * Writes session files: each session under an id nobody else holds, in
 * claude-mpm's `session-YYYYMMDD-HHMMSS` pattern, every file atomically,
 * and the LATEST pointer last.
 *
 * @module
 */

import { mkdir, readdir, stat, utimes } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { UserError } from "../errors.ts";
import {
  candidateSessionId,
  compareSessionIds,
  sessionFileTime,
  sessionIdFromFileName,
} from "../decide/session_id.ts";
import {
  LATEST_FILE,
  listSessionIds,
  loadSession,
  readLatestPointer,
} from "../gather/sessions.ts";
import type { SessionDocument, SessionFiles } from "../types.ts";

export type { SessionFiles };
import { createFileExclusive, errnoCode, writeFileAtomic } from "./write.ts";
import { unlink } from "node:fs/promises";

/** Renders a session document as the JSON file's text. */
export function sessionJson(doc: SessionDocument): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

/**
 * Creates the sessions folder, failing with a clear message when something
 * is in the way.
 */
export async function ensureSessionsDir(sessionsDir: string): Promise<void> {
  try {
    await mkdir(sessionsDir, { recursive: true });
  } catch (error) {
    const code = errnoCode(error);
    const why = code === "EEXIST" || code === "ENOTDIR"
      ? "a file is in the way"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? "permission denied"
      : (error as Error).message;
    throw new UserError(
      `Cannot create sessions folder '${sessionsDir}': ${why}: move the file or fix the permissions, then pause again`,
    );
  }
  const info = await stat(sessionsDir);
  if (!info.isDirectory()) {
    throw new UserError(
      `Cannot create sessions folder '${sessionsDir}': a file is in the way: move it, then pause again`,
    );
  }
}

/** Writes the `*` ignore file that keeps git from seeing session files. */
export async function writeSelfIgnore(sessionsDir: string): Promise<void> {
  await createFileExclusive(join(sessionsDir, ".gitignore"), SELF_IGNORE_TEXT);
}

/** What {@link writeSelfIgnore} writes: every file of the folder is ignored. */
export const SELF_IGNORE_TEXT =
  "# Written by mpm-session: session files are local to this machine.\n*\n";

function writeError(path: string, error: unknown): UserError {
  const code = errnoCode(error);
  const why = code === "ENOSPC"
    ? "no space left on device"
    : code === "EACCES" || code === "EPERM" || code === "EROFS"
    ? "permission denied"
    : (error as Error).message;
  return new UserError(
    `Cannot write session file '${path}': ${why}: free space or fix the permissions, then pause again`,
  );
}

/** The most seconds a pause moves forward to find a free id. */
export const MAX_ID_ATTEMPTS = 10_000;

/** Ids whose JSON or Markdown file is already in the folder. */
async function takenIds(sessionsDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(sessionsDir);
    return new Set(
      names.map(sessionIdFromFileName).filter((id): id is string =>
        id !== undefined
      ),
    );
  } catch {
    // The exclusive create below still refuses a taken name.
    return new Set();
  }
}

/**
 * Gives a session's files the modification time of its id (see
 * {@link sessionFileTime}), so claude-mpm's newest-by-file-time reader
 * agrees with id order. Best effort: a refusal leaves the write time.
 */
async function stampSessionFiles(
  files: SessionFiles,
  doc: SessionDocument,
): Promise<void> {
  const pausedAt = new Date(doc.paused_at);
  const time = sessionFileTime(
    files.id,
    Number.isNaN(pausedAt.getTime()) ? new Date() : pausedAt,
  );
  await Promise.all(
    [files.markdownPath, files.jsonPath].map((p) =>
      utimes(p, time, time).catch(() => {})
    ),
  );
}

/**
 * Writes `<id>.json` and `<id>.md` under an id that no other session holds:
 * the pause's own second, or when that is taken the next free second, so
 * every id stays in claude-mpm's pattern. Names are taken with an exclusive
 * create, so parallel pauses never overwrite each other. `build` receives
 * the final id; `markdown` renders the `.md` (the store writes, the report
 * renders).
 */
export async function createSessionFiles(
  sessionsDir: string,
  pausedAt: Date,
  build: (id: string) => SessionDocument,
  markdown: (doc: SessionDocument) => string,
): Promise<{ files: SessionFiles; doc: SessionDocument }> {
  const taken = await takenIds(sessionsDir);
  for (let attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt++) {
    const id = candidateSessionId(pausedAt, attempt);
    if (taken.has(id)) continue;
    const doc = build(id);
    const jsonPath = join(sessionsDir, `${id}.json`);
    const markdownPath = join(sessionsDir, `${id}.md`);
    let created: boolean;
    try {
      created = await createFileExclusive(jsonPath, sessionJson(doc));
    } catch (error) {
      throw writeError(jsonPath, error);
    }
    if (!created) continue;
    let createdMarkdown: boolean;
    try {
      createdMarkdown = await createFileExclusive(
        markdownPath,
        markdown(doc),
      );
    } catch (error) {
      await unlink(jsonPath).catch(() => {});
      throw writeError(markdownPath, error);
    }
    if (!createdMarkdown) {
      // A stray Markdown file holds this id; leave it and take the next.
      await unlink(jsonPath).catch(() => {});
      continue;
    }
    const files = {
      id,
      jsonPath,
      markdownPath,
      latestPath: join(sessionsDir, LATEST_FILE),
    };
    await stampSessionFiles(files, doc);
    return { doc, files };
  }
  throw new UserError(
    `Cannot choose a session id in '${sessionsDir}': the next ${MAX_ID_ATTEMPTS} seconds are all taken: remove old sessions with 'mpm-session clean', then pause again`,
  );
}

/**
 * Rewrites a session's own files after the cleanup report is added;
 * `markdown` renders the `.md` (the store writes, the report renders).
 */
export async function rewriteSessionFiles(
  files: SessionFiles,
  doc: SessionDocument,
  markdown: (doc: SessionDocument) => string,
): Promise<void> {
  await writeFileAtomic(files.jsonPath, sessionJson(doc));
  await writeFileAtomic(files.markdownPath, markdown(doc));
  await stampSessionFiles(files, doc);
}

/** The text of `LATEST-SESSION.txt`: the id on the first line, then details. */
export function latestPointerText(
  doc: SessionDocument,
  files: SessionFiles,
): string {
  const rel = (p: string) => relative(doc.project_path, p) || p;
  return [
    doc.session_id,
    `paused_at: ${doc.paused_at}`,
    `project: ${doc.project_path}`,
    `json: ${rel(files.jsonPath)}`,
    `markdown: ${rel(files.markdownPath)}`,
    "resume: mpm-session resume",
    "",
  ].join("\n");
}

/** Writes the pointer text for one session. */
async function pointAt(doc: SessionDocument, files: SessionFiles) {
  try {
    await writeFileAtomic(files.latestPath, latestPointerText(doc, files));
  } catch (error) {
    throw writeError(files.latestPath, error);
  }
}

/** The files of session `id` in the folder `files` lives in. */
function filesOf(files: SessionFiles, id: string): SessionFiles {
  const dir = dirname(files.jsonPath);
  return {
    id,
    jsonPath: join(dir, `${id}.json`),
    markdownPath: join(dir, `${id}.md`),
    latestPath: files.latestPath,
  };
}

/**
 * Points `LATEST-SESSION.txt` at a session, atomically. The pointer never
 * moves back to an older session when pauses run in parallel: it is left
 * alone when it already names a newer session that exists, and after the
 * write, a newer session that appeared meanwhile takes it. Whichever pause
 * writes last, the pointer ends on the newest session.
 */
export async function writeLatestPointer(
  doc: SessionDocument,
  files: SessionFiles,
): Promise<void> {
  const sessionsDir = dirname(files.jsonPath);
  const current = await readLatestPointer(sessionsDir);
  if (current && compareSessionIds(current, files.id) > 0) {
    const exists = await stat(join(sessionsDir, `${current}.json`)).then(
      () => true,
      () => false,
    );
    if (exists) return;
  }
  await pointAt(doc, files);
  let written = files.id;
  // Bounded: each round moves to a strictly newer id.
  for (let round = 0; round < 16; round++) {
    const newest = (await listSessionIds(sessionsDir).catch(() => []))[0];
    if (!newest || compareSessionIds(newest, written) <= 0) return;
    let newer: SessionDocument;
    try {
      newer = await loadSession(sessionsDir, newest);
    } catch {
      return;
    }
    await pointAt(newer, filesOf(files, newest));
    written = newest;
  }
}
