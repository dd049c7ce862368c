// Package utf8 encodes and decodes UTF-8 as Go 1.19 does: an invalid or
// truncated sequence decodes as (RuneError, 1), and so do surrogates and
// overlong forms.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// RuneLen returns the number of bytes needed to encode r, or -1 if r is not
// a valid code point.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// ValidRune reports whether r is a code point UTF-8 can encode.
func ValidRune(r rune) bool {
	if 0 <= r && r < surrogateMin {
		return true
	}
	return surrogateMax < r && r <= MaxRune
}

// EncodeRune writes r into p (which must be large enough) and returns the
// number of bytes written; invalid runes are written as RuneError.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < 0x80 {
		p[0] = byte(r)
		return 1
	}
	if !ValidRune(r) {
		r = RuneError
	}
	switch n := RuneLen(r); n {
	case 2:
		p[1] = 0x80 | byte(r)&0x3F
		p[0] = 0xC0 | byte(r>>6)
		return 2
	case 3:
		p[2] = 0x80 | byte(r)&0x3F
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[0] = 0xE0 | byte(r>>12)
		return 3
	}
	p[3] = 0x80 | byte(r)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[0] = 0xF0 | byte(r>>18)
	return 4
}

// AppendRune appends the UTF-8 encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < 0x80 {
		return append(p, byte(r))
	}
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}
