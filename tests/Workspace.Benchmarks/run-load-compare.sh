#!/usr/bin/env bash
# Side-by-side co-editing load: this product and ShareDB 7 (in memory), each server alone on core 0, the .NET
# load generator on core 1. Arguments go to the generator, e.g. --docs 50 --writers 5 --seconds 15 --warmup 20
# (--generator full: the complete OT clients instead of the lite ones). The generator handles socket completions on
# the socket engine's thread (no hand-off to its thread pool per received message); the servers do not inherit this.
set -euo pipefail
cd "$(dirname "$0")/../.."
(cd tests/Workspace.Benchmarks/sharedb && npm ci --no-audit --no-fund --silent)
dotnet build src/Workspace.Server -c Release -nologo -clp:ErrorsOnly
dotnet build tests/Workspace.Benchmarks -c Release -nologo -clp:ErrorsOnly
dotnet build tests/Workspace.Benchmarks/Floor -c Release -nologo -clp:ErrorsOnly
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
exec taskset -c 1 dotnet tests/Workspace.Benchmarks/bin/Release/net10.0/Workspace.Benchmarks.dll compare "$@"
