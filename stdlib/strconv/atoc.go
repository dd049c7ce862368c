package strconv

// ParseComplex converts s, of the form N, Ni or N±Ni (each N a float as
// ParseFloat reads it, optionally in parentheses), to a complex128 whose
// parts are rounded as float32s when bitSize is 64. Errors are *NumErrors
// for ParseComplex of the whole input; a part out of range gives ±Inf and
// ErrRange once the rest has parsed.
func ParseComplex(s string, bitSize int) (complex128, error) {
	const fn = "ParseComplex"
	partSize := 64
	if bitSize == 64 {
		partSize = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var rangeErr error
	re, n, bad, outOfRange := floatPrefix(s, partSize)
	if bad {
		return 0, syntaxError(fn, orig)
	}
	if outOfRange {
		rangeErr = rangeError(fn, orig)
	}
	s = s[n:]
	if len(s) == 0 {
		return complex(re, 0), rangeErr
	}
	switch s[0] {
	case '+':
		// The imaginary part's own sign is optional ("+NaNi", "+Infi"), but
		// "++1i" stays an error.
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), rangeErr
		}
		return 0, syntaxError(fn, orig)
	default:
		return 0, syntaxError(fn, orig)
	}
	im, n, bad, outOfRange := floatPrefix(s, partSize)
	if bad {
		return 0, syntaxError(fn, orig)
	}
	if outOfRange {
		rangeErr = rangeError(fn, orig)
	}
	if s[n:] != "i" {
		return 0, syntaxError(fn, orig)
	}
	return complex(re, im), rangeErr
}

// floatPrefix reads the float at the start of s as ParseFloat would read
// it alone: its value, its length, whether it is malformed, and whether it
// is beyond the range of a float of bitSize bits.
func floatPrefix(s string, bitSize int) (float64, int, bool, bool) {
	if f, n, ok := special(s); ok {
		return f, n, false, false
	}
	n, underscores, ok := scanFloat(s)
	if !ok {
		return 0, n, true, false
	}
	digits := s[:n]
	if underscores {
		digits = dropUnderscores(digits)
	}
	f := parseFloatBits(digits, bitSize)
	return f, n, false, f > maxFloat64 || f < -maxFloat64
}
