// Package slices is a reference for Go 1.21's slices, only for deriving the
// expected output of tests (expect.sh): the simplest code that does what
// Go 1.21's documentation says.
package slices

import (
	"sort"

	"go121ref/cmp"
)

func Equal[S ~[]E, E comparable](a, b S) bool {
	return EqualFunc(a, b, func(x, y E) bool { return x == y })
}

func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](a S1, b S2, eq func(E1, E2) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if !eq(a[i], b[i]) {
			return false
		}
	}
	return true
}

func Compare[S ~[]E, E cmp.Ordered](a, b S) int {
	return CompareFunc(a, b, cmp.Compare[E])
}

func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](a S1, b S2, c func(E1, E2) int) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if r := c(a[i], b[i]); r != 0 {
			return r
		}
	}
	return cmp.Compare(len(a), len(b))
}

func Index[S ~[]E, E comparable](s S, v E) int {
	return IndexFunc(s, func(x E) bool { return x == v })
}

func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := 0; i < len(s); i++ {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

func Contains[S ~[]E, E comparable](s S, v E) bool { return Index(s, v) != -1 }

func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool { return IndexFunc(s, f) != -1 }

func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	if i < 0 || i > len(s) {
		_ = s[i:]
	}
	var r S
	r = append(r, s[:i]...)
	r = append(r, v...)
	return append(r, s[i:]...)
}

func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j]
	return append(s[:i], s[j:]...)
}

func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	var keep []E
	for _, v := range s {
		if !del(v) {
			keep = append(keep, v)
		}
	}
	n := copy(s, keep)
	return s[:n]
}

func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j]
	var r S
	r = append(r, s[:i]...)
	r = append(r, v...)
	return append(r, s[j:]...)
}

func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	r := make(S, len(s))
	copy(r, s)
	return r
}

func Compact[S ~[]E, E comparable](s S) S {
	return CompactFunc(s, func(a, b E) bool { return a == b })
}

func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	var keep []E
	for i, v := range s {
		if i == 0 || !eq(s[i-1], v) {
			keep = append(keep, v)
		}
	}
	n := copy(s, keep)
	return s[:n]
}

func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if cap(s)-len(s) >= n {
		return s
	}
	r := make(S, len(s), len(s)+n)
	copy(r, s)
	return r
}

func Clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

func Reverse[S ~[]E, E any](s S) {
	n := len(s)
	for i := 0; i < n/2; i++ {
		s[i], s[n-1-i] = s[n-1-i], s[i]
	}
}

func Min[S ~[]E, E cmp.Ordered](s S) E {
	if len(s) == 0 {
		panic("slices.Min: empty list")
	}
	m := s[0]
	for _, v := range s {
		if v != v || (m == m && v < m) {
			m = v
		}
	}
	return m
}

func Max[S ~[]E, E cmp.Ordered](s S) E {
	if len(s) == 0 {
		panic("slices.Max: empty list")
	}
	m := s[0]
	for _, v := range s {
		if v != v || (m == m && v > m) {
			m = v
		}
	}
	return m
}

func MinFunc[S ~[]E, E any](s S, c func(a, b E) int) E {
	if len(s) == 0 {
		panic("slices.MinFunc: empty list")
	}
	m := 0
	for i := range s {
		if c(s[i], s[m]) < 0 {
			m = i
		}
	}
	return s[m]
}

func MaxFunc[S ~[]E, E any](s S, c func(a, b E) int) E {
	if len(s) == 0 {
		panic("slices.MaxFunc: empty list")
	}
	m := 0
	for i := range s {
		if c(s[i], s[m]) > 0 {
			m = i
		}
	}
	return s[m]
}

func Sort[S ~[]E, E cmp.Ordered](s S) {
	sort.Slice(s, func(i, j int) bool { return cmp.Less(s[i], s[j]) })
}

func SortFunc[S ~[]E, E any](s S, c func(a, b E) int) {
	sort.Slice(s, func(i, j int) bool { return c(s[i], s[j]) < 0 })
}

func SortStableFunc[S ~[]E, E any](s S, c func(a, b E) int) {
	sort.SliceStable(s, func(i, j int) bool { return c(s[i], s[j]) < 0 })
}

func IsSorted[S ~[]E, E cmp.Ordered](s S) bool {
	return sort.SliceIsSorted(s, func(i, j int) bool { return cmp.Less(s[i], s[j]) })
}

func IsSortedFunc[S ~[]E, E any](s S, c func(a, b E) int) bool {
	return sort.SliceIsSorted(s, func(i, j int) bool { return c(s[i], s[j]) < 0 })
}

func BinarySearch[S ~[]E, E cmp.Ordered](s S, t E) (int, bool) {
	return BinarySearchFunc(s, t, cmp.Compare[E])
}

func BinarySearchFunc[S ~[]E, E, T any](s S, t T, c func(E, T) int) (int, bool) {
	for i := range s {
		if r := c(s[i], t); r >= 0 {
			return i, r == 0
		}
	}
	return len(s), false
}
