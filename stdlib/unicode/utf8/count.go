package utf8

// RuneCount returns the number of runes in p; each invalid byte counts as one.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		_, size := DecodeRune(p[i:])
		i += size
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// FullRune reports whether p begins with a complete encoding (an invalid
// one counts as complete: it decodes to RuneError of width 1).
func FullRune(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	n, lo, hi := leadInfo(p[0])
	if p[0] < RuneSelf || n == 0 || len(p) >= n {
		return true
	}
	if len(p) > 1 && (p[1] < lo || hi < p[1]) {
		return true
	}
	if len(p) > 2 && (p[2] < 0x80 || 0xBF < p[2]) {
		return true
	}
	return false
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	return FullRune([]byte(s))
}

// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString reports whether s is entirely valid UTF-8.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}
