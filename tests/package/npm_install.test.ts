/**
 * The npm package as a user gets it: `npm pack` builds the bundle (the
 * `prepack` script), the tarball installs into a fresh project offline,
 * under Node with no Deno on PATH, without a single warning (no install
 * scripts for consumers), and `npx mpm-session pause` works there.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { git, PROJECT_ROOT, sandbox, writeFile } from "../helpers.ts";

/** PATH with node, npm and git but without Deno. */
const NODE_ONLY_PATH = "/usr/local/bin:/usr/bin:/bin";

function denoOnPath(path: string): boolean {
  const r = spawnSync("sh", ["-c", "command -v deno"], {
    env: { PATH: path },
    encoding: "utf8",
  });
  return r.status === 0 && r.stdout.trim() !== "";
}

Deno.test("npm pack, then npm install of the tarball into a fresh project: no install scripts, no warnings, npx mpm-session pause works without Deno", () => {
  const box = sandbox();
  try {
    const cache = join(box.dir, "npm-cache");
    const npmEnv = {
      ...box.env,
      npm_config_cache: cache,
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
    };
    // Pack from the checkout: prepack runs the bundle build with the Deno
    // from node_modules (npm puts node_modules/.bin on PATH for scripts).
    const packed = execFileSync(
      "npm",
      ["pack", "--json", "--pack-destination", box.dir],
      { cwd: PROJECT_ROOT, env: npmEnv, encoding: "utf8", stdio: "pipe" },
    );
    const info = JSON.parse(packed.slice(packed.indexOf("[")))[0];
    const tarball = join(box.dir, info.filename);
    assert.ok(
      info.files.some((f: { path: string }) =>
        f.path === "dist/mpm-session.mjs"
      ),
      "the bundle is in the tarball",
    );
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", tarball, "package/package.json"], {
        encoding: "utf8",
      }),
    );
    for (
      const hook of ["preinstall", "install", "postinstall", "prepare"]
    ) {
      assert.equal(manifest.scripts?.[hook], undefined, `no ${hook} script`);
    }
    assert.deepEqual(
      manifest.dependencies ?? {},
      {},
      "no runtime dependencies",
    );
    for (const field of ["repository", "homepage", "bugs"]) {
      assert.ok(manifest[field], `${field} is set`);
    }

    assert.equal(denoOnPath(NODE_ONLY_PATH), false, "no Deno on this PATH");
    const project = join(box.dir, "consumer");
    writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    );
    writeFile(join(project, ".gitignore"), "node_modules/\n");
    const env = { ...npmEnv, PATH: NODE_ONLY_PATH };
    const install = spawnSync(
      "npm",
      ["install", "--offline", "--no-audit", "--no-fund", tarball],
      { cwd: project, env, encoding: "utf8" },
    );
    const log = `${install.stdout}\n${install.stderr}`;
    assert.equal(install.status, 0, `npm install failed:\n${log}`);
    assert.doesNotMatch(log, /\bwarn\b|WARN|install-scripts/i, log);
    assert.ok(
      readdirSync(join(project, "node_modules", ".bin")).includes(
        "mpm-session",
      ),
    );

    git(box, project, "init", "-q", "-b", "main");
    git(box, project, "add", ".");
    git(box, project, "commit", "-q", "-m", "initial commit");
    const pause = spawnSync(
      "npx",
      ["--offline", "mpm-session", "pause", "-m", "from the npm package"],
      { cwd: project, env, encoding: "utf8" },
    );
    assert.equal(
      pause.status,
      0,
      `npx failed:\n${pause.stdout}${pause.stderr}`,
    );
    assert.match(pause.stdout, /Session paused/);
    const sessions = join(project, ".claude-mpm", "sessions");
    const json = readdirSync(sessions).filter((n) =>
      /^session-\d{8}-\d{6}\.json$/.test(n)
    );
    assert.equal(json.length, 1, `one session: ${readdirSync(sessions)}`);
    const doc = JSON.parse(readFileSync(join(sessions, json[0]), "utf8"));
    assert.equal(doc.conversation.summary, "from the npm package");
  } finally {
    box.cleanup();
  }
});
