/**
 * Help text, the README's command reference, and the command list, all
 * made from the command descriptors. Pure: no I/O.
 *
 * @module
 */

import { VERSION } from "../version.ts";
import type { CommandDescriptor, OptionSpec } from "./command.ts";
import { GLOBAL_OPTIONS } from "./parse.ts";

/** The exit codes, for the main help and the README. */
export const EXIT_CODES =
  "Exit codes: 0 success, 1 failure, 2 usage error, 3 prune kept something\n(with --fail-on-preserved), 130 interrupted (143 on SIGTERM).";

function optionLabel(spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "    ";
  return `${short}--${spec.name}${spec.value ? ` ${spec.value}` : ""}`;
}

function optionTable(specs: readonly OptionSpec[]): string[] {
  const shown = specs.filter((s) => !s.hidden);
  const width = Math.max(...shown.map((s) => optionLabel(s).length)) + 2;
  return shown.map((s) => `  ${optionLabel(s).padEnd(width)}${s.help}`);
}

/** Help for the tool as a whole. */
export function mainHelp(commands: readonly CommandDescriptor[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  return [
    `mpm-session ${VERSION}`,
    "Pause and resume AI coding sessions; keep agent git worktrees tidy without losing work.",
    "",
    "Usage: mpm-session <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Global options (before or after the command):",
    ...optionTable([
      ...GLOBAL_OPTIONS,
      { name: "version", short: "V", help: "Show the version" },
    ]),
    "",
    "Examples:",
    '  mpm-session pause -m "Auth refactor: login flow next"',
    "  mpm-session resume",
    "  mpm-session -C ~/code/app prune --dry-run",
    "",
    EXIT_CODES,
    "Session files live in <project>/.claude-mpm/sessions/.",
    "Run 'mpm-session <command> --help' for a command's options.",
  ].join("\n");
}

/** Help for one command. */
export function commandHelp(command: CommandDescriptor): string {
  const lines = [
    `Usage: mpm-session ${command.name} ${command.usage}`.trimEnd(),
    "",
    command.description,
    "",
  ];
  if (command.options.some((o) => !o.hidden)) {
    lines.push("Options:", ...optionTable(command.options), "");
  }
  lines.push(
    "Global options: -C PATH, -q/--quiet, -v/--verbose, --color WHEN" +
      (command.jsonSchema ? ", --json" : "") + ", -h/--help",
  );
  if (command.notes) lines.push("", command.notes);
  if (command.examples?.length) {
    lines.push(
      "",
      "Examples:",
      ...command.examples.map((e) => `  mpm-session ${e}`),
    );
  }
  return lines.join("\n");
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** A Markdown table laid out as `deno fmt` lays it out. */
function markdownTable(
  header: [string, string],
  rows: [string, string][],
): string[] {
  const all = [header, ...rows];
  const widths = [0, 1].map((i) => Math.max(3, ...all.map((r) => r[i].length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ];
}

/**
 * A help description as Markdown: its prose lines joined into paragraphs,
 * and its indented lines (commands, a list of events) kept as they are in
 * a code block, as the terminal help shows them.
 */
export function descriptionMarkdown(text: string): string[] {
  const out: string[] = [];
  let prose: string[] = [];
  let code: string[] = [];
  const flush = () => {
    if (prose.length) out.push(prose.join(" ").replace(/ {2,}/g, " "), "");
    if (code.length) out.push("```", ...code, "```", "");
    prose = [];
    code = [];
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") flush();
    else if (/^ {2}/.test(line)) {
      if (prose.length) flush();
      code.push(line.slice(2));
    } else {
      if (code.length) flush();
      prose.push(line.trim());
    }
  }
  flush();
  return out.slice(0, -1);
}

/**
 * The README's per-command reference, in Markdown: for each command its
 * usage, description, options table, notes and examples.
 */
export function readmeReference(
  commands: readonly CommandDescriptor[],
): string {
  const row = (o: OptionSpec): [string, string] => [
    markdownCell(`\`${optionLabel(o).trim()}\``),
    markdownCell(o.help),
  ];
  const out: string[] = [
    ...markdownTable(["Global option", "Meaning"], GLOBAL_OPTIONS.map(row)),
    "",
  ];
  for (const c of commands) {
    out.push(`### \`${`${c.name} ${c.usage}`.trim()}\``, "");
    out.push(...descriptionMarkdown(c.description), "");
    const shown = c.options.filter((o) => !o.hidden);
    if (shown.length) {
      out.push(...markdownTable(["Option", "Meaning"], shown.map(row)), "");
    }
    if (c.jsonSchema) {
      out.push(
        `JSON output: [\`schemas/${c.jsonSchema}\`](schemas/${c.jsonSchema}).`,
        "",
      );
    }
    if (c.notes) out.push(c.notes.replace(/\n(?!\n)/g, " "), "");
    if (c.examples?.length) {
      out.push(
        "```sh",
        ...c.examples.map((e) => `mpm-session ${e}`),
        "```",
        "",
      );
    }
  }
  return out.join("\n").trimEnd() + "\n";
}

/** The markers around the generated reference in README.md. */
export const README_MARKERS = {
  start:
    "<!-- commands:start (generated by `deno task readme`; do not edit by hand) -->",
  end: "<!-- commands:end -->",
} as const;

/** `readme` with the generated reference put between the markers. */
export function updateReadme(
  readme: string,
  commands: readonly CommandDescriptor[],
): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start === -1 || end === -1 || end < start) {
    throw new Error("README.md has no command reference markers");
  }
  return readme.slice(0, start + README_MARKERS.start.length) + "\n\n" +
    readmeReference(commands) + "\n" + readme.slice(end);
}
