// Package cmp is a reference for Go 1.21's cmp, only for deriving the
// expected output of tests (expect.sh).
package cmp

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 |
		~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

func isNaN[T Ordered](x T) bool { return x != x }

func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

func Compare[T Ordered](x, y T) int {
	if isNaN(x) {
		if isNaN(y) {
			return 0
		}
		return -1
	}
	if isNaN(y) {
		return 1
	}
	if x < y {
		return -1
	}
	if x > y {
		return 1
	}
	return 0
}
