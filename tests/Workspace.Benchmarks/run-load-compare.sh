#!/usr/bin/env bash
# Side-by-side co-editing load: this product and ShareDB 7 (in memory), each server alone on core 0, the .NET
# load generator on core 1. Arguments go to the generator, e.g. --docs 50 --writers 5 --seconds 15 --warmup 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
(cd tests/Workspace.Benchmarks/sharedb && npm ci --no-audit --no-fund --silent)
dotnet build src/Workspace.Server -c Release -nologo -clp:ErrorsOnly
dotnet build tests/Workspace.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec taskset -c 1 dotnet tests/Workspace.Benchmarks/bin/Release/net10.0/Workspace.Benchmarks.dll compare "$@"
