// A slice index out of range in a nested call, after partial output; the
// runtime error's first line is Go's.
package main

import (
	"fmt"
	"strings"
)

type Ring struct {
	buf  []string
	head int
}

func (r *Ring) Put(s string) {
	r.buf[r.head%len(r.buf)] = s
	r.head++
}

func (r *Ring) Last(n int) []string {
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = r.buf[(r.head-1-i)%len(r.buf)]
	}
	return out
}

func main() {
	r := &Ring{buf: make([]string, 3)}
	for _, w := range strings.Fields("one two three four five") {
		r.Put(w)
	}
	fmt.Println(r.Last(3), r.head)
	fmt.Println(r.Last(7))
}
