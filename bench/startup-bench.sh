#!/usr/bin/env bash
# Start-up of the release binary: `bulwark scan` of an empty directory with the built-in check library, side by
# side with the anchor, the same binary reading the library from checks/ on disk (--checks-dir, how every binary
# ran before the library was built in), and `bulwark --version` (start-up without a library). Median wall time
# of RUNS runs each (default 20), interleaved; prints the sizes of the binary and the archive and the ratio.
#   bench/startup-bench.sh [ARCHIVE]    default: builds one with scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${1:-$(scripts/release.sh | tail -1)}"
runs="${RUNS:-20}"
work="$(mktemp -d /tmp/bulwark-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive" bulwark
mkdir "$work/empty"
python3 - "$work/bulwark" "$work/empty" "$PWD/checks" "$runs" "$archive" <<'PY'
import os, statistics, subprocess, sys, time
binary, empty, checks, runs, archive = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
env = {k: v for k, v in os.environ.items() if k != "BULWARK_CHECKS_DIR"}
cases = {
    "scan, built-in library": [binary, "scan", empty],
    "scan, --checks-dir checks/ (anchor)": [binary, "scan", empty, "--checks-dir", checks],
    "--version": [binary, "--version"],
}
times = {name: [] for name in cases}
for _ in range(runs):
    for name, argv in cases.items():
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=empty)
        times[name].append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"startup-bench: {' '.join(argv)} exited {done.returncode}")
mb = lambda path: os.path.getsize(path) / 1e6
print(f"binary {mb(binary):.1f} MB, archive {mb(archive):.1f} MB ({os.path.basename(archive)}), {runs} runs each")
medians = {name: statistics.median(values) for name, values in times.items()}
for name, value in medians.items():
    print(f"{name:40s} median {value * 1000:7.1f} ms  (min {min(times[name]) * 1000:.1f}, max {max(times[name]) * 1000:.1f})")
ratio = medians["scan, built-in library"] / medians["scan, --checks-dir checks/ (anchor)"]
print(f"built-in / --checks-dir: {ratio:.2f}")
PY
