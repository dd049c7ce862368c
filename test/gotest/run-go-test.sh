#!/usr/bin/env bash
# Judges one `// run` program of Go's own test suite as Go's harness (test/run.go)
# does: it must build, exit 0 and print, stdout and stderr combined, exactly its
# golden NAME.out (nothing at all when there is no .out file).
# Exit 77 (ctest: skipped) when Go's test suite is not installed.
set -u
mgoc=$1 prog=$2 workdir=$3
if [ ! -f "$prog" ]; then
  echo "SKIP: $prog not found (Go's test suite comes with golang-go)"
  exit 77
fi
base=${prog%.go}
name=$(basename "$base")
mkdir -p "$workdir"
exe=$workdir/$name
"$mgoc" build -o "$exe" "$prog" || { echo "FAIL: $name does not build"; exit 1; }
(cd "$(dirname "$prog")" && timeout 120 "$exe" >"$exe.output" 2>&1 </dev/null)
code=$?
if [ "$code" != 0 ]; then
  echo "FAIL: $name exited $code"
  head -20 "$exe.output"
  exit 1
fi
want=/dev/null
[ -f "$base.out" ] && want=$base.out
if ! cmp -s "$exe.output" "$want"; then
  echo "FAIL: $name output differs from $(basename "$want")"
  diff "$want" "$exe.output" | head -20
  exit 1
fi
echo "PASS: $name"
