#!/usr/bin/env python3
"""Checks the Containerfile without a container engine, by parsing it with the `dockerfile` package.

What must hold: two stages, `build` from swift:6.3-bookworm and the last from debian:bookworm-slim; the runtime
stage installs exactly scripts/runtime-packages.txt (the list scripts/chroot-test.sh runs the binary with) and
no other package, copies only from the build stage, runs as a numeric non-root USER, and its HEALTHCHECK and
ENTRYPOINT are exec forms of the binary (no shell at run time); OCI labels are set. Each rule is also run on a
broken copy of the file, which it must reject, so a rule that can no longer fail is itself an error.

    scripts/check-containerfile.py [CONTAINERFILE]
"""
import os
import re
import sys

import dockerfile

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
PACKAGE_LIST = "scripts/runtime-packages.txt"
BINARY = "/usr/local/bin/bulwark"
LABELS = ["org.opencontainers.image.title", "org.opencontainers.image.version", "org.opencontainers.image.revision",
          "org.opencontainers.image.description"]


def stages(commands):
    """The commands grouped by FROM: a list of (image, name, commands)."""
    result = []
    for c in commands:
        if c.cmd == "FROM":
            value = list(c.value)
            name = value[2] if len(value) == 3 and value[1].upper() == "AS" else None
            result.append((value[0], name, []))
        elif result:
            result[-1][2].append(c)
    return result


def runtime_packages():
    with open(os.path.join(ROOT, PACKAGE_LIST), encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def problems(text):
    """Every rule the Containerfile `text` breaks, as messages."""
    found = []
    try:
        commands = dockerfile.parse_string(text)
    except dockerfile.GoParseError as error:
        return [f"does not parse: {error}"]
    all_stages = stages(commands)
    if len(all_stages) != 2:
        return [f"expected 2 stages (build, runtime), found {len(all_stages)}"]
    (build_image, build_name, _), (run_image, _, runtime) = all_stages
    if build_image != "swift:6.3-bookworm" or build_name != "build":
        found.append(f"first stage must be `swift:6.3-bookworm AS build`, is {build_image} AS {build_name}")
    if run_image != "debian:bookworm-slim":
        found.append(f"runtime stage must be debian:bookworm-slim, is {run_image}")

    users = [c.value[0] for c in runtime if c.cmd == "USER"]
    if not users:
        found.append("runtime stage sets no USER")
    elif not re.fullmatch(r"[1-9][0-9]*(:[1-9][0-9]*)?", users[-1]):
        found.append(f"runtime USER must be a numeric non-root uid[:gid], is {users[-1]}")

    checks = [c for c in runtime if c.cmd == "HEALTHCHECK"]
    if len(checks) != 1:
        found.append(f"runtime stage needs one HEALTHCHECK, has {len(checks)}")
    elif not checks[0].json or list(checks[0].value[:2]) != ["CMD", BINARY]:
        found.append("HEALTHCHECK must be the exec form CMD [\"" + BINARY + "\", ...] (no shell at run time)")
    entry = [c for c in runtime if c.cmd == "ENTRYPOINT"]
    if not entry or not entry[-1].json or entry[-1].value[0] != BINARY:
        found.append("ENTRYPOINT must be the exec form [\"" + BINARY + "\"]")

    labels = set()
    for c in runtime:
        if c.cmd == "LABEL":
            labels.update(c.value[0::2])
    missing = [label for label in LABELS if label not in labels]
    if missing:
        found.append(f"runtime stage lacks the labels {missing}")

    copies = [c for c in runtime if c.cmd == "COPY"]
    if not any(c.value[0] == PACKAGE_LIST for c in copies):
        found.append(f"runtime stage does not copy {PACKAGE_LIST}")
    if not any(c.value[-1] == BINARY and "--from=build" in c.flags for c in copies):
        found.append(f"runtime stage does not copy the binary from the build stage to {BINARY}")
    for c in copies:
        if "--from=build" not in c.flags and c.value[0] != PACKAGE_LIST:
            found.append(f"runtime stage copies {c.value[0]} from the build context")

    installs = [c.value[0] for c in runtime if c.cmd == "RUN" and "apt-get install" in c.value[0]]
    if len(installs) != 1:
        found.append(f"runtime stage needs one apt-get install, has {len(installs)}")
    else:
        command = re.sub(r"\s+", " ", installs[0])
        list_name = os.path.basename(PACKAGE_LIST)
        # The only packages are the list's: the install reads the file and names no package of its own.
        reads = re.search(r"grep -v '\^#' /tmp/" + re.escape(list_name) + r" \| (?:\S+=\S+ )*xargs apt-get install", command)
        after = command.split("apt-get install", 1)[1].split("&&", 1)[0].split()
        own = [word for word in after if not word.startswith("-")]
        if not reads:
            found.append(f"the runtime apt-get install does not read /tmp/{list_name}")
        if own:
            found.append(f"the runtime apt-get install names packages of its own: {own}")
    if not runtime_packages():
        found.append(f"{PACKAGE_LIST} lists no package")
    return found


# Broken copies of a good file and the message each must produce: every rule is shown able to fail.
MUTATIONS = [
    ("single stage", lambda t: t[t.index("FROM debian"):], "expected 2 stages"),
    ("other runtime base", lambda t: t.replace("FROM debian:bookworm-slim", "FROM ubuntu:24.04"), "runtime stage must be"),
    ("no user", lambda t: re.sub(r"(?m)^USER .*\n", "", t), "sets no USER"),
    ("root user", lambda t: re.sub(r"(?m)^USER .*$", "USER root", t), "numeric non-root"),
    ("uid 0", lambda t: re.sub(r"(?m)^USER .*$", "USER 0", t), "numeric non-root"),
    ("shell health check", lambda t: re.sub(r"(?m)^HEALTHCHECK (.*) CMD \[.*\]$", r"HEALTHCHECK \1 CMD bulwark --version", t),
     "HEALTHCHECK must be"),
    ("no health check", lambda t: re.sub(r"(?m)^HEALTHCHECK .*\n", "", t), "one HEALTHCHECK"),
    ("shell entrypoint", lambda t: re.sub(r"(?m)^ENTRYPOINT .*$", "ENTRYPOINT " + BINARY, t), "ENTRYPOINT must be"),
    ("extra package", lambda t: t.replace("xargs apt-get install -y --no-install-recommends",
                                          "xargs apt-get install -y --no-install-recommends curl"), "packages of its own"),
    ("list not read", lambda t: t.replace("grep -v '^#' /tmp/runtime-packages.txt | ", "echo libpq5 | "), "does not read"),
    ("no labels", lambda t: re.sub(r"(?ms)^LABEL .*?(?=^COPY)", "", t), "lacks the labels"),
    ("context copy", lambda t: t.replace("COPY --from=build /out/LICENSE", "COPY LICENSE"), "from the build context"),
]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Containerfile")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    passed, failed = 0, 0
    for message in problems(text):
        print(f"check-containerfile: {path}: {message}", file=sys.stderr)
        failed += 1
    if failed == 0:
        passed += 1
    for name, mutate, expected in MUTATIONS:
        broken = mutate(text)
        if broken == text:
            print(f"check-containerfile: mutation '{name}' changed nothing: the rule is untested", file=sys.stderr)
            failed += 1
        elif not any(expected in m for m in problems(broken)):
            print(f"check-containerfile: mutation '{name}' was not rejected with '{expected}'", file=sys.stderr)
            failed += 1
        else:
            passed += 1
    print(f"check-containerfile: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
