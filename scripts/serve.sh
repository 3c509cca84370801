#!/usr/bin/env bash
# Sets up what is missing, builds the widget and serves it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_build
cd "$ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release
