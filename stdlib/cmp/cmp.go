// Package cmp: Go 1.21's cmp, a later addition to mini-Go (docs/language.md,
// Later Go). A NaN is less than every other value and equal to a NaN, so
// floating-point values have a total order.
package cmp

// Ordered is the set of types whose values < orders.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x sorts before y.
func Less[T Ordered](x, y T) bool {
	if x != x {
		return y == y
	}
	return x < y
}

// Compare is -1, 0 or +1 as x sorts before, with or after y.
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := x != x, y != y
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return +1
	}
	return 0
}
