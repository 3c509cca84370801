#!/usr/bin/env bash
# Sets up what is missing, builds the widget and serves it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_build
cd "$ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
# Into target/serve, never dist/: `trunk serve` adds its live-reload script, which keeps
# retrying ws://{{__trunk_address__}} on any other server, and dist/ is the folder a web
# team copies to its site (`trunk build --release` writes it clean).
exec trunk serve --release --dist "$ROOT/target/serve"
