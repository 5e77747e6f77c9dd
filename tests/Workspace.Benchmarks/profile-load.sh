#!/usr/bin/env bash
# CPU profile of this product's server under the side-by-side workload (Linux perf with the .NET perf map).
# usage: [PROFILE_TARGET=floor-signalr] profile-load.sh OUT-PREFIX [compare args, e.g. --docs 10 --writers 5]
# PROFILE_TARGET is one compare target (default product; floor-signalr etc. profile the floor server).
# PERF_FREQ sets the sampling rate (default 999 Hz: a server using a fifth of a core gives ~2,400 samples in 12 s).
# Writes OUT.txt (the run's table), OUT.data (perf), OUT.children.txt (inclusive), OUT.self.txt (by library),
# OUT.threads.txt (by thread name).
# W^X off so perf can name JIT-compiled frames (with it on they land in "memfd:doublemapper"). The generator (lite
# clients, as run-load-compare.sh runs them) handles socket completions inline; the server does not inherit that.
set -euo pipefail   # (the reports' pipes end early at head, hence their || true)
out=$1; shift
cd "$(dirname "$0")/../.."
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 taskset -c 1 \
  dotnet tests/Workspace.Benchmarks/bin/Release/net10.0/Workspace.Benchmarks.dll compare --targets "${PROFILE_TARGET:-product}" "$@" > "$out.txt" 2>&1 &
run=$!
pid=""
for _ in $(seq 1 300); do
  pid=$(grep -oP ': pid \K[0-9]+' "$out.txt" 2>/dev/null || true); [ -n "$pid" ] && break; sleep 1
done
sleep 20   # the run's default warm-up
perf record -F "${PERF_FREQ:-999}" -g -p "$pid" -o "$out.data" -- sleep 12 > /dev/null 2>&1
wait $run || true
perf report -i "$out.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | grep -v ' 0x0000' | head -40 > "$out.children.txt" || true
perf report -i "$out.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -15 > "$out.self.txt" || true
# By thread name: the JIT's tiering thread (".NET Tiered Com") has no symbols, so it shows only here.
perf report -i "$out.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -10 > "$out.threads.txt" || true
echo "$out.children.txt, $out.self.txt, $out.threads.txt"
