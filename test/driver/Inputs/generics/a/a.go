package a

import (
	"fmt"

	"example.com/gen/stack"
)

func Fill(s *stack.Stack[int], n int) {
	for i := 0; i < n; i++ {
		s.Push(i)
	}
}

func Names(xs []int) []string {
	return stack.Map(xs, func(x int) string { return fmt.Sprint("a", x) })
}
