// Every function the library declares for math (in C++), strings, strconv,
// unicode, unicode/utf8, os and time, called once by name, so that no
// declared member is left without a lowering or a runtime implementation.
// Inexact math results are printed to 10 digits: libm and Go may differ in
// the last bit.
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func g(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }

func sweepMath() {
	x, y := 0.75, 2.5
	fmt.Println(g(math.Sqrt(x)), g(math.Abs(-x)), g(math.Floor(y)), g(math.Ceil(y)), g(math.Trunc(-y)), g(math.Round(y)), g(math.RoundToEven(y)))
	fmt.Println(g(math.Log(y)), g(math.Log2(y)), g(math.Log10(y)), g(math.Log1p(x)), g(math.Exp(x)), g(math.Exp2(x)), g(math.Expm1(x)))
	fmt.Println(g(math.Sin(x)), g(math.Cos(x)), g(math.Tan(x)), g(math.Asin(x)), g(math.Acos(x)), g(math.Atan(x)))
	fmt.Println(g(math.Sinh(x)), g(math.Cosh(x)), g(math.Tanh(x)), g(math.Cbrt(y)))
	fmt.Println(g(math.Pow(x, y)), g(math.Mod(7, y)), g(math.Max(x, y)), g(math.Min(x, y)), g(math.Atan2(x, y)), g(math.Hypot(x, y)))
	fmt.Println(math.Remainder(7, y), math.Dim(x, y), math.Dim(y, x), math.Copysign(y, -1))
	fmt.Println(math.Inf(1), math.NaN(), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.Signbit(-x))
	fmt.Println(math.Float64bits(y), math.Float64frombits(0x3ff8000000000000))
	fmt.Println(math.MaxInt8, math.MinInt64, uint64(math.MaxUint64), math.Pi, math.SmallestNonzeroFloat64)
}

func sweepStrings() {
	s := "Hello, Wörld, hello"
	isO := func(r rune) bool { return r == 'o' }
	fmt.Println(strings.Map(unicode.ToUpper, s), strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title("a b"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.IndexByte(s, 'l'), strings.LastIndexByte(s, 'l'), strings.Index(s, "ll"), strings.LastIndex(s, "ll"))
	fmt.Println(strings.IndexRune(s, 'ö'), strings.IndexAny(s, "dr"), strings.LastIndexAny(s, "dr"), strings.IndexFunc(s, isO), strings.LastIndexFunc(s, isO))
	fmt.Println(strings.Contains(s, "W"), strings.ContainsRune(s, 'ö'), strings.ContainsAny(s, "xyz"), strings.Count(s, "l"), strings.HasPrefix(s, "He"), strings.HasSuffix(s, "lo"), strings.Compare("a", "b"))
	before, after, found := strings.Cut(s, ", ")
	fmt.Println(before, after, found)
	fmt.Printf("%q %q %q %q\n", strings.Split(s, ", "), strings.SplitN(s, ", ", 2), strings.SplitAfter(s, ", "), strings.SplitAfterN(s, ", ", 2))
	fmt.Printf("%q %q %q %q\n", strings.Fields(" a  b "), strings.FieldsFunc(s, isO), strings.Join([]string{"x", "y"}, "-"), strings.Repeat("ab", 3))
	fmt.Println(strings.Replace(s, "l", "L", 2), strings.ReplaceAll(s, "l", "L"))
	fmt.Printf("%q %q %q %q\n", strings.TrimLeftFunc("oohoo", isO), strings.TrimRightFunc("oohoo", isO), strings.TrimFunc("oohoo", isO), strings.TrimSpace("  t  "))
	fmt.Printf("%q %q %q %q %q\n", strings.TrimLeft("xxyxx", "x"), strings.TrimRight("xxyxx", "x"), strings.Trim("xxyxx", "x"), strings.TrimPrefix(s, "Hello"), strings.TrimSuffix(s, "hello"))
	r := strings.NewReader("abc")
	b, _ := r.ReadByte()
	fmt.Println(string(b), r.Len(), strings.NewReplacer("a", "1", "b", "2").Replace("abc"))
	var sb strings.Builder
	sb.WriteString("built")
	fmt.Println(sb.String(), sb.Len())
}

func sweepStrconv() {
	f, err := strconv.ParseFloat("1.5e3", 64)
	fmt.Println(f, err)
	u, err := strconv.ParseUint("ff", 16, 64)
	fmt.Println(u, err)
	i, err := strconv.ParseInt("-128", 10, 8)
	fmt.Println(i, err)
	_, err = strconv.ParseInt("128", 10, 8)
	fmt.Println(err)
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	fmt.Println(strconv.FormatFloat(1.0/3, 'e', 4, 64), string(strconv.AppendFloat([]byte("f:"), 2.5, 'f', 2, 32)))
	fmt.Println(strconv.FormatUint(255, 2), strconv.FormatInt(-255, 16), strconv.Itoa(42), string(strconv.AppendInt(nil, -7, 10)), string(strconv.AppendUint(nil, 7, 8)))
	bv, err := strconv.ParseBool("T")
	fmt.Println(strconv.FormatBool(true), string(strconv.AppendBool(nil, false)), bv, err)
	fmt.Println(strconv.IsPrint('\u00ad'), strconv.IsGraphic('\u3000'), strconv.Quote("a\tö\x00"), strconv.QuoteToASCII("ö"), strconv.QuoteToGraphic("\u3000"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.QuoteRuneToGraphic('\u3000'), string(strconv.AppendQuote(nil, "q")), string(strconv.AppendQuoteRune(nil, 'r')))
	fmt.Println(strconv.CanBackquote("a`b"))
	v, mb, tail, err := strconv.UnquoteChar(`\u00e9x`, '"')
	fmt.Println(v, mb, tail, err)
	uq, err := strconv.Unquote(`"a\nb"`)
	fmt.Printf("%q %v\n", uq, err)
}

func sweepUnicode() {
	for _, r := range []rune{'a', 'Ǆ', '5', '٣', '\u0301', '!', '+', ' ', '\x07', 'ⅸ'} {
		q := strconv.QuoteRune
		fmt.Println(q(unicode.To(unicode.UpperCase, r)), q(unicode.ToUpper(r)), q(unicode.ToLower(r)), q(unicode.ToTitle(r)), q(unicode.SimpleFold(r)),
			unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsMark(r),
			unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsSpace(r), unicode.IsControl(r), unicode.IsGraphic(r), unicode.IsPrint(r))
	}
	p := []byte("héllo")
	fmt.Println(utf8.RuneCount(p), utf8.RuneCountInString("héllo"), utf8.FullRune(p[1:2]), utf8.FullRuneInString("é"), utf8.Valid(p[:2]), utf8.ValidString("héllo"))
	r, size := utf8.DecodeRune(p[1:])
	fmt.Println(r, size)
	r, size = utf8.DecodeRuneInString("é")
	fmt.Println(r, size)
	r, size = utf8.DecodeLastRune(p)
	fmt.Println(r, size)
	r, size = utf8.DecodeLastRuneInString("hé")
	fmt.Println(r, size)
	buf := make([]byte, 4)
	fmt.Println(utf8.RuneStart(p[2]), utf8.RuneLen('€'), utf8.ValidRune(0xD800), utf8.EncodeRune(buf, '€'), buf, utf8.AppendRune(nil, '€'))
}

func sweepTime() {
	start := time.Now()
	time.Sleep(time.Millisecond)
	t := time.NewTimer(time.Millisecond)
	<-t.C
	<-time.After(time.Millisecond)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	<-done
	tk := time.NewTicker(time.Millisecond)
	<-tk.C
	tk.Stop()
	<-time.Tick(time.Millisecond)
	fmt.Println(time.Since(start) >= 5*time.Millisecond, time.Until(start) < 0)
	fmt.Println(time.Unix(1e9, 5).Unix(), time.Unix(1e9, 5).Nanosecond(), time.Duration(90)*time.Second)
}

func main() {
	sweepMath()
	sweepStrings()
	sweepStrconv()
	sweepUnicode()
	sweepTime()
	fmt.Println(os.Getenv("MGO_SWEEP_UNSET") == "", len(os.Args))
	os.Exit(3)
}
