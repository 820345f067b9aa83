/**
 * Running the CLI as user `nobody` from any checkout. A clone inside a
 * private folder (mode 700, like `/root` or a `mktemp -d` folder) is out of
 * nobody's reach, so the CLI (the script and, under Deno, the runtime too)
 * is copied once into a folder nobody can read, and a small `sh` step runs
 * that copy in place of the command the test helpers append.
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { cliCommand, PROJECT_ROOT, RUNTIME } from "../helpers.ts";

/** `setpriv` arguments that switch to nobody. */
export const SETPRIV_NOBODY: string[] = [
  "setpriv",
  "--reuid=65534",
  "--regid=65534",
  "--clear-groups",
];

/** Whether user nobody can read (and, for programs, run) every file named. */
function nobodyCanUse(paths: string[]): boolean {
  try {
    for (const p of paths) {
      execFileSync(SETPRIV_NOBODY[0], [
        ...SETPRIV_NOBODY.slice(1),
        "test",
        "-r",
        p,
      ], { stdio: "ignore" });
    }
    return true;
  } catch {
    return false;
  }
}

/** What to run as nobody: the command as is, a copy of it, or why neither. */
export type NobodyCli =
  | { ok: true; prefix: string[] }
  | { ok: false; why: string };

/** The files of the checkout the CLI needs, relative to the project root. */
function filesFor(script: string): string[] {
  const rel = relative(PROJECT_ROOT, script);
  return RUNTIME === "deno" ? [rel, "lib", "deno.json"] : [rel];
}

/**
 * Makes the CLI runnable by nobody: when nobody can already read it, the
 * plain `setpriv` prefix; otherwise a copy under the system temporary folder
 * (removed when the test process ends) and a prefix that runs it.
 */
export function prepareNobodyCli(): NobodyCli {
  const command = cliCommand();
  const files = command.filter((a) => a.startsWith("/"));
  if (nobodyCanUse(files)) return { ok: true, prefix: SETPRIV_NOBODY };
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), "mpm-session-nobody-cli-"));
    const copy = dir;
    globalThis.addEventListener(
      "unload",
      () => rmSync(copy, { recursive: true, force: true }),
    );
    const mapped = command.map((arg) => {
      if (!arg.startsWith("/")) return arg;
      if (arg === process.execPath && RUNTIME === "deno") {
        const target = join(copy, "bin", "deno");
        mkdirSync(dirname(target));
        const info = statSync(arg);
        // A hard link costs nothing, but only shares a file nobody may run.
        if ((info.mode & 0o005) === 0o005) {
          try {
            linkSync(arg, target);
            return target;
          } catch {
            // Another file system: copy it.
          }
        }
        copyFileSync(arg, target);
        return target;
      }
      if (!arg.startsWith(`${PROJECT_ROOT}/`)) return arg;
      for (const rel of filesFor(arg)) {
        cpSync(join(PROJECT_ROOT, rel), join(copy, rel), { recursive: true });
      }
      return join(copy, relative(PROJECT_ROOT, arg));
    });
    execFileSync("chmod", ["-R", "a+rX", join(copy)]);
    const usable = mapped.filter((a) => a.startsWith("/"));
    if (!nobodyCanUse(usable)) {
      return {
        ok: false,
        why: `user nobody cannot read '${usable.join("', '")}' even in a copy`,
      };
    }
    const quoted = mapped.map((a) => `'${a.replaceAll("'", `'\\''`)}'`)
      .join(" ");
    return {
      ok: true,
      prefix: [
        ...SETPRIV_NOBODY,
        "sh",
        "-c",
        // Drop the command the helpers append and run the copy instead.
        `shift ${command.length}; exec ${quoted} "$@"`,
        "sh",
      ],
    };
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return {
      ok: false,
      why: `cannot copy the CLI where user nobody can read it: ${
        (error as Error).message.split("\n")[0]
      }`,
    };
  }
}
