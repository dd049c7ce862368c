// sync/atomic.Value: Load of an empty Value, Store and Load of a struct,
// Swap, CompareAndSwap comparing values (not pointers) of a comparable type,
// concurrent first stores of one type, and gc's panic for a store of another
// type (exit 2).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name string
	n    int
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load() == nil)
	v.Store(config{"a", 1})
	fmt.Printf("%+v\n", v.Load().(config))
	old := v.Swap(config{"b", 2})
	fmt.Printf("%+v %+v\n", old, v.Load())

	var s atomic.Value
	fmt.Println(s.CompareAndSwap(nil, "x"), s.Load())
	fmt.Println(s.CompareAndSwap("y", "z"), s.Load())
	fmt.Println(s.CompareAndSwap("x"+"", "z"), s.Load())
	fmt.Println(s.Swap("w"), s.Load())

	var shared atomic.Value
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			shared.Store(i)
		}(i)
	}
	wg.Wait()
	n := shared.Load().(int)
	fmt.Println(n >= 0 && n < 8)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s.Store(nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s.CompareAndSwap(1, "q")
	}()
	v.Store("not a config")
}
