// strconv: parsing with errors as Go words them, bases, floats, quoting.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "+8", "0x1f", "12a", "", "99999999999999999999", " 5"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"-101", 2, 8}, {"777", 8, 16}, {"0x1F", 0, 64}, {"0b1010", 0, 8}, {"0o17", 0, 64}, {"300", 10, 8}, {"1_000", 0, 32}, {"z", 36, 64}} {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println("ParseInt", c.s, c.base, c.bits, "->", v, err)
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			fmt.Println("   func", ne.Func, "num", ne.Num, "range?", errors.Is(err, strconv.ErrRange), "syntax?", ne.Err == strconv.ErrSyntax)
		}
	}
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	for _, s := range []string{"3.14", "1e10", "-0.5", "inf", "NaN", "1e400", "abc", ".5e-3"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println("ParseFloat", s, f, err)
	}
	for _, s := range []string{"true", "F", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	fmt.Println(strconv.Itoa(-123), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatUint(1<<63, 36))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1234.5678, 'e', 3, 64), strconv.FormatFloat(0.000012, 'g', -1, 64), strconv.FormatFloat(2.5, 'f', -1, 32))
	fmt.Println(strconv.Quote("hi\t\"there\"\n☺\x00"), strconv.QuoteToASCII("☺ é"), strconv.QuoteRune('☺'))
	uq, err := strconv.Unquote(`"a\tb\u00e9"`)
	fmt.Printf("%q %v\n", uq, err)
	_, err = strconv.Unquote(`"unterminated`)
	fmt.Println(err)
	b := []byte("n=")
	b = strconv.AppendInt(b, 42, 10)
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = strconv.AppendQuote(b, "q")
	fmt.Println(string(b))
	fmt.Println(strconv.FormatBool(false), strconv.IntSize)
}
