#!/usr/bin/env bash
# Installs the Debian packages Vigil builds against, when they are missing.
# The Swift toolchain itself is expected at /opt/swift or on PATH.
# chromium and fonts-wqy-zenhei (a CJK font, so screenshots show Chinese
# text) are for the browser tests of the HTML score report and of the web
# console. The report tests fail without chromium. The console tests skip
# without it unless CI or VIGIL_CHROMIUM is set. docker-compose validates
# the deployment in compose/ (no Docker daemon needed).
set -euo pipefail

packages=(librdkafka-dev libsqlite3-dev libmicrohttpd-dev libcurl4-openssl-dev pkg-config chromium fonts-wqy-zenhei docker-compose)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
  echo "Swift is not installed: put a Swift 6 toolchain on PATH or at /opt/swift." >&2
  exit 1
fi
