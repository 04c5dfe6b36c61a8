#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the consent ledger's tests, on a loopback port.
#   postgres-cluster.sh start DIR PORT   installs Debian's postgresql when missing (as root), starts a cluster
#                                        in DIR and prints its URL (postgres://postgres@127.0.0.1:PORT/consent)
#   postgres-cluster.sh stop DIR         stops it and removes DIR
#   postgres-cluster.sh halt DIR         stops the server, keeping DIR (an outage, for the fault test)
#   postgres-cluster.sh resume DIR PORT  starts it again
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

start_server() {
  as_owner "$1/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $dir -c max_connections=60" start >/dev/null
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
  start_server "$bin" "$port"
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
halt)
  as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  start_server "$(find_bin)" "${3:?port}"
  ;;
*)
  echo "usage: $0 start DIR PORT | stop DIR | halt DIR | resume DIR PORT" >&2
  exit 2
  ;;
esac
