/**
 * End-to-end tests of `worktrees`: the real CLI on a real repository, at
 * fixed widths, and its JSON; it changes nothing.
 *
 * @module
 */

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import {
  addWorktree,
  git,
  makeRepo,
  runCli,
  runCliJson,
  type Sandbox,
  sandbox,
  writeFile,
} from "../helpers.ts";
import type { WorktreeList } from "../../lib/commands/worktrees.ts";
import { validateAgainst } from "../json_schema.ts";

function mixedRepo(box: Sandbox): string {
  const repo = makeRepo(box);
  const stale = addWorktree(box, repo, "stale");
  const dirty = addWorktree(box, repo, "dirty");
  writeFile(join(dirty, "wip.txt"), "x\n");
  const locked = addWorktree(box, repo, "locked");
  git(box, repo, "worktree", "lock", "--reason", "agent at work", locked);
  addWorktree(
    box,
    repo,
    "a-worktree-with-a-rather-long-descriptive-name-for-the-feature",
    { branch: "feature/a-branch-name-that-is-also-quite-long-indeed" },
  );
  mkdirSync(join(repo, ".claude", "worktrees", "leftover"));
  // Three days without activity in the stale one.
  const old = new Date(Date.now() - 3 * 24 * 3600_000);
  for (const name of readdirSync(stale)) {
    utimesSync(join(stale, name), old, old);
  }
  utimesSync(stale, old, old);
  const admin = git(box, stale, "rev-parse", "--absolute-git-dir");
  for (const p of [admin, join(admin, "index"), join(admin, "HEAD")]) {
    utimesSync(p, old, old);
  }
  return repo;
}

for (const width of [80, 120]) {
  Deno.test(`worktrees at ${width} columns: one line each, and totals`, async () => {
    const box = sandbox();
    try {
      const repo = mixedRepo(box);
      const before = git(box, repo, "worktree", "list", "--porcelain");
      const { code, stdout } = await runCli(box, ["worktrees"], {
        cwd: repo,
        env: { COLUMNS: String(width), LANG: "C.UTF-8" },
      });
      assert.equal(code, 0, stdout);
      const lines = stdout.trimEnd().split("\n");
      for (const line of lines) {
        assert.ok(line.length <= width, `${line.length}: ${line}`);
      }
      assert.match(lines[0], /^NAME +BRANCH +ACTIVE +SIZE +CHECK +STATE$/);
      const row = (name: string) => lines.find((l) => l.startsWith(name))!;
      assert.match(
        row("stale"),
        /stale +3 days ago +\d+ B +ancestor +would go$/,
      );
      assert.match(row("dirty"), /kept: dirty$/);
      assert.match(row("locked"), / \d+ B +(ancestor|-) +kept: locked$/);
      assert.match(row("leftover"), /would go \(orphan\)$/);
      const long = lines.find((l) => l.includes("for-the-feature"));
      if (width === 80) {
        assert.equal(long, undefined);
        assert.ok(lines.some((l) => /^a-workt.*…feature /.test(l)), stdout);
      } else assert.ok(long, stdout);
      assert.match(
        lines.at(-1)!,
        /^5 entries: 3 would go \(\d+(\.\d)? K?B\), 2 kept; remove them with: mpm-session prune$/,
      );
      // Nothing changed.
      assert.equal(git(box, repo, "worktree", "list", "--porcelain"), before);
      assert.ok(
        readdirSync(join(repo, ".claude", "worktrees")).includes("leftover"),
      );
    } finally {
      box.cleanup();
    }
  });
}

Deno.test("worktrees --json: schema_version first, every field present, snake_case", async () => {
  const box = sandbox();
  try {
    const repo = mixedRepo(box);
    const { json, result } = await runCliJson<WorktreeList>(box, [
      "worktrees",
      "-C",
      repo,
    ]);
    assert.equal(result.code, 0);
    assert.deepEqual(validateAgainst(json, "worktrees.schema.json"), []);
    assert.equal(Object.keys(json)[0], "schema_version");
    assert.equal(json.schema_version, 1);
    assert.equal(json.default_branch, "main");
    assert.equal(json.worktrees.length, 5);
    const keys = [
      "name",
      "path",
      "relative_path",
      "kind",
      "branch",
      "state",
      "reasons",
      "last_activity_at",
      "size_bytes",
      "integration_check",
    ];
    for (const e of json.worktrees) {
      assert.deepEqual(Object.keys(e), keys, e.name);
      for (const k of keys) {
        assert.notEqual(
          (e as unknown as Record<string, unknown>)[k],
          undefined,
        );
      }
    }
    const by = (n: string) => json.worktrees.find((e) => e.name === n)!;
    assert.equal(by("stale").state, "would-remove");
    assert.equal(by("dirty").state, "kept");
    assert.ok(
      (by("dirty").size_bytes ?? 0) > 0,
      "a kept worktree is measured too",
    );
    assert.equal(by("leftover").kind, "orphan");
    const ageMs = Date.now() - Date.parse(by("stale").last_activity_at!);
    assert.ok(ageMs > 2.9 * 24 * 3600_000 && ageMs < 3.1 * 24 * 3600_000);
    assert.deepEqual(Object.keys(json.totals), [
      "count",
      "would_go",
      "kept",
      "reclaimable_bytes",
    ]);
    assert.equal(json.totals.count, 5);
    assert.equal(json.totals.would_go, 3);
    assert.equal(
      json.totals.reclaimable_bytes,
      json.worktrees.reduce(
        (n, e) => n + (e.state === "kept" ? 0 : e.size_bytes ?? 0),
        0,
      ),
    );
  } finally {
    box.cleanup();
  }
});

Deno.test("worktrees: a repository without agent worktrees says so", async () => {
  const box = sandbox();
  try {
    const repo = makeRepo(box);
    const { code, stdout } = await runCli(box, ["worktrees"], { cwd: repo });
    assert.equal(code, 0);
    assert.equal(stdout, "No agent worktrees under .claude/worktrees/\n");
  } finally {
    box.cleanup();
  }
});
