#!/bin/sh
# Prints what Go 1.21 prints for a test program using slices, maps or cmp,
# which Go 1.19 lacks: the program runs under go 1.19 with its imports of
# them redirected to this module's reference packages, written apart from
# stdlib/'s (plain loops and package sort, no shared code) to follow Go
# 1.21's documentation. Usage: expect.sh prog.mgo
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/go.mod" "$here/cmp" "$here/slices" "$here/maps" "$tmp"
sed 's#^\(\s*\)"\(slices\|maps\|cmp\)"$#\1"go121ref/\2"#; s#^import "\(slices\|maps\|cmp\)"$#import "go121ref/\1"#' "$1" > "$tmp/main.go"
cd "$tmp" && go run main.go
