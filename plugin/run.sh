#!/bin/sh
# Runs the mpm-session CLI for the Claude Code plugin, passing every argument
# through. In order of preference: `mpm-session` on PATH, the plugin's own
# npm bundle under Node, the TypeScript source under Deno with the narrow
# permissions the CLI needs, and finally the npm package through npx.

root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd) || exit 1

if command -v mpm-session >/dev/null 2>&1; then
  exec mpm-session "$@"
fi
if [ -f "$root/dist/mpm-session.mjs" ] && command -v node >/dev/null 2>&1; then
  exec node "$root/dist/mpm-session.mjs" "$@"
fi
if command -v deno >/dev/null 2>&1; then
  exec deno run --allow-run=git --allow-read --allow-write --allow-env \
    "$root/cli.ts" "$@"
fi
exec npx --yes mpm-session "$@"
