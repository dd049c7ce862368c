package strings

import (
	"unicode"
	"unicode/utf8"
)

// Map returns s with every rune replaced by mapping(r), dropping runes it
// maps to a negative value. As in Go, s comes back untouched (invalid UTF-8
// included) when nothing changes; once something changes, the rest is
// rebuilt rune by rune and invalid bytes become U+FFFD.
func Map(mapping func(rune) rune, s string) string {
	for i, c := range s {
		r := mapping(c)
		if r == c && c != utf8.RuneError {
			continue
		}
		width := utf8.RuneLen(c)
		if c == utf8.RuneError {
			c, width = utf8.DecodeRuneInString(s[i:])
			if width != 1 && r == c {
				continue
			}
		}
		b := make([]byte, 0, len(s)+utf8.UTFMax)
		b = append(b, s[:i]...)
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		return mapRest(b, mapping, s[i+width:])
	}
	return s
}

func mapRest(b []byte, mapping func(rune) rune, s string) string {
	for _, c := range s {
		if r := mapping(c); r >= 0 {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// ToUpper maps every letter of s to upper case.
func ToUpper(s string) string {
	return Map(unicode.ToUpper, s)
}

// ToLower maps every letter of s to lower case.
func ToLower(s string) string {
	return Map(unicode.ToLower, s)
}

// ToTitle maps every letter of s to title case.
func ToTitle(s string) string {
	return Map(unicode.ToTitle, s)
}

// Title maps the first letter of each word to title case (Go's deprecated
// word-boundary rule).
func Title(s string) string {
	prev := ' '
	return Map(func(r rune) rune {
		sep := isSeparator(prev)
		prev = r
		if sep {
			return unicode.ToTitle(r)
		}
		return r
	}, s)
}

func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// EqualFold reports whether s and t are equal under simple Unicode case
// folding.
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		sr, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		tr, m := utf8.DecodeRuneInString(t)
		t = t[m:]
		if !foldEqual(sr, tr) {
			return false
		}
	}
	return s == t
}

// foldEqual walks the smaller rune's folding orbit looking for the larger.
func foldEqual(sr, tr rune) bool {
	if sr == tr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}
