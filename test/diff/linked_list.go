// A singly linked list with pointer receivers, nil receivers, recursion,
// and a Stringer on the pointer type.
package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) Push(v int) { l.head = &Node{v, l.head}; l.size++ }

func (l *List) Append(vs ...int) {
	p := &l.head
	for *p != nil {
		p = &(*p).Next
	}
	for _, v := range vs {
		*p = &Node{Val: v}
		p = &(*p).Next
		l.size++
	}
}

func (n *Node) Sum() int {
	if n == nil {
		return 0
	}
	return n.Val + n.Next.Sum()
}

func (l *List) Reverse() {
	var prev *Node
	for cur := l.head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) Remove(v int) bool {
	for p := &l.head; *p != nil; p = &(*p).Next {
		if (*p).Val == v {
			*p = (*p).Next
			l.size--
			return true
		}
	}
	return false
}

func (l *List) String() string {
	var sb strings.Builder
	sb.WriteString("(")
	for n := l.head; n != nil; n = n.Next {
		if n != l.head {
			sb.WriteString(" -> ")
		}
		sb.WriteString(fmt.Sprint(n.Val))
	}
	sb.WriteString(")")
	return sb.String()
}

func main() {
	var l List
	l.Push(3)
	l.Push(2)
	l.Push(1)
	l.Append(4, 5, 6)
	fmt.Println(&l, l.size, l.head.Sum())
	l.Reverse()
	fmt.Println(&l)
	fmt.Println(l.Remove(4), l.Remove(42), l.Remove(6), &l, l.size)
	var empty *Node
	fmt.Println(empty.Sum(), empty == nil)
	fmt.Printf("%v %+v\n", l.head.Val, *l.head.Next.Next.Next)
	var e List
	e.Reverse()
	fmt.Println(&e, e.head)
}
