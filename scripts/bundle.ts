/**
 * Builds the npm bundle: one ESM file for Node with a `#!/usr/bin/env node`
 * line, at `dist/mpm-session.mjs`.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import process from "node:process";

const out = "dist/mpm-session.mjs";
const temp = `${out}.tmp`;
await mkdir("dist", { recursive: true });
const result = spawnSync(process.execPath, [
  "bundle",
  "--quiet",
  "--platform",
  "node",
  "-o",
  temp,
  "npm/bin.ts",
], { encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
if (result.status !== 0) {
  // A signal-killed bundler has no status: that is a failure too.
  console.error(
    `Cannot build the npm bundle: deno bundle failed${
      result.signal ? ` (killed by ${result.signal})` : ""
    }:\n${result.stderr}`,
  );
  process.exit(1);
}
const code = await readFile(temp, "utf8");
const body = code.startsWith("#!") ? code.slice(code.indexOf("\n") + 1) : code;
await writeFile(temp, `#!/usr/bin/env node\n${body}`);
await chmod(temp, 0o755);
await rename(temp, out);
console.log(`Built ${out} (${(body.length / 1024).toFixed(0)} KB)`);
