/**
 * The command `install-hooks` writes: one that runs from a fresh shell
 * with a minimal PATH. Claude Code runs hook commands through `sh -c` with
 * its own environment, where `mpm-session` is on nobody's PATH after
 * `npm ci` or a project-local install, so the default is the absolute path
 * of what is running now.
 *
 * @module
 */

import { accessSync, constants, realpathSync } from "node:fs";
import { basename, delimiter, isAbsolute, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

/** Quotes a word for `sh -c` when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

const DENO_PERMISSIONS = [
  "read",
  "write",
  "env",
  "run",
  "sys",
  "net",
  "ffi",
] as const;

interface DenoLike {
  execPath(): string;
  mainModule: string;
  permissions: {
    querySync(d: { name: string }): { state: string };
  };
}

/** The permission flags this Deno process runs with, as far as they can be read. */
function denoPermissionFlags(deno: DenoLike): string[] {
  const granted = DENO_PERMISSIONS.filter((name) => {
    try {
      return deno.permissions.querySync({ name }).state === "granted";
    } catch {
      return false;
    }
  });
  if (granted.length === DENO_PERMISSIONS.length) return ["-A"];
  return granted.map((name) => `--allow-${name}`);
}

/** What is running now and how to start it again, as argv words. */
export function currentCommandWords(): string[] {
  const deno = (globalThis as { Deno?: DenoLike }).Deno;
  if (deno && typeof deno.execPath === "function") {
    const exec = deno.execPath();
    const name = basename(exec).toLowerCase();
    if (name !== "deno" && name !== "deno.exe") {
      // A compiled binary: it is the whole program.
      return [exec];
    }
    // This tool's own entry point, whoever imported the library.
    const here = import.meta.url;
    const main = here.startsWith("file:")
      ? fileURLToPath(new URL("../../cli.ts", here))
      : deno.mainModule.startsWith("file:")
      ? fileURLToPath(deno.mainModule)
      : deno.mainModule;
    return [exec, "run", ...denoPermissionFlags(deno), "--quiet", main];
  }
  // In the npm bundle this module is the bundle itself.
  const script = import.meta.url.startsWith("file:") &&
      import.meta.url.endsWith(".mjs")
    ? fileURLToPath(import.meta.url)
    : process.argv[1];
  let real = script;
  try {
    real = realpathSync(script);
  } catch {
    // Keep the path as given.
  }
  return [process.execPath, real];
}

/** Where the first word of a command resolves, or `undefined`. */
export function resolveExecutable(
  word: string,
  path: string | undefined,
): string | undefined {
  const runnable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (word.includes("/")) return runnable(word) ? word : undefined;
  for (const dir of (path ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, word);
    if (runnable(candidate)) return candidate;
  }
  return undefined;
}

/** The hook command to write and what is known about it. */
export interface HookCommand {
  /** The full command, `... hook`. */
  command: string;
  /** Warnings: the command would not resolve, or relies on PATH. */
  warnings: string[];
}

/**
 * The hook command: `given` (`--command`, with ` hook` added) or the
 * absolute command of what runs now. Warns when its program does not
 * resolve, or resolves only through PATH.
 */
export function hookCommand(
  given: string | undefined,
  env: Record<string, string | undefined> = process.env,
): HookCommand {
  const warnings: string[] = [];
  if (given !== undefined) {
    const first = given.trim().split(/\s+/)[0] ?? "";
    const command = `${given.trim()} hook`;
    const found = resolveExecutable(first, env.PATH);
    if (!found) {
      warnings.push(
        `'${first}' is not found${
          first.includes("/") ? "" : " on PATH"
        }: the hooks would fail with 'not found'; give an absolute path with --command, or leave --command out`,
      );
    } else if (!isAbsolute(first)) {
      warnings.push(
        `'${first}' resolves through PATH ('${found}'): the hooks work only where Claude Code's PATH has it too`,
      );
    }
    return { command, warnings };
  }
  const words = currentCommandWords();
  if (!resolveExecutable(words[0], env.PATH)) {
    warnings.push(`'${words[0]}' cannot be run: the hooks would fail`);
  }
  if (words.length >= 2 && words.at(-1)!.startsWith("/tmp/deno-compile-")) {
    warnings.push(
      "the program runs from a temporary folder: the hooks would fail",
    );
  }
  if (words.includes("run") && !words.includes("-A")) {
    const flags = words.filter((w) => w.startsWith("--allow-"));
    if (!flags.includes("--allow-read") || !flags.includes("--allow-write")) {
      warnings.push(
        "Deno runs with narrow permissions: the hook command may lack some; check it or give --command",
      );
    }
  }
  return { command: [...words.map(shellQuote), "hook"].join(" "), warnings };
}
