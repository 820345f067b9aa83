/**
 * A small mock of the Anthropic Messages API on 127.0.0.1 for running the
 * real Claude Code client offline: every `POST /v1/messages` is answered
 * with one short text reply (streamed as server-sent events when asked),
 * `count_tokens` with a count, anything else with 404. Request bodies are
 * kept so tests can assert what the client sent.
 *
 * @module
 */

import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import process from "node:process";

/** One request the mock received. */
export interface MockRequest {
  /** Method and path, such as `POST /v1/messages?beta=true`. */
  line: string;
  /** The raw body. */
  body: string;
}

/** A running mock. */
export interface MockApi {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request so far. */
  requests: MockRequest[];
  /** Stops listening. */
  close(): Promise<void>;
}

function reply(model: string, text: string) {
  return {
    id: "msg_mock",
    type: "message",
    role: "assistant",
    model,
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  };
}

/** A scripted answer: a text, or one tool call the client then runs. */
export type MockReply =
  | { text: string }
  | { tool: { name: string; input: Record<string, unknown> } };

/**
 * Starts the mock on a free loopback port. With `hang`, message requests
 * are never answered (a client mid-turn, for tests that kill it). `script`
 * may answer a request body its own way; otherwise the reply is `text`.
 */
export function startMockApi(
  text = "ok",
  hang = false,
  script?: (body: string) => MockReply | undefined,
): Promise<MockApi> {
  const requests: MockRequest[] = [];
  const hanging = new Set<{ destroy(): void }>();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ line: `${req.method} ${req.url}`, body });
      const url = req.url ?? "";
      if (req.method !== "POST" || !url.startsWith("/v1/messages")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      if (url.includes("count_tokens")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ input_tokens: 10 }));
        return;
      }
      let data: { model?: string; stream?: boolean } = {};
      try {
        data = JSON.parse(body);
      } catch {
        // An unreadable body still gets an answer.
      }
      if (hang) {
        hanging.add(res);
        return;
      }
      const model = data.model ?? "claude-mock";
      if (!data.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply(model, text)));
        return;
      }
      const scripted = script?.(body);
      res.writeHead(200, { "content-type": "text/event-stream" });
      const event = (type: string, fields: object) =>
        res.write(
          `event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`,
        );
      const { content: _content, ...message } = reply(model, text);
      event("message_start", {
        message: { ...message, content: [], stop_reason: null },
      });
      if (scripted && "tool" in scripted) {
        event("content_block_start", {
          index: 0,
          content_block: {
            type: "tool_use",
            id: `toolu_mock_${requests.length}`,
            name: scripted.tool.name,
            input: {},
          },
        });
        event("content_block_delta", {
          index: 0,
          delta: {
            type: "input_json_delta",
            partial_json: JSON.stringify(scripted.tool.input),
          },
        });
      } else {
        event("content_block_start", {
          index: 0,
          content_block: { type: "text", text: "" },
        });
        event("content_block_delta", {
          index: 0,
          delta: { type: "text_delta", text: scripted?.text ?? text },
        });
      }
      event("content_block_stop", { index: 0 });
      event("message_delta", {
        delta: {
          stop_reason: scripted && "tool" in scripted ? "tool_use" : "end_turn",
          stop_sequence: null,
        },
        usage: { output_tokens: 1 },
      });
      event("message_stop", {});
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => {
          for (const res of hanging) res.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

/** What one client run produced. */
export interface ClientRun {
  /** Exit code, `null` when killed. */
  code: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/**
 * Runs the client without blocking this process (the mock answers from
 * it), in its own process group, killed with the group after `timeoutMs`.
 */
export function runClient(
  bin: string,
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    timeoutMs?: number;
    /** Called with the process group's id once it runs. */
    started?: (pgid: number) => void;
  },
): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid !== undefined) options.started?.(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, options.timeoutMs ?? 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
