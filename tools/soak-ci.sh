#!/usr/bin/env bash
# Runs the whole CI test command N times, each from a fresh clone of this repo's HEAD, to catch flaky tests.
#   tools/soak-ci.sh N [--load] [--run-timeout SECONDS]
# Each run: `git clone` HEAD into a temp dir, then `CI=true bash .ci/run` there (install, build, every test tier).
# --load starts one CPU hog per core (nproc) for the duration of each run: each hog is bounded by `timeout`
# (the run's own time bound) and killed when the run ends. Prints PASS/FAIL and the duration per run, and for a
# failed run the failing tests (vitest's FAIL / × lines) and the path of its kept log. npm installs prefer the
# shared npm cache, so a clone installs quickly. The clones are deleted at the end; exits 1 if any run failed.
# Commit first: uncommitted changes are not in the clones. SOAK_COMMAND replaces `bash .ci/run` (to try the script).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() {
  echo "usage: tools/soak-ci.sh N [--load] [--run-timeout SECONDS]" >&2
  exit 2
}
runs="${1:-}"
case "$runs" in '' | *[!0-9]* | 0) usage ;; esac
shift
load=0
run_timeout=7200 # a loaded 2-core machine takes 2–3× the ~20 min of an idle run
while [ $# -gt 0 ]; do
  case "$1" in
    --load) load=1 ;;
    --run-timeout)
      run_timeout="${2:-}"
      case "$run_timeout" in '' | *[!0-9]*) usage ;; esac
      shift
      ;;
    *) usage ;;
  esac
  shift
done

sha="$(git -C "$ROOT" rev-parse HEAD)"
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
  echo "[soak] note: uncommitted changes are not tested; the clones check out ${sha:0:12}" >&2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/agentcore-soak.XXXXXX")"
logs="$(mktemp -d "${TMPDIR:-/tmp}/agentcore-soak-logs.XXXXXX")"
hogs=()
stop_hogs() {
  local pid
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hogs[@]}"; do wait "$pid" 2>/dev/null || true; done
  hogs=()
}
cleanup() {
  stop_hogs
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cores="$(nproc 2>/dev/null || echo 1)"
echo "[soak] $runs run(s) of CI=true bash .ci/run at ${sha:0:12}$([ "$load" = 1 ] && echo ", with $cores CPU hog(s)")" >&2
failed=0
summary=()
for ((i = 1; i <= runs; i++)); do
  dir="$work/run-$i"
  log="$logs/run-$i.log"
  git clone --quiet --no-checkout "$ROOT" "$dir"
  git -C "$dir" checkout --quiet --detach "$sha"
  if [ "$load" = 1 ]; then
    for ((c = 0; c < cores; c++)); do
      timeout "$run_timeout" sh -c 'while :; do :; done' &
      hogs+=("$!")
    done
  fi
  started=$(date +%s)
  status=0
  (cd "$dir" && CI=true npm_config_prefer_offline=true timeout "$run_timeout" bash -c "${SOAK_COMMAND:-bash .ci/run}") >"$log" 2>&1 || status=$?
  seconds=$(($(date +%s) - started))
  stop_hogs
  duration="$((seconds / 60))m$(printf '%02d' $((seconds % 60)))s"
  if [ "$status" = 0 ]; then
    line="run $i/$runs: PASS in $duration"
    echo "$line"
    rm -f "$log"
  else
    failed=$((failed + 1))
    line="run $i/$runs: FAIL (exit $status) in $duration — log: $log"
    echo "$line"
    # Failing tests as vitest prints them (colours stripped); else the log's tail.
    tests="$(sed -e 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '(^| )FAIL |^ *× ' | sort -u || true)"
    if [ -n "$tests" ]; then echo "$tests" | sed 's/^ */    /'; else tail -n 15 "$log" | sed 's/^/    /'; fi
  fi
  summary+=("$line")
  rm -rf "$dir"
done
echo "[soak] summary:"
printf '  %s\n' "${summary[@]}"
echo "[soak] $((runs - failed))/$runs passed"
if [ "$failed" = 0 ]; then rmdir "$logs" 2>/dev/null || true; fi
[ "$failed" = 0 ]
