package strconv

// ParseFloat converts s to a float64 (rounded as a float32 when bitSize is
// 32). It accepts what Go accepts: decimal and hexadecimal (0x...p...)
// forms, underscores between digits, and inf, infinity and nan in any case.
// A value beyond the largest float gives ±Inf with ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, err := parseFloat(s, bitSize)
	return f, toError(err)
}

func parseFloat(s string, bitSize int) (float64, *NumError) {
	const fn = "ParseFloat"
	if f, n, ok := special(s); ok {
		if n != len(s) {
			return 0, syntaxError(fn, s)
		}
		return f, nil
	}
	n, underscores, ok := scanFloat(s)
	if !ok || n != len(s) {
		return 0, syntaxError(fn, s)
	}
	digits := s
	if underscores {
		digits = dropUnderscores(s)
	}
	if bitSize != 32 {
		bitSize = 64
	}
	f := parseFloatBits(digits, bitSize)
	if f > maxFloat64 || f < -maxFloat64 {
		return f, rangeError(fn, s)
	}
	return f, nil
}

const maxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))

// special recognises an optionally signed infinity ("inf" or "infinity") or
// an unsigned "nan", case-insensitively, at the start of s.
func special(s string) (float64, int, bool) {
	if len(s) == 0 {
		return 0, 0, false
	}
	sign, nsign := 1.0, 0
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			sign = -1
		}
		nsign = 1
		s = s[1:]
	}
	n := commonPrefixLenIgnoreCase(s, "infinity")
	if 3 < n && n < 8 {
		n = 3
	}
	if n == 3 || n == 8 {
		return sign / zero, nsign + n, true
	}
	if nsign == 0 && commonPrefixLenIgnoreCase(s, "nan") == 3 {
		return zero / zero, 3, true
	}
	return 0, 0, false
}

// zero is a variable so that 1/zero and zero/zero are computed at run time
// (constant division by zero is an error).
var zero float64

func commonPrefixLenIgnoreCase(s, prefix string) int {
	n := len(prefix)
	if n > len(s) {
		n = len(s)
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return i
		}
	}
	return n
}

func dropUnderscores(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '_' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
