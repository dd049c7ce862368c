// Integer division by zero, unrecovered, from inside a deferred-call chain:
// the deferred prints run, then Go's runtime error and exit 2.
package main

import "fmt"

type Stats struct {
	sum, count int
}

func (s *Stats) Add(v int) { s.sum += v; s.count++ }
func (s Stats) Mean() int  { return s.sum / s.count }

func report(groups map[string][]int, order []string) {
	for _, name := range order {
		var st Stats
		for _, v := range groups[name] {
			st.Add(v)
		}
		defer fmt.Println("finished", name)
		fmt.Printf("%s: n=%d mean=%d\n", name, st.count, st.Mean())
	}
}

func main() {
	groups := map[string][]int{"a": {1, 2, 3, 4}, "b": {10, 20}, "c": nil}
	report(groups, []string{"a", "b", "c", "a"})
}
