#!/usr/bin/env bash
# Two bulwark binaries must fix alike: `fix -f json` (apart from its timing object) and every file it rewrote,
# byte for byte, on the bundled example (desired-state/terraform), every repository in the shared corpus, a
# bench/gen_volumes.py tree (one file of COUNT fixable volumes, default 2000) and the bench/gen_tree.py tree.
#   bench/fix-identity.sh OLD_BINARY NEW_BINARY
# Both run the check library under checks/ and --admin-cidr 10.20.0.0/16 (so the ingress fixes are planned too),
# each on a fresh copy of the tree at the same path. Exit status 1 when anything differs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/fix-identity.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: bench/fix-identity.sh OLD_BINARY NEW_BINARY}
corpus=${BULWARK_CORPUS:-../shared/corpus}
[ -d "$corpus" ] || corpus="$(cd "$(git rev-parse --git-common-dir)/.." && pwd)/../shared/corpus"
checks=$PWD/checks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

trees=("$PWD/desired-state/terraform")
for dir in "$corpus"/*/; do [ -n "$(find "$dir" -name '*.tf' -print -quit)" ] && trees+=("$(cd "$dir" && pwd)"); done
python3 bench/gen_volumes.py "${COUNT:-2000}" "$work/volumes"
python3 bench/gen_tree.py "$work/synthetic" >/dev/null
trees+=("$work/volumes" "$work/synthetic")

# The timing object is the one part of the output that differs between two runs of the same binary.
normalise() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); r.pop("timing", None); print(json.dumps(r, indent=1, sort_keys=True))' "$1"; }

fix() {  # BINARY TREE RESULT_DIR
  rm -rf "$work/t" && cp -r "$2" "$work/t"
  local status=0
  (cd "$work/t" && env -u BULWARK_CHECKS_DIR "$1" fix . --checks-dir "$checks" --admin-cidr 10.20.0.0/16 -f json \
    >"$work/out.json" 2>/dev/null) || status=$?
  rm -rf "$3" && mv "$work/t" "$3"
  echo "$status" >"$3.status"
  normalise "$work/out.json" >"$3.json"
}

differ=0
for tree in "${trees[@]}"; do
  name=$(basename "$tree")
  fix "$old" "$tree" "$work/old"
  fix "$new" "$tree" "$work/new"
  fixed=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["fixed"]))' "$work/new.json")
  if cmp -s "$work/old.json" "$work/new.json" && cmp -s "$work/old.status" "$work/new.status" &&
    diff -r "$work/old" "$work/new" >/dev/null; then
    printf "same      %-56s %6s fixed, exit %s\n" "$name" "$fixed" "$(cat "$work/new.status")"
  else
    echo "DIFFERENT $name:"
    diff "$work/old.json" "$work/new.json" | head -10 || true
    diff -r "$work/old" "$work/new" | head -10 || true
    differ=1
  fi
done
echo "${#trees[@]} trees compared; $([ $differ = 0 ] && echo "all identical" || echo "some differ")"
exit $differ
