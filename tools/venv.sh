#!/usr/bin/env bash
# Creates (or updates) the project-local virtualenv .venv with tools/requirements.txt and prints its
# path. Installs only when the requirements changed since the last install, so it is cheap to call
# before every use (the demo, the emulator tests, the template checks).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
requirements="$root/tools/requirements.txt"
stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "venv: installing $(grep -cvE '^\s*(#|$)' "$requirements") Python tools into $venv (once)..." >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  echo "$wanted" > "$stamp"
fi
echo "$venv"
