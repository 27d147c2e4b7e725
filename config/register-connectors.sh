#!/bin/sh
# Registers every connector JSON in this folder with a Connect worker: PUT /connectors/<name>/config
# creates or updates, so running it twice is harmless.
#   CONNECT_URL     worker REST URL (default http://localhost:8083)
#   DEMO_API_URL    replaces http://127.0.0.1:8089 in the configs (e.g. http://demo-api:8089)
#   DATA_DIR        replaces /tmp/variant-connect in the configs (e.g. /data)
#   CONNECTORS      space-separated file names (default: ats-source, HTTP source, DuckDB sink)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
url=${CONNECT_URL:-http://localhost:8083}
connectors=${CONNECTORS:-ats-source.json clickstream-http-source.json variant-sink-duckdb.json}

until curl -fsS "$url/connectors" >/dev/null 2>&1; do
  echo "waiting for $url"; sleep 2
done

for file in $connectors; do
  json=$(sed -e "s#http://127.0.0.1:8089#${DEMO_API_URL:-http://127.0.0.1:8089}#g" \
             -e "s#/tmp/variant-connect#${DATA_DIR:-/tmp/variant-connect}#g" "$here/$file")
  name=$(printf '%s' "$json" | sed -n 's/^ *"name": *"\([^"]*\)".*/\1/p' | head -n 1)
  # The REST body of PUT .../config is the inner "config" object.
  config=$(printf '%s' "$json" | sed -n '/"config": *{/,$p' | sed '1s/.*"config": *{/{/' | sed '$d')
  code=$(printf '%s' "$config" | curl -s -o /tmp/register.out -w '%{http_code}' -X PUT \
    -H 'Content-Type: application/json' --data @- "$url/connectors/$name/config")
  echo "$name: HTTP $code"
  case "$code" in 2*) ;; *) cat /tmp/register.out; exit 1 ;; esac
done
