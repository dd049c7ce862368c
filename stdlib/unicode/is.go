package unicode

// IsUpper reports whether r is an upper case letter (category Lu).
func IsUpper(r rune) bool {
	if r <= MaxASCII {
		return 'A' <= r && r <= 'Z'
	}
	return inTable(tabUpper, r)
}

// IsLower reports whether r is a lower case letter (category Ll).
func IsLower(r rune) bool {
	if r <= MaxASCII {
		return 'a' <= r && r <= 'z'
	}
	return inTable(tabLower, r)
}

// IsTitle reports whether r is a title case letter (category Lt).
func IsTitle(r rune) bool {
	if r <= MaxLatin1 {
		return false
	}
	return inTable(tabTitle, r)
}

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool {
	if r <= MaxASCII {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return inTable(tabLetter, r)
}

// IsDigit reports whether r is a decimal digit (category Nd).
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return inTable(tabDigit, r)
}

// IsNumber reports whether r is a number (category N).
func IsNumber(r rune) bool {
	return inTable(tabNumber, r)
}

// IsMark reports whether r is a mark (category M).
func IsMark(r rune) bool {
	return inTable(tabMark, r)
}

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool {
	return inTable(tabPunct, r)
}

// IsSymbol reports whether r is a symbol (category S).
func IsSymbol(r rune) bool {
	return inTable(tabSymbol, r)
}

// IsSpace reports whether r is white space (the White_Space property).
func IsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
		return true
	}
	if r <= MaxLatin1 {
		return false
	}
	return inTable(tabWhiteSpace, r)
}

// IsControl reports whether r is a control character; as in Go only the
// Latin-1 ones (C0, DEL and C1) count.
func IsControl(r rune) bool {
	return 0 <= r && r < 0x20 || 0x7F <= r && r < 0xA0
}

// IsGraphic reports whether r is a letter, mark, number, punctuation,
// symbol or space separator (categories L, M, N, P, S, Zs).
func IsGraphic(r rune) bool {
	return isPrintable(r) || inTable(tabSpaceSep, r)
}

// IsPrint is IsGraphic except that the only space it accepts is U+0020.
func IsPrint(r rune) bool {
	return r == ' ' || isPrintable(r)
}

func isPrintable(r rune) bool {
	return IsLetter(r) || IsMark(r) || IsNumber(r) || IsPunct(r) || IsSymbol(r)
}
