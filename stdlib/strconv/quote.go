package strconv

import (
	"unicode"
	"unicode/utf8"
)

const lowerhex = "0123456789abcdef"

// IsPrint reports whether r is printable as Go defines it: letters, marks,
// numbers, punctuation, symbols and U+0020.
func IsPrint(r rune) bool {
	return unicode.IsPrint(r)
}

// IsGraphic is IsPrint plus the space separators (category Zs).
func IsGraphic(r rune) bool {
	return unicode.IsGraphic(r)
}

// quoteWith quotes s between quote characters, escaping what is not
// printable (or not ASCII, or not graphic, as the flags ask); invalid UTF-8
// bytes become \x escapes.
func quoteWith(s string, quote byte, asciiOnly, graphicOnly bool) string {
	buf := make([]byte, 0, 3*len(s)/2)
	buf = append(buf, quote)
	for width := 0; len(s) > 0; s = s[width:] {
		r := rune(s[0])
		width = 1
		if r >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s)
		}
		if width == 1 && r == utf8.RuneError {
			buf = append(buf, '\\', 'x', lowerhex[s[0]>>4], lowerhex[s[0]&0xF])
			continue
		}
		buf = appendEscapedRune(buf, r, quote, asciiOnly, graphicOnly)
	}
	return string(append(buf, quote))
}

func quoteRuneWith(r rune, quote byte, asciiOnly, graphicOnly bool) string {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf := []byte{quote}
	buf = appendEscapedRune(buf, r, quote, asciiOnly, graphicOnly)
	return string(append(buf, quote))
}

func appendEscapedRune(buf []byte, r rune, quote byte, asciiOnly, graphicOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if asciiOnly {
		if r < utf8.RuneSelf && IsPrint(r) {
			return append(buf, byte(r))
		}
	} else if IsPrint(r) || graphicOnly && IsGraphic(r) {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, '\\', 'a')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\v':
		return append(buf, '\\', 'v')
	}
	return appendHexEscape(buf, r)
}

// appendHexEscape writes \xHH for control bytes, else \uHHHH or \UHHHHHHHH.
func appendHexEscape(buf []byte, r rune) []byte {
	switch {
	case r < ' ' || r == 0x7f:
		return append(buf, '\\', 'x', lowerhex[byte(r)>>4], lowerhex[byte(r)&0xF])
	case !utf8.ValidRune(r):
		r = 0xFFFD
	}
	n := 4
	buf = append(buf, '\\', 'u')
	if r >= 0x10000 {
		n = 8
		buf[len(buf)-1] = 'U'
	}
	for s := (n - 1) * 4; s >= 0; s -= 4 {
		buf = append(buf, lowerhex[r>>uint(s)&0xF])
	}
	return buf
}

// Quote returns s as a double-quoted Go string literal.
func Quote(s string) string { return quoteWith(s, '"', false, false) }

// QuoteToASCII is Quote with every non-ASCII rune escaped.
func QuoteToASCII(s string) string { return quoteWith(s, '"', true, false) }

// QuoteToGraphic is Quote keeping graphic runes (spaces included) as they are.
func QuoteToGraphic(s string) string { return quoteWith(s, '"', false, true) }

// QuoteRune returns r as a single-quoted Go rune literal.
func QuoteRune(r rune) string { return quoteRuneWith(r, '\'', false, false) }

// QuoteRuneToASCII is QuoteRune with a non-ASCII rune escaped.
func QuoteRuneToASCII(r rune) string { return quoteRuneWith(r, '\'', true, false) }

// QuoteRuneToGraphic is QuoteRune keeping a graphic rune as it is.
func QuoteRuneToGraphic(r rune) string { return quoteRuneWith(r, '\'', false, true) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return append(dst, Quote(s)...) }

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte { return append(dst, QuoteRune(r)...) }

// CanBackquote reports whether s can be written as a raw string literal.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, wid := utf8.DecodeRuneInString(s)
		s = s[wid:]
		if wid > 1 {
			if r == '\ufeff' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}
