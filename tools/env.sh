#!/usr/bin/env bash
# Source or exec: brings Node 24 from the npm registry into .tools/ (machines here ship Node 20),
# then puts it and the repo's node_modules/.bin first on PATH.
# Usage: tools/env.sh <cmd...>   (runs <cmd> with Node 24)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="${AGENTCORE_NODE_VERSION:-24.21.0}"
case "$(uname -m)" in
  x86_64) ARCH=x64 ;; aarch64|arm64) ARCH=arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;;
esac
PKG="node-linux-${ARCH}"   # ships bin/node directly; no install script needed
TOOLS="$ROOT/.tools"
if [ "$("$TOOLS/node_modules/.bin/node" -v 2>/dev/null || true)" != "v${NODE_VERSION}" ]; then
  echo "[setup] installing ${PKG}@${NODE_VERSION} into .tools" >&2
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "${PKG}@${NODE_VERSION}" >&2
fi
export PATH="$TOOLS/node_modules/.bin:$ROOT/node_modules/.bin:$PATH"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-}"
cd "$ROOT"
exec "$@"
