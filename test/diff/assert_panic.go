// An unrecovered failed type assertion: Go's interface conversion panic.
package main

import "fmt"

type Animal interface{ Sound() string }

type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string  { return d.name + " says woof" }
func (c *Cat) Sound() string { return c.name + " says meow" }

func main() {
	zoo := []Animal{Dog{"rex"}, &Cat{"tom"}, Dog{"fido"}}
	for _, a := range zoo {
		fmt.Println(a.Sound())
		if d, ok := a.(Dog); ok {
			fmt.Println("  a dog named", d.name)
		}
	}
	var x interface{} = zoo[1]
	if _, ok := x.(interface{ String() string }); !ok {
		fmt.Println("cat is not a Stringer")
	}
	d := zoo[1].(Dog)
	fmt.Println("unreachable", d)
}
