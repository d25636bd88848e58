#!/usr/bin/env bash
# Runaway-expansion probes: trees that multiply module instances, resources or for-expression elements, scanned
# with `bulwark scan`, and one `reconcile --once` of a target whose cycle would run for minutes under a short
# `timeout:`. Prints one line per probe:
#   probe  seconds  maxRSS_KB  exit  output_bytes
#   bench/hardening/expansion.sh BIN [BIN …]       # e.g. /work/bulwark-release-2c1d925 .build/release/bulwark
# Every run is capped at CAP seconds (default 120; exit 124 means the cap stopped it) and at MEM_KB of address
# space (default 8 GiB; a run that needs more dies, exit 134 or 139), so a probe cannot take the machine down.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cap="${CAP:-120}"
mem="${MEM_KB:-8388608}"
[ "$#" -ge 1 ] || { echo "usage: $0 BIN [BIN ...]" >&2; exit 2; }
work="$(mktemp -d /tmp/bulwark-expansion.XXXXXX)"
trap 'rm -rf "$work"' EXIT

probe() { mkdir -p "$work/probes/$1"; cat > "$work/probes/$1/main.tf"; }

# A module calling itself twice / three times through `source = "./"`.
probe selfcall-x2 <<'TF'
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
module "left" {
  source = "./"
}
module "right" {
  source = "./"
}
TF
probe selfcall-x3 <<'TF'
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
module "a" {
  source = "./"
}
module "b" {
  source = "./"
}
module "c" {
  source = "./"
}
TF
probe count-1m <<'TF'
resource "aws_s3_bucket" "b" {
  count  = 1000000
  bucket = "b-${count.index}"
}
TF
probe foreach-range-1m <<'TF'
resource "aws_s3_bucket" "b" {
  for_each = toset([for i in range(1000000) : tostring(i)])
  bucket   = each.value
}
TF
probe nested-for <<'TF'
locals {
  grid = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : "${a}-${b}-${c}"]]]
}
resource "aws_s3_bucket" "b" {
  bucket = "b-${length(local.grid)}"
}
TF
probe format-width <<'TF'
resource "aws_s3_bucket" "b" {
  bucket = format("%0999999999d", 1)
}
TF
probe string-doubling <<'TF'
locals {
  s0  = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  s1  = "${local.s0}${local.s0}"
  s2  = "${local.s1}${local.s1}"
  s3  = "${local.s2}${local.s2}"
  s4  = "${local.s3}${local.s3}"
  s5  = "${local.s4}${local.s4}"
  s6  = "${local.s5}${local.s5}"
  s7  = "${local.s6}${local.s6}"
  s8  = "${local.s7}${local.s7}"
  s9  = "${local.s8}${local.s8}"
  s10 = "${local.s9}${local.s9}"
  s11 = "${local.s10}${local.s10}"
  s12 = "${local.s11}${local.s11}"
  s13 = "${local.s12}${local.s12}"
  s14 = "${local.s13}${local.s13}"
  s15 = "${local.s14}${local.s14}"
  s16 = "${local.s15}${local.s15}"
  s17 = "${local.s16}${local.s16}"
  s18 = "${local.s17}${local.s17}"
  s19 = "${local.s18}${local.s18}"
  s20 = "${local.s19}${local.s19}"
  s21 = "${local.s20}${local.s20}"
  s22 = "${local.s21}${local.s21}"
  s23 = "${local.s22}${local.s22}"
  s24 = "${local.s23}${local.s23}"
}
resource "aws_s3_bucket" "b" {
  bucket = strrev(local.s24)
}
TF

# The reconcile probes: a Git repository whose tip holds a probe, a target with `timeout: 20s`; the cycle must end
# by the deadline (or sooner, at a bound) instead of running on.
reconcile_probe() { # probe
  git init -q -b main "$work/repo-$1"
  cp -r "$work/probes/$1" "$work/repo-$1/infra"
  git -C "$work/repo-$1" add -A
  git -C "$work/repo-$1" -c user.name=probe -c user.email=probe@example.com commit -qm probe
  cat > "$work/reconcile-$1.yaml" <<YAML
cacheDirectory: $work/cache
targets:
  - name: $1
    repo: $work/repo-$1
    branch: main
    paths: [infra]
    timeout: 20s
YAML
}
reconcile_probe selfcall-x3
reconcile_probe nested-for

measure() { # name, output file, command...
  local name="$1" out="$2"
  shift 2
  local stats="$work/time"
  # time(1) outside timeout(1): the figures of a run stopped by the cap are still printed (timeout waits for it).
  (ulimit -v "$mem"; /usr/bin/time -o "$stats" -f '%e %M' timeout "$cap" "$@" > "$work/stdout" 2> "$work/stderr")
  local code=$?
  local seconds rss
  local line
  line="$(grep -E '^[0-9.]+ [0-9]+$' "$stats" 2>/dev/null | tail -1)"
  read -r seconds rss <<< "${line:-$cap -}"
  local bytes=0
  [ -f "$out" ] && bytes=$(stat -c %s "$out")
  bytes=$((bytes + $(stat -c %s "$work/stdout")))
  printf '%-18s %8s %10s %4s %12s\n' "$name" "$seconds" "$rss" "$code" "$bytes"
  rm -f "$out"
}

for bin in "$@"; do
  echo "# $bin"
  printf '%-18s %8s %10s %4s %12s\n' probe seconds maxRSS_KB exit output_bytes
  for dir in "$work"/probes/*/; do
    name="$(basename "$dir")"
    measure "$name" "$work/out.json" "$bin" scan "$dir" --checks-dir "$repo/checks" -o "json:$work/out.json"
  done
  for name in selfcall-x3 nested-for; do
    rm -rf "$work/cache" "$work/db.sqlite"
    measure "reconcile-$name" /nonexistent "$bin" reconcile --once --config "$work/reconcile-$name.yaml" \
      --checks-dir "$repo/checks" --database "sqlite:$work/db.sqlite" --log-level error
  done
done
