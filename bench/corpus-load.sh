#!/usr/bin/env bash
# Loads every repository of the real-world corpus (and the synthetic tree from bench/gen_tree.py) with a release
# `bulwark scan` and prints, per repository: root modules, resources, results, load errors and warnings, taken
# from the JSON report (`summary`, `results`, `load_errors`, `warnings`; docs/scan-json-schema.md).
# The corpus is valid Terraform, so any load error is a loader bug: the script exits 1 when a repository has one.
#   BULWARK_CORPUS   corpus directory (default ../shared/corpus)
#   SKIP_SYNTHETIC=1 leave out the synthetic tree
#   BULWARK_BIN      scan with this binary instead of building one (to compare against another checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${BULWARK_CORPUS:-../shared/corpus}
out=${CORPUS_LOAD_OUT:-bench/out/corpus-load}
mkdir -p "$out"
[ -d "$corpus" ] || { echo "no corpus at $corpus (set BULWARK_CORPUS)" >&2; exit 2; }
if [ -n "${BULWARK_BIN:-}" ]; then
  bin=$BULWARK_BIN
else
  swift build -c release --product bulwark >/dev/null
  bin=$PWD/.build/release/bulwark
fi

trees=()
for dir in "$corpus"/*/; do trees+=("${dir%/}"); done
if [ "${SKIP_SYNTHETIC:-0}" != 1 ]; then
  [ -d bench/out/tree ] || python3 bench/gen_tree.py bench/out/tree >/dev/null
  trees+=("$PWD/bench/out/tree")
fi

printf "%-58s %6s %9s %8s %7s %9s\n" repository roots resources results errors warnings
status=0
for tree in "${trees[@]}"; do
  name=$(basename "$tree")
  report=$out/$name.json
  # Findings never matter here (--soft-fail); a scan that cannot run at all leaves no JSON and counts as an error.
  "$bin" scan "$tree" -o json --soft-fail >"$report" 2>"$out/$name.err" || true
  row=$(python3 - "$report" "$tree" <<'PY'
import json, sys
report, tree = sys.argv[1], sys.argv[2]
try:
    data = json.load(open(report))
except (OSError, ValueError):
    print("- - - 1 0")
    sys.exit()
summary = data.get("summary", {})
errors = [d for d in data.get("load_errors", []) if d.get("severity", "error") == "error"]
warnings = data.get("warnings", []) + [d for d in data.get("load_errors", []) if d.get("severity") == "warning"]

# Root modules as RootModuleFinder counts them: directories with configuration files (hidden ones skipped)
# that no directory of the tree calls through a local module source.
import os, re
source = re.compile(r'source\s*=\s*"(\.\.?/[^"]*)"')
dirs = set()
called = set()
for d, subdirs, files in os.walk(tree):
    subdirs[:] = [s for s in subdirs if not s.startswith(".")]
    names = [f for f in files if f.endswith(".tf") or f.endswith(".tf.json")]
    if not names:
        continue
    dirs.add(os.path.normpath(d))
    for f in names:
        try:
            text = open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        for m in source.finditer(text):
            target = os.path.normpath(os.path.join(d, m.group(1)))
            if target != os.path.normpath(d):
                called.add(target)
roots = len(dirs - called)
print(roots, summary.get("resources", 0), summary.get("total", len(data.get("results", []))), len(errors), len(warnings))
PY
)
  read -r roots resources results errors warnings <<<"$row"
  printf "%-58s %6s %9s %8s %7s %9s\n" "$name" "$roots" "$resources" "$results" "$errors" "$warnings"
  if [ "$errors" != 0 ]; then
    status=1
    python3 -c 'import json,sys
for d in json.load(open(sys.argv[1])).get("load_errors", [])[:20]:
    print("    %s:%s:%s: %s" % (d.get("file"), d.get("line"), d.get("column"), d.get("message")[:160]))' "$report" 2>/dev/null || true
  fi
done
exit $status
