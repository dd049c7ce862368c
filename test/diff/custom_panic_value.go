// panic with a value of a named integer type, after panics of the same
// type were recovered: Go prints it as main.Code(3).
package main

import "fmt"

type Code int

func (c Code) describe() string { return fmt.Sprintf("code %d", int(c)) }

func check(step int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("step", step, "recovered", r, r.(Code).describe())
		}
	}()
	if step%2 == 1 {
		panic(Code(step))
	}
	fmt.Println("step", step, "fine")
}

func main() {
	for i := 0; i < 4; i++ {
		check(i)
	}
	defer fmt.Println("main deferred")
	panic(Code(3))
}
