#!/usr/bin/env python3
"""Parses every .tf file under a directory with python-hcl2 (the parser Checkov uses) and reports counts."""
import os
import sys
import time

import hcl2


def main():
    root = sys.argv[1]
    ok = failed = 0
    start = time.perf_counter()
    for dirpath, _, names in os.walk(root):
        for n in sorted(names):
            if not n.endswith(".tf"):
                continue
            with open(os.path.join(dirpath, n)) as fh:
                try:
                    hcl2.load(fh)
                    ok += 1
                except Exception as e:  # python-hcl2 raises lark errors of several kinds
                    failed += 1
                    print(f"hcl2: {dirpath}/{n}: {e}", file=sys.stderr)
    print(f"hcl2_parse: {ok} parsed, {failed} failed in {time.perf_counter() - start:.2f}s")


if __name__ == "__main__":
    main()
