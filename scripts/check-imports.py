#!/usr/bin/env python3
"""Checks that every target's declared dependencies equal the modules its Swift files import.

Reads the package description from `swift package dump-package` and each target's `import` lines; system
modules (Foundation, Dispatch, Glibc, Testing, …) are ignored, and an executable a test runs as a child process
may be declared without an import. Exits 1 and lists the differences when a target disagrees.
"""
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationNetworking", "FoundationXML", "FoundationEssentials", "Dispatch", "Glibc",
          "Darwin", "Musl", "Testing", "XCTest", "Synchronization", "os", "_Concurrency", "PackagePlugin"}
IMPORT = re.compile(r"^(?:@testable\s+|@_exported\s+|(?:public|package|internal)\s+)*import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def main() -> int:
    root = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
    package = json.loads(subprocess.check_output(["swift", "package", "dump-package"], cwd=root))
    targets = {t["name"]: t for t in package["targets"]}
    problems = []
    for name, target in targets.items():
        if target["type"] == "system":
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        path = os.path.join(root, target.get("path") or os.path.join(default, name))
        imports = set()
        for directory, _, files in os.walk(path):
            for file in files:
                if file.endswith(".swift"):
                    with open(os.path.join(directory, file), encoding="utf-8") as handle:
                        imports.update(IMPORT.findall(handle.read()))
        imports -= SYSTEM
        if target["type"] == "regular" and not any(f.endswith(".swift") for _, _, fs in os.walk(path) for f in fs):
            continue  # a C target: its headers include what it uses
        declared = set()
        executables = set()
        for dep in target.get("dependencies", []):
            if "byName" in dep:
                dep_name = dep["byName"][0]
            elif "target" in dep:
                dep_name = dep["target"][0]
            else:
                dep_name = dep["product"][0]
            module = dep_name.replace("-", "_")
            if dep_name in targets and targets[dep_name]["type"] == "executable":
                executables.add(module)
            declared.add(module)
        missing = imports - declared
        unused = declared - imports - executables
        if missing or unused:
            problems.append(f"{name}: imports not declared {sorted(missing)}; declared not imported {sorted(unused)}")
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
