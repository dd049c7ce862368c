// A hand-written lexer over runes with a Token type, a Kind enum with a
// String method, and a lookup map of keywords.
package main

import (
	"fmt"
	"unicode"
)

type Kind int

const (
	EOF Kind = iota
	Ident
	Keyword
	Number
	String
	Op
	Illegal
)

func (k Kind) String() string {
	return [...]string{"EOF", "Ident", "Keyword", "Number", "String", "Op", "Illegal"}[k]
}

type Token struct {
	Kind Kind
	Text string
	Pos  int
}

func (t Token) String() string { return fmt.Sprintf("%v(%q)@%d", t.Kind, t.Text, t.Pos) }

var keywords = map[string]bool{"func": true, "return": true, "if": true, "else": true, "var": true}

type Lexer struct {
	src []rune
	pos int
}

func (l *Lexer) peek() rune {
	if l.pos < len(l.src) {
		return l.src[l.pos]
	}
	return 0
}

func (l *Lexer) take(pred func(rune) bool) string {
	start := l.pos
	for l.pos < len(l.src) && pred(l.src[l.pos]) {
		l.pos++
	}
	return string(l.src[start:l.pos])
}

func (l *Lexer) Next() Token {
	l.take(unicode.IsSpace)
	start := l.pos
	r := l.peek()
	switch {
	case r == 0:
		return Token{EOF, "", start}
	case unicode.IsLetter(r) || r == '_':
		w := l.take(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' })
		if keywords[w] {
			return Token{Keyword, w, start}
		}
		return Token{Ident, w, start}
	case unicode.IsDigit(r):
		return Token{Number, l.take(func(r rune) bool { return unicode.IsDigit(r) || r == '.' }), start}
	case r == '"':
		l.pos++
		s := l.take(func(r rune) bool { return r != '"' })
		l.pos++
		return Token{String, s, start}
	}
	l.pos++
	two := string(r)
	if l.pos < len(l.src) {
		two += string(l.src[l.pos])
	}
	switch two {
	case "==", "!=", "<=", ">=", ":=", "&&", "||":
		l.pos++
		return Token{Op, two, start}
	}
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return Token{Op, string(r), start}
	}
	return Token{Illegal, string(r), start}
}

func main() {
	src := `func fib(n) { if n <= 1 { return n } else { return fib(n-1) + fib(n-2) } }
var größe := 3.14 != "héllo wörld" && x_1 == 42 ☃`
	l := &Lexer{src: []rune(src)}
	counts := map[Kind]int{}
	for {
		t := l.Next()
		counts[t.Kind]++
		if t.Kind == EOF {
			break
		}
		if t.Kind != Op {
			fmt.Println(t)
		}
	}
	fmt.Println(counts)
	fmt.Printf("%v %d %+v\n", Keyword, Keyword, Token{Number, "7", 0})
}
