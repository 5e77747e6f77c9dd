#!/usr/bin/env bash
# Runs the OT benchmarks for C# (BenchmarkDotNet, short job) and the npm package (node) on one shared corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Workspace.Benchmarks -- --ot-compare "$@"
