#!/usr/bin/env python3
"""Side-by-side wall time and peak RSS of `bulwark scan` and Checkov on the same trees, in one run.

Called by bench/scan-speed.sh, which names the trees. Each child is timed from fork to exit and its peak RSS
read from wait4(), so figures of a few milliseconds are exact (no `time` resolution limits). Bulwark runs
RUNS times per tree (the median is shown); Checkov once, since a run of it takes seconds to minutes.

Usage: scan_speed.py BULWARK CHECKOV WORKDIR ROW...
where ROW is NAME|TREE|FORMAT and FORMAT is json, sarif, store (SQLite, with JSON for Checkov) or
alone (json, Bulwark only: fixed costs on an empty tree, scaling on trees too large to run Checkov on).
CHECKOV_RESULTS=FILE keeps Checkov's figures per tree in FILE and reuses them for every format of that tree, since
one Checkov run of the synthetic tree takes minutes (its scan, not its writer, is the cost); a figure is reused only
within the run session that wrote it (same boot).
"""
import json
import os
import statistics
import subprocess
import sys
import time

RUNS = int(os.environ.get("RUNS", "5"))


def run(argv, cwd, env, stdout_path):
    """Runs argv; returns (seconds, peak RSS in MB, CPU seconds of user and system)."""
    with open(stdout_path, "wb") as out, open(stdout_path + ".err", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        _, _, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4 above; Popen must not wait again
    return seconds, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def bulwark(binary, work, tree, fmt):
    env = {k: v for k, v in os.environ.items() if k != "BULWARK_CHECKS_DIR"}
    report = os.path.join(work, "bulwark." + ("sarif" if fmt == "sarif" else "json"))
    argv = [binary, "scan", ".", "--soft-fail", "-o", ("sarif:" if fmt == "sarif" else "json:") + report]
    if fmt == "store":
        db = os.path.join(work, "bulwark.db")
        argv += ["--store", "--database", "sqlite:" + db, "--target", "tree", "--commit", "c0"]
    # One untimed run brings the binary and the tree into the page cache, as every run after the first finds them.
    run(argv, tree, env, os.path.join(work, "bulwark.out"))
    samples = []
    for _ in range(RUNS):
        if fmt == "store":
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        samples.append(run(argv, tree, env, os.path.join(work, "bulwark.out")))
    seconds = statistics.median(s for s, _, _ in samples)
    rss = max(m for _, m, _ in samples)
    cpu = statistics.median(c for _, _, c in samples)
    return seconds, rss, cpu


def boot_id():
    with open("/proc/sys/kernel/random/boot_id") as f:
        return f.read().strip()


def checkov(binary, work, tree, fmt):
    output = "sarif" if fmt == "sarif" else "json"
    cache = os.environ.get("CHECKOV_RESULTS")
    key = f"{boot_id()}|{os.path.realpath(tree)}"
    known = {}
    if cache and os.path.exists(cache):
        with open(cache) as f:
            known = json.load(f)
        if key in known:
            return tuple(known[key])
    argv = [binary, "-d", tree, "-o", output, "--framework", "terraform", "--compact", "--skip-download"]
    figures = run(argv, work, dict(os.environ), os.path.join(work, "checkov." + output))
    if cache:
        known[key] = figures
        with open(cache, "w") as f:
            json.dump(known, f)
    return figures


def main():
    bulwark_bin, checkov_bin, work = sys.argv[1:4]
    rows = [r.split("|") for r in sys.argv[4:]]
    os.makedirs(work, exist_ok=True)
    header = (
        f"{'tree':44} {'format':7} {'Checkov s':>10} {'Bulwark s':>10} {'speed':>9} {'Checkov MB':>11} {'Bulwark MB':>11}"
        f" {'RSS B/C':>8} {'C cpu s':>9} {'B cpu s':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, tree, fmt in rows:
        b_s, b_mb, b_cpu = bulwark(bulwark_bin, work, tree, "json" if fmt == "alone" else fmt)
        if fmt == "alone":
            print(
                f"{name:44} {'json':7} {'-':>10} {b_s:10.4f} {'-':>9} {'-':>11} {b_mb:11.1f} {'-':>8} {'-':>9} {b_cpu:9.3f}",
                flush=True,
            )
            continue
        c_s, c_mb, c_cpu = checkov(checkov_bin, work, tree, fmt)
        print(
            f"{name:44} {fmt:7} {c_s:10.3f} {b_s:10.4f} {c_s / b_s:8.1f}x {c_mb:11.1f} {b_mb:11.1f} {b_mb / c_mb:8.3f}"
            f" {c_cpu:9.2f} {b_cpu:9.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
