#!/usr/bin/env bash
# Sets up what is missing and runs every test tier:
#   lint        cargo fmt --check, the import graph (no cycles, the house rule), clippy
#               (host and wasm32) with warnings as errors
#   host        cargo test: engine unit, golden and property tests, the CLI, the session
#   components  wasm-bindgen-test: the widget in headless Chromium via chromedriver
#   end-to-end  node --test + playwright-core: the release build served on 127.0.0.1
#   firefox     the component tests through geckodriver, and the smoke flows
#               (tests/engines/flows.mjs: the ones Chromium runs too) through WebDriver
#   webkit      the smoke flows in WebKitGTK's MiniBrowser through WebKitWebDriver
#   any-path    a clone of this commit at a path of over 200 characters runs a component
#               test and an end-to-end test: nothing the browsers need sits under the
#               checkout, so its path length does not matter
# Any failing tier fails the command. The output ends with one line per tier and a
# final "N passed, N failed" line. Logs and screenshots go to target/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_test
cd "$ROOT"

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
# Browser profiles and sockets go to a short temporary directory, removed afterwards:
# never under the checkout, where a deep path makes Chromium's socket path too long.
TMPDIR="$(mktemp -d /tmp/rapor.XXXXXX)"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
export CARGO_TERM_COLOR=never

TIERS=()
declare -A PASSED FAILED

# Sums "test result: ok. N passed; M failed" lines of cargo test.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "%d %d\n", p, f }' "$1"
}

# node --test with the TAP reporter ends with "# pass N" and "# fail M".
node_counts() {
  awk '/^# pass / { p = $3 } /^# fail / { f = $3 } END { printf "%d %d\n", p, f }' "$1"
}

record() { # name status passed failed
  local name=$1 status=$2 p=$3 f=$4
  # A tier that failed without a failing test (a build error, a crash) still counts.
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  TIERS+=("$name"); PASSED[$name]=$p; FAILED[$name]=$f
}

section() { printf '\n==== %s ====\n' "$*"; }

section "lint: cargo fmt --check, the import graph, cargo clippy (host and wasm32)"
{
  cargo fmt --check && node scripts/imports.mjs && cargo clippy --all-targets -- -D warnings &&
    cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
} 2>&1 | tee "$LOGS/lint.log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then record lint 0 1 0; else record lint "$status" 0 1; fi

section "host: cargo test"
cargo test 2>&1 | tee "$LOGS/host.log"
status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$LOGS/host.log")
record host "$status" "$p" "$f"

section "components: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test components 2>&1 | tee "$LOGS/components.log"
status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$LOGS/components.log")
record components "$status" "$p" "$f"

section "end-to-end: release build + Playwright"
if trunk build --release 2>&1 | tee "$LOGS/build.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  bash "$ROOT/scripts/size-report.sh" dist | tee "$LOGS/size.log"
  # The timeout also bounds each test file as a whole (keep.test.mjs runs ~20 flows).
  node --test --test-reporter=tap --test-timeout=300000 tests/e2e/ 2>&1 | tee "$LOGS/e2e.log"
  status=${PIPESTATUS[0]}
  read -r p f < <(node_counts "$LOGS/e2e.log")
else
  status=1 p=0 f=0
fi
record end-to-end "$status" "$p" "$f"

# The other engines run the smoke flows the end-to-end tier runs in Chromium
# (tests/engines/flows.mjs) against the same release build.
section "firefox: wasm-bindgen-test through geckodriver, the smoke flows through WebDriver"
{
  GECKODRIVER="$GECKODRIVER" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test components
  c=$?
  RAPOR_ENGINE=firefox node --test --test-reporter=tap --test-timeout=300000 tests/engines/ && [ "$c" -eq 0 ]
} 2>&1 | tee "$LOGS/firefox.log"
status=${PIPESTATUS[0]}
read -r cp cf < <(cargo_counts "$LOGS/firefox.log")
read -r np nf < <(node_counts "$LOGS/firefox.log")
record firefox "$status" $((cp + np)) $((cf + nf))

section "webkit: the smoke flows through WebKitWebDriver and MiniBrowser, under xvfb-run"
RAPOR_ENGINE=webkit xvfb-run -a node --test --test-reporter=tap --test-timeout=300000 tests/engines/ 2>&1 | tee "$LOGS/webkit.log"
status=${PIPESTATUS[0]}
read -r p f < <(node_counts "$LOGS/webkit.log")
record webkit "$status" "$p" "$f"

section "any path: a clone at a deliberately long path runs browser tests"
LONG="$TMPDIR/$(printf 'a-deliberately-long-directory-name-%s/' 1 2 3 4 5)rapor"
{
  git clone -q --depth 1 "file://$ROOT" "$LONG" && echo "cloned into a path of ${#LONG} characters" &&
    ln -s "$ROOT/node_modules" "$LONG/node_modules" && cp -r "$ROOT/dist" "$LONG/dist" &&
    (cd "$LONG" && CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      CARGO_TARGET_DIR="$ROOT/target/any-path" cargo test --target wasm32-unknown-unknown --test components -- magelang) &&
    (cd "$LONG" && node --test --test-reporter=tap --test-name-pattern='Magelang' tests/e2e/widget.test.mjs)
} 2>&1 | tee "$LOGS/any-path.log"
status=${PIPESTATUS[0]}
read -r cp cf < <(cargo_counts "$LOGS/any-path.log")
read -r np nf < <(node_counts "$LOGS/any-path.log")
record any-path "$status" $((cp + np)) $((cf + nf))

section "summary"
total_p=0 total_f=0
for t in "${TIERS[@]}"; do
  printf '%s: %d passed, %d failed\n' "$t" "${PASSED[$t]}" "${FAILED[$t]}"
  total_p=$((total_p + PASSED[$t])); total_f=$((total_f + FAILED[$t]))
done
printf '%d passed, %d failed\n' "$total_p" "$total_f"
[ "$total_f" -eq 0 ]
