package main

import (
	"fmt"
	"strings"

	"example.com/traceback/lib"
)

func main() {
	file, line := lib.Where()
	fmt.Println(file[strings.LastIndex(file, "/traceback/")+1:], line)
	var s lib.Stack
	s.Push(3)
}
