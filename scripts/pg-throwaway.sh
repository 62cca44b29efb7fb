# Sourced by scripts/test: start a throwaway PostgreSQL cluster on a loopback port and export
# BRANCH_DESK_TEST_PG (a SQLAlchemy URL). The cluster is stopped and removed on exit.
# shellcheck shell=bash

pg_start() {
  local bin port dir
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL tidak ditemukan (paket postgresql)." >&2; return 1
  fi
  port="${BRANCH_DESK_PG_PORT:-55432}"
  dir="$(mktemp -d /tmp/branch-desk-pg.XXXXXX)"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  export BRANCH_DESK_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop)
  PG_DIR="$dir"
  trap 'pg_stop' EXIT
  echo "PostgreSQL sementara berjalan di 127.0.0.1:$port"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}
