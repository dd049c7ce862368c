// Package slices: Go 1.21's slices, a later addition to mini-Go
// (docs/language.md, Later Go). Orderings are cmp's: a NaN sorts before
// every other float.
package slices

import "cmp"

// Equal reports whether s1 and s2 have the same length and equal elements
// (NaNs are not equal).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc is Equal with eq comparing the elements.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v := range s1 {
		if !eq(v, s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements pairwise with cmp.Compare; a shorter
// slice that is a prefix of the other is less.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc is Compare with cmp comparing the elements.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index is the first index of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc is the first index i with f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether f holds for an element of s.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert puts vs at s[i], moving s[i:] up; it panics unless 0 <= i <= len(s).
func Insert[S ~[]E, E any](s S, i int, vs ...E) S {
	_ = s[i:] // panics as Go's does for an i out of range
	n, m := len(s), len(vs)
	if m == 0 {
		return s
	}
	if i == n {
		return append(s, vs...)
	}
	if n+m > cap(s) {
		// s's array is left as it was, so vs may be part of it.
		r := append(s[:i], make(S, n+m-i)...)
		copy(r[i:], vs)
		copy(r[i+m:], s[i:])
		return r
	}
	// Moving s[i:] up overwrites what vs may share of s's array.
	if overlaps(vs, s[:n+m]) {
		vs = append([]E(nil), vs...)
	}
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], vs)
	return s
}

// overlaps reports whether a and b share elements of one array.
func overlaps[E any](a, b []E) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for i := range b {
		if &b[i] == &a[0] {
			return true
		}
	}
	for i := range a {
		if &a[i] == &b[0] {
			return true
		}
	}
	return false
}

// Delete removes s[i:j]; it panics unless 0 <= i <= j <= len(s). As Go
// 1.21's, it leaves s[len(s)-(j-i):len(s)] as it was.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j] // panics as Go's does for indices out of range
	return append(s[:i], s[j:]...)
}

// DeleteFunc removes the elements for which del holds.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc(s, del)
	if i < 0 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	return s[:i]
}

// Replace puts vs in place of s[i:j]; it panics unless 0 <= i <= j <= len(s).
func Replace[S ~[]E, E any](s S, i, j int, vs ...E) S {
	_ = s[i:j] // panics as Go's does for indices out of range
	tail := append([]E(nil), s[j:]...)
	head := append([]E(nil), vs...)
	return append(append(s[:i], head...), tail...)
}

// Clone is a shallow copy of s (nil for a nil s).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S([]E{}), s...)
}

// Compact replaces each run of equal elements by its first.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	return s[:i]
}

// CompactFunc is Compact with eq deciding which elements are equal.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	return s[:i]
}

// Grow makes room for n more elements without another allocation; it
// panics if n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip drops s's unused capacity.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Min is s's least element (a NaN if s has one); it panics on an empty s.
func Min[S ~[]E, E cmp.Ordered](s S) E {
	if len(s) < 1 {
		panic("slices.Min: empty list")
	}
	m := s[0]
	for _, v := range s[1:] {
		if v != v {
			return v
		}
		if v < m {
			m = v
		}
	}
	return m
}

// MinFunc is s's first least element by cmp; it panics on an empty s.
func MinFunc[S ~[]E, E any](s S, cmp func(a, b E) int) E {
	if len(s) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := s[0]
	for _, v := range s[1:] {
		if cmp(v, m) < 0 {
			m = v
		}
	}
	return m
}

// Max is s's greatest element (a NaN if s has one); it panics on an empty s.
func Max[S ~[]E, E cmp.Ordered](s S) E {
	if len(s) < 1 {
		panic("slices.Max: empty list")
	}
	m := s[0]
	for _, v := range s[1:] {
		if v != v {
			return v
		}
		if v > m {
			m = v
		}
	}
	return m
}

// MaxFunc is s's first greatest element by cmp; it panics on an empty s.
func MaxFunc[S ~[]E, E any](s S, cmp func(a, b E) int) E {
	if len(s) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := s[0]
	for _, v := range s[1:] {
		if cmp(v, m) > 0 {
			m = v
		}
	}
	return m
}
