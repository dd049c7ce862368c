// Writing to a nil map inside a method panics; the deferred calls of every
// frame run first, then the program dies with exit code 2.
package main

import "fmt"

type Registry struct {
	byName map[string]int
	order  []string
}

func (r *Registry) Add(name string, v int) {
	defer fmt.Println("  leaving Add", name)
	r.order = append(r.order, name)
	r.byName[name] = v
}

func main() {
	ok := &Registry{byName: map[string]int{}}
	ok.Add("a", 1)
	ok.Add("b", 2)
	fmt.Println(ok.byName, ok.order)
	var broken Registry
	fmt.Println(broken.byName == nil, len(broken.byName), broken.byName["x"])
	defer func() {
		fmt.Println("main's defer sees order", broken.order)
	}()
	broken.Add("c", 3)
	fmt.Println("unreachable")
}
