/**
 * The layers stay apart: facts are gathered, decided on by pure rules,
 * acted on and reported, and each layer imports only those beneath it.
 * Read from the sources' own import lines.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../helpers.ts";

/** What each folder of `lib/` may import from the others. */
const ALLOWED: Record<string, readonly string[]> = {
  decide: ["decide"],
  gather: ["gather", "decide"],
  act: ["act", "gather", "decide"],
  report: ["report", "decide"],
  commands: ["commands", "act", "gather", "decide", "report", "cli"],
  // The CLI reads its own input files (`--todos`) with the gather parsers.
  cli: ["cli", "commands", "report", "decide", "gather"],
};

Deno.test("layers: decide is pure, gather and act never render, reports never run anything", () => {
  const problems: string[] = [];
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    const dir = join(PROJECT_ROOT, "lib", layer);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const m of text.matchAll(/from "\.\.\/([a-z_]+)\//g)) {
        if (!allowed.includes(m[1])) {
          problems.push(`lib/${layer}/${file} imports lib/${m[1]}/`);
        }
      }
      if (layer === "decide" && /from "node:(fs|child_process)/.test(text)) {
        problems.push(`lib/decide/${file} does I/O`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
