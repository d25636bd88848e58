#!/usr/bin/env bash
# Puts a bulwark binary on PATH for the composite action (action.yml).
#   BULWARK_VERSION empty: use the bulwark already on PATH (fails when there is none).
#   BULWARK_VERSION set:   download bulwark-VERSION-linux-x86_64.tar.gz and its .sha256 from BULWARK_RELEASE_URL
#                          (default: the action repository's GitHub release vVERSION), verify the checksum,
#                          unpack into RUNNER_TEMP and add that directory to GITHUB_PATH.
set -euo pipefail

fail() {
  echo "::error title=bulwark action::$*" >&2
  exit 1
}

version="${BULWARK_VERSION:-}"
if [ -z "$version" ]; then
  command -v bulwark >/dev/null || fail "no bulwark on PATH: set the 'version' input to download a release"
  echo "bulwark from PATH: $(command -v bulwark)"
  exit 0
fi
[[ "$version" =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || fail "version '$version' is not a release version (X.Y.Z)"
version="${version#v}"
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "release binaries exist for Linux x86_64 only; put bulwark on PATH instead"

base="${BULWARK_RELEASE_URL:-}"
if [ -z "$base" ]; then
  [ -n "${ACTION_REPOSITORY:-}" ] || fail "cannot tell the action repository: set the 'release-url' input"
  base="${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY}/releases/download/v${version}"
fi
archive="bulwark-${version}-linux-x86_64.tar.gz"
work="${RUNNER_TEMP:?RUNNER_TEMP is not set}/bulwark-${version}"
rm -rf "$work"
mkdir -p "$work/bin"

curl --fail --silent --show-error --location --proto '=https,file' --retry 3 -o "$work/$archive" "$base/$archive" \
  || fail "download of $base/$archive failed"
curl --fail --silent --show-error --location --proto '=https,file' --retry 3 -o "$work/$archive.sha256" "$base/$archive.sha256" \
  || fail "download of $base/$archive.sha256 failed"

# The .sha256 file is sha256sum's output: the digest, then the file name.
expected="$(awk 'NR == 1 { print tolower($1) }' "$work/$archive.sha256")"
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "$archive.sha256 holds no SHA-256 digest"
actual="$(sha256sum "$work/$archive" | awk '{ print $1 }')"
[ "$expected" = "$actual" ] || fail "checksum mismatch for $archive: expected $expected, got $actual"

tar -xzf "$work/$archive" -C "$work/bin" --no-same-owner
[ -x "$work/bin/bulwark" ] || fail "$archive has no bulwark binary at its top level"
echo "$work/bin" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
echo "bulwark $version verified (sha256 $actual) in $work/bin"
