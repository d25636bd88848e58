#!/usr/bin/env bash
# The main job on the bundled example: load desired-state/terraform into Bulwark's resource model.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product bulwark
.build/release/bulwark inspect desired-state/terraform/aws desired-state/terraform/azure "$@"
