/**
 * End-to-end tests of `resume` orienting a person who was away: a real
 * repository paused on a feature branch, a weekend, and a fake
 * `origin/main` moved after the pause (no fetch is ever made).
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  commitAll,
  git,
  makeRepo,
  runCli,
  runCliJson,
  sandbox,
  writeFile,
} from "../helpers.ts";

const SESSIONS = join(".claude-mpm", "sessions");
const DAY = 24 * 3600_000;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

const MESSAGE =
  "Login flow: the form posts, but the session cookie is not set yet. Next: check the SameSite attribute in lib/auth/cookie.ts and the redirect after login.\nAlso: ask about issue #123 and snake_case_names.";

Deno.test("resume after two days: when, the whole message, unpushed work, origin's new commits, untracked files, kept worktrees", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    git(box, repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    git(box, repo, "switch", "-q", "-c", "feature/login");
    writeFile(join(repo, "form.ts"), "form\n");
    commitAll(box, repo, "Login form skeleton");
    for (let i = 0; i < 12; i++) {
      writeFile(join(repo, `note-${String(i).padStart(2, "0")}.md`), "n\n");
    }
    const agent = addWorktree(box, repo, "agent-7");
    writeFile(join(agent, "draft.ts"), "draft\n");
    const { json } = await runCliJson<{ files: { id: string } }>(box, [
      "pause",
      "-m",
      MESSAGE,
    ], { cwd: repo });
    // The weekend: the session was written two days ago.
    const file = join(repo, SESSIONS, `${json.files.id}.json`);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const paused = new Date(Date.now() - 2 * DAY - 5 * 60_000);
    doc.paused_at = paused.toISOString();
    writeFileSync(file, JSON.stringify(doc));
    // A colleague's commit lands on main and is fetched: origin/main moves.
    git(box, repo, "switch", "-q", "main");
    writeFile(join(repo, "deps.txt"), "bumped\n");
    commitAll(box, repo, "Upstream: bump deps");
    git(box, repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    git(box, repo, "switch", "-q", "feature/login");

    const { code, stdout } = await runCli(box, ["resume"], {
      cwd: repo,
      env: { COLUMNS: "80", TZ: "UTC", LANG: "C.UTF-8" },
    });
    assert.equal(code, 0);
    const two = (n: number) => String(n).padStart(2, "0");
    const when = `${DAYS[paused.getUTCDay()]} ${paused.getUTCDate()} ${
      MONTHS[paused.getUTCMonth()]
    } ${two(paused.getUTCHours())}:${two(paused.getUTCMinutes())}`;
    assert.ok(
      stdout.includes(`\n  Paused 2 days ago (${when}, local time)\n`),
      stdout,
    );
    // The whole message, wrapped at words with a hanging indent.
    assert.ok(
      stdout.includes(
        "  Message:   Login flow: the form posts, but the session cookie is not set yet.\n" +
          "             Next: check the SameSite attribute in lib/auth/cookie.ts and the\n" +
          "             redirect after login.\n" +
          "             Also: ask about issue #123 and snake_case_names.\n",
      ),
      stdout,
    );
    for (const line of stdout.split("\n")) assert.ok(line.length <= 80, line);
    assert.match(
      stdout,
      /\n {2}Untracked:\n( {4}note-\d\d\.md\n){10} {4}… and 2 more\n/,
    );
    assert.match(
      stdout,
      /\n {2}Agent worktrees kept with work: 1 \(mpm-session worktrees shows them now\)\n {4}\.claude\/worktrees\/agent-7 {2}dirty\n/,
    );
    assert.match(
      stdout,
      /\n {2}Branch now: feature\/login, 1 commit not pushed:\n {4}[0-9a-f]{7} Login form skeleton\n/,
    );
    assert.match(stdout, /\n {2}No new commits on this branch\n/);
    assert.match(
      stdout,
      /\n {2}origin\/main: 1 new commit since the pause \(as last fetched\):\n {4}[0-9a-f]{7} Upstream: bump deps\n/,
    );

    const { json: resumed } = await runCliJson<
      { since: Record<string, unknown> }
    >(box, ["resume"], { cwd: repo });
    assert.equal(resumed.since.default_ref, "origin/main");
    assert.equal(resumed.since.default_new_count, 1);
    assert.equal(resumed.since.unpushed_count, 1);
    assert.equal(resumed.since.head_unknown, false);

    // The .md has no noise: no switch to the branch it was written on, no
    // tiny Reclaimed line, no escaped # in plain text.
    const md = readFileSync(
      join(repo, SESSIONS, `${json.files.id}.md`),
      "utf8",
    );
    assert.doesNotMatch(md, /git switch feature\/login/);
    assert.doesNotMatch(md, /Reclaimed/);
    assert.match(md, /issue #123 and snake_case_names/);
    assert.doesNotMatch(md, /\\#/);
  } finally {
    box.cleanup();
  }
});

Deno.test("resume of a session with no full HEAD (claude-mpm) says it cannot tell, not 'No new commits'", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    writeFile(
      join(repo, SESSIONS, "session-20260101-000000.json"),
      JSON.stringify({
        session_id: "session-20260101-000000",
        paused_at: "2026-01-01T00:00:00.000Z",
        project_path: repo,
        conversation: { summary: "from claude-mpm" },
        git_context: { is_git_repo: true, branch: "main", head: null },
      }),
    );
    const { code, stdout } = await runCli(box, ["resume"], {
      cwd: repo,
      env: { COLUMNS: "120" },
    });
    assert.equal(code, 0, stdout);
    assert.match(
      stdout,
      /\n {2}New commits: cannot tell: the session saved no full HEAD \(it was written by claude-mpm\)\n/,
    );
    assert.doesNotMatch(stdout, /No new commits/);
  } finally {
    box.cleanup();
  }
});
