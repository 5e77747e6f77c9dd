#!/usr/bin/env bash
# Throwaway PostgreSQL, Redis and Azurite (Azure Blob Storage emulator) servers on loopback for tests and local
# multi-node runs. Source this file, then: services_start; ...; services_stop
# Exports WORKSPACE_TEST_POSTGRES (an Npgsql connection string), WORKSPACE_TEST_REDIS (host:port) and
# WORKSPACE_TEST_AZURITE (an Azure Storage connection string). Azurite comes from infra/install.sh; when it is
# missing only the blob-store tests are skipped.

SERVICES_DIR="${SERVICES_DIR:-$(mktemp -d /tmp/workspace-services.XXXXXX)}"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then echo "postgresql is not installed" >&2; return 1; fi
  local port; port=$(free_port)
  local dir="$SERVICES_DIR/pg"
  mkdir -p "$dir"
  # initdb runs as the postgres user, who must be able to reach the folder.
  chmod 755 "$SERVICES_DIR"
  chown postgres:postgres "$dir" 2>/dev/null || true
  local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U workspace --auth=trust -E UTF8 >"$SERVICES_DIR/pg-init.log" 2>&1 \
    || { echo "initdb failed:" >&2; cat "$SERVICES_DIR/pg-init.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export WORKSPACE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=workspace;Database=postgres;Include Error Detail=true"
  PG_BIN="$bin"; PG_DIR="$dir"
  echo "postgres on 127.0.0.1:$port"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
}

redis_start() {
  command -v redis-server >/dev/null || { echo "redis-server is not installed" >&2; return 1; }
  local port; port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" --dir "$SERVICES_DIR"
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export WORKSPACE_TEST_REDIS="127.0.0.1:$port"
  echo "redis on 127.0.0.1:$port"
}

redis_stop() {
  [ -f "$SERVICES_DIR/redis.pid" ] && kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true
}

azurite_start() {
  local home="${AZURITE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/workspace-azurite}"
  local bin="$home/node_modules/.bin/azurite-blob"
  if [ ! -x "$bin" ]; then echo "azurite is not installed (infra/install.sh installs it)" >&2; return 1; fi
  local port; port=$(free_port)
  mkdir -p "$SERVICES_DIR/azurite"
  "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$SERVICES_DIR/azurite" --skipApiVersionCheck \
    --loose --silent >"$SERVICES_DIR/azurite.log" 2>&1 &
  echo $! >"$SERVICES_DIR/azurite.pid"
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  # Azurite's well-known development account (public, documented by Microsoft; not a secret).
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export WORKSPACE_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
  echo "azurite on 127.0.0.1:$port"
}

azurite_stop() {
  [ -f "$SERVICES_DIR/azurite.pid" ] && kill "$(cat "$SERVICES_DIR/azurite.pid")" 2>/dev/null || true
}

services_start() { postgres_start; redis_start; azurite_start; }
services_stop() { azurite_stop; redis_stop; postgres_stop; rm -rf "$SERVICES_DIR"; }
