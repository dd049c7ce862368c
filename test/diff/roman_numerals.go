// Roman numerals both ways with validation errors; round-trips 1..3999.
package main

import (
	"errors"
	"fmt"
	"strings"
)

var table = []struct {
	v int
	s string
}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}

var ErrRange = errors.New("out of range")

type BadNumeral struct{ s string }

func (b BadNumeral) Error() string { return "invalid numeral " + b.s }

func toRoman(n int) (string, error) {
	if n <= 0 || n >= 4000 {
		return "", ErrRange
	}
	var sb strings.Builder
	for _, t := range table {
		for n >= t.v {
			sb.WriteString(t.s)
			n -= t.v
		}
	}
	return sb.String(), nil
}

func fromRoman(s string) (int, error) {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0, BadNumeral{s}
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if back, err := toRoman(total); err != nil || back != s {
		return 0, BadNumeral{s}
	}
	return total, nil
}

func main() {
	for _, n := range []int{1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000} {
		s, err := toRoman(n)
		fmt.Printf("%4d -> %-12s %v\n", n, s, err)
	}
	for _, s := range []string{"MCMXCIV", "XLII", "IIII", "IC", "MMXXIV", "ABC", ""} {
		n, err := fromRoman(s)
		var bad BadNumeral
		fmt.Printf("%-8q -> %4d %v %v\n", s, n, err, errors.As(err, &bad))
	}
	ok := 0
	longest := ""
	for n := 1; n < 4000; n++ {
		s, _ := toRoman(n)
		if m, err := fromRoman(s); err == nil && m == n {
			ok++
		}
		if len(s) > len(longest) {
			longest = s
		}
	}
	fmt.Println(ok, longest, len(longest))
}
