#!/usr/bin/env bash
# Builds the self-contained release binary (Swift runtime and Foundation linked statically, the check library
# built in) and packs it for download:
#   dist/bulwark-VERSION-linux-ARCH.tar.gz          bulwark, LICENSE, README at the archive's top level
#   dist/bulwark-VERSION-linux-ARCH.tar.gz.sha256   its checksum, in sha256sum format
# VERSION is BulwarkVersion.current (what `bulwark --version` prints). Prints the archive's path last.
# Fails when the binary links a Swift library dynamically or a library it needs is missing.
#   scripts/release.sh                  build and pack
#   scripts/release.sh --print-version  print VERSION only
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/Reports/ScanReport.swift)"
[ -n "$version" ] || { echo "release: no version in Sources/Reports/ScanReport.swift" >&2; exit 2; }
case "${1:-}" in
  "") ;;
  --print-version) echo "$version"; exit 0 ;;
  *) echo "usage: scripts/release.sh [--print-version]" >&2; exit 2 ;;
esac
arch="$(uname -m)"
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product bulwark >&2
bin="$(swift build "${flags[@]}" --show-bin-path)/bulwark"

# Only system C libraries may remain dynamic: no Swift runtime, Foundation or dispatch library, nothing unresolved.
linked="$(ldd "$bin")"
if grep -E 'not found|libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' <<<"$linked" >&2; then
  echo "release: $bin still needs the libraries above" >&2
  exit 1
fi

name="bulwark-$version-linux-$arch"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage"
cp "$bin" "$stage/bulwark"
# Debug information only: symbol names stay for crash backtraces.
strip --strip-debug "$stage/bulwark"

# LICENSE: the project's own licence when the repository has one, then those of everything linked statically.
{
  if [ -f LICENSE ]; then cat LICENSE; printf '\n\n'; fi
  echo "The bulwark binary contains the following software, linked statically, under these licences."
  for notice in /opt/swift/usr/share/swift/LICENSE.txt "$(dirname "$(command -v swift)")/../share/swift/LICENSE.txt"; do
    if [ -f "$notice" ]; then printf '\n==== Swift runtime, standard library and Foundation ====\n\n'; cat "$notice"; break; fi
  done
  for checkout in .build/checkouts/*/; do
    for notice in "$checkout"LICENSE* "$checkout"NOTICE*; do
      [ -f "$notice" ] || continue
      printf '\n==== %s (%s) ====\n\n' "$(basename "$checkout")" "$(basename "$notice")"
      cat "$notice"
    done
  done
} >"$stage/LICENSE"

packages="$(grep -v '^#' scripts/runtime-packages.txt | grep -v '^$' | tr '\n' ' ')"
cat >"$stage/README" <<README
Bulwark $version for Linux $arch

GitOps controller for infrastructure-as-code security and cloud posture: one self-contained binary with the
check library, the CIS frameworks and the anomaly catalog built in (\`bulwark --version\` names them).

Runtime libraries (Debian 12 bookworm package names): $packages
  apt-get install $packages

Verify and install:
  sha256sum -c $name.tar.gz.sha256
  tar -xzf $name.tar.gz bulwark && install -m 0755 bulwark /usr/local/bin/

Use:
  bulwark scan path/to/terraform
  bulwark reconcile --config bulwark.yaml
  bulwark --help

Documentation: README.md and docs/deploy.md in the source repository.
README

# Reproducible archive: fixed order, owner and times (the last commit's), no gzip timestamp.
stamp="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$stage" -cf - bulwark LICENSE README \
  | gzip -9n >"dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
rm -rf "$stage"
echo "dist/$name.tar.gz"
