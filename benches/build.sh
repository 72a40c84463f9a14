#!/usr/bin/env bash
# Build-time benchmark: the `release` profile (what `cargo run --release` and `cargo install`
# build) next to `dist` (the published binaries), measured in the same run.
#
#   benches/build.sh                 # both profiles, cold, then start-up and listen throughput
#   BENCH_PROFILES=release benches/build.sh
#
# For each profile: a cold `cargo build --locked` (fresh target directory, crates already
# downloaded) with its wall time and CPU time (user + sys of every process it ran: on a busy
# machine wall time says little, CPU time still does), the binary's size and `--version`
# start-up (median and p95 of 200 runs). Then `benches/listen_load.rs` pinned (server on core
# 0, load generator on core 1) with the release binary as `listen` and the dist binary as
# `before`, so their throughputs come from the same rounds.
#
# Environment:
#   BENCH_PROFILES   profiles to build [default: "release dist"]
#   BENCH_DIR        where the cold target directories go [default: a fresh temporary dir,
#                    removed at the end]
#   BENCH_JOBS       cargo -j [default: cargo's own, one per core]
#   BENCH_NO_LOAD=1  skip the listen throughput (it builds the load generator, with the
#                    dev-dependencies, in the repository's own target directory)
#   BENCH_SECS, BENCH_ROUNDS  passed to listen_load [default: 4 s, 5 rounds]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
profiles=${BENCH_PROFILES:-release dist}
keep=${BENCH_DIR:+1}
dir=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hookctl-build-bench.XXXXXX")}
mkdir -p "$dir"
[ -n "$keep" ] || trap 'rm -rf "$dir"' EXIT
jobs=()
[ -n "${BENCH_JOBS:-}" ] && jobs=(-j "$BENCH_JOBS")

# Downloads are not build time.
cargo fetch --locked > /dev/null

echo "machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(rustc --version)"
echo
results=()
for profile in $profiles; do
  target="$dir/$profile"
  rm -rf "$target"
  TIMEFORMAT='%R %U %S'
  { time CARGO_TARGET_DIR="$target" cargo build --locked --profile "$profile" "${jobs[@]}" \
      > "$dir/$profile.log" 2>&1; } 2> "$dir/$profile.time" \
    || { cat "$dir/$profile.log" >&2; exit 1; }
  read -r wall user sys < "$dir/$profile.time"
  bin="$target/$profile/hookctl"
  size=$(stat -c %s "$bin")
  # --version start-up: bash's clock (no extra process per sample).
  samples=()
  for _ in $(seq 200); do
    t0=$EPOCHREALTIME
    "$bin" --version > /dev/null
    t1=$EPOCHREALTIME
    samples+=("$(echo "$t0 $t1" | awk '{ printf "%.3f", ($2 - $1) * 1000 }')")
  done
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  p50=$(echo "$sorted" | sed -n 100p)
  p95=$(echo "$sorted" | sed -n 190p)
  results+=("$(awk -v p="$profile" -v w="$wall" -v u="$user" -v s="$sys" -v b="$size" -v m="$p50" -v q="$p95" \
    'BEGIN { printf "| `%s` | %.0f s | %.0f s | %.1f MiB | %s ms | %s ms |", p, w, u + s, b / 1048576, m, q }')")
  echo "built $profile: ${wall}s wall, ${user}s user, ${sys}s sys (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
done

echo
echo "| profile | cold build, wall | CPU (user + sys) | binary | \`--version\` p50 | p95 |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"

if [ -z "${BENCH_NO_LOAD:-}" ] && [ -x "$dir/release/release/hookctl" ] && [ -x "$dir/dist/dist/hookctl" ]; then
  echo
  echo "listen throughput, pinned (listen = release profile, before = dist profile):"
  BENCH_BIN="$dir/release/release/hookctl" BENCH_BEFORE="$dir/dist/dist/hookctl" \
    BENCH_PLACEMENT=pinned BENCH_VARIANTS=listen BENCH_CAPTURE_DIR=/dev/shm \
    BENCH_SECS=${BENCH_SECS:-4} BENCH_ROUNDS=${BENCH_ROUNDS:-5} \
    cargo bench --locked --bench listen_load 2>&1 | grep -v '^\s*\(Compiling\|Finished\|Running\)'
fi
