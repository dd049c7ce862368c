package b

import (
	"fmt"

	"example.com/gen/stack"
)

func Drain(s *stack.Stack[int]) int {
	sum := 0
	for {
		v, ok := s.Pop()
		if !ok {
			return sum
		}
		sum += v
	}
}

func Names(xs []int) []string {
	return stack.Map(xs, func(x int) string { return fmt.Sprint("b", x) })
}
