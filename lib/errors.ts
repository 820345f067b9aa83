/**
 * Errors the CLI turns into one line and an exit code.
 *
 * @module
 */

/** A failure the user can act on: printed as one line, exit code 1. */
export class UserError extends Error {
  /** The exit code the CLI uses. */
  readonly exitCode: number;
  /** Creates the error; `exitCode` defaults to 1. */
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

/** Bad arguments: printed as one line with a pointer to `--help`, exit 2. */
export class UsageError extends UserError {
  /** Creates the error, always with exit code 2. */
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
