#!/usr/bin/env bash
# Prints the JVM options of a ./recon command, one per line. The launcher (recon) runs every command
# with them and ./recon bench its engine runs, so the bench times the engine as a user runs it.
#   JAVA_HOME=... tools/jvm-options.sh COMMAND [ARGS...]
set -euo pipefail

java_major() { "$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

# The records of a store live until the run ends: promoted at their first collection, they are not
# copied between survivor spaces again and again (half the pause time at 1 M orders).
echo "-XX:MaxTenuringThreshold=0"
# JDK 25 and later: 8-byte object headers (JEP 519) make the records smaller.
if [ "$(java_major)" -ge 25 ]; then
  echo "-XX:+UseCompactObjectHeaders"
fi

# reconcile: below 256 MiB of exports the C2 compiler costs more than it gains (it competes with the
# reading threads for the cores), so C1 alone: 1.1 s instead of 2.0 s at 100,000 orders (69 MB), about
# even at 390 MB, 30 % slower at 689 MB (docs/benchmarks.md, "Findings"). Lambda's java21 runtime also runs C1 alone.
small_input=$((256 * 1024 * 1024))

# The bytes of the exports given (files, and the files in folders). A ZIP or XLSX counts 7 times its
# size: the generated store's 689 MB of CSV make a ZIP of 101 MB. Portable: no GNU du or stat options.
export_bytes() {
  local total=0 file size
  while IFS= read -r file; do
    size=$(wc -c < "$file")
    case "$file" in
      *.[zZ][iI][pP] | *.[xX][lL][sS][xX]) size=$((size * 7)) ;;
    esac
    total=$((total + size))
  done < <(find -L "$@" -type f)
  echo "$total"
}

if [ "${1:-}" = "reconcile" ]; then
  shift
  inputs=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --*) shift 2 || shift ;;  # every option takes a value
      *) [ -e "$1" ] && inputs+=("$1"); shift ;;
    esac
  done
  if [ ${#inputs[@]} -gt 0 ] && [ "$(export_bytes "${inputs[@]}")" -lt "$small_input" ]; then
    echo "-XX:TieredStopAtLevel=1"
  fi
fi
