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
cmd="${1:-test}"; shift || true
case "$cmd" in
  build) build ;;
  test)
    build
    # The interactive wizards' end-to-end test drives the real binary in tmux (apps/cli/test/tmux-wizards.e2e.test.ts).
    command -v tmux >/dev/null || (apt-get update && apt-get install -y tmux) >&2 || echo "[setup] tmux could not be installed; the tmux e2e test will be skipped" >&2
    node tools/check-boundaries.mjs
    node tools/check-subpaths.mjs
    node tools/gen-commands-doc.mjs --check
    eslint --max-warnings=1000 .
    prettier --check --log-level=warn .
    syncpack lint
    nx run-many -t test --outputStyle=static
    ;;
  demo) build; node tools/demo.mjs "$@" ;;
  bench) build; node bench/run.mjs "$@" ;;
  cli) build; node apps/cli/bin/run.js "$@" ;;
  *) echo "usage: bash tools/run.sh demo|test|build|bench|cli ..." >&2; exit 2 ;;
esac
