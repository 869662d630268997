#!/bin/sh
# Install Debian's Chromium and a CJK font for the browser tests (tests/e2e). Idempotent; runs as root in CI.
# Playwright drives /usr/bin/chromium through executable_path: no `playwright install`, no browser download.
set -eu

need_chromium=0
need_fonts=0
[ -x /usr/bin/chromium ] || need_chromium=1
if ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then need_fonts=1; fi

if [ "$need_chromium" = 0 ] && [ "$need_fonts" = 0 ]; then
    echo "chromium and fonts-noto-cjk already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version
