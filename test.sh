#!/usr/bin/env bash
# Runs every test of the solution from a fresh clone. Installs what the tests need when it is missing
# (Debian's chromium for the browser tests, the npm packages of the web chat bundle), then runs dotnet test.
# The Agents Playground test needs node and npm on PATH: it installs its pinned package under the temp folder.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

dotnet test ChatBot.sln --nologo "$@"
