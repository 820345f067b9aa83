#!/bin/sh
# Runs the mpm-session CLI for the Claude Code plugin, passing every argument
# and stdin (a hook's event JSON) through. A marketplace or git install copies
# the tracked files and builds nothing, so in order of preference:
#   1. the tracked Node bundle beside this script, under `node`;
#   2. `mpm-session` on PATH (the compiled binary or an npm install);
#   3. the TypeScript source under Deno, with the permissions the CLI needs.
# Never `npx` of a package name: whoever registers that name would have their
# code run, and npx may wait on the network. When nothing can run, one line on
# stderr and exit 0 at once: a hook must never break or stall the editor.

# Shell built-ins only: a hook may run with a PATH that has no dirname.
case $0 in
  */*) here=${0%/*} ;;
  *) here=. ;;
esac
here=$(CDPATH='' cd -- "$here" && pwd) || exit 0
root=${here%/*}

if [ -f "$here/mpm-session.mjs" ] && command -v node >/dev/null 2>&1; then
  exec node "$here/mpm-session.mjs" "$@"
fi
if command -v mpm-session >/dev/null 2>&1; then
  exec mpm-session "$@"
fi
if [ -f "$root/cli.ts" ] && command -v deno >/dev/null 2>&1; then
  exec deno run --no-prompt --allow-run=git --allow-read --allow-write \
    --allow-env "$root/cli.ts" "$@"
fi
echo "mpm-session: cannot run: install Node.js 20+ or put mpm-session on PATH" >&2
exit 0
