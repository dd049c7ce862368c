// Interface comparison: equal dynamic types and values compare equal, and
// comparing two interfaces holding the same uncomparable type panics.
package main

import "fmt"

type Key struct {
	A string
	B int
}

type Stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

type list []int

func (l list) String() string { return fmt.Sprint([]int(l)) }

func main() {
	var a, b interface{}
	fmt.Println(a == b, a == nil)
	a, b = 1, 1
	fmt.Println(a == b)
	b = int64(1)
	fmt.Println(a == b)
	a, b = Key{"x", 1}, Key{"x", 1}
	fmt.Println(a == b, a != b)
	a, b = &Key{"x", 1}, &Key{"x", 1}
	fmt.Println(a == b)
	k := &Key{}
	a, b = k, k
	fmt.Println(a == b)
	a, b = [2]string{"p", "q"}, [2]string{"p", "q"}
	fmt.Println(a == b)
	var s1, s2 Stringer = name("n"), name("n")
	fmt.Println(s1 == s2, s1 == name("n"), s1 != name("m"))
	var e error
	fmt.Println(e == nil)
	var x interface{} = 3.0
	fmt.Println(x == 3.0, x == 3)
	s1 = list{1}
	fmt.Println(s1 == name("n"))
	s2 = list{1}
	defer fmt.Println("deferred before the panic")
	fmt.Println(s1 == s2)
	fmt.Println("unreachable")
}
