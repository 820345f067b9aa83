/**
 * `npm test`: everything that must pass, in one run, ending with the plain
 * line `N passed, N failed` that CI reads.
 *
 * 1. rebuild the npm bundle, so the tests run the current code;
 * 2. the whole suite under Deno (the CLI run as `deno run cli.ts`);
 * 3. the end-to-end suite again with the CLI run as the bundle under Node;
 * 4. checks: types, `deno fmt`, `deno lint`, `deno publish --dry-run`,
 *    and `npm pack --dry-run` shipping only what it should;
 * 5. as root, the tests run as user `nobody` once more, under both
 *    runtimes, from a copy of this checkout inside a private folder
 *    (mode 700, like `/root`), so `npm test` is known to pass from any
 *    folder a clone may sit in.
 *
 * Runs from any current directory: it works in the checkout it belongs to.
 *
 * @module
 */

import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const deno = process.execPath;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
let passed = 0;
let failed = 0;
const failures: string[] = [];

interface StepResult {
  code: number;
  output: string;
}

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  echo = true,
  cwd = root,
): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const take = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) stream.write(chunk);
    };
    child.stdout.on("data", take(process.stdout));
    child.stderr.on("data", take(process.stderr));
    child.on("error", (error) => resolve({ code: 127, output: String(error) }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs a Deno test suite and adds its counts. */
async function testSuite(
  label: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = root,
  minPassed = 0,
) {
  console.log(`\n=== ${label}`);
  const result = await run(deno, ["test", "-A", ...args], env, true, cwd);
  const summary = [...result.output.matchAll(/(\d+) passed \| (\d+) failed/g)]
    .at(-1);
  if (!summary) {
    failed++;
    failures.push(`${label}: no test summary (exit ${result.code})`);
    return;
  }
  passed += Number(summary[1]);
  failed += Number(summary[2]);
  if (Number(summary[1]) < minPassed) {
    failed++;
    failures.push(
      `${label}: ${summary[1]} passed, expected at least ${minPassed}`,
    );
  }
  if (Number(summary[2]) > 0 || result.code !== 0) {
    failures.push(`${label}: ${summary[2]} failed (exit ${result.code})`);
    if (Number(summary[2]) === 0) failed++;
  }
}

/** Runs one check and counts it as one test. */
async function check(
  label: string,
  command: string,
  args: string[],
  verify?: (output: string) => string | undefined,
) {
  const result = await run(command, args, {}, false);
  const problem = result.code !== 0
    ? `exit ${result.code}`
    : verify?.(result.output);
  if (problem) {
    failed++;
    failures.push(`${label}: ${problem}`);
    console.log(`check ${label} ... FAILED (${problem})`);
    console.log(result.output.split("\n").slice(-20).join("\n"));
  } else {
    passed++;
    console.log(`check ${label} ... ok`);
  }
}

const bundle = await run(deno, ["run", "-A", "scripts/bundle.ts"]);
if (bundle.code !== 0) {
  failed++;
  failures.push("bundle: the npm bundle did not build");
}

await testSuite("Deno: all tests", ["tests/"]);
if (bundle.code === 0) {
  await testSuite("Node: end-to-end and fault tests against the npm bundle", [
    "tests/e2e/",
    "tests/faults/",
  ], {
    MPM_TEST_RUNTIME: "node",
  });
}

console.log("\n=== Checks");
await check("types", deno, [
  "check",
  "mod.ts",
  "cli.ts",
  "npm/bin.ts",
  "scripts/",
  "tests/",
  "bench/",
]);
await check("deno fmt", deno, ["fmt", "--check"]);
await check("deno lint", deno, ["lint"]);
await check("every export documented (deno doc --lint)", deno, [
  "doc",
  "--lint",
  "mod.ts",
  "cli.ts",
]);
await check(
  "deno publish --dry-run",
  deno,
  ["publish", "--dry-run", "--allow-dirty"],
  (out) =>
    /slow type|error/i.test(out) && !/Success/i.test(out)
      ? "publish reported problems"
      : undefined,
);
await check("npm pack ships only the bundle, README and LICENSE", "npm", [
  "pack",
  "--dry-run",
  "--json",
], (out) => {
  const start = out.indexOf("[");
  try {
    const files: string[] = JSON.parse(out.slice(start))[0].files.map((
      f: { path: string },
    ) => f.path).sort();
    const expected = [
      "LICENSE",
      "README.md",
      "dist/mpm-session.mjs",
      "package.json",
    ];
    return JSON.stringify(files) === JSON.stringify(expected)
      ? undefined
      : `unexpected files: ${files.join(", ")}`;
  } catch (error) {
    return `cannot read npm pack output: ${(error as Error).message}`;
  }
});

/** Whether this process can run commands as nobody (root with setpriv). */
function canRunAsNobody(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  try {
    execFileSync("setpriv", [
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      "true",
    ], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** How many tests are run as nobody (see tests/faults). */
const NOBODY_TESTS = 5;

/**
 * Copies this checkout (tracked and new files, the bundle, a link to
 * node_modules) into a private folder and runs the tests run as nobody
 * there under both runtimes.
 */
async function privateFolderCheck() {
  console.log(
    "\n=== The tests run as nobody, from a clone in a private folder",
  );
  if (!canRunAsNobody()) {
    console.log("skip: needs root and setpriv to run as user nobody");
    return;
  }
  const outer = mkdtempSync(join(tmpdir(), "mpm-session-private-"));
  try {
    chmodSync(outer, 0o700);
    const clone = join(outer, "clone");
    mkdirSync(clone);
    let files: string[];
    try {
      files = execFileSync(
        "git",
        ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      ).split("\0").filter(Boolean);
    } catch {
      console.log("skip: not a git checkout: nothing to copy");
      return;
    }
    for (const f of [...files, "dist/mpm-session.mjs"]) {
      try {
        cpSync(join(root, f), join(clone, f), { recursive: true });
      } catch {
        // A file deleted but not yet committed.
      }
    }
    symlinkSync(join(root, "node_modules"), join(clone, "node_modules"));
    const args = ["--filter", "run as nobody", "tests/faults/"];
    await testSuite("Deno, private folder", args, {}, clone, NOBODY_TESTS);
    if (bundle.code === 0) {
      await testSuite(
        "Node, private folder",
        args,
        { MPM_TEST_RUNTIME: "node" },
        clone,
        NOBODY_TESTS,
      );
    }
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
}

await privateFolderCheck();

if (failures.length > 0) {
  console.log("\nFailures:");
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
