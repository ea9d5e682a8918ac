#!/usr/bin/env bash
# Fuzzes the running API from its own OpenAPI document with schemathesis, for a bounded time:
# no 5xx, every status, content type and body as the document says.
# Usage: Tests/Live/fuzz-api.sh SAKIP_SERVE_BINARY SECONDS
set -euo pipefail
sakip="$1"; seconds="${2:-60}"
dir="$(mktemp -d)"; port=18474
trap 'kill $(cat "$dir/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$dir"' EXIT
echo "rahasia-sekali" | "$sakip" users add office --role office --password-stdin --data "$dir/data" >/dev/null
token="$("$sakip" users token office --data "$dir/data")"
"$sakip" --data "$dir/data" --port "$port" 2>"$dir/log" & echo $! >"$dir/pid"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
auth=(-H "Authorization: Bearer $token")
curl -sf "${auth[@]}" -H 'content-type: application/json' -d '{"year":2024,"rubric":"permenpanrb-88-2021"}' "http://127.0.0.1:$port/api/v1/periods" >/dev/null
for f in samples/kota-bandung-2024.xml samples/kab-merauke-2024.xml; do
  curl -sf "${auth[@]}" -H "X-Filename: $(basename "$f")" --data-binary "@$f" "http://127.0.0.1:$port/api/v1/periods/2024/submissions" >/dev/null
done
schemathesis run "http://127.0.0.1:$port/openapi.yaml" "${auth[@]}" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-time "$seconds" --workers 2 --suppress-health-check all --warnings off \
  --phases examples,fuzzing,stateful >"$dir/report" 2>&1 \
  || { tail -150 "$dir/report"; echo "schemathesis found failures; the server's log:"; grep -v ' [1-4][0-9][0-9]$' "$dir/log" | tail -30; exit 1; }
# schemathesis's coverage phase is left out: its generator failed inside hypothesis on
# Python 3.11 (an AST recursion-depth error in lambda descriptions), not on anything the API did.
grep -E "generated|passed|Scenarios" "$dir/report" | head -8
