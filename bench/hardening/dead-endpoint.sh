#!/usr/bin/env bash
# Dead and silent cloud endpoints under `bulwark discover --cloud aws`: how long discovery takes, its peak memory
# and its exit status when (a) the endpoint dies mid-read — a loopback proxy forwards the first K requests to a
# seeded moto_server and then closes its listening socket, so every later connection is refused — and (b) the
# endpoint is a TCP listener that accepts connections and never answers.
# Usage: bench/hardening/dead-endpoint.sh BIN [BIN...]   (each run capped with `timeout 300`)
# DEAD_ENDPOINT_SERVED (default 20) requests are served before the death; moto is seeded at
# DEAD_ENDPOINT_SCALE (default 10, about a hundred resources) with Tests/DiscoveryTests/Fixtures/seed_moto.py.
# Prints one row per binary and probe: `probe  seconds  maxRSS_KB  exit`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ "$#" -ge 1 ] || { echo "usage: $0 BIN [BIN...]" >&2; exit 2; }
served="${DEAD_ENDPOINT_SERVED:-20}"
scale="${DEAD_ENDPOINT_SCALE:-10}"
source "$root/bench/moto-env.sh"
work="$(mktemp -d)"
start_moto "$work"
pids=("$moto_pid")
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
moto_url="$AWS_ENDPOINT_URL"
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto.py" --scale "$scale" >/dev/null

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 1 100); do
    "$python" -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2).close()" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# (a) The proxy: forwards K requests, then stops listening (connections refused from then on).
cat >"$work/dying_proxy.py" <<'PY'
import http.server, sys, threading, urllib.request, urllib.error
port, upstream, limit = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
count, lock = [0], threading.Lock()
class Forward(http.server.BaseHTTPRequestHandler):
    def handle_one(self):
        with lock:
            count[0] += 1
            n = count[0]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = urllib.request.Request(upstream + self.path, data=body or None, method=self.command)
        for name, value in self.headers.items():
            if name.lower() not in ("host", "content-length", "connection"):
                request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, headers, data = answer.status, answer.getheaders(), answer.read()
        except urllib.error.HTTPError as error:
            status, headers, data = error.code, error.headers.items(), error.read()
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        if n >= limit:
            threading.Thread(target=server.shutdown_listener).start()
    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_one
    def log_message(self, *args): pass
class Server(http.server.ThreadingHTTPServer):
    def shutdown_listener(self):
        import socket
        try: self.socket.shutdown(socket.SHUT_RDWR)
        except OSError: pass
        self.socket.close()
server = Server(("127.0.0.1", port), Forward)
try: server.serve_forever()
except (OSError, ValueError): pass
PY

run_probe() {  # BIN PROBE ENDPOINT
  local bin="$1" probe="$2" endpoint="$3"
  AWS_ENDPOINT_URL="$endpoint" /usr/bin/time -f '%e %M' -o "$work/time" \
    timeout 300 "$bin" discover --cloud aws -o json >"$work/out.json" 2>"$work/err" && code=0 || code=$?
  # /usr/bin/time writes "Command exited with non-zero status N" before its own line when the command fails.
  read -r seconds rss < <(tail -n 1 "$work/time") || { seconds="?"; rss="?"; }
  printf '%-34s %-14s %8s %10s %5s\n' "$(basename "$(dirname "$bin")")/$(basename "$bin")" "$probe" "$seconds" "$rss" "$code"
}

printf '%-34s %-14s %8s %10s %5s\n' "binary" "probe" "seconds" "maxRSS_KB" "exit"
for bin in "$@"; do
  port="$(free_port)"
  "$python" "$work/dying_proxy.py" "$port" "$moto_url" "$served" &
  pids+=("$!")
  wait_port "$port"
  run_probe "$bin" "dead-mid-read" "http://127.0.0.1:$port"

  port="$(free_port)"
  "$python" -c "import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(512); held=[]; [held.append(s.accept()) for _ in iter(int, 1)]" "$port" &
  pids+=("$!")
  wait_port "$port"
  run_probe "$bin" "silent" "http://127.0.0.1:$port"
done
