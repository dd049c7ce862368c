// unicode classification of a mixed-script text and case mapping.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

type class struct {
	name string
	is   func(rune) bool
}

func main() {
	text := "Hello, Wörld! 123 ΣΑΣ straße\t𝔘nicode ٣ 你好 ½ €"
	classes := []class{
		{"letter", unicode.IsLetter}, {"upper", unicode.IsUpper}, {"lower", unicode.IsLower},
		{"digit", unicode.IsDigit}, {"number", unicode.IsNumber}, {"space", unicode.IsSpace},
		{"punct", unicode.IsPunct}, {"symbol", unicode.IsSymbol},
	}
	counts := make([]int, len(classes))
	for _, r := range text {
		for i, c := range classes {
			if c.is(r) {
				counts[i]++
			}
		}
	}
	for i, c := range classes {
		fmt.Printf("%-7s %d\n", c.name, counts[i])
	}
	swapped := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsUpper(r):
			return unicode.ToLower(r)
		case unicode.IsLower(r):
			return unicode.ToUpper(r)
		case unicode.IsSpace(r):
			return '_'
		case unicode.IsDigit(r):
			return -1
		}
		return r
	}, text)
	fmt.Println(swapped)
	fmt.Println(strings.ToUpper("straße"), strings.ToLower("ΣΑΣ"), string(unicode.ToTitle('ǆ')), string(unicode.SimpleFold('K')))
	for _, r := range []rune{'a', 'Z', '5', ' ', '\n', '!', 'é', '😀', 0x7f} {
		fmt.Printf("%q L%t U%t D%t S%t P%t G%t C%t\n", r, unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsDigit(r),
			unicode.IsSpace(r), unicode.IsPrint(r), unicode.IsGraphic(r), unicode.IsControl(r))
	}
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar == '\uFFFD', strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Go", "GO"))
	words := strings.FieldsFunc("one1two22three333four", unicode.IsDigit)
	fmt.Println(words, len(words))
	camel := "parseHTTPRequestHeader"
	var parts []string
	start := 0
	rs := []rune(camel)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	parts = append(parts, string(rs[start:]))
	fmt.Println(strings.ToLower(strings.Join(parts, "_")))
}
