// A nil pointer dereference through a method with a pointer receiver that
// reads a field: Go's runtime error on stderr and exit status 2.
package main

import "fmt"

type Config struct {
	Name  string
	Child *Config
}

func (c *Config) Depth() int {
	d := 0
	for p := c; p != nil; p = p.Child {
		d++
	}
	return d
}

func (c *Config) ChildName() string { return c.Child.Name }

func main() {
	root := &Config{"root", &Config{"mid", &Config{"leaf", nil}}}
	fmt.Println(root.Depth(), root.ChildName(), root.Child.ChildName())
	leaf := root.Child.Child
	fmt.Println(leaf.Depth())
	fmt.Println(leaf.ChildName())
}
