#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh Debian machine (idempotent; needs root or sudo).
# openssl: interop tests verify certificates and evidence with stock OpenSSL.
# chromium, chromium-driver: the web console's end-to-end tests drive a real headless Chromium (Selenium).
set -euo pipefail

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-test-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
