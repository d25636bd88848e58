#!/usr/bin/env bash
# Checkov 3.3.30 vs bulwark scan on the same trees:
#   - verdict agreement per (check, resource) for every Bulwark check with a Checkov cross-reference
#   - wall time and peak RSS of `checkov -d` vs `bulwark scan` (fixtures and synthetic tree)
# Trees (arguments choose; default all): `fixtures` (the check-library fixtures, each file a module of its own),
# `tree` (the synthetic tree from bench/gen_tree.py) and `corpus` (every repository in ../shared/corpus, or
# $BULWARK_CORPUS). Checkov's corpus outputs are cached in bench/out/corpus/<repo>/checkov.json (they take
# minutes each); delete that directory or set CHECKOV_FRESH=1 to re-run them.
# Overrides: CHECKOV (the checkov executable), BULWARK_BIN (a built bulwark instead of the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p $out
trees=("$@"); [ ${#trees[@]} -eq 0 ] && trees=(fixtures tree corpus)

checkov=${CHECKOV:-}
if [ -z "$checkov" ] && [ -x /work/venvs/checkov/bin/checkov ]; then checkov=/work/venvs/checkov/bin/checkov; fi
if [ -z "$checkov" ]; then
  if [ ! -x $out/checkov-venv/bin/checkov ]; then
    python3 -m venv $out/checkov-venv
    $out/checkov-venv/bin/pip install -q "checkov==3.3.30"
  fi
  checkov=$out/checkov-venv/bin/checkov
fi
version=$("$checkov" --version 2>/dev/null | tail -1)
[ "$version" = "3.3.30" ] || { echo "expected Checkov 3.3.30, $checkov is $version" >&2; exit 2; }
# Checkov's JSON lists passed checks only without --quiet (which keeps failed ones alone).
checkov_args=(-o json --framework terraform --compact --skip-download)

if [ -n "${BULWARK_BIN:-}" ]; then
  bin=$BULWARK_BIN
else
  swift build -c release --product bulwark >/dev/null
  bin=$PWD/.build/release/bulwark
fi

measure() {  # NAME CMD... -> prints time and RSS, leaves stdout in $out/NAME.json
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o $out/rss.txt "$@" >$out/$name.json 2>$out/$name.err || true
  end=$(date +%s.%N)
  local rss; rss=$(tail -1 $out/rss.txt | awk '{printf "%.0f", $1/1024}')
  local secs; secs=$(echo "$end - $start" | bc -l)
  printf "%-26s %9.3f s   peak RSS %6s MB\n" "$name" "$secs" "$rss"
  eval "T_$name=$secs; M_$name=$rss"
}

local_trees() {  # fixtures / tree: timing and agreement in one run
  local tree=$1 dir
  if [ "$tree" = fixtures ]; then
    # Split fixtures: library/<ID>/<name>.tf -> fixtures-split/<ID>__<name>/main.tf
    dir=$out/fixtures-split
    rm -rf $dir && mkdir -p $dir
    for f in Tests/ChecksTests/Fixtures/library/*/*.tf; do
      id=$(basename "$(dirname "$f")"); name=$(basename "$f" .tf)
      mkdir -p "$dir/${id}__${name}" && cp "$f" "$dir/${id}__${name}/main.tf"
    done
  else
    dir=$out/tree
    [ -d $dir ] || python3 bench/gen_tree.py $dir
  fi
  echo "== $tree ($(find $dir -name '*.tf' | wc -l) files, $(find $dir -name '*.tf' -exec cat {} + | wc -l) lines)"
  measure "checkov_$tree" "$checkov" -d $dir "${checkov_args[@]}"
  measure "bulwark_$tree" $bin scan $dir -o json --soft-fail
  python3 bench/checkov_compare.py $out/checkov_$tree.json $out/bulwark_$tree.json $dir $out/disagreements_$tree.txt
  eval "tc=\$T_checkov_$tree; tb=\$T_bulwark_$tree; mc=\$M_checkov_$tree; mb=\$M_bulwark_$tree"
  printf "speed: checkov / bulwark = %.1fx (target >= 100x); RSS bulwark / checkov = %.2f (target <= 0.25)\n\n" \
    "$(echo "$tc / $tb" | bc -l)" "$(echo "$mb / $mc" | bc -l)"
}

corpus() {  # every repository of the shared corpus: agreement only, one table
  local root=${BULWARK_CORPUS:-}
  if [ -z "$root" ]; then
    root=../shared/corpus
    # In a linked worktree, ../shared is beside the main checkout.
    [ -d "$root" ] || root="$(cd "$(git rev-parse --git-common-dir)/.." && pwd)/../shared/corpus"
  fi
  [ -d "$root" ] || { echo "no corpus at $root (set BULWARK_CORPUS)" >&2; return 2; }
  root=$(cd "$root" && pwd)
  local cache=$out/corpus
  mkdir -p $cache
  local repos=()
  for d in "$root"/*/; do [ -n "$(find "$d" -name '*.tf' -print -quit)" ] && repos+=("$(basename "$d")"); done
  echo "== corpus $root (${#repos[@]} repositories)"
  for repo in "${repos[@]}"; do
    mkdir -p "$cache/$repo"
    if [ -n "${CHECKOV_FRESH:-}" ] || [ ! -s "$cache/$repo/checkov.json" ]; then
      "$checkov" -d "$root/$repo" "${checkov_args[@]}" >"$cache/$repo/checkov.json.tmp" 2>"$cache/$repo/checkov.err" || true
      mv "$cache/$repo/checkov.json.tmp" "$cache/$repo/checkov.json"
    fi
    # Run from the repository so report paths are relative to it, as Checkov's are.
    (cd "$root/$repo" && "$bin" scan . -o json --soft-fail) >"$cache/$repo/bulwark.json" 2>"$cache/$repo/bulwark.err" || true
  done
  python3 bench/checkov_compare.py --corpus "$root" "$cache" "$out/disagreements_corpus.txt" "${repos[@]}"
}

for tree in "${trees[@]}"; do
  case $tree in
    fixtures|tree) local_trees $tree ;;
    corpus) corpus ;;
    *) echo "unknown tree $tree (fixtures, tree, corpus)" >&2; exit 2 ;;
  esac
done
