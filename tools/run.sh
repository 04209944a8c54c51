#!/usr/bin/env bash
# The repo's entry point on a fresh machine (only Node 20 + npm needed): brings Node 24, installs, builds, runs.
#   bash tools/run.sh demo    the local demo (main job)
#   bash tools/run.sh test    every test tier + repo checks
#   bash tools/run.sh build   install + build only
#   bash tools/run.sh bench   the performance ratios (bench/README.md)
#   bash tools/run.sh cli ... run the built agentcore binary
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${AGENTCORE_NODE_READY:-}" ]; then
  export AGENTCORE_NODE_READY=1
  exec "$ROOT/tools/env.sh" bash "$ROOT/tools/run.sh" "$@"
fi
cd "$ROOT"
install() {
  # Reinstall when the lockfile changed since the last install (fresh clones always install).
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
    echo "[setup] npm install" >&2
    npm install --no-audit --no-fund --loglevel=error >&2
  fi
}
build() { install; nx run-many -t build --outputStyle=static >&2; }
ci() { case "${CI:-}" in '' | 0 | false) return 1 ;; *) return 0 ;; esac; }
# Tools from the machine that some tests need: name, probe, apt package, what needs it, how to install.
MISSING_PEERS=()
peers() {
  local name probe pkg usedBy
  while IFS='|' read -r name probe pkg usedBy; do
    $probe </dev/null >/dev/null 2>&1 && continue
    # Try the system package manager where we can (root on a Debian/Ubuntu image, as in CI).
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "[setup] installing $pkg" >&2
      { apt-get update -qq && apt-get install -y -qq "$pkg"; } </dev/null >&2 || true
    fi
    $probe </dev/null >/dev/null 2>&1 && continue
    local how="apt-get install -y $pkg (Debian/Ubuntu), dnf install -y $pkg (Fedora), brew install ${pkg/python3/python} (macOS)"
    if ci; then
      echo "[setup] ERROR: $name is required under CI ($usedBy) and could not be installed. Install it: $how" >&2
      exit 1
    fi
    echo "[setup] $name is missing: $usedBy will be SKIPPED (an error under CI). Install it: $how" >&2
    MISSING_PEERS+=("$name: $usedBy skipped ($how)")
  done <<'PEERS'
tmux|tmux -V|tmux|the wizard and chat end-to-end tests in a real terminal (apps/cli/test/tmux-*.e2e.test.ts)
python3|python3 --version|python3|the Python agent cases of the dev emulator tests (dev.integration, runtime-emulator)
PEERS
}
skipped_summary() {
  [ "${#MISSING_PEERS[@]}" -eq 0 ] && return 0
  echo "[summary] SKIPPED because a tool is missing (allowed outside CI only):" >&2
  printf '  - %s\n' "${MISSING_PEERS[@]}" >&2
}
cmd="${1:-test}"; shift || true
case "$cmd" in
  build) build ;;
  test)
    # Before building: under CI a missing tool fails the run here, with how to install it; elsewhere the tests
    # that need it are skipped and listed at the end.
    peers
    trap skipped_summary EXIT
    build
    node tools/check-boundaries.mjs
    node tools/check-subpaths.mjs
    node tools/check-doc-paths.mjs
    node --test --test-reporter=dot tools/check-messages.test.mjs; node tools/check-messages.mjs
    node tools/gen-commands-doc.mjs --check
    eslint --max-warnings=1000 .
    prettier --check --log-level=warn .
    syncpack lint
    # Nx keeps its cache in the user's home (~/.nx), shared by every clone on the machine: tests always run for real
    # here, never replayed from an earlier run's cache (builds may still come from it).
    nx run-many -t test --outputStyle=static --exclude-task-dependencies --skip-nx-cache
    ;;
  demo) build; node tools/demo.mjs "$@" ;;
  bench) build; node bench/run.mjs "$@" ;;
  cli) build; node apps/cli/bin/run.js "$@" ;;
  *) echo "usage: bash tools/run.sh demo|test|build|bench|cli ..." >&2; exit 2 ;;
esac
