#!/usr/bin/env bash
# Installs what the sandbox needs and is missing (redis-server, Chromium, npm packages), then builds it.
# Safe to run again: whatever is already there is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NEXT_TELEMETRY_DISABLED=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}. Install them with your system's package manager (redis-server 7 or newer, and Chromium at /usr/bin/chromium), then run this again." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing: ${missing[*]}. As root, run: apt-get update && apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  say "Installing ${missing[*]} from the system's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file; otherwise nothing to do.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund
fi

# The project's Node (the `node` dev dependency, Node 24 LTS) comes first on PATH from here on, as npm scripts put it:
# run directly, this script still builds, and test-all.sh still tests, on that Node and not on the machine's.
export PATH="$PWD/node_modules/.bin:$PATH"
wanted="$(cat .nvmrc)"
if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$wanted" ]; then
  echo "node_modules/.bin/node is not Node $wanted: remove node_modules and run this again (npm must run the \"node\" package's install script, approved in package.json's allowScripts)." >&2
  exit 1
fi

say "Building the shop's services and the pages on Node $(node --version)"
node scripts/build-services.mjs
npx next build >/tmp/architecture-sandbox-build.log 2>&1 || { cat /tmp/architecture-sandbox-build.log >&2; echo "next build failed" >&2; exit 1; }
say "Ready. Node $(node --version), redis-server $(redis-server --version | sed -E 's/.*v=([0-9.]+).*/\1/'), $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
