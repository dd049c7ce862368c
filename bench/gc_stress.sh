#!/bin/sh
# Runs the collector stress test (test/run/gc_stress_roots.mgo) many times at
# each GOMAXPROCS, larger than the test suite runs it, and counts failures.
# A failure prints the program's CORRUPT line (what lost a live object) or
# its crash.
#
# usage: bench/gc_stress.sh [runs [workers rounds depth [GOGC]]]
#        (defaults: 50 runs of 6 workers, 12 rounds, depth 3000, GOGC=10)
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
mgoc=${MGOC:-$here/build/bin/mgoc}
runs=${1:-50}
size="${2:-6} ${3:-12} ${4:-3000}"
gogc=${5:-10}
exe=$(mktemp)
trap 'rm -f "$exe"' EXIT
"$mgoc" build -o "$exe" "$here/test/run/gc_stress_roots.mgo" || exit 1
status=0
for procs in 1 2 4; do
  fails=0
  start=$(date +%s.%N)
  i=0
  while [ "$i" -lt "$runs" ]; do
    # shellcheck disable=SC2086 # size is three words on purpose
    if ! out=$(GOMAXPROCS=$procs GOGC=$gogc timeout 300 "$exe" $size 2>&1); then
      fails=$((fails + 1))
      echo "GOMAXPROCS=$procs run $i: $(echo "$out" | head -3)"
    fi
    i=$((i + 1))
  done
  end=$(date +%s.%N)
  echo "GOMAXPROCS=$procs: $runs runs, $fails failed, $(echo "($end - $start) / $runs" | bc -l | cut -c1-5) s per run"
  [ "$fails" -eq 0 ] || status=1
done
exit $status
