#!/bin/sh
# Runs before `npm test`: the HTML report test opens the report in Debian's Chromium
# (/usr/bin/chromium). Where it is missing and this user may install Debian packages, install it,
# so that the README's test command works on a fresh machine. Elsewhere, say how; the browser test
# then fails with the same advice (it never skips silently). ERROR_CONTRACTS_BROWSER=none opts out
# explicitly, and the test then shows as skipped.
set -eu
[ "${ERROR_CONTRACTS_BROWSER:-}" = "none" ] && exit 0
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "error-contracts: installing Debian's chromium for the HTML report test (once)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
else
  echo "error-contracts: /usr/bin/chromium is missing; install Debian's chromium package" \
    "(sudo apt-get install chromium), or set ERROR_CONTRACTS_BROWSER=none to skip the browser test." >&2
fi
