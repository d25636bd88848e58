#!/usr/bin/env bash
# Clone benchmark: `git clone --bare --no-local` vs GitOps (libgit2) cloning the same generated
# repository (>= 10,000 commits, >= 5,000 files) from the same source, in one run. Target: ratio <= 1.2.
#
# Usage: bench/git-clone-bench.sh [--source daemon|file] [--runs N]
# The repository is generated once with `git fast-import` and cached under bench/out/git-clone-repo.git.
# Default source is a local `git daemon` (git://), the shape of a real remote: the server (git upload-pack)
# sends its existing pack and both clients only index it. With --source file, libgit2 uses its in-process
# "local" transport, which rebuilds and re-deltifies a pack with its own packbuilder instead of reusing the
# source pack's deltas, so it is an order of magnitude slower than git there (measured ~14x) — a libgit2 1.5
# property, irrelevant to remote repositories.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=daemon
RUNS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --source) SOURCE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
OUT=bench/out
REPO="$PWD/$OUT/git-clone-repo.git"
COMMITS=10000
FILES=5000
mkdir -p "$OUT"

if [[ ! -f "$REPO/bench-complete" ]]; then
  rm -rf "$REPO"
  git init --quiet --bare --initial-branch=main "$REPO"
  echo "generating $COMMITS commits over $FILES files..." >&2
  python3 - "$COMMITS" "$FILES" <<'PY' | git --git-dir="$REPO" fast-import --quiet
import sys
commits, files = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
def blob(text):
    data = text.encode()
    out.write(b"data %d\n" % len(data)); out.write(data); out.write(b"\n")
def content(i, rev):
    lines = [f'resource "aws_s3_bucket" "b{i}" {{', f'  bucket = "bucket-{i}-rev-{rev}"']
    lines += [f'  tag_{k} = "value {k} of file {i}"' for k in range(12)]
    return "\n".join(lines + ["}", ""])
t = 1_600_000_000
for c in range(commits):
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % (t + c * 60))
    msg = f"commit {c}".encode()
    out.write(b"data %d\n" % len(msg)); out.write(msg); out.write(b"\n")
    if c == 0:
        for i in range(files):
            out.write(f"M 100644 inline modules/m{i // 100}/file{i}.tf\n".encode()); blob(content(i, 0))
    else:
        for k in range(3):
            i = (c * 7 + k * 1667) % files
            out.write(f"M 100644 inline modules/m{i // 100}/file{i}.tf\n".encode()); blob(content(i, c))
    out.write(b"\n")
PY
  git --git-dir="$REPO" repack -a -d -q
  touch "$REPO/bench-complete"
fi
echo "repository: $(git --git-dir="$REPO" rev-list --count main) commits, $(git --git-dir="$REPO" ls-tree -r main | wc -l) files, pack $(du -sh "$REPO/objects/pack" | cut -f1)"

swift build --product git-bench >/dev/null
BENCH="$(swift build --show-bin-path)/git-bench"

DAEMON_PID=""
cleanup() { [[ -n "$DAEMON_PID" ]] && kill "$DAEMON_PID" 2>/dev/null; rm -rf "$OUT/clones"; }
trap cleanup EXIT
if [[ "$SOURCE" == daemon ]]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$(git --exec-path)/git-daemon" --reuseaddr --base-path="$PWD/$OUT" --export-all --listen=127.0.0.1 --port="$PORT" "$PWD/$OUT" &
  DAEMON_PID=$!
  sleep 1
  URL="git://127.0.0.1:$PORT/git-clone-repo.git"
else
  URL="file://$REPO"
fi

now() { date +%s.%N; }
best_git=""; best_ours=""
for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/clones"; mkdir -p "$OUT/clones"
  start=$(now); git clone --quiet --bare --no-local "$URL" "$OUT/clones/git.git"; end=$(now)
  t_git=$(echo "$end - $start" | bc)
  t_ours=$("$BENCH" clone "$URL" "$OUT/clones/ours" | cut -d' ' -f1)
  echo "run $run: git clone --bare --no-local ${t_git}s, GitOps (libgit2) ${t_ours}s"
  best_git=$(python3 -c "print(min(x for x in [$t_git, ${best_git:-1e9}]))")
  best_ours=$(python3 -c "print(min(x for x in [$t_ours, ${best_ours:-1e9}]))")
done
python3 -c "g=$best_git; o=$best_ours; print(f'best of $RUNS ($SOURCE): git {g:.3f}s, GitOps {o:.3f}s, ratio {o/g:.2f}x (target <= 1.20x)')"
