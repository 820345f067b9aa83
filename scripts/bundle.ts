/**
 * Builds the Node bundle: one ESM file with a `#!/usr/bin/env node` line,
 * written to `dist/mpm-session.mjs` (the npm bin, ignored by git) and to
 * `plugin/mpm-session.mjs` (tracked: a marketplace or git install of the
 * Claude Code plugin copies the tracked files and builds nothing).
 *
 * The output is deterministic (the same source gives the same bytes, in any
 * folder), so `tests/claude/bundle_fresh.test.ts` can rebuild it to a temp
 * file and fail when the tracked copy is out of date.
 *
 * `deno run -A scripts/bundle.ts [--out FILE]`: with `--out`, writes only
 * FILE (used by the freshness test).
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

/** The repository root (this file lives in `scripts/`). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the build writes the bundle, relative to the repository root. */
export const BUNDLE_OUTPUTS: readonly string[] = [
  "dist/mpm-session.mjs",
  "plugin/mpm-session.mjs",
];

/**
 * Bundles `npm/bin.ts` with `deno bundle` and returns the file's text, the
 * shebang line first. Throws with the bundler's message when it fails.
 */
export async function buildBundleText(): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), "mpm-bundle-"));
  try {
    const temp = join(scratch, "mpm-session.mjs");
    const result = spawnSync(process.execPath, [
      "bundle",
      "--quiet",
      "--platform",
      "node",
      "-o",
      temp,
      "npm/bin.ts",
    ], { cwd: root, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
    if (result.status !== 0) {
      // A signal-killed bundler has no status: that is a failure too.
      throw new Error(
        `deno bundle failed${
          result.signal ? ` (killed by ${result.signal})` : ""
        }:\n${result.stderr}`,
      );
    }
    const code = await readFile(temp, "utf8");
    const body = code.startsWith("#!")
      ? code.slice(code.indexOf("\n") + 1)
      : code;
    return `#!/usr/bin/env node\n${body}`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes `text` to `file` atomically (temp file, then rename), mode 755. */
async function writeExecutable(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  await writeFile(temp, text);
  await chmod(temp, 0o755);
  await rename(temp, file);
}

if (import.meta.main) {
  const outIndex = process.argv.indexOf("--out");
  const outputs = outIndex >= 0 && process.argv[outIndex + 1]
    ? [resolve(process.argv[outIndex + 1])]
    : BUNDLE_OUTPUTS.map((path) => join(root, path));
  let text: string;
  try {
    text = await buildBundleText();
  } catch (error) {
    console.error(
      `Cannot build the npm bundle: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  for (const out of outputs) await writeExecutable(out, text);
  console.log(
    `Built ${
      outputs.map((o) => o.startsWith(root) ? o.slice(root.length + 1) : o)
        .join(" and ")
    } (${(text.length / 1024).toFixed(0)} KB)`,
  );
}
