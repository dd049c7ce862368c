// Generates ../fmt_cases.inc: Printf/Print/Println cases over predeclared
// types with the output Go 1.19 produces, so fmt_test.cpp checks the runtime
// against real Go. Regenerate with: go run fmt_cases.go > ../fmt_cases.inc
package main

import (
	"fmt"
	"math"
	"strings"
)

type c struct {
	format string // "PRINT" and "PRINTLN" select Sprint and Sprintln
	args   []interface{}
}

func a(xs ...interface{}) []interface{} { return xs }

var negZero = math.Copysign(0, -1)

var cases = []c{
	// Shortest float formatting (%v).
	{"%v", a(1.5)}, {"%v", a(1e21)}, {"%v", a(1e20)}, {"%v", a(1e-7)},
	{"%v", a(0.0001)}, {"%v", a(0.00001)}, {"%v", a(123456.0)}, {"%v", a(1234567.0)},
	{"%v", a(1e6)}, {"%v", a(100.0)}, {"%v", a(0.1 + 0.2)}, {"%v", a(math.MaxFloat64)},
	{"%v", a(math.SmallestNonzeroFloat64)}, {"%v", a(math.Inf(1))}, {"%v", a(math.Inf(-1))},
	{"%v", a(math.NaN())}, {"%v", a(negZero)}, {"%v", a(0.0)}, {"%v", a(-2.5)},
	{"%v", a(float32(0.1))}, {"%v", a(float32(1) / 3)}, {"%v", a(float32(16777216))},
	{"%v", a(float32(3.4e38))}, {"%v", a(1.0 / 3)},
	// %f %e %g with precisions.
	{"%f", a(3.14159)}, {"%.2f", a(3.14159)}, {"%.0f", a(2.5)}, {"%.0f", a(3.5)},
	{"%.3f", a(-0.0005)}, {"%.2f", a(negZero)}, {"%f", a(1e20)}, {"%.10f", a(1.0 / 3)},
	{"%f", a(math.MaxFloat64)}, {"%.30f", a(0.1)}, {"%F", a(2.0)},
	{"%e", a(1234.5678)}, {"%.2e", a(1234.5678)}, {"%E", a(1e-10)}, {"%e", a(0.0)},
	{"%.0e", a(5.5)}, {"%e", a(1e100)}, {"%.20e", a(1.0 / 3)},
	{"%g", a(1234.5678)}, {"%.3g", a(1234.5678)}, {"%.3g", a(100.0)}, {"%.5g", a(100.0)},
	{"%g", a(1e-5)}, {"%G", a(1e-5)}, {"%g", a(1e21)}, {"%.0g", a(123.0)},
	{"%.10g", a(1.0 / 3)}, {"%g", a(float32(0.1))}, {"%.3v", a(3.14159)},
	{"%e", a(float32(1.1))}, {"%f", a(float32(1.1))},
	{"%8.3f", a(3.14159)}, {"%-8.3f|", a(3.14159)}, {"%08.3f", a(-3.14159)},
	{"%+f", a(1.0)}, {"% f", a(1.0)}, {"%+.1e", a(-1.0)}, {"%010f", a(math.Inf(-1))},
	{"%5v", a(math.NaN())}, {"%+v", a(math.NaN())}, {"%#g", a(1.0)}, {"%#.3g", a(1.0)},
	{"%#.0f", a(3.0)}, {"%#e", a(1.0)}, {"%#v", a(1.0)}, {"%#v", a(1e6)},
	{"%b", a(1.0)}, {"%b", a(float32(1.0))}, {"%x", a(1.0)}, {"%X", a(-3.75)},
	{"%.2x", a(1.0 / 3)}, {"%x", a(0.0)},
	{"%v", a(complex(1, 2))}, {"%.1f", a(complex(1.25, -2.5))}, {"%v", a(complex64(complex(0.1, 0)))},
	// Integers, verbs and flags.
	{"%d", a(42)}, {"%d", a(-42)}, {"%5d|", a(42)}, {"%-5d|", a(42)}, {"%05d", a(-42)},
	{"%+d", a(42)}, {"% d", a(42)}, {"%x", a(255)}, {"%X", a(255)}, {"%#x", a(255)},
	{"%#X", a(255)}, {"%o", a(8)}, {"%#o", a(8)}, {"%O", a(8)}, {"%b", a(5)}, {"%#b", a(5)},
	{"%x", a(-255)}, {"%.5d", a(42)}, {"%8.5d|", a(-42)}, {"%.0d|", a(0)}, {"%5.0d|", a(0)},
	{"%d", a(int8(-128))}, {"%d", a(uint8(255))}, {"%d", a(int64(math.MinInt64))},
	{"%d", a(uint64(math.MaxUint64))}, {"%x", a(uint64(math.MaxUint64))}, {"%v", a(uintptr(10))},
	{"%#v", a(uint(10))}, {"%#v", a(-10)}, {"%c", a('A')}, {"%c", a(0x1F600)}, {"%c", a(-1)},
	{"%q", a('x')}, {"%q", a('\n')}, {"%q", a(0x1F600)}, {"%+q", a(0x1F600)}, {"%q", a(0xD800)},
	{"%U", a(0x1F600)}, {"%#U", a('x')}, {"%U", a(0x41)}, {"%.6U", a(0x41)}, {"%#U", a(0x7F)},
	{"%d", a(int16(-300))}, {"%d", a(uint16(65535))}, {"%d", a(int32(-5))}, {"%d", a(uint32(7))},
	{"%x", a("hello")}, {"%X", a("hi")}, {"% x", a("abc")}, {"%#x", a("abc")}, {"%# x", a("abc")},
	{"%10x|", a("ab")}, {"%.1x", a("ab")},
	// Strings and %q.
	{"%s", a("hi")}, {"%5s|", a("hi")}, {"%-5s|", a("hi")}, {"%.1s", a("héllo")}, {"%05s", a("ab")},
	{"%5s|", a("héé")}, {"%q", a("hi\n\"there\"")}, {"%q", a("héllo\x00\xff")}, {"%+q", a("héllo")},
	{"%#q", a("back`q")}, {"%#q", a("plain")}, {"%q", a("\a\b\f\r\t\v\\")}, {"%q", a("\u2028 \U0001F600")},
	{"%q", a("\u00ad\u0378")}, {"%x", a("")}, {"%5x|", a("")}, {"%v", a("s")}, {"%#v", a("s")},
	{"%t", a(true)}, {"%v", a(false)}, {"%6t|", a(true)},
	// Errors, missing and extra arguments, %T, %%.
	{"%d", a("hi")}, {"%s", a(42)}, {"%d", a()}, {"%d %d", a(1)}, {"%d", a(1, 2)},
	{"%d", a(1, "x", nil)}, {"%t", a(1)}, {"%z", a(3)}, {"%!", a()}, {"%", a()}, {"%5d", a("hi")},
	{"%T", a(1)}, {"%T", a("s")}, {"%T", a(nil)}, {"%v", a(nil)}, {"%d", a(nil)}, {"%%", a()},
	{"100%%", a()}, {"%5%|", a()}, {"%[2]d %[1]d", a(1, 2)}, {"%[3]d", a(1, 2)}, {"%[1]d %d", a(1, 2)},
	{"%*d|", a(5, 42)}, {"%-*d|", a(5, 42)}, {"%*d|", a(-5, 42)}, {"%.*f", a(2, 3.14159)},
	{"%*d", a("x", 42)}, {"%.*d", a(-1, 42)}, {"%[x]d", a(1)}, {"%.[2]d", a(1, 2)}, {"%w", a(1)},
	{"%é", a(1)}, {"%p", a(1)}, {"%s", a(3.5)}, {"%d", a(true)}, {"%x", a(true)},
	{"%v %v", a(1, "a")}, {"no verbs", a()}, {"%-05d|", a(3)}, {"%+05d", a(3)},
	// Print and Println spacing.
	{"PRINT", a(1, 2)}, {"PRINT", a("a", 1, 2, "b")}, {"PRINT", a(1, "a", 2)}, {"PRINT", a("a", "b")},
	{"PRINT", a(1.5, true, nil)}, {"PRINTLN", a(1, "a", 2.5)}, {"PRINTLN", a()}, {"PRINT", a()},
}

func cxxString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte(" .,:;=+-_|()[]{}<>!#%&*/'^~`@$", ch) >= 0 {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "\\%03o", ch)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func cxxFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NAN"
	case math.IsInf(f, 1):
		return "INFINITY"
	case math.IsInf(f, -1):
		return "-INFINITY"
	}
	return fmt.Sprintf("%x", f)
}

func cxxArg(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "Nil()"
	case bool:
		return fmt.Sprintf("Bool(%v)", v)
	case int:
		return fmt.Sprintf("Int(%dLL)", v)
	case int8:
		return fmt.Sprintf("Int8(%d)", v)
	case int16:
		return fmt.Sprintf("Int16(%d)", v)
	case int32:
		return fmt.Sprintf("Int32(%d)", v)
	case int64:
		if v == math.MinInt64 {
			return "Int64(INT64_MIN)"
		}
		return fmt.Sprintf("Int64(%dLL)", v)
	case uint:
		return fmt.Sprintf("Uint(%dULL)", v)
	case uint8:
		return fmt.Sprintf("Uint8(%d)", v)
	case uint16:
		return fmt.Sprintf("Uint16(%d)", v)
	case uint32:
		return fmt.Sprintf("Uint32(%dU)", v)
	case uint64:
		return fmt.Sprintf("Uint64(%dULL)", v)
	case uintptr:
		return fmt.Sprintf("Uintptr(%dULL)", v)
	case float32:
		return fmt.Sprintf("F32(%sf)", cxxFloat(float64(v)))
	case float64:
		return fmt.Sprintf("F64(%s)", cxxFloat(v))
	case complex64:
		return fmt.Sprintf("C64(%sf, %sf)", cxxFloat(float64(real(v))), cxxFloat(float64(imag(v))))
	case complex128:
		return fmt.Sprintf("C128(%s, %s)", cxxFloat(real(v)), cxxFloat(imag(v)))
	case string:
		return fmt.Sprintf("Str(%s)", cxxString(v))
	}
	panic(fmt.Sprintf("unsupported %T", x))
}

func main() {
	fmt.Println("// Generated by gen/fmt_cases.go from Go 1.19's output; do not edit.")
	for _, k := range cases {
		var out string
		switch k.format {
		case "PRINT":
			out = fmt.Sprint(k.args...)
		case "PRINTLN":
			out = fmt.Sprintln(k.args...)
		default:
			out = fmt.Sprintf(k.format, k.args...)
		}
		var args []string
		for _, x := range k.args {
			args = append(args, cxxArg(x))
		}
		fmt.Printf("{%s, {%s}, %s},\n", cxxString(k.format), strings.Join(args, ", "), cxxString(out))
	}
}
