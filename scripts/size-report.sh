#!/usr/bin/env bash
# What a first visit downloads: the wasm, js and css of the build, raw and gzip -9.
# Budget (DEVELOPERS.md): 250 KB gzip in all.
set -euo pipefail
dir=${1:-dist}
total_raw=0 total_gz=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip"
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "first load (wasm + js + css)" "$total_raw" "$total_gz"
if [ "$total_gz" -gt 256000 ]; then
  echo "warning: first load is over the 250 KB gzip budget"
fi
