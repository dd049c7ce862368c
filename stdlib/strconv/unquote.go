package strconv

import (
	"strings"
	"unicode/utf8"
)

// UnquoteChar decodes the first character or escape sequence of the quoted
// string body s (quote: the enclosing quote character, or 0). It returns the
// value, whether it needs multi-byte UTF-8, and the rest of s.
func UnquoteChar(s string, quote byte) (rune, bool, string, error) {
	if len(s) == 0 {
		return 0, false, "", ErrSyntax
	}
	switch c := s[0]; {
	case c == quote && (quote == '\'' || quote == '"'):
		return 0, false, "", ErrSyntax
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(s[0]), false, s[1:], nil
	}
	if len(s) <= 1 {
		return 0, false, "", ErrSyntax
	}
	return unescape(s[1], s[2:], quote)
}

// simpleEscapes maps the letter after a backslash to its character.
const simpleEscapes = "a\ab\bf\fn\nr\rt\tv\v\\\\"

// unescape decodes the escape sequence whose letter is c, followed by s.
func unescape(c byte, s string, quote byte) (rune, bool, string, error) {
	for i := 0; i < len(simpleEscapes); i += 2 {
		if simpleEscapes[i] == c {
			return rune(simpleEscapes[i+1]), false, s, nil
		}
	}
	switch c {
	case 'x':
		return hexEscape(s, 2, false)
	case 'u':
		return hexEscape(s, 4, true)
	case 'U':
		return hexEscape(s, 8, true)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		return octalEscape(rune(c)-'0', s)
	case '\'', '"':
		if c == quote {
			return rune(c), false, s, nil
		}
	}
	return 0, false, "", ErrSyntax
}

// hexEscape reads n hex digits; \x gives a single byte, \u and \U a code
// point that must be valid.
func hexEscape(s string, n int, codePoint bool) (rune, bool, string, error) {
	if len(s) < n {
		return 0, false, "", ErrSyntax
	}
	var v rune
	for j := 0; j < n; j++ {
		x, ok := unhex(s[j])
		if !ok {
			return 0, false, "", ErrSyntax
		}
		v = v<<4 | x
	}
	if codePoint && !utf8.ValidRune(v) {
		return 0, false, "", ErrSyntax
	}
	return v, codePoint, s[n:], nil
}

// octalEscape reads the two digits after the first of a \ooo byte escape.
func octalEscape(v rune, s string) (rune, bool, string, error) {
	if len(s) < 2 {
		return 0, false, "", ErrSyntax
	}
	for j := 0; j < 2; j++ {
		x := rune(s[j]) - '0'
		if x < 0 || x > 7 {
			return 0, false, "", ErrSyntax
		}
		v = v<<3 | x
	}
	if v > 255 {
		return 0, false, "", ErrSyntax
	}
	return v, false, s[2:], nil
}

func unhex(b byte) (rune, bool) {
	c := rune(b)
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Unquote interprets s as a single-quoted, double-quoted or back-quoted Go
// literal and returns its value.
func Unquote(s string) (string, error) {
	if len(s) < 2 {
		return "", ErrSyntax
	}
	quote := s[0]
	end := strings.IndexByte(s[1:], quote)
	if end < 0 {
		return "", ErrSyntax
	}
	end += 2
	switch quote {
	case '`':
		if end != len(s) {
			return "", ErrSyntax
		}
		return strings.ReplaceAll(s[1:end-1], "\r", ""), nil
	case '"', '\'':
		if out, ok := unquotePlain(s[:end], quote); ok {
			if end != len(s) {
				return "", ErrSyntax
			}
			return out, nil
		}
		return unquoteEscaped(s, quote)
	}
	return "", ErrSyntax
}

// unquotePlain handles a literal without escapes or newlines whose body is
// valid UTF-8 (for a rune literal: one rune).
func unquotePlain(lit string, quote byte) (string, bool) {
	if strings.IndexByte(lit, '\\') >= 0 || strings.IndexByte(lit, '\n') >= 0 {
		return "", false
	}
	body := lit[1 : len(lit)-1]
	if quote == '"' {
		return body, utf8.ValidString(body)
	}
	r, n := utf8.DecodeRuneInString(body)
	return body, n == len(body) && (r != utf8.RuneError || n != 1)
}

// unquoteEscaped decodes character by character up to the closing quote,
// which must end s.
func unquoteEscaped(s string, quote byte) (string, error) {
	in := s[1:]
	buf := make([]byte, 0, 3*len(s)/2)
	for len(in) > 0 && in[0] != quote {
		r, multibyte, rem, err := UnquoteChar(in, quote)
		if in[0] == '\n' || err != nil {
			return "", ErrSyntax
		}
		in = rem
		if r < utf8.RuneSelf || !multibyte {
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, r)
		}
		if quote == '\'' {
			break
		}
	}
	if len(in) != 1 || in[0] != quote {
		return "", ErrSyntax
	}
	return string(buf), nil
}
