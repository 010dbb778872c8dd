#!/usr/bin/env bash
# Runs a benchmark mode beside a throwaway PostgreSQL server, e.g.
#   tests/VocabBot.Benchmarks/with-postgres.sh scores 10000,100000,1000000
# initdb into a temp folder (as the postgres user when run as root, since initdb refuses root), a free port on
# 127.0.0.1, default settings (fsync on); the server is stopped and its folder removed when the benchmark ends.
# The benchmark gets the server's connection string in VOCABBOT_BENCH_POSTGRES.
set -euo pipefail
cd "$(dirname "$0")/../.."
initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1)
[ -x "$initdb" ] || { echo "PostgreSQL's initdb is not on this machine: apt-get install postgresql" >&2; exit 2; }
bin=$(dirname "$(readlink -f "$initdb")")
dir=$(mktemp -d)
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
trap 'as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
# PG_SERVER_OPTIONS: more server settings for a diagnostic run, e.g. "-c max_wal_size=8GB" (none by default).
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 ${PG_SERVER_OPTIONS:-}" start >/dev/null
export VOCABBOT_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
dotnet run -c Release --project tests/VocabBot.Benchmarks -- "$@"
