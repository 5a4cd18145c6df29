#!/usr/bin/env bash
# Creates (or updates) the project-local virtualenv .venv and prints its path. Installs
# tools/requirements.txt, or the requirements file given as the argument (e.g. tools/requirements-bench.txt
# for the bench's peers), only when that file changed since its last install (one stamp per file), so
# it is cheap to call before every use (the demo, the emulator tests, the template checks, the bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
requirements="${1:-$root/tools/requirements.txt}"
case "$requirements" in /*) ;; *) requirements="$root/$requirements" ;; esac
name="$(basename "$requirements" .txt)"
stamp="$venv/.$name.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "venv: installing $(grep -cvE '^\s*(#|$)' "$requirements") Python packages of $(basename "$requirements") into $venv (once)..." >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  echo "$wanted" > "$stamp"
fi
echo "$venv"
