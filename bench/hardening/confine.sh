#!/usr/bin/env bash
# Probes for the read-confinement and file-size bounds: builds the probe trees in a temporary directory, runs
# BIN on each under a time cap and prints one line per probe: probe, seconds, peak RSS in KB, exit status.
#
#   bench/hardening/confine.sh .build/release/bulwark
#
# parse-dot-links   `parse` over a tree holding two links to `.` (a walker following them multiplies the tree)
# scan-dot-links    `scan` over the same tree
# pr-large-blob     PR-mode `scan --repo` of a commit with a 9 MiB lambda.zip beside a .tf
# pr-large-tf       the same commit plus a 9 MiB generated .tf (only that file may fail)
# scan-large-blob   `scan` of the same files on disk
# scan-canary       `scan -o json` of a tree reading a file planted outside it; exit 99 when the token leaked
set -euo pipefail

BIN=${1:?usage: confine.sh BIN}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
CHECKS=${CHECKS:-$(cd "$(dirname "$0")/../.." && pwd)/checks}
CAP=${CAP:-120}
WORK=$(mktemp -d /tmp/bulwark-confine.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

probe() {
    local name=$1
    shift
    local status=0
    /usr/bin/time -f '%e %M' -o "$WORK/time" timeout "$CAP" "$@" >"$WORK/$name.out" 2>&1 || status=$?
    # time(1) prefixes "Command exited with non-zero status N" on a failure: the figures are the last line.
    read -r seconds rss < <(tail -n 1 "$WORK/time") || { seconds=NA; rss=NA; }
    printf '%-18s %8s %10s %4s\n' "$name" "$seconds" "$rss" "$status"
}

resource='resource "aws_s3_bucket" "b" {
  bucket = "probe"
}
'
lambda='resource "aws_lambda_function" "f" {
  function_name    = "f"
  role             = "arn:aws:iam::123456789012:role/f"
  filename         = "lambda.zip"
  source_code_hash = filebase64sha256("lambda.zip")
}
'

mkdir -p "$WORK/links/sub"
printf '%s' "$resource" >"$WORK/links/main.tf"
printf '%s' "$resource" >"$WORK/links/sub/main.tf"
ln -s . "$WORK/links/a"
ln -s . "$WORK/links/b"

mkdir -p "$WORK/repo"
git -C "$WORK/repo" init -q -b main
printf '%s' "$resource" >"$WORK/repo/main.tf"
printf '%s' "$lambda" >"$WORK/repo/lambda.tf"
head -c $((9 << 20)) /dev/urandom >"$WORK/repo/lambda.zip"
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=probe -c user.email=probe@example.com commit -qm blob
blob_commit=$(git -C "$WORK/repo" rev-parse HEAD)
mkdir -p "$WORK/repo/generated"
{ printf '# '; head -c $((9 << 20)) /dev/zero | tr '\0' 'x'; } >"$WORK/repo/generated/huge.tf"
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=probe -c user.email=probe@example.com commit -qm huge

token="CANARY$RANDOM$RANDOM$RANDOM"
mkdir -p "$WORK/canary/repo/.git" "$WORK/canary/outside"
printf '%s\n' "$token" >"$WORK/canary/outside/secret.txt"
cat >"$WORK/canary/repo/main.tf" <<TF
resource "aws_s3_bucket" "b" {
  for_each = toset(split("\n", file("../outside/secret.txt")))
  bucket   = each.value
}
TF

printf '%-18s %8s %10s %4s\n' probe seconds maxRSS_KB exit
probe parse-dot-links "$BIN" parse "$WORK/links"
probe scan-dot-links "$BIN" scan --checks-dir "$CHECKS" --soft-fail -o json "$WORK/links"
probe pr-large-blob "$BIN" scan --checks-dir "$CHECKS" --repo "$WORK/repo" --head "$blob_commit" -o json
probe pr-large-tf "$BIN" scan --checks-dir "$CHECKS" --repo "$WORK/repo" --head main -o json
probe scan-large-blob "$BIN" scan --checks-dir "$CHECKS" -o json "$WORK/repo"
probe scan-canary "$BIN" scan --checks-dir "$CHECKS" --soft-fail -o json "$WORK/canary/repo"
if grep -q "$token" "$WORK/scan-canary.out"; then
    printf '%-18s %8s %10s %4s\n' canary-leaked - - 99
fi
