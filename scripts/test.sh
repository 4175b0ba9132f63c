#!/usr/bin/env bash
# Install Polemos with its test extras (and Debian's chromium for the browser tests), then run every test.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null;
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
python -m pip install -q -e '.[test]'
python -m pytest -q "$@"
