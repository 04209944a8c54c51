#!/usr/bin/env bash
# Opt-in exploration of the property tests (fast-check) with fresh random seeds; CI always uses a fixed seed.
#   tools/explore-properties.sh [N]      N rounds (default 10); FC_RUNS=k also runs k× the cases per property
# Every property test file (those calling fc.assert / fc.check) runs once per round with FC_SEED set to a new
# random seed; a failure prints fast-check's report: the seed, the path, the shrunk counterexample and the command
# that replays it (FC_SEED=… FC_PATH=… vitest run …). Keep what it finds as an explicit regression test.
# Needs a build (bash tools/run.sh build). Exits 1 if any round failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${AGENTCORE_NODE_READY:-}" ]; then
  export AGENTCORE_NODE_READY=1
  exec "$ROOT/tools/env.sh" bash "$ROOT/tools/explore-properties.sh" "$@"
fi
cd "$ROOT"
rounds="${1:-10}"
case "$rounds" in '' | *[!0-9]*) echo "usage: tools/explore-properties.sh [N]" >&2; exit 2 ;; esac

# Property test files, grouped by the package whose vitest config runs them.
mapfile -t files < <(grep -rlE 'fc\.(assert|check)\(' --include='*.test.ts' --include='*.test.tsx' apps packages | grep -v node_modules | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no property tests found" >&2; exit 1; fi
declare -A byPkg=()
for f in "${files[@]}"; do
  pkg="$(echo "$f" | cut -d/ -f1-2)"
  byPkg[$pkg]+="${f#"$pkg"/} "
done

failed=0
for ((i = 1; i <= rounds; i++)); do
  seed=$((RANDOM * 32768 + RANDOM))
  for pkg in "${!byPkg[@]}"; do
    log="$(mktemp)"
    # shellcheck disable=SC2086 # the file list is meant to split
    if (cd "$pkg" && env -u CI FC_SEED="$seed" vitest run ${byPkg[$pkg]}) >"$log" 2>&1; then
      echo "round $i seed $seed $pkg: ok"
    else
      failed=$((failed + 1))
      echo "round $i seed $seed $pkg: COUNTEREXAMPLE"
      grep -E 'FAIL|×|Property failed|seed:|Counterexample|Shrunk|Replay this case|FC_SEED=' "$log" | sed 's/^/    /' || cat "$log"
    fi
    rm -f "$log"
  done
done
echo "explored ${#files[@]} property test files × $rounds seeds: $failed failing run(s)"
[ "$failed" -eq 0 ]
