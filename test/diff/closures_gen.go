// Closures: generators, memoisation with a recursive closure, function
// values in maps and struct fields, variadic functions.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func intSeq() func() int {
	i := 0
	return func() int {
		i++
		return i
	}
}

func compose(fs ...func(int) int) func(int) int {
	return func(x int) int {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s%v=%d", label, nums, t)
}

type op struct {
	sym string
	fn  func(a, b int) int
}

func main() {
	next := intSeq()
	fmt.Println(next(), next(), next())
	other := intSeq()
	fmt.Println(other(), next())

	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		v := fib(n-1) + fib(n-2)
		memo[n] = v
		return v
	}
	fmt.Println(fib(80), len(memo))

	double := func(x int) int { return x * 2 }
	inc := func(x int) int { return x + 1 }
	fmt.Println(compose(double, inc, double)(5), compose()(7))

	fmt.Println(sum("a"), sum("b", 1), sum("c", 1, 2, 3))
	xs := []int{10, 20, 30}
	fmt.Println(sum("d", xs...))

	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	keys := make([]string, 0)
	for k := range ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ops[k](7, 3))
	}
	if f, ok := ops["div"]; !ok {
		fmt.Println("no div", f == nil)
	}
	table := []op{
		{"+", ops["add"]},
		{"^", func(a, b int) int {
			r := 1
			for i := 0; i < b; i++ {
				r *= a
			}
			return r
		}},
	}
	for _, o := range table {
		fmt.Printf("2 %s 10 = %d\n", o.sym, o.fn(2, 10))
	}
	var funcs []func() string
	for _, w := range strings.Fields("alpha beta gamma") {
		w := w
		funcs = append(funcs, func() string { return strings.ToUpper(w) })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	counter := 0
	incr := func() { counter++ }
	for i := 0; i < 5; i++ {
		incr()
	}
	fmt.Println(counter)
}
