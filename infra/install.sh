#!/usr/bin/env bash
# Installs what the build and the tests need when it is missing: Debian packages (chromium,
# postgresql, redis-server, fonts), the front end's npm packages and Azurite (the Azure Storage
# emulator the blob file store is tested against) in a cache folder outside the checkout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

need=()
command -v chromium >/dev/null || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need+=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_=(); [ "$(id -u)" != 0 ] && sudo_=(sudo)
  "${sudo_[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The Debian package starts a cluster of its own; the tests start throwaway servers instead.
  "${sudo_[@]}" service postgresql stop >/dev/null 2>&1 || true
fi

command -v node >/dev/null || { echo "node (20 or newer) is required" >&2; exit 1; }
if [ ! -f "$root/wwwroot/node_modules/.package-lock.json" ]; then
  (cd "$root/wwwroot" && npm ci --no-audit --no-fund)
fi

# Azurite: once per machine, into $AZURITE_HOME (services.sh finds it there).
azurite_home="${AZURITE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/workspace-azurite}"
if [ ! -x "$azurite_home/node_modules/.bin/azurite-blob" ]; then
  mkdir -p "$azurite_home"
  (cd "$azurite_home" && npm install --no-audit --no-fund --no-save azurite@3.37.0 >/dev/null)
fi
