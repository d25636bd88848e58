#!/usr/bin/env bash
# Runs the release binary where only Debian's runtime libraries exist: a minimal bookworm root filesystem
# (debootstrap --variant=minbase) plus scripts/runtime-packages.txt, no Swift, no git, no checks/ directory.
# Inside it, under chroot: `bulwark --version`, `bulwark scan` of the bundled example (exit status and output as
# on the host), and `bulwark reconcile --once` of the example from a local Git repository (through libgit2).
# The root filesystem is cached under .build/chroot/, keyed by the suite and package list. Needs root.
#   scripts/chroot-test.sh [ARCHIVE]   default: builds one with scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "chroot-test: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
archive="${1:-$(scripts/release.sh | tail -1)}"
[ -f "$archive" ] || { echo "chroot-test: no archive $archive" >&2; exit 2; }

suite=bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
packages="$(grep -v '^#' scripts/runtime-packages.txt | grep -v '^$' | sort | paste -sd, -)"
key="$(printf '%s minbase %s' "$suite" "$packages" | sha256sum | cut -c1-16)"
cache=".build/chroot/rootfs-$suite-$key.tar.gz"

work="$(mktemp -d /tmp/bulwark-chroot.XXXXXX)"
root="$work/root"
cleanup() {
  if mountpoint -q "$root/proc" 2>/dev/null; then umount "$root/proc"; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$cache" ]; then
  echo "chroot-test: debootstrap $suite (minbase + $packages)"
  debootstrap --variant=minbase --include="$packages" "$suite" "$work/new" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/new"/var/cache/apt/archives/*.deb "$work/new"/var/lib/apt/lists/*
  mkdir -p "$(dirname "$cache")"
  tar -C "$work/new" -czf "$cache.tmp" . && mv "$cache.tmp" "$cache"
  rm -rf "$work/new"
fi
mkdir "$root"
tar -C "$root" -xzf "$cache"
tar -C "$root/usr/local/bin" -xzf "$archive" bulwark
for absent in swift git; do
  if chroot "$root" /bin/sh -c "command -v $absent" >/dev/null; then echo "chroot-test: $absent is in the root" >&2; exit 1; fi
done
mount -t proc proc "$root/proc"

# The example as its own repository, made with the host's git: the chroot has none, the controller uses libgit2.
example="$root/srv/example"
mkdir -p "$example"
cp -r desired-state "$example/"
git -C "$example" init -q -b main
git -C "$example" add desired-state
git -C "$example" -c user.name=bulwark -c user.email=bulwark@example.invalid commit -q -m "The bundled example"

inside() { chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root /bin/sh -c "cd /srv/example && $1"; }
failed=0
check() { echo "chroot-test: FAIL: $1" >&2; failed=1; }

version="$(inside 'bulwark --version')" || check "bulwark --version exited $?"
echo "chroot-test: bulwark --version: $version"
case "$version" in *"built-in checks: "*) ;; *) check "--version does not name the built-in checks" ;; esac

# The same scan on the host (same binary, same directory) is the reference: output and exit status must agree.
host_status=0
host_output="$(cd "$example" && timeout 300 "$root/usr/local/bin/bulwark" scan desired-state/terraform)" || host_status=$?
status=0
output="$(inside 'timeout 300 bulwark scan desired-state/terraform')" || status=$?
echo "chroot-test: bulwark scan desired-state/terraform: exit $status; $(grep -m1 ' resources, ' <<<"$output" || true)"
[ "$status" -eq "$host_status" ] || check "scan exited $status in the chroot, $host_status on the host"
[ "$status" -le 1 ] || check "scan could not run (exit $status): $(tail -5 <<<"$output")"
# Everything but the wall time at the end of the summary line.
timeless() { sed -E 's/, [0-9.]+ s$//' <<<"$1"; }
[ "$(timeless "$output")" = "$(timeless "$host_output")" ] \
  || check "scan output differs from the host's: $(diff <(timeless "$host_output") <(timeless "$output") | head -10)"

status=0
output="$(inside 'timeout 300 bulwark reconcile --once --config desired-state/bulwark.yaml 2>&1')" || status=$?
echo "chroot-test: bulwark reconcile --once: exit $status"
[ "$status" -eq 0 ] || check "reconcile --once exited $status: $(tail -10 <<<"$output")"
output="$(inside 'bulwark status 2>&1')" || check "bulwark status exited $?"
grep -q "desired-state" <<<"$output" || check "status does not list the target: $output"
echo "$output" | sed 's/^/chroot-test:   /'

[ "$failed" -eq 0 ] || exit 1
echo "chroot-test: ok"
