#!/usr/bin/env bash
# The WordPress plugin as a zip: wordpress/rapor/ (the plugin's PHP and block script)
# with the release build in build/, written to target/wordpress/rapor-wordpress.zip.
# Run `trunk build --release` first (the test command does). Usage:
#   bash scripts/package-wordpress.sh [dist-folder] [out.zip]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node "$root/scripts/package-wordpress.mjs" "${1:-$root/dist}" "${2:-$root/target/wordpress/rapor-wordpress.zip}"
