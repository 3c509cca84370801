#!/usr/bin/env bash
# What a first visit downloads — the files index.html refers to (wasm, js, css), plus the
# list of methods and the default method the widget fetches before it starts — raw and
# gzip -9, and apart from it what is fetched only on demand (the workers, other methods).
# Budget: everything a first visit fetches — page, workers, offline cache — at most
# 640 KB gzip, aiming at 400. The offline cache fetches nothing of its own on a first
# visit (it keeps, from the browser's cache, what the page fetched once its first plan
# is shown), so a first visit is the page plus the engine worker's script the first
# plan fetches (rapor-worker.js: it runs the page's own module, handed over compiled,
# so the engine is downloaded once; rapor-io, the sampling risk, files and links, waits for first use);
# this report warns when that is over. What the server really sends is counted
# by the end-to-end test tests/e2e/first-visit.test.mjs.
set -euo pipefail
dir=${1:-dist}
html="$dir/index.html"
total_raw=0 total_gz=0
row() { printf '%-44s %10s %10s\n' "$@"; }
row "file" "raw" "gzip"
later=()
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  if ! grep -qF "$name" "$html"; then later+=("$f"); continue; fi
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  row "$name" "$raw" "$gz"
done
# The default method: DEFAULT_RULESET in src/session/state.rs (no guess when it moves).
default=$(sed -n 's/^pub const DEFAULT_RULESET: &str = "\(.*\)";/\1/p' "$(dirname "$0")/../src/session/state.rs")
[ -n "$default" ] || { echo "size-report: DEFAULT_RULESET not found in src/session/state.rs" >&2; exit 1; }
for f in "$dir/rulesets.json" "$dir/ruleset-$default.json"; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  row "$(basename "$f")" "$raw" "$gz"
done
row "first load (wasm + js + css + methods)" "$total_raw" "$total_gz"
plan_gz=$total_gz
for f in "${later[@]}"; do
  gz=$(gzip -9 -c "$f" | wc -c)
  row "  on demand: $(basename "$f")" "$(wc -c <"$f")" "$gz"
  case "$(basename "$f")" in rapor-worker.js) plan_gz=$((plan_gz + gz)) ;; esac
done
row "first visit: the page + the first plan's worker" "" "$plan_gz"
if [ "$plan_gz" -gt 655360 ]; then
  echo "warning: the page and its first plan are over the 640 KB gzip budget"
fi
