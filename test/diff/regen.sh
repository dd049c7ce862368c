#!/usr/bin/env bash
# Regenerates the expected results of the differential corpus with Go (the
# oracle; the tests themselves never need it): for each NAME.go given, or all,
# NAME.out is its stdout and, when it exits non-zero, NAME.code its exit code
# and NAME.err1 the first line of its stderr, as conformance/run-program.sh
# judges them.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=(*.go)
for prog in "${progs[@]}"; do
  name=${prog%.go}
  go build -o "$tmp/$name" "$name.go"
  code=0
  "$tmp/$name" >"$name.out" 2>"$tmp/stderr" </dev/null || code=$?
  rm -f "$name.code" "$name.err1"
  if [ "$code" != 0 ]; then
    echo "$code" >"$name.code"
    head -n 1 "$tmp/stderr" >"$name.err1"
  fi
  echo "$name: exit $code"
done
