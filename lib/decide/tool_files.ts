/**
 * Recognises the files older versions of this tool (and claude-mpm) wrote
 * into an agent worktree: session files under `.claude-mpm/sessions/`.
 * They are the tool's own records, not a person's work, so they count as
 * disposable when a worktree is judged. Pure: no I/O.
 *
 * @module
 */

const SESSION_FILE = /^session-[^/]+\.(json|md)$/;

/**
 * Whether `path` (relative to the worktree root, `/`-separated, as git
 * status lists it) is one of the tool's own session files: a
 * `session-*.json` or `session-*.md` or `LATEST-SESSION.txt` in
 * `.claude-mpm/sessions/`, or the `.gitignore` the tool wrote there or in
 * `.claude-mpm/`.
 */
export function isToolSessionFile(path: string): boolean {
  if (path === ".claude-mpm/.gitignore") return true;
  const prefix = ".claude-mpm/sessions/";
  if (!path.startsWith(prefix)) return false;
  const name = path.slice(prefix.length);
  return name === "LATEST-SESSION.txt" || name === ".gitignore" ||
    SESSION_FILE.test(name);
}
