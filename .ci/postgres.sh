#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:5433 (trust authentication, loopback only)
# for the store and API tests, and prints the admin URL they read from SAKIP_TEST_POSTGRES.
# Usage: .ci/postgres.sh [DIR]          start (or find running) and print the URL
#        .ci/postgres.sh --stop [DIR]   stop it
set -euo pipefail
stop=false
if [ "${1:-}" = "--stop" ]; then stop=true; shift; fi
dir="${1:-/tmp/sakip-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if $stop; then run "$bin/pg_ctl -D '$dir' -m fast stop" >/dev/null 2>&1 || true; exit 0; fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run "$bin/initdb -D '$dir' -A trust -U postgres >/dev/null"
fi
if ! run "$bin/pg_ctl -D '$dir' status" >/dev/null 2>&1; then
  run "$bin/pg_ctl -D '$dir' -o \"-p 5433 -k /tmp -c listen_addresses=127.0.0.1\" -l '$dir/log' -w start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:5433/postgres"
