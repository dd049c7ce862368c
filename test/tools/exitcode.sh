#!/usr/bin/env bash
# Runs a command, passes its output through, then prints "exit code: N" and
# succeeds, so a lit test can FileCheck a program's exit status with its output.
"$@"
echo "exit code: $?"
