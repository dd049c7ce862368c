package strconv

// scanFloat checks the syntax of a float at the start of s as Go's readFloat
// does: it returns how many bytes form the number, whether it had
// underscores, and whether it is well formed.
func scanFloat(s string) (int, bool, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	hex := i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x'
	if hex {
		i += 2
	}
	i, underscores, sawdigits := scanMantissa(s, i, hex)
	if !sawdigits {
		return i, false, false
	}
	expChar := byte('e')
	if hex {
		expChar = 'p'
	}
	if i < len(s) && lower(s[i]) == expChar {
		var ok, u bool
		i, u, ok = scanExponent(s, i+1)
		if !ok {
			return i, false, false
		}
		underscores = underscores || u
	} else if hex {
		return i, false, false
	}
	if underscores && !underscoreOK(s[:i]) {
		return i, false, false
	}
	return i, underscores, true
}

// scanMantissa reads digits, underscores and at most one '.' from s[i:].
func scanMantissa(s string, i int, hex bool) (int, bool, bool) {
	underscores, sawdot, sawdigits := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			underscores = true
		case c == '.':
			if sawdot {
				return i, underscores, sawdigits
			}
			sawdot = true
		case '0' <= c && c <= '9', hex && 'a' <= lower(c) && lower(c) <= 'f':
			sawdigits = true
		default:
			return i, underscores, sawdigits
		}
	}
	return i, underscores, sawdigits
}

// scanExponent reads an optionally signed exponent starting at s[i].
func scanExponent(s string, i int) (int, bool, bool) {
	if i >= len(s) {
		return i, false, false
	}
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return i, false, false
	}
	underscores := false
	for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
		if s[i] == '_' {
			underscores = true
		}
	}
	return i, underscores, true
}
