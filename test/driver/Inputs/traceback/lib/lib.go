package lib

import "runtime"

// Where is where it is, as runtime.Caller sees it from this package.
func Where() (string, int) {
	_, file, line, _ := runtime.Caller(0)
	return file, line
}

type Stack struct{ items []int }

func (s *Stack) Push(x int) {
	s.items[x] = x
}
