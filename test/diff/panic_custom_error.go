// An unrecovered panic with an error value: deferred calls still run, and
// the runtime prints the error's message and exits 2.
package main

import (
	"fmt"
	"strconv"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

func parse(lines []string) []int {
	var out []int
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			panic(&ParseError{i + 1, err.Error()})
		}
		out = append(out, n)
	}
	return out
}

func main() {
	defer fmt.Println("deferred in main runs")
	fmt.Println(parse([]string{"1", "22", "-3"}))
	fmt.Println(parse([]string{"4", "x5"}))
	fmt.Println("not reached")
}
