package main

import (
	"fmt"

	"example.com/gen/a"
	"example.com/gen/b"
	"example.com/gen/stack"
)

func main() {
	var s stack.Stack[int]
	a.Fill(&s, 5)
	s.Push(10)
	fmt.Println(&s)
	fmt.Printf("%T\n", s)
	fmt.Println(b.Drain(&s), s.String())
	fmt.Println(a.Names([]int{1, 2}), b.Names([]int{3}))
	var t stack.Stack[string]
	t.Push("x")
	v, ok := t.Pop()
	fmt.Println(v, ok)
}
