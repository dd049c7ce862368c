package unicode

const caseRecord = 15

// To maps r to the given case (UpperCase, LowerCase or TitleCase).
func To(_case int, r rune) rune {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar
	}
	lo, hi := 0, len(tabCase)/caseRecord
	for lo < hi {
		m := lo + (hi-lo)/2
		i := m * caseRecord
		first, last := u24(tabCase, i), u24(tabCase, i+3)
		if r < first {
			hi = m
		} else if r > last {
			lo = m + 1
		} else {
			return applyDelta(first, r, signed24(u24(tabCase, i+6+3*_case)), _case)
		}
	}
	return r
}

func signed24(v rune) rune {
	if v&0x800000 != 0 {
		v -= 1 << 24
	}
	return v
}

// applyDelta maps r by delta; the delta MaxRune+1 marks a run of alternating
// upper/lower pairs starting at first, where the low bit of the offset
// selects the case (UpperCase and TitleCase are even, LowerCase odd).
func applyDelta(first, r, delta rune, _case int) rune {
	if delta > MaxRune {
		return first + ((r-first)&^1 | rune(_case&1))
	}
	return r + delta
}

// ToUpper maps r to upper case.
func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

// ToLower maps r to lower case.
func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

// ToTitle maps r to title case.
func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// SimpleFold returns the next rune after r in r's case-folding orbit
// (the smallest one if r is the largest), or r itself when it has none.
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	if f, ok := foldOrbit(r); ok {
		return f
	}
	if l := ToLower(r); l != r {
		return l
	}
	return ToUpper(r)
}

// foldOrbit looks r up among the orbits of three or more runes, where
// SimpleFold is not simply the other case.
func foldOrbit(r rune) (rune, bool) {
	lo, hi := 0, len(tabFoldOrbit)/6
	for lo < hi {
		m := lo + (hi-lo)/2
		x := u24(tabFoldOrbit, m*6)
		if r < x {
			hi = m
		} else if r > x {
			lo = m + 1
		} else {
			return u24(tabFoldOrbit, m*6+3), true
		}
	}
	return 0, false
}
