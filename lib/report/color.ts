/**
 * Terminal colour, used only when standard output is a terminal and
 * `NO_COLOR` is not set.
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

/** Picks colours for a stream: on a TTY without `NO_COLOR`, else none. */
export function colorsFor(
  isTty: boolean,
  env: Record<string, string | undefined>,
): Colors {
  return isTty && env.NO_COLOR === undefined ? ansi : plain;
}
