#!/usr/bin/env bash
# Start-up of the release binary: `bulwark scan` of an empty directory and of desired-state/terraform with the
# built-in check library, side by side with the anchors: the same binary reading the library from checks/ on disk
# (--checks-dir, which compiles every check as every binary did before), `bulwark --version` (start-up without a
# library) and, with ANCHOR=BINARY, another build (main's) on the same two scans. Median wall time of RUNS runs
# each (default 20), interleaved, with the load average before and after; prints the sizes and the ratios.
#   bench/startup-bench.sh [ARCHIVE | BINARY]    default: builds an archive with scripts/release.sh
#   ANCHOR=/path/to/old/bulwark RUNS=40 bench/startup-bench.sh .build/release/bulwark
set -euo pipefail
cd "$(dirname "$0")/.."
given="${1:-$(scripts/release.sh | tail -1)}"
runs="${RUNS:-20}"
work="$(mktemp -d /tmp/bulwark-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT
case "$given" in
  *.tar.gz) tar -C "$work" -xzf "$given" bulwark ;;
  *) cp "$given" "$work/bulwark" ;;
esac
mkdir "$work/empty"
python3 - "$work/bulwark" "$work/empty" "$PWD/checks" "$runs" "$given" "$PWD/desired-state/terraform" "${ANCHOR:-}" <<'PY'
import os, statistics, subprocess, sys, time
binary, empty, checks, runs, given, example, anchor = sys.argv[1:8]
runs = int(runs)
env = {k: v for k, v in os.environ.items() if k != "BULWARK_CHECKS_DIR"}
cases = {
    "scan EMPTY, built-in library": ([binary, "scan", empty], empty),
    "scan EMPTY, --checks-dir checks/": ([binary, "scan", empty, "--checks-dir", checks], empty),
    "scan desired-state/terraform": ([binary, "scan", ".", "--soft-fail", "-o", "json"], example),
    "--version": ([binary, "--version"], empty),
}
if anchor:
    cases["ANCHOR scan EMPTY"] = ([anchor, "scan", empty], empty)
    cases["ANCHOR scan desired-state/terraform"] = ([anchor, "scan", ".", "--soft-fail", "-o", "json"], example)
times = {name: [] for name in cases}
load_before = open("/proc/loadavg").read().split()[:3]
for _ in range(runs):
    for name, (argv, cwd) in cases.items():
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        times[name].append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"startup-bench: {' '.join(argv)} exited {done.returncode}")
load_after = open("/proc/loadavg").read().split()[:3]
mb = lambda path: os.path.getsize(path) / 1e6
print(f"binary {mb(binary):.1f} MB ({os.path.basename(given)}), {runs} runs each, "
      f"load average {' '.join(load_before)} before, {' '.join(load_after)} after")
medians = {name: statistics.median(values) for name, values in times.items()}
for name, value in medians.items():
    print(f"{name:40s} median {value * 1000:7.1f} ms  (min {min(times[name]) * 1000:.1f}, max {max(times[name]) * 1000:.1f})")
ratio = medians["scan EMPTY, built-in library"] / medians["scan EMPTY, --checks-dir checks/"]
print(f"built-in / --checks-dir (empty directory): {ratio:.3f}")
if anchor:
    for what in ("scan EMPTY", "scan desired-state/terraform"):
        new = medians["scan EMPTY, built-in library" if what == "scan EMPTY" else what]
        print(f"{what}: new / anchor {new / medians['ANCHOR ' + what]:.3f}")
PY
