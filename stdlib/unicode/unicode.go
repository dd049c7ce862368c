// Package unicode: the category and case predicates of Go 1.19's unicode
// package over Unicode 13.0.0, with the tables packed into string constants
// (tables.go) so that importing the package stays cheap to compile.
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

// Indices into a case mapping's deltas, as Go numbers them.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// Version is the Unicode version the tables come from.
const Version = "13.0.0"

// u24 reads the 3-byte big-endian value at s[i:].
func u24(s string, i int) rune {
	return rune(s[i])<<16 | rune(s[i+1])<<8 | rune(s[i+2])
}

// inTable reports whether r lies in one of tab's 8-byte ranges, found by
// binary search (the ranges are sorted and disjoint).
func inTable(tab string, r rune) bool {
	lo, hi := 0, len(tab)/8
	for lo < hi {
		m := lo + (hi-lo)/2
		i := m * 8
		first, last := u24(tab, i), u24(tab, i+3)
		if r < first {
			hi = m
			continue
		}
		if r > last {
			lo = m + 1
			continue
		}
		stride := rune(tab[i+6])<<8 | rune(tab[i+7])
		return stride == 1 || (r-first)%stride == 0
	}
	return false
}
