// defer: arguments evaluated at the defer statement, LIFO order, named
// results modified by deferred closures, defers in loops.
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func counter() (n int) {
	defer func() { n *= 2 }()
	defer func() { n += 3 }()
	n = 10
	return n + 1
}

func loop() {
	for i := 0; i < 4; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("loop done")
}

type resource struct {
	name   string
	closed bool
}

func (r *resource) Close() {
	r.closed = true
	fmt.Println("close", r.name)
}

func useResources() (out []string) {
	defer trace("useResources")()
	rs := []*resource{{name: "a"}, {name: "b"}, {name: "c"}}
	for _, r := range rs {
		defer r.Close()
	}
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 42
	defer func() { out = append(out, fmt.Sprint("x at exit:", x)) }()
	for _, r := range rs {
		out = append(out, fmt.Sprint(r.name, r.closed))
	}
	return out
}

func fib(n int) (r int) {
	defer func() {
		if n > 15 {
			fmt.Println("fib", n, "=", r)
		}
	}()
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(counter())
	loop()
	fmt.Println(useResources())
	fib(17)
	func() {
		defer fmt.Println("inner 1")
		defer func() {
			defer fmt.Println("nested defer")
			fmt.Println("inner 2")
		}()
	}()
	fmt.Println("end")
}
