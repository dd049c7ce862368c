package utf8

// decodeBytes decodes the rune starting at b0 given the following bytes
// (at most three, fewer when the input ends early). It is shared by the
// string and slice entry points so the validity rules live in one place.
func decodeBytes(b0 byte, rest []byte) (rune, int) {
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	n, lo, hi := leadInfo(b0)
	if n == 0 || len(rest) < n-1 {
		return RuneError, 1
	}
	// The second byte's range is narrower for some lead bytes: that is how
	// overlong forms, surrogates and runes past MaxRune are refused.
	if rest[0] < lo || hi < rest[0] {
		return RuneError, 1
	}
	r := rune(b0) & (0x7F >> uint(n))
	for i := 0; i < n-1; i++ {
		c := rest[i]
		if i > 0 && (c < 0x80 || 0xBF < c) {
			return RuneError, 1
		}
		r = r<<6 | rune(c&0x3F)
	}
	return r, n
}

// leadInfo returns the sequence length a lead byte announces (0: invalid
// lead) and the accepted range of the second byte.
func leadInfo(b byte) (int, byte, byte) {
	switch {
	case b < 0xC2:
		return 0, 0, 0
	case b < 0xE0:
		return 2, 0x80, 0xBF
	case b == 0xE0:
		return 3, 0xA0, 0xBF
	case b == 0xED:
		return 3, 0x80, 0x9F
	case b < 0xF0:
		return 3, 0x80, 0xBF
	case b == 0xF0:
		return 4, 0x90, 0xBF
	case b < 0xF4:
		return 4, 0x80, 0xBF
	case b == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

// DecodeRune returns the first rune of p and its width; (RuneError, 0) if p
// is empty, (RuneError, 1) if the encoding is invalid.
func DecodeRune(p []byte) (rune, int) {
	if len(p) == 0 {
		return RuneError, 0
	}
	end := len(p)
	if end > UTFMax {
		end = UTFMax
	}
	return decodeBytes(p[0], p[1:end])
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (rune, int) {
	if len(s) == 0 {
		return RuneError, 0
	}
	if s[0] < RuneSelf {
		return rune(s[0]), 1
	}
	var buf [UTFMax - 1]byte
	n := copy(buf[:], s[1:])
	return decodeBytes(s[0], buf[:n])
}

// DecodeLastRune returns the last rune of p and its width.
func DecodeLastRune(p []byte) (rune, int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	start := lastStart(end, func(i int) byte { return p[i] })
	r, size := DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := lastStart(end, func(i int) byte { return s[i] })
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// lastStart backs up from end over at most UTFMax bytes to the byte that
// could start the last rune.
func lastStart(end int, at func(int) byte) int {
	start := end - 1
	if at(start) < RuneSelf {
		return start
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(at(start)) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	return start
}

// RuneStart reports whether b could be the first byte of an encoded rune.
func RuneStart(b byte) bool {
	return b&0xC0 != 0x80
}
