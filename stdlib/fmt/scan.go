package fmt

import "unicode/utf8"

// What Go's scan.go (compiled with this package, frontend/Packages.cpp)
// takes from Go's printer, which here is C++: its byte buffer and the
// parsing of a verb's width.

// buffer accumulates a token's bytes.
type buffer []byte

func (b *buffer) writeByte(c byte) { *b = append(*b, c) }

func (b *buffer) writeRune(r rune) { *b = utf8.AppendRune(*b, r) }

// parsenum reads the decimal number at s[start:end], if any: its value,
// whether there was one, and the index after it. A number growing past 10^6
// is no number, as for Go's printer.
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if num > 1e6 {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}
