/**
 * Shell completion scripts for bash, zsh and fish, made from the command
 * descriptors so they never fall behind the options. Pure: no I/O.
 *
 * @module
 */

import type { CommandDescriptor, OptionSpec } from "./command.ts";
import { GLOBAL_OPTIONS } from "./parse.ts";

/** The shells `completions` knows. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** One of {@link SHELLS}. */
export type Shell = typeof SHELLS[number];

function flags(specs: readonly OptionSpec[]): string[] {
  return specs.filter((s) => !s.hidden).flatMap((s) =>
    s.short ? [`--${s.name}`, `-${s.short}`] : [`--${s.name}`]
  );
}

function bash(commands: readonly CommandDescriptor[]): string {
  const cases = commands.map((c) =>
    `    ${c.name}) opts="${
      [
        ...flags(c.options),
        ...flags(GLOBAL_OPTIONS),
        ...(c.positionalChoices ?? []),
      ].join(" ")
    }" ;;`
  );
  return `# bash completion for mpm-session (mpm-session completions bash)
_mpm_session() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="" i opts
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -C|--directory|--color) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "\${COMP_WORDS[COMP_CWORD-1]}" in
    -C|--directory) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
  esac
  case "$cmd" in
    "") opts="${commands.map((c) => c.name).join(" ")} ${
    flags(GLOBAL_OPTIONS).join(" ")
  } --version -V" ;;
${cases.join("\n")}
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _mpm_session mpm-session
`;
}

function zshEscape(text: string): string {
  return text.replace(/'/g, "'\\''").replace(/[[\]:]/g, "\\$&");
}

function zshSpecs(specs: readonly OptionSpec[]): string[] {
  return specs.filter((s) => !s.hidden).map((s) => {
    const action = s.choices
      ? `(${s.choices.join(" ")})`
      : s.name === "directory"
      ? "_files -/"
      : "_files";
    const body = `[${zshEscape(s.help)}]${
      s.value ? `:${s.value}:${action}` : ""
    }`;
    return s.short
      ? `{-${s.short},--${s.name}}'${body}'`
      : `'--${s.name}${body}'`;
  });
}

function zsh(commands: readonly CommandDescriptor[]): string {
  const list = commands.map((c) => `'${c.name}:${zshEscape(c.summary)}'`).join(
    " ",
  );
  const cases = commands.map((c) =>
    `    ${c.name}) _arguments ${
      [...zshSpecs(c.options), ...zshSpecs(GLOBAL_OPTIONS)].join(" ")
    }${
      c.positionalChoices
        ? ` '1:${c.name}:(${c.positionalChoices.join(" ")})'`
        : " '*:path:_files'"
    } ;;`
  );
  return `#compdef mpm-session
# zsh completion for mpm-session (mpm-session completions zsh)
_mpm_session() {
  local -a commands
  commands=(${list})
  local i cmd=""
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      -C|--directory|--color) ((i++)) ;;
      -*) ;;
      *) cmd="\${words[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    _describe command commands
    _arguments ${zshSpecs(GLOBAL_OPTIONS).join(" ")}
    return
  fi
  case "$cmd" in
${cases.join("\n")}
  esac
}
compdef _mpm_session mpm-session
`;
}

function fishEscape(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
}

function fishOption(spec: OptionSpec, condition: string): string {
  const parts = [
    `complete -c mpm-session -n '${condition}'`,
    `-l ${spec.name}`,
  ];
  if (spec.short) parts.push(`-s ${spec.short}`);
  if (spec.value) parts.push("-r");
  if (spec.choices) parts.push(`-f -a '${spec.choices.join(" ")}'`);
  parts.push(`-d '${fishEscape(spec.help)}'`);
  return parts.join(" ");
}

function fish(commands: readonly CommandDescriptor[]): string {
  const names = commands.map((c) => c.name).join(" ");
  const lines = [
    "# fish completion for mpm-session (mpm-session completions fish)",
    "complete -c mpm-session -f",
    ...commands.map((c) =>
      `complete -c mpm-session -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d '${
        fishEscape(c.summary)
      }'`
    ),
    ...GLOBAL_OPTIONS.map((o) => fishOption(o, "true")),
  ];
  for (const c of commands) {
    const when = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options.filter((s) => !s.hidden)) {
      lines.push(fishOption(o, when));
    }
    if (c.positionalChoices) {
      lines.push(
        `complete -c mpm-session -n '${when}' -a '${
          c.positionalChoices.join(" ")
        }'`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

/** The completion script for `shell`. */
export function completionScript(
  shell: Shell,
  commands: readonly CommandDescriptor[],
): string {
  return shell === "bash"
    ? bash(commands)
    : shell === "zsh"
    ? zsh(commands)
    : fish(commands);
}
