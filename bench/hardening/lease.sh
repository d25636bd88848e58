#!/usr/bin/env bash
# Lease probes for `reconcile --once`: two runs in a row, and a rerun after the first run was killed with SIGKILL
# mid-cycle (its lease planted as that run leaves it). Prints one line per run: probe, seconds, peak RSS in KB, exit status, scans stored so far.
#   bench/hardening/lease.sh BIN
# A run that leaves its lease behind makes the next one skip the target: its scan count does not grow.
set -uo pipefail
BIN=${1:?usage: lease.sh BIN}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
CHECKS=${CHECKS:-$(cd "$(dirname "$0")/../.." && pwd)/checks}
CAP=${CAP:-120}
WORK=$(mktemp -d /tmp/bulwark-lease.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

git init -q -b main "$WORK/src"
mkdir -p "$WORK/src/infra"
printf 'resource "aws_s3_bucket" "b" {\n  bucket = "probe"\n}\n' >"$WORK/src/infra/main.tf"
git -C "$WORK/src" add -A
git -C "$WORK/src" -c user.name=probe -c user.email=probe@example.invalid commit -qm probe
git clone -q --bare "$WORK/src" "$WORK/remote.git"

config() {  # NAME -> a config whose database and cache are private to the probe
    mkdir -p "$WORK/$1"
    cat >"$WORK/$1/bulwark.yaml" <<EOF
cacheDirectory: $WORK/$1/git
database: $WORK/$1/bulwark.db
targets:
  - name: probe
    repo: $WORK/remote.git
    branch: main
    paths: [infra]
    timeout: 60s
EOF
    echo "$WORK/$1/bulwark.yaml"
}

scans() {  # DB -> number of stored scans
    python3 -c "import sqlite3,sys; print(sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True).execute('select count(*) from scans').fetchone()[0])" "$1" 2>/dev/null || echo NA
}

run() {  # PROBE CONFIG
    local status=0
    /usr/bin/time -f '%e %M' -o "$WORK/time" timeout "$CAP" "$BIN" reconcile --once --force --config "$2" \
        --checks-dir "$CHECKS" >"$WORK/$1.out" 2>&1 || status=$?
    read -r seconds rss < <(tail -n 1 "$WORK/time") || { seconds=NA; rss=NA; }
    printf '%-22s %8s %10s %4s %6s\n' "$1" "$seconds" "$rss" "$status" "$(scans "$(dirname "$2")/bulwark.db")"
}

printf '%-22s %8s %10s %4s %6s\n' probe seconds maxRSS_KB exit scans
twice=$(config twice)
run once-first "$twice"
run once-second "$twice"

# A run killed with SIGKILL mid-cycle leaves its lease row: planted here as a first run would leave it (owner, five
# minutes of validity, this host and the pid of a process that has exited), so the probe does not race the cycle.
killed=$(config killed)
run killed-first "$killed"
sh -c 'exit 0' &
dead=$!
wait "$dead"
python3 - "$WORK/killed/bulwark.db" "$dead" "$(hostname)" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
columns = [row[1] for row in db.execute("PRAGMA table_info(leases)")]
expires = int((time.time() + 300) * 1_000_000)
if "pid" in columns:
    db.execute("INSERT OR REPLACE INTO leases (target, owner, expires_at, host, pid) VALUES ('probe', 'killed-run', ?, ?, ?)",
               (expires, sys.argv[3], int(sys.argv[2])))
else:
    db.execute("INSERT OR REPLACE INTO leases (target, owner, expires_at) VALUES ('probe', 'killed-run', ?)", (expires,))
db.commit()
PY
run after-kill-9 "$killed"
