#!/usr/bin/env bash
# Property-based API test: schemathesis (pinned, in a virtualenv under .build) generates requests from
# docs/openapi.yaml against a running `bulwark serve` (debug build, SQLite store with two synthetic scans, an admin
# token) and checks that no response is a 5xx and every response matches the schema. Bounded: MAX_EXAMPLES per
# operation (default 25), well under two minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${MAX_EXAMPLES:-25}"
venv=.build/schemathesis-venv
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet schemathesis==4.32.5
fi
swift build --product bulwark >/dev/null
swift build --product bulwark-store-tool >/dev/null
bin=.build/debug

work=$(mktemp -d /tmp/bulwark-schemathesis-XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
db="sqlite:$work/bulwark.db"
for commit in 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222; do
  "$bin/bulwark-store-tool" write-synthetic --url "$db" --target infra --commit "$commit" --findings 50 --pass-every 3 >/dev/null
done
token=$("$bin/bulwark" token create --name schemathesis --role admin --database "$db")
cat >"$work/bulwark.yaml" <<YAML
targets:
  - name: infra
    repo: $work/no-such-repository
    suspend: true
YAML
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/bulwark" serve --config "$work/bulwark.yaml" --database "$db" --listen "127.0.0.1:$port" --log-level error \
  2>"$work/server.log" &
server=$!
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
"$venv/bin/st" run docs/openapi.yaml --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "$examples" --exclude-path-regex '^/api/v1/tokens' --no-color
