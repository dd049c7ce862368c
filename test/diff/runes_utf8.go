// Strings, bytes and runes: ranging over UTF-8, invalid bytes, utf8 package.
package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var letters []rune
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	for i := 0; i < len(letters)/2; i++ {
		if letters[i] != letters[len(letters)-1-i] {
			return false
		}
	}
	return true
}

func main() {
	s := "héllo, 世界! 🎉"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		fmt.Printf("%2d %q %U %d\n", i, r, r, utf8.RuneLen(r))
	}
	fmt.Println(reverse(s))
	bad := "a\xffb\xe4\xb8c"
	for i, r := range bad {
		fmt.Printf("%d:%q ", i, r)
	}
	fmt.Println()
	fmt.Println(utf8.ValidString(s), utf8.ValidString(bad))
	fmt.Println([]rune(bad), []byte("é"))
	b := []byte(s)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		fmt.Print(string(r), size, " ")
		b = b[size:]
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString(s)
	fmt.Printf("%c %d\n", r, size)
	buf := make([]byte, 0, 16)
	buf = utf8.AppendRune(buf, '€')
	fmt.Printf("% x %s\n", buf, buf)
	for _, p := range []string{"A man, a plan, a canal: Panama", "héllo", "Was it a car or a cat I saw?"} {
		fmt.Printf("%q palindrome=%t\n", p, isPalindrome(p))
	}
	fmt.Println(strings.ToUpper(s), strings.Title("go by example"))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string([]rune{0x1F600, 'x'}))
	var sb strings.Builder
	for r := 'a'; r < 'a'+5; r++ {
		sb.WriteRune(r)
		sb.WriteByte('-')
	}
	fmt.Println(sb.String(), sb.Len())
}
