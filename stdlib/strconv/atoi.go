package strconv

const maxUint64 = 1<<64 - 1

func lower(c byte) byte {
	return c | ('x' - 'X')
}

// ParseUint interprets s in base (0: from the prefix 0b, 0o, 0x or 0, with
// underscores allowed between digits) as an unsigned integer of bitSize bits.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	n, err := parseUint("ParseUint", s, base, bitSize)
	return n, toError(err)
}

// prefixBase resolves base 0 from s's prefix; it returns the base, s without
// the prefix, and whether the base is valid.
func prefixBase(s string, base int) (int, string, bool) {
	if 2 <= base && base <= 36 {
		return base, s, true
	}
	if base != 0 {
		return base, s, false
	}
	if s[0] != '0' {
		return 10, s, true
	}
	if len(s) >= 3 {
		switch lower(s[1]) {
		case 'b':
			return 2, s[2:], true
		case 'o':
			return 8, s[2:], true
		case 'x':
			return 16, s[2:], true
		}
	}
	return 8, s[1:], true
}

func parseUint(fn, s0 string, base0 int, bitSize int) (uint64, *NumError) {
	if s0 == "" {
		return 0, syntaxError(fn, s0)
	}
	base, s, ok := prefixBase(s0, base0)
	if !ok {
		return 0, baseError(fn, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fn, s0, bitSize)
	}
	// cutoff is the smallest number such that cutoff*base overflows.
	cutoff := maxUint64/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' && base0 == 0 {
			underscores = true
			continue
		}
		d := digitVal(c)
		if d >= base {
			return 0, syntaxError(fn, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fn, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fn, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fn, s0)
	}
	return n, nil
}

// digitVal is c's value as a digit of any base up to 36, or 36 if none.
func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= lower(c) && lower(c) <= 'z':
		return int(lower(c)-'a') + 10
	}
	return 36
}

// ParseInt is ParseUint with an optional sign, for a signed result.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	n, err := parseInt("ParseInt", s, base, bitSize)
	return n, toError(err)
}

func parseInt(fn, s0 string, base int, bitSize int) (int64, *NumError) {
	if s0 == "" {
		return 0, syntaxError(fn, s0)
	}
	s, neg := s0, false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := parseUint(fn, s, base, bitSize)
	if err != nil && err.Err != ErrRange {
		err.Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1 << uint(bitSize-1))
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fn, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fn, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is ParseInt(s, 10, 0) converted to int, its errors naming Atoi.
func Atoi(s string) (int, error) {
	n, err := parseInt("Atoi", s, 10, 0)
	return int(n), toError(err)
}

// underscoreOK reports whether the underscores in s only separate digits
// (or a base prefix from a digit).
func underscoreOK(s string) bool {
	saw := byte('^')
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		saw = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' || hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f' {
			saw = '0'
			continue
		}
		if s[i] == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}
