#!/bin/sh
# The service's benchmark (docs/benchmarks.md, "Service"): wrk against `mapping-dsl serve` on
# the loopback, validate and dry-run of the example mapping, then the same requests through
# the endpoints' code directly (bench_service_direct), in one run on the same machine.
# Run inside the build root, after a release build:
#   scripts/in-root cmake --preset release
#   scripts/in-root cmake --build --preset release --target mapping-dsl bench_service_direct
#   scripts/in-root bench/service/run.sh [SECONDS] [CONNECTIONS]
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-16}
bin=build/release/bin
threads=$(nproc)
work=$(mktemp -d "${TMPDIR:-/tmp}/mdsl-bench-service.XXXXXX")
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

mapping=resources/examples/order-export.mdsl
input=resources/examples/order-export.input.json
# The request bodies: the files' text as a JSON string (backslashes, quotes and newlines escaped).
escape() { sed -e ':a' -e 'N' -e '$!ba' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\n/\\n/g' "$1"; }
printf '{"mapping":"%s"}' "$(escape "$mapping")" > "$work/validate.json"
printf '{"mapping":"%s","input":%s}' "$(escape "$mapping")" "$(cat "$input")" > "$work/dry-run.json"

"$bin/mapping-dsl" serve --listen 127.0.0.1 --port 0 --no-access-log 2> "$work/serve.log" &
server=$!
port=
for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log"; exit 1; }

for endpoint in validate dry-run; do
    cat > "$work/$endpoint.lua" <<LUA
wrk.method = "POST"
local f = io.open("$work/$endpoint.json", "rb")
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("http %s: %d requests in %.2f s: %.0f requests/s, p50 %.3f ms, p99 %.3f ms, errors %d, non-2xx %d\n",
    "$endpoint", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
    # Warm the cache, then measure.
    wrk -t"$threads" -c"$connections" -d1s -s "$work/$endpoint.lua" "http://127.0.0.1:$port/api/v1/mappings/$endpoint" > /dev/null
    wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$work/$endpoint.lua" "http://127.0.0.1:$port/api/v1/mappings/$endpoint" | grep '^http '
    "$bin/bench_service_direct" "$endpoint" "$mapping" "$input" "$seconds" "$threads"
done
