// Caesar and Vigenère ciphers and ROT13 with strings.Map and byte
// arithmetic; frequency analysis to crack a Caesar shift.
package main

import (
	"fmt"
	"strings"
)

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26)%26
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k) }, s)
}

func vigenere(s, key string, decrypt bool) string {
	out := []byte(s)
	j := 0
	for i, c := range out {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			k := int(key[j%len(key)] - 'A')
			if decrypt {
				k = -k
			}
			out[i] = byte(shift(rune(c), k))
			j++
		}
	}
	return string(out)
}

func crack(s string) int {
	var freq [26]int
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			freq[r-'a']++
		}
	}
	best := 0
	for i := range freq {
		if freq[i] > freq[best] {
			best = i
		}
	}
	return (best - ('e' - 'a') + 26) % 26
}

func main() {
	msg := "The quick brown fox jumps over the lazy dog, then sleeps here every evening."
	for _, k := range []int{1, 3, 13, 25} {
		enc := caesar(msg, k)
		fmt.Printf("%2d %s\n", k, enc)
		if caesar(enc, -k) != msg {
			fmt.Println("round trip failed")
		}
	}
	rot := caesar("Hello, World!", 13)
	fmt.Println(rot, caesar(rot, 13))
	secret := caesar(msg, 7)
	fmt.Println("cracked shift:", crack(secret))
	v := vigenere("ATTACK AT DAWN", "LEMON", false)
	fmt.Println(v, vigenere(v, "LEMON", true))
	fmt.Printf("%q\n", vigenere("mixed Case 123!", "KEY", false))
	b := []byte("bytes")
	for i := range b {
		b[i] ^= 0x20
	}
	fmt.Println(string(b), b)
}
