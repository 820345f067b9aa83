/**
 * Builds the npm bundle: one ESM file for Node with a `#!/usr/bin/env node`
 * line, at `dist/mpm-session.mjs`.
 *
 * @module
 */

import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import process from "node:process";
import { CommandBuilder } from "dax";

const out = "dist/mpm-session.mjs";
const temp = `${out}.tmp`;
await mkdir("dist", { recursive: true });
const result = await new CommandBuilder()
  .command([
    process.execPath,
    "bundle",
    "--quiet",
    "--platform",
    "node",
    "-o",
    temp,
    "npm/bin.ts",
  ])
  .noThrow()
  .stderr("piped");
if (result.code !== 0) {
  console.error(
    `Cannot build the npm bundle: deno bundle failed:\n${result.stderr}`,
  );
  process.exit(1);
}
const code = await readFile(temp, "utf8");
const body = code.startsWith("#!") ? code.slice(code.indexOf("\n") + 1) : code;
await writeFile(temp, `#!/usr/bin/env node\n${body}`);
await chmod(temp, 0o755);
await rename(temp, out);
console.log(`Built ${out} (${(body.length / 1024).toFixed(0)} KB)`);
