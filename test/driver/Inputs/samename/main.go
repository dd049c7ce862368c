// Two packages named util (a/util, b/util) each declare T and a
// function-local L: four types, whose descriptors are emitted in several
// packages' objects and must stay four in the linked program.
package main

import (
	"fmt"

	a "example.com/same/a/util"
	b "example.com/same/b/util"
)

func main() {
	x := a.Box(a.T{1})
	_, isA := x.(a.T)
	_, isB := x.(b.T)
	fmt.Printf("%T %v %v\n", x, isA, isB)
	y := a.Box(b.T{2})
	_, isA = y.(a.T)
	_, isB = y.(b.T)
	fmt.Println(isA, isB)
	la, lb := a.Local(), b.Local()
	fmt.Printf("%T %T %v %v\n", la, lb, la == lb, la == a.Local())
	type T int
	var z any = T(3)
	_, isA = z.(a.T)
	fmt.Printf("%T %v\n", z, isA)
}
