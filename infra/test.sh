#!/usr/bin/env bash
# Runs every test: installs what is missing, starts throwaway PostgreSQL, Redis and Azurite on loopback,
# builds, runs `dotnet test` for the whole solution, stops what it started, and ends with the
# line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/infra/install.sh"

# shellcheck source=infra/services.sh
source "$root/infra/services.sh"
trap services_stop EXIT
services_start

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Workspace.sln -c Release -nologo -clp:ErrorsOnly

log="$(mktemp /tmp/workspace-test.XXXXXX.log)"
jslog="$(mktemp /tmp/workspace-jstest.XXXXXX.log)"
set +e
# Front-end unit tests (node's own runner), then every .NET test project.
(cd "$root/wwwroot" && node --test --test-reporter=tap test/) > "$jslog" 2>&1
jsstatus=$?
grep -E '^(not ok|# (tests|pass|fail))' "$jslog"
results="$root/artifacts/test-results"
rm -rf "$results"
dotnet test --solution Workspace.sln -c Release --no-build --report-xunit --results-directory "$results" "$@" 2>&1 \
  | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$jsstatus" -ne 0 ]; then cat "$jslog"; status=$jsstatus; fi

# Sum the per-run summaries that Microsoft.Testing.Platform and node print.
passed=$(( $(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -E '^# pass [0-9]+' "$jslog" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -E '^# fail [0-9]+' "$jslog" | awk '{s+=$3} END {print s+0}') ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# Where the time went (CI should stay well under its limit): each assembly and the slowest test classes.
node "$root/infra/slowest.mjs" "$results" 12 || true
# Name the failures again at the end, where a reader of a long log looks first: the first report of each failure
# carries its message and stack (a log's tail is often the server's chatter).
if grep -qE '^failed ' "$log"; then
  echo "Failed tests, with what each one said:"
  awk '/^failed / { if (!seen[$2]++) n = 30; else n = 0 } n > 0 { print "  " substr($0, 1, 300); n-- }' "$log"
fi
echo "$passed passed, $failed failed"
exit "$status"
