#!/usr/bin/env bash
# Reconcile-loop figures, with the release build of `bulwark`:
#   1. commit → stored scan + compliance for a repository the size of desired-state/ (target < 2 s), measured as
#      the wall time of `bulwark reconcile --once` right after a new commit is pushed (process start, fetch,
#      scan from the object database, one-transaction store on SQLite);
#   2. a no-op cycle over 100 unchanged targets (target < 1 s): fetch each, see the same commit, do nothing.
# Usage: bench/reconcile-bench.sh [targets=100]
set -euo pipefail
cd "$(dirname "$0")/.."
targets="${1:-100}"
swift build -c release --product bulwark >/dev/null
bin="$PWD/.build/release/bulwark"
work="$(mktemp -d /tmp/bulwark-reconcile-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# A remote holding a copy of desired-state/ (as a bare repository, fetched over file://).
git init -q -b main "$work/src"
cp -r desired-state "$work/src/"
git -C "$work/src" add -A
git -C "$work/src" -c user.name=bench -c user.email=bench@example.com commit -qm "desired state"
git clone -q --bare "$work/src" "$work/remote.git"
tf_files=$(find desired-state -name '*.tf' | wc -l); tf_lines=$(cat $(find desired-state -name '*.tf') | wc -l)

now_ms() { date +%s%3N; }

# 1. One target: first cycle (clone + scan + store), then a new commit → scan + store.
cat > "$work/one.yaml" <<YAML
cacheDirectory: $work/cache-one
targets:
  - {name: desired-state, repo: "file://$work/remote.git", paths: [desired-state/terraform], frameworks: [cis-aws, cis-azure]}
YAML
export BULWARK_DATABASE_URL="sqlite:$work/one.db"
t0=$(now_ms); "$bin" reconcile --once --config "$work/one.yaml" --log-level error >/dev/null; t1=$(now_ms)
echo "# touched" >> "$work/src/desired-state/terraform/aws/main.tf"
git -C "$work/src" -c user.name=bench -c user.email=bench@example.com commit -qam "a new commit"
git -C "$work/src" push -q "$work/remote.git" main
t2=$(now_ms); "$bin" reconcile --once --config "$work/one.yaml" --log-level error >/dev/null; t3=$(now_ms)
first=$((t1 - t0)); commit_ms=$((t3 - t2))

# 2. N targets on the same remote: the first run scans all, the second finds nothing new.
{
  echo "cacheDirectory: $work/cache-many"
  echo "concurrency: 8"
  echo "targets:"
  for i in $(seq 1 "$targets"); do
    echo "  - {name: t$i, repo: \"file://$work/remote.git\", paths: [desired-state/terraform], pollInterval: 1s}"
  done
} > "$work/many.yaml"
export BULWARK_DATABASE_URL="sqlite:$work/many.db"
t4=$(now_ms); "$bin" reconcile --once --config "$work/many.yaml" --log-level error >/dev/null; t5=$(now_ms)
t6=$(now_ms); "$bin" reconcile --once --config "$work/many.yaml" --log-level error >/dev/null; t7=$(now_ms)
scan_all=$((t5 - t4)); noop=$((t7 - t6))

echo "desired-state copy: $tf_files .tf files, $tf_lines lines"
echo "first cycle (clone + scan + store):        ${first} ms"
echo "new commit -> stored scan + compliance:    ${commit_ms} ms   (target < 2000 ms; ratio $(python3 -c "print(f'{2000/$commit_ms:.1f}x under')"))"
echo "$targets targets, first cycle (all scanned): ${scan_all} ms"
echo "$targets targets, no-op cycle:                ${noop} ms   (target < 1000 ms; ratio $(python3 -c "print(f'{1000/$noop:.2f}x under' if $noop<=1000 else f'{$noop/1000:.2f}x over')"))"
