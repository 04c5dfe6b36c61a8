#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the consent ledger's tests, on a loopback port.
#   postgres-cluster.sh start DIR PORT   installs Debian's postgresql when missing (as root), starts a cluster
#                                        in DIR and prints its URL (postgres://postgres@127.0.0.1:PORT/consent)
#   postgres-cluster.sh stop DIR         stops it and removes DIR
set -euo pipefail

command=${1:?start|stop}
dir=${2:?cluster folder}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

# As root, the server runs as the postgres user (it refuses root); otherwise as whoever runs this.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
  port=${3:?port}
  bin=$(find_bin || true)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "No PostgreSQL found: installing Debian's postgresql (apt-get install -y postgresql)…" >&2
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
      bin=$(find_bin)
    else
      echo "The consent ledger's PostgreSQL tests need PostgreSQL: sudo apt-get install -y postgresql," >&2
      echo "or set TEST_DATABASE_URL to an empty database of yours." >&2
      exit 1
    fi
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=60" start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres consent
  echo "postgres://postgres@127.0.0.1:$port/consent"
  ;;
stop)
  bin=$(find_bin || true)
  if [ -n "$bin" ] && [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
  ;;
esac
