/**
 * Writes session files: each session under an id nobody else holds, every
 * file atomically, and the LATEST pointer last.
 *
 * @module
 */

import { mkdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { UserError } from "../errors.ts";
import { baseSessionId, candidateSessionId } from "../decide/session_id.ts";
import { LATEST_FILE } from "../gather/sessions.ts";
import { renderSessionMarkdown } from "../report/markdown.ts";
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
  await createFileExclusive(
    join(sessionsDir, ".gitignore"),
    "# Written by mpm-session: session files are local to this machine.\n*\n",
  );
}

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

/**
 * Writes `<id>.json` and `<id>.md` under an id that no other session holds,
 * adding `-2`, `-3`… when the second is taken. `build` receives the final id.
 */
export async function createSessionFiles(
  sessionsDir: string,
  pausedAt: Date,
  build: (id: string) => SessionDocument,
): Promise<{ files: SessionFiles; doc: SessionDocument }> {
  const base = baseSessionId(pausedAt);
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const id = candidateSessionId(base, attempt);
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
        renderSessionMarkdown(doc),
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
    return {
      doc,
      files: {
        id,
        jsonPath,
        markdownPath,
        latestPath: join(sessionsDir, LATEST_FILE),
      },
    };
  }
  throw new UserError(
    `Cannot choose a session id in '${sessionsDir}': every id for this second is taken`,
  );
}

/** Rewrites a session's own files after the cleanup report is added. */
export async function rewriteSessionFiles(
  files: SessionFiles,
  doc: SessionDocument,
): Promise<void> {
  await writeFileAtomic(files.jsonPath, sessionJson(doc));
  await writeFileAtomic(files.markdownPath, renderSessionMarkdown(doc));
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

/** Points `LATEST-SESSION.txt` at a session, atomically. */
export async function writeLatestPointer(
  doc: SessionDocument,
  files: SessionFiles,
): Promise<void> {
  try {
    await writeFileAtomic(files.latestPath, latestPointerText(doc, files));
  } catch (error) {
    throw writeError(files.latestPath, error);
  }
}
