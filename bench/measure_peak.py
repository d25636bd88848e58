"""Runs a command and prints `NAME WALL_SECONDS PEAK_RSS_KB` (the largest resident set of the command and its
children, from getrusage) to stderr-free stdout of this script; the command's own stdout goes to OUT.
Usage: measure_peak.py NAME OUT CMD... Written for Bulwark's comparison benchmarks."""
import resource
import subprocess
import sys
import time

name, out = sys.argv[1], sys.argv[2]
start = time.monotonic()
with open(out, "wb") as sink:
    code = subprocess.call(sys.argv[3:], stdout=sink)
wall = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{name} {wall:.3f} {peak}")
sys.stderr.write(f"{name}: exit {code}, {wall:.1f} s, peak RSS {peak / 1024:.0f} MiB\n")
