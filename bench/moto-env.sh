# Sourced by the moto benchmarks (discovery-bench.sh, remediation-mttr.sh): `start_moto WORKDIR` starts moto_server on
# a free loopback port (log in WORKDIR/moto.log), waits until it answers, sets moto_pid and exports the AWS
# environment of a client that talks to it (test credentials, us-east-1, no shared config files). The caller owns
# the trap that stops it (`kill $moto_pid`).
python="${BULWARK_PYTHON:-python3}"

start_moto() {
  local work="$1"
  port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$python" -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 100); do
    if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
    sleep 0.2
  done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  export AWS_CONFIG_FILE="$work/none" AWS_SHARED_CREDENTIALS_FILE="$work/none"
}
