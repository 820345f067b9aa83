/**
 * Builds a standalone `mpm-session` binary with `deno compile`, with the
 * narrow permissions the CLI needs baked in (`--allow-run=git --allow-read
 * --allow-write --allow-env`), at `dist/bin/mpm-session` by default.
 *
 * ```sh
 * deno task compile
 * deno task compile --target aarch64-apple-darwin --output dist/bin/mpm-session-macos-arm64
 * ```
 *
 * `deno compile` embeds the program in Deno's `denort` base binary, which it
 * downloads once per version and target and caches in `DENO_DIR`. Where that
 * download is impossible, set `DENORT_BIN` to a `denort` binary for the
 * target: Deno reads it itself and this script passes the environment
 * through. Without `DENORT_BIN`, the script first checks that the base
 * binary is cached or can be downloaded, and fails with one line if not.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";

/** The permissions baked into the binary: exactly what the CLI needs. */
export const COMPILE_PERMISSIONS: readonly string[] = [
  "--allow-run=git",
  "--allow-read",
  "--allow-write",
  "--allow-env",
];

/** Where the binary goes unless `--output` says otherwise. */
export const DEFAULT_OUTPUT = join("dist", "bin", "mpm-session");

/** Whether `deno compile` has a base binary to build on, and from where. */
export type BaseBinaryStatus =
  | { ok: true; source: "DENORT_BIN" | "cache" | "download"; where: string }
  | { ok: false; reason: string; detail?: string };

/** The Deno executable running this script, which also does the compiling. */
function denoExe(): string {
  return Deno.execPath();
}

/** The folder Deno caches downloads in (`$DENO_DIR`, or its default). */
async function denoDir(): Promise<string | undefined> {
  const out = await new Deno.Command(denoExe(), {
    args: ["info", "--json"],
    stdout: "piped",
    stderr: "null",
  }).output().catch(() => undefined);
  if (!out?.success) return undefined;
  try {
    const info = JSON.parse(new TextDecoder().decode(out.stdout));
    return typeof info.denoDir === "string" ? info.denoDir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks whether `deno compile` can get a base binary for `target`:
 * `DENORT_BIN` when set, else the copy Deno caches in
 * `$DENO_DIR/dl/release/v<version>/denort-<target>.zip`, else a download
 * from Deno's servers (probed with a short request).
 */
export async function checkBaseBinary(
  target: string = Deno.build.target,
  env: Record<string, string | undefined> = Deno.env.toObject(),
  options: { probeTimeoutMs?: number } = {},
): Promise<BaseBinaryStatus> {
  const fromEnv = env.DENORT_BIN;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { ok: true, source: "DENORT_BIN", where: fromEnv }
      : {
        ok: false,
        reason:
          `DENORT_BIN is set to '${fromEnv}' but that file does not exist`,
      };
  }
  const version = Deno.version.deno;
  const zip = `denort-${target}.zip`;
  const dir = await denoDir();
  const cached = dir && join(dir, "dl", "release", `v${version}`, zip);
  if (cached && existsSync(cached)) {
    return { ok: true, source: "cache", where: cached };
  }
  const url = `https://dl.deno.land/release/v${version}/${zip}`;
  try {
    const response = await fetch(url, {
      method: "HEAD",
      signal: AbortSignal.timeout(options.probeTimeoutMs ?? 5_000),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, source: "download", where: url };
    return {
      ok: false,
      reason:
        `DENORT_BIN is not set and ${zip} for Deno ${version} is not cached and cannot be downloaded (HTTP ${response.status})`,
    };
  } catch {
    return {
      ok: false,
      reason: "DENORT_BIN is not set and denort cannot be downloaded here",
      detail: `${zip} for Deno ${version} is not cached${
        cached ? ` at ${cached}` : ""
      }`,
    };
  }
}

/** The `deno compile` arguments for one binary. */
export function compileArgs(
  options: { target?: string; output: string; entry: string },
): string[] {
  return [
    "compile",
    ...COMPILE_PERMISSIONS,
    ...(options.target ? ["--target", options.target] : []),
    "--output",
    options.output,
    options.entry,
  ];
}

const USAGE =
  "usage: deno task compile [--target TRIPLE] [--output PATH] (default output: dist/bin/mpm-session)";

async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        target: { type: "string" },
        output: { type: "string", short: "o" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = join(import.meta.dirname ?? ".", "..");
  const target = values.target;
  const output = values.output === undefined
    ? join(root, DEFAULT_OUTPUT)
    : resolve(process.cwd(), values.output);
  const base = await checkBaseBinary(target ?? Deno.build.target);
  if (!base.ok) {
    console.error(
      `error: Cannot compile: ${base.reason}${
        base.detail ? ` (${base.detail})` : ""
      }: set DENORT_BIN to a denort binary for ${target ?? Deno.build.target}`,
    );
    return 1;
  }
  if (base.source === "DENORT_BIN" && target && target !== Deno.build.target) {
    console.error(
      `note: DENORT_BIN is used as the base binary for every target: it must be denort for ${target}`,
    );
  }
  // The environment (with DENORT_BIN, DENO_DIR) is inherited by the child.
  const result = await new Deno.Command(denoExe(), {
    args: compileArgs({ target, output, entry: join(root, "cli.ts") }),
    cwd: root,
    stdout: "inherit",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(result.stderr);
  if (!result.success) {
    if (/base binary|denort/i.test(stderr)) {
      const cause = stderr.split("\n").map((l) => l.trim()).filter(Boolean)
        .filter((l) => /^\d+: /.test(l)).pop()?.replace(/^\d+: /, "") ?? "";
      console.error(
        `error: Cannot compile: deno compile could not set up its base binary${
          cause ? ` (${cause})` : ""
        }: set DENORT_BIN to a denort binary for ${
          target ?? Deno.build.target
        }`,
      );
    } else {
      process.stderr.write(stderr);
    }
    return 1;
  }
  process.stderr.write(stderr);
  return 0;
}

if (import.meta.main) {
  process.exit(await main(Deno.args));
}
