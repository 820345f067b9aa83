/**
 * The tool's name and version, written into every session file.
 *
 * @module
 */

/** The package version; kept equal to `deno.json` and `package.json` by a test. */
export const VERSION = "0.1.0";

/** The command name. */
export const TOOL_NAME = "mpm-session";
