#!/usr/bin/env bash
# Installs (or verifies) everything Bulwark's build, demo and tests need on a fresh Debian machine.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail

need_apt=()
# C libraries and tools the build or the tests use. Extend this list as layers need them.
# Store: libsqlite3-dev and libpq-dev (CSQLite/CLibPQ), postgresql-15 (StoreTests and bench/store-bench.sh
# start their own server with initdb/pg_ctl; the package also creates the `postgres` user they run it as).
# Anomaly: zlib1g-dev (CZlib, gzip CloudTrail objects).
for pkg in pkg-config libsqlite3-dev libpq-dev postgresql-15 zlib1g-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  echo "install-deps: apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# ReportsTests validate SARIF output against our SARIF 2.1.0 constraint schema with python3 jsonschema.
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema==4.26.0

command -v swift >/dev/null || { echo "install-deps: swift 6 is required (expected at /opt/swift)" >&2; exit 1; }

# terraform is the syntax oracle of the parser tests. It is part of the machine image (HashiCorp's
# releases are not reachable from here), so verify it rather than install it.
if ! command -v terraform >/dev/null; then
  echo "install-deps: the terraform CLI (1.11) is required on PATH for the oracle tests" >&2
  exit 1
fi
tf_version="$(terraform version 2>/dev/null | head -1)"
case "$tf_version" in
  "Terraform v1.1"[1-9]*|"Terraform v1."[2-9][0-9]*) ;;
  *) echo "install-deps: terraform >= 1.11 required, found: $tf_version" >&2; exit 1 ;;
esac
echo "install-deps: ok ($(swift --version 2>/dev/null | head -1); $tf_version)"
