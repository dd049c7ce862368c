#!/usr/bin/env bash
# make soak: every concurrency acceptance program, RUNS times (default 100) at each GOMAXPROCS
# from 1 to 8, each run killed after 10 s. A lost or duplicated message shows as
# a stdout that differs from Go's, a hang as a killed run. Ends with the
# "N passed, N failed" line CI-style summaries count.
set -u
mgoc=$1 dir=$2 workdir=$3
export REPEAT=${RUNS:-100} PROCS="1 2 3 4 5 6 7 8" RUN_TIMEOUT=10
here=$(dirname "$0")
passed=0 failed=0
for prog in "$dir"/*.go; do
  if "$here/run-program.sh" "$mgoc" "$prog" "$workdir"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
