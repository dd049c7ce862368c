// Runtime errors recovered as runtime.Error values, re-panics, and panics
// with values of several types.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func safe(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Printf("%-10s ok\n", name)
			return
		}
		if re, ok := r.(runtime.Error); ok {
			fmt.Printf("%-10s runtime error: %v\n", name, re.Error())
			return
		}
		if e, ok := r.(error); ok {
			fmt.Printf("%-10s error %v\n", name, e)
			return
		}
		fmt.Printf("%-10s panic %T %v\n", name, r, r)
	}()
	f()
}

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprintf("myErr %d", e.code) }

func divide(a, b int) int { return a / b }

func main() {
	var arr []int
	var m map[string]int
	var p *struct{ x int }
	var i interface{} = "str"
	zero := 0
	safe("index", func() { _ = arr[3] })
	safe("slice", func() { s := []int{1, 2, 3}; k := 5; _ = s[1:k] })
	safe("nilmap", func() { m["a"] = 1 })
	safe("readmap", func() { _ = m["a"] })
	safe("nilptr", func() { fmt.Println(p.x) })
	safe("divide", func() { fmt.Println(divide(1, zero)) })
	safe("assert", func() { _ = i.(int) })
	safe("string", func() { panic("boom") })
	safe("int", func() { panic(42) })
	safe("error", func() { panic(errors.New("plain")) })
	safe("custom", func() { panic(myErr{7}) })
	safe("fine", func() {})
	safe("repanic", func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("again: ", r))
		}()
		panic("first")
	})
	safe("conv", func() {
		s := "héllo"
		b := []byte(s)
		_ = b[len(s)+zero]
	})
	fmt.Println("survived")
}
