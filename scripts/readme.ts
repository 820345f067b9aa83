/**
 * Writes the README's command reference (between the `commands:start` and
 * `commands:end` markers) from the command descriptors. `--check` only
 * says whether it is current (exit 1 when not).
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../lib/commands/registry.ts";
import { updateReadme } from "../lib/cli/help.ts";

const path = join(fileURLToPath(new URL("..", import.meta.url)), "README.md");
const current = await readFile(path, "utf8");
/** Lays out Markdown as `deno fmt` does, so the check and the fmt check agree. */
function formatted(markdown: string): string {
  const result = spawnSync(process.execPath, ["fmt", "--ext=md", "-"], {
    input: markdown,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    console.error(`Cannot format README.md: deno fmt failed: ${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}

const next = formatted(updateReadme(current, COMMANDS));
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error(
      "README.md's command reference is out of date: run 'deno task readme'",
    );
    process.exit(1);
  }
} else if (next !== current) {
  await writeFile(path, next);
  console.log("Updated the command reference in README.md");
}
