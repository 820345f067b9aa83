/**
 * Terminal colour. Whether a stream gets colour follows, in order:
 * `--color always|never`, a non-empty `NO_COLOR` (off), a non-empty
 * `FORCE_COLOR` (on, unless `0` or `false`), `TERM=dumb` (off), and
 * otherwise whether the stream is a terminal.
 *
 * @module
 */

/** Functions that wrap text in colour codes, or leave it as it is. */
export interface Colors {
  /** Emphasis. */
  bold(text: string): string;
  /** Success. */
  green(text: string): string;
  /** Caution. */
  yellow(text: string): string;
  /** Failure. */
  red(text: string): string;
  /** Secondary text. */
  dim(text: string): string;
}

/** The `--color` setting: `auto` follows the environment and the terminal. */
export type ColorMode = "auto" | "always" | "never";

const plain: Colors = {
  bold: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  red: (t) => t,
  dim: (t) => t,
};

const wrap = (open: number, close: number) => (t: string) =>
  `\x1b[${open}m${t}\x1b[${close}m`;

const ansi: Colors = {
  bold: wrap(1, 22),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  red: wrap(31, 39),
  dim: wrap(2, 22),
};

/** Whether a stream gets colour, by the rules in this module's comment. */
export function wantsColor(
  isTty: boolean,
  env: Record<string, string | undefined>,
  mode: ColorMode = "auto",
): boolean {
  if (mode === "always") return true;
  if (mode === "never") return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") {
    return force !== "0" && force.toLowerCase() !== "false";
  }
  if (env.TERM === "dumb") return false;
  return isTty;
}

/** Picks colours for a stream by {@link wantsColor}. */
export function colorsFor(
  isTty: boolean,
  env: Record<string, string | undefined>,
  mode: ColorMode = "auto",
): Colors {
  return wantsColor(isTty, env, mode) ? ansi : plain;
}
