// Library functions as values: a table of math and strings functions
// applied to inputs, and sort's less functions passed around.
package main

import (
	"fmt"
	"math"
	"strings"
)

type unaryFn struct {
	name string
	f    func(float64) float64
}

func tabulate(fs []unaryFn, xs ...float64) {
	for _, u := range fs {
		fmt.Printf("%-6s", u.name)
		for _, x := range xs {
			fmt.Printf(" %9.4f", u.f(x))
		}
		fmt.Println()
	}
}

func main() {
	tabulate([]unaryFn{{"sqrt", math.Sqrt}, {"log", math.Log}, {"exp", math.Exp}, {"floor", math.Floor}, {"sin", math.Sin}}, 0.5, 1, 2, 10)
	bin := map[string]func(float64, float64) float64{"pow": math.Pow, "max": math.Max, "hypot": math.Hypot}
	for _, k := range []string{"hypot", "max", "pow"} {
		fmt.Println(k, bin[k](3, 4))
	}
	conv := []func(string) string{strings.ToUpper, strings.ToLower, strings.TrimSpace, strings.Title}
	for _, f := range conv {
		fmt.Printf("%q\n", f("  mixed Case  "))
	}
}
