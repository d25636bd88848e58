#!/usr/bin/env python3
"""Line coverage per target from the llvm-cov JSON export that `swift test --enable-code-coverage` writes.

Usage: coverage-report.py EXPORT.json [--markdown] [--min PERCENT]
Files are grouped by their first two path components under the package (Sources/<Target>, Tools/<Tool>,
Benchmarks/<Driver>); test targets and dependencies are left out. With --min, exits 1 when a product target is
under the threshold (the report is still printed).
"""
import json
import os
import sys


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    path = args[0]
    markdown = "--markdown" in args
    minimum = None
    if "--min" in args:
        minimum = float(args[args.index("--min") + 1])
    root = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
    with open(path) as handle:
        export = json.load(handle)
    totals: dict[str, list[int]] = {}
    for data in export.get("data", []):
        for entry in data.get("files", []):
            name = os.path.realpath(entry["filename"])
            if not name.startswith(root + os.sep):
                continue
            parts = os.path.relpath(name, root).split(os.sep)
            if len(parts) < 3 or parts[0] not in ("Sources", "Tools", "Benchmarks"):
                continue
            key = f"{parts[0]}/{parts[1]}"
            lines = entry["summary"]["lines"]
            bucket = totals.setdefault(key, [0, 0])
            bucket[0] += lines["covered"]
            bucket[1] += lines["count"]
    rows = sorted(totals.items())
    covered = sum(c for c, _ in totals.values())
    count = sum(n for _, n in totals.values())
    under = []
    if markdown:
        print("| target | lines | covered | coverage |")
        print("| --- | ---: | ---: | ---: |")
    for key, (c, n) in rows:
        percent = 100.0 * c / n if n else 100.0
        if minimum is not None and key.startswith("Sources/") and percent < minimum:
            under.append(key)
        if markdown:
            print(f"| `{key}` | {n} | {c} | {percent:.1f} % |")
        else:
            print(f"{key:40} {n:7} {c:7} {percent:6.1f} %")
    total = 100.0 * covered / count if count else 100.0
    if markdown:
        print(f"| **all** | {count} | {covered} | {total:.1f} % |")
    else:
        print(f"{'all':40} {count:7} {covered:7} {total:6.1f} %")
    if under:
        print("under the threshold: " + ", ".join(under), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
