#!/usr/bin/env bash
# Builds one acceptance program with mgoc and judges it as shared/conformance/README.md says:
# at GOMAXPROCS=1, 2 and 4 its stdout equals NAME.out, its exit code NAME.code and, where
# NAME.err1 exists, the first line of its stderr equals it. REPEAT runs each setting that often;
# PROCS overrides the GOMAXPROCS values; RUN_TIMEOUT (seconds) fails a run that hangs (make soak).
set -u
mgoc=$1 prog=$2 workdir=$3 repeat=${REPEAT:-1} procs_list=${PROCS:-1 2 4}
timeout_cmd=()
[ -n "${RUN_TIMEOUT:-}" ] && timeout_cmd=(timeout -s KILL "$RUN_TIMEOUT")
base=${prog%.*}
name=$(basename "$base")
mkdir -p "$workdir"
exe=$workdir/$name
"$mgoc" build -o "$exe" "$prog" || { echo "FAIL: $name does not build"; exit 1; }
want_code=$(cat "$base.code" 2>/dev/null || echo 0)
for procs in $procs_list; do
  for ((i = 1; i <= repeat; i++)); do
    GOMAXPROCS=$procs "${timeout_cmd[@]}" "$exe" >"$exe.stdout" 2>"$exe.stderr" </dev/null
    code=$?
    if [ -n "${RUN_TIMEOUT:-}" ] && [ "$code" = 137 ]; then
      echo "FAIL: $name hangs: killed after ${RUN_TIMEOUT} s at GOMAXPROCS=$procs (run $i)"
      exit 1
    fi
    if ! cmp -s "$exe.stdout" "$base.out"; then
      echo "FAIL: $name stdout differs at GOMAXPROCS=$procs (run $i)"
      diff "$base.out" "$exe.stdout" | head -20
      exit 1
    fi
    if [ "$code" != "$want_code" ]; then
      echo "FAIL: $name exited $code, want $want_code at GOMAXPROCS=$procs (run $i)"
      head -5 "$exe.stderr"
      exit 1
    fi
    if [ -f "$base.err1" ] && [ "$(head -n 1 "$exe.stderr")" != "$(head -n 1 "$base.err1")" ]; then
      echo "FAIL: $name stderr first line at GOMAXPROCS=$procs (run $i)"
      echo " want: $(head -n 1 "$base.err1")"
      echo " got:  $(head -n 1 "$exe.stderr")"
      exit 1
    fi
  done
done
echo "PASS: $name"
