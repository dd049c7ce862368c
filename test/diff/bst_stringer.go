// A binary search tree: recursive methods with nil receivers, in-order
// traversal with a callback closure, and a String method.
package main

import (
	"fmt"
	"strings"
)

type Tree struct {
	Left, Right *Tree
	Key         string
	Count       int
}

func (t *Tree) Insert(k string) *Tree {
	if t == nil {
		return &Tree{Key: k, Count: 1}
	}
	switch {
	case k < t.Key:
		t.Left = t.Left.Insert(k)
	case k > t.Key:
		t.Right = t.Right.Insert(k)
	default:
		t.Count++
	}
	return t
}

func (t *Tree) Walk(f func(*Tree) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.Walk(f) && f(t) && t.Right.Walk(f)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	return fmt.Sprintf("(%s %s:%d %s)", t.Left, t.Key, t.Count, t.Right)
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func main() {
	var root *Tree
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the end") {
		root = root.Insert(w)
	}
	fmt.Println(root)
	fmt.Println("height", root.Height())
	var keys []string
	root.Walk(func(t *Tree) bool {
		keys = append(keys, fmt.Sprintf("%s×%d", t.Key, t.Count))
		return true
	})
	fmt.Println(strings.Join(keys, ", "))
	n := 0
	root.Walk(func(t *Tree) bool {
		n++
		fmt.Print(t.Key, " ")
		return t.Key < "jumps"
	})
	fmt.Println("stopped after", n)
	var empty *Tree
	fmt.Println(empty, empty.Height())
	fmt.Printf("%v|%s\n", root.Left.Left, root.Right)
}
