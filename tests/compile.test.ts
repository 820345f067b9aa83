/**
 * The standalone binary: `deno task compile` builds it with the narrow
 * permissions baked in, and it runs `--version` and `pause -m hi` in a real
 * git repository. Needs Deno's `denort` base binary (`DENORT_BIN`, Deno's
 * cache, or a download); where there is none the test is reported as
 * ignored, never passed.
 *
 * @module
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { checkBaseBinary } from "../scripts/compile.ts";
import { VERSION } from "../lib/version.ts";
import { exists, makeRepo, PROJECT_ROOT, sandbox } from "./helpers.ts";

const base = await checkBaseBinary();

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

if (base.ok) {
  Deno.test({
    name: `compile: binary runs --version and pause (base from ${base.source})`,
    sanitizeResources: false,
    async fn() {
      const box = sandbox();
      try {
        const output = join(box.dir, "bin", "mpm-session");
        const env = { ...(process.env as Record<string, string>) };
        const built = await run(
          Deno.execPath(),
          [
            "run",
            "-A",
            join(PROJECT_ROOT, "scripts", "compile.ts"),
            "--output",
            output,
          ],
          { cwd: PROJECT_ROOT, env },
        );
        assert.equal(built.code, 0, `compile failed:\n${built.stderr}`);
        const exe = Deno.build.os === "windows" ? `${output}.exe` : output;
        assert.ok(exists(exe), `no binary at ${exe}`);

        const version = await run(exe, ["--version"], {
          cwd: box.dir,
          env: box.env,
        });
        assert.equal(version.code, 0, version.stderr);
        assert.equal(version.stdout, `mpm-session ${VERSION}\n`);

        const repo = makeRepo(box);
        const paused = await run(exe, ["pause", "-m", "hi", "--json"], {
          cwd: repo,
          env: box.env,
        });
        assert.equal(paused.code, 0, paused.stderr);
        const sessions = join(repo, ".claude-mpm", "sessions");
        const files = readdirSync(sessions).filter((f) =>
          /^session-\d{8}-\d{6}\.json$/.test(f)
        );
        assert.equal(files.length, 1);
        const doc = JSON.parse(readFileSync(join(sessions, files[0]), "utf8"));
        assert.equal(doc.conversation.summary, "hi");
        assert.equal(doc.git_context.branch, "main");
      } finally {
        box.cleanup();
      }
    },
  });
} else {
  const reason = base.reason;
  // Shown in CI logs so a skipped build is never mistaken for a pass.
  console.error(`compile test skipped: ${reason}`);
  Deno.test({
    name: `compile: skipped: ${reason}`,
    ignore: true,
    fn() {},
  });
}
