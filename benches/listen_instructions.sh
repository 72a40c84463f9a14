#!/usr/bin/env bash
# Instructions per request of `hookctl listen --secret … --capture FILE --no-display`, counted by
# valgrind's callgrind: the same for the same binary and load whatever else the machine does, so
# it tells a few-percent change in the listener's own work apart where requests/s on a shared
# 2-core VM move by ±20 % between runs of the same binary.
#
#   benches/listen_instructions.sh BIN [BIN…]
#
# Each BIN (a hookctl binary; build unstripped, e.g. CARGO_PROFILE_RELEASE_STRIP=false, to see
# the functions) serves the load generator of `benches/listen_load.rs` (`drive` mode: keep-alive,
# concurrency 32, 1 KiB signed JSON) for BENCH_SECS (15) seconds under callgrind. Printed: the
# requests captured, instructions per request, and the same without SHA-256 — valgrind does not
# emulate the SHA extensions, so SHA-256 runs in software there (~70,000 instructions per
# request) where the real CPU takes a fraction of that; the rest is the listener's own code.
# Needs valgrind and the bench binary (`cargo bench --bench listen_load --no-run`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
drive=$(ls -t "$target"/release/deps/listen_load-* 2>/dev/null | grep -v '\.d$' | head -1 || true)
[ -x "${drive:-}" ] || { echo "build the load generator first: cargo bench --bench listen_load --no-run" >&2; exit 2; }
secs=${BENCH_SECS:-15}
dir=$(mktemp -d "${TMPDIR:-/tmp}/hookctl-instr.XXXXXX")
trap 'rm -rf "$dir"' EXIT
echo "| binary | requests | instructions/request | without SHA-256 |"
echo "|---|---:|---:|---:|"
for bin in "$@"; do
  valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" "$bin" listen --port 0 \
    --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --capture "$dir/c.jsonl" --no-display \
    > /dev/null 2> "$dir/err" &
  pid=$!
  for _ in $(seq 300); do grep -q "listening on" "$dir/err" && break; sleep 0.1; done
  port=$(grep -o "listening on http://127.0.0.1:[0-9]*" "$dir/err" | grep -o "[0-9]*$")
  BENCH_SECS=$secs "$drive" drive "$port" > /dev/null
  kill -TERM $pid; wait $pid || true
  reqs=$(wc -l < "$dir/c.jsonl")
  total=$(callgrind_annotate "$dir/cg.out" | grep "PROGRAM TOTALS" | awk '{gsub(",","",$1); print $1}')
  sha=$(callgrind_annotate --threshold=100 "$dir/cg.out" | grep "compress256" | awk '{gsub(",","",$1); s+=$1} END {print s+0}')
  awk -v b="$bin" -v r="$reqs" -v t="$total" -v s="$sha" \
    'BEGIN { printf "| %s | %d | %.0f | %s |\n", b, r, t / r, (s > 0 ? sprintf("%.0f", (t - s) / r) : "(stripped)") }'
  rm -f "$dir/c.jsonl" "$dir/cg.out"
done
