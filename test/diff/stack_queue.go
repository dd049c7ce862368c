// A stack and a queue of interface values, with methods on pointer
// receivers, a Stringer, and container/list.
package main

import (
	"container/list"
	"fmt"
	"strings"
)

type Stack struct {
	items []any
}

func (s *Stack) Push(v any) { s.items = append(s.items, v) }
func (s *Stack) Pop() (any, bool) {
	if len(s.items) == 0 {
		return nil, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack) Len() int { return len(s.items) }
func (s Stack) String() string {
	parts := make([]string, len(s.items))
	for i, v := range s.items {
		parts[i] = fmt.Sprint(v)
	}
	return "[" + strings.Join(parts, " | ") + ">"
}

type Queue struct {
	l *list.List
}

func NewQueue() *Queue                 { return &Queue{list.New()} }
func (q *Queue) Enqueue(v interface{}) { q.l.PushBack(v) }
func (q *Queue) Dequeue() interface{} {
	e := q.l.Front()
	if e == nil {
		return nil
	}
	return q.l.Remove(e)
}

func balanced(s string) bool {
	var st Stack
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || top.(rune) != pairs[r] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func main() {
	var s Stack
	s.Push(1)
	s.Push("two")
	s.Push(3.5)
	s.Push([]int{4})
	s.Push(nil)
	fmt.Println(s, s.Len())
	fmt.Printf("%v %s %d\n", s, &s, s.Len())
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Printf("popped %v (%T)\n", v, v)
	}
	q := NewQueue()
	for i := 1; i <= 5; i++ {
		q.Enqueue(i * i)
	}
	q.Enqueue("end")
	for v := q.Dequeue(); v != nil; v = q.Dequeue() {
		fmt.Print(v, " ")
	}
	fmt.Println()
	for _, t := range []string{"({[]})", "([)]", "((", "a(b)c[d]{e}", ""} {
		fmt.Printf("%-12q %v\n", t, balanced(t))
	}
}
