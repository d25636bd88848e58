#!/usr/bin/env bash
# The hardening probes side by side: every script under bench/hardening/ run with a baseline binary and with the
# binary under test, one after the other, in one run.
#   bench/hardening.sh BASE_BIN NEW_BIN
# expansion: runaway module/for expansion and a reconcile timeout; lease: `reconcile --once` leases;
# confine: large blobs in a PR scan, directory-symlink loops, reads outside the tree; fix-scaling: `fix` time against
# `scan` time; dead-endpoint: discovery against an endpoint that dies or never answers (needs moto_server).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base=${1:?usage: bench/hardening.sh BASE_BIN NEW_BIN}
new=${2:?usage: bench/hardening.sh BASE_BIN NEW_BIN}
for script in expansion lease confine fix-scaling dead-endpoint; do
    for bin in "$base" "$new"; do
        echo "== $script: $bin"
        bash "$here/hardening/$script.sh" "$bin"
    done
done
