#!/usr/bin/env bash
# The services n8n's queue mode needs, for the queue-mode test: PostgreSQL and Redis from Debian's packages,
# each started privately (own data folder, own port, loopback only) and stopped again. Nothing touches the
# machine's own PostgreSQL cluster or Redis service.
#
#   scripts/queue-mode.sh ensure                          install postgresql and redis-server when missing
#   scripts/queue-mode.sh start DIR PG_PORT REDIS_PORT    ensure, then start both with their data under DIR
#   scripts/queue-mode.sh stop DIR                        stop what `start` started under DIR
#   scripts/queue-mode.sh dump PG_PORT                    n8n's database as SQL text (pg_dump), to search it
#
# `ensure` is idempotent: it installs only what is absent (apt-get as root, or through sudo when available),
# waits for another apt run instead of failing, and runs `apt-get update` only when the package is unknown.
# PostgreSQL refuses to run as root; as root its processes run as the `postgres` user the package creates.
set -euo pipefail

log() { echo "[queue-mode] $*" >&2; }

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root (or sudo) to install: $*"; return 1
  fi
}

apt_install() {
  local pkg="$1"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "apt-get update (package $pkg unknown so far)"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  fi
  log "apt-get install $pkg"
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$pkg" >&2
}

ensure() {
  pg_bindir >/dev/null || apt_install postgresql
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || apt_install redis-server
  pg_bindir >/dev/null || { log "postgresql installed but initdb not found under /usr/lib/postgresql/*/bin"; exit 1; }
}

# Runs a command as the owner of the PostgreSQL files: `postgres` when we are root, else ourselves.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where PostgreSQL's files live: under DIR, or as root a folder of their own that the postgres user owns
# (it could not enter a private folder of root's on the way to DIR). DIR/pg.location remembers it.
pg_root() {
  local dir="$1"
  if [ -f "$dir/pg.location" ]; then cat "$dir/pg.location"; return 0; fi
  local root="$dir/pg"
  if [ "$(id -u)" = 0 ]; then
    root="$(mktemp -d "${TMPDIR:-/tmp}/mwwfs-queue-pg.XXXXXX")"
    chmod 755 "$root"
    chown postgres "$root"
  else
    mkdir -p "$root"
  fi
  echo "$root" >"$dir/pg.location"
  echo "$root"
}

start() {
  local dir="$1" pg_port="$2" redis_port="$3"
  ensure
  local bin pg
  bin="$(pg_bindir)"
  mkdir -p "$dir/redis"
  pg="$(pg_root "$dir")"
  if [ ! -f "$pg/data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$pg/data" -U n8n --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  # a test database: no durability needed, so no fsync
  as_pg "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 120 start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >&2 \
    || { tail -n 30 "$pg/server.log" >&2; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U n8n n8n 2>/dev/null || true
  local redis_bin
  redis_bin="$(command -v redis-server || echo /usr/bin/redis-server)"
  "$redis_bin" --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  for _ in $(seq 1 100); do
    if [ -s "$dir/redis/redis.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; then
      log "postgres on 127.0.0.1:$pg_port (user n8n, database n8n), redis on 127.0.0.1:$redis_port"
      return 0
    fi
    sleep 0.1
  done
  log "redis did not start"; cat "$dir/redis/redis.log" >&2; exit 1
}

stop() {
  local dir="$1" bin pg
  if [ -f "$dir/redis/redis.pid" ]; then
    kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    rm -f "$dir/redis/redis.pid"
  fi
  [ -f "$dir/pg.location" ] || return 0
  pg="$(cat "$dir/pg.location")"
  if [ -f "$pg/data/postmaster.pid" ] && bin="$(pg_bindir)"; then
    as_pg "$bin/pg_ctl" -D "$pg/data" -m immediate -w stop >&2 || true
  fi
  # the folder of its own (as root) is removed with the data; one under DIR goes with DIR
  case "$pg" in "$dir"/*) ;; *) rm -rf "$pg" ;; esac
  rm -f "$dir/pg.location"
}

dump() {
  local bin
  bin="$(pg_bindir)"
  "$bin/pg_dump" -h 127.0.0.1 -p "$1" -U n8n --no-owner n8n
}

case "${1:-}" in
  ensure) ensure ;;
  start) [ $# -eq 4 ] || { log "usage: $0 start DIR PG_PORT REDIS_PORT"; exit 2; }; start "$2" "$3" "$4" ;;
  stop) [ $# -eq 2 ] || { log "usage: $0 stop DIR"; exit 2; }; stop "$2" ;;
  dump) [ $# -eq 2 ] || { log "usage: $0 dump PG_PORT"; exit 2; }; dump "$2" ;;
  *) log "usage: $0 ensure | start DIR PG_PORT REDIS_PORT | stop DIR | dump PG_PORT"; exit 2 ;;
esac
