/**
 * Where the CLI's output goes, and how it behaves at the edges: a reader
 * that closes the pipe early (`mpm-session list --json | head -1`) ends
 * the output quietly instead of with a stack trace, under Deno and Node.
 *
 * @module
 */

import process from "node:process";

/** Where output goes; tests and embedders may replace it. */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Whether standard output is a terminal. */
  stdoutIsTty: boolean;
  /** Whether standard error is a terminal. */
  stderrIsTty: boolean;
  /** The terminal's width when standard output is a terminal. */
  columns?: number;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** Environment variables. */
  env: Record<string, string | undefined>;
}

async function readAllStdin(): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(out);
}

/** The streams whose reader went away; later writes to them are dropped. */
const closed = new Set<NodeJS.WriteStream>();

function isBrokenPipe(error: unknown): boolean {
  const e = error as { code?: string; name?: string } | undefined;
  return e?.code === "EPIPE" || e?.name === "BrokenPipe" ||
    e?.code === "ERR_STREAM_DESTROYED";
}

function guard(stream: NodeJS.WriteStream): (text: string) => void {
  // Node reports a closed pipe as an 'error' event; without a listener it
  // would end the process with a stack trace.
  stream.on("error", (error: unknown) => {
    if (isBrokenPipe(error)) closed.add(stream);
  });
  return (text: string) => {
    if (closed.has(stream)) return;
    try {
      stream.write(text);
    } catch (error) {
      // Deno may throw a BrokenPipe at once instead.
      if (isBrokenPipe(error)) closed.add(stream);
      else throw error;
    }
  };
}

let streams: { out: (t: string) => void; err: (t: string) => void } | undefined;

/** The process's own streams, guarded against a closed pipe. */
export function processIo(): CliIo {
  streams ??= { out: guard(process.stdout), err: guard(process.stderr) };
  return {
    stdout: streams.out,
    stderr: streams.err,
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    readStdin: readAllStdin,
    env: process.env,
  };
}

/**
 * Exits once standard output and error have been handed to the system.
 * Under Node, writes to a pipe are asynchronous, and exiting at once would
 * cut a long `--json` document short. A stream whose reader is gone is not
 * waited for.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) =>
    closed.has(stream) ? Promise.resolve() : new Promise<void>((resolve) => {
      try {
        stream.write("", () => resolve());
      } catch {
        resolve();
      }
    });
  await Promise.race([
    Promise.all([flushed(process.stdout), flushed(process.stderr)]),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  // Exiting explicitly: leftover git grandchildren of a timed-out call must
  // not keep the process alive.
  process.exit(code);
}
