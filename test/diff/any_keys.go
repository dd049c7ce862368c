// Maps keyed by interfaces: mixed dynamic types, printing in Go's sorted
// order, and the panic for an unhashable key.
package main

import "fmt"

type color int

const (
	red color = iota
	green
	blue
)

func (c color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Stringer interface{ String() string }

type pair struct {
	a, b int
}

func main() {
	m := map[interface{}]string{}
	m[1] = "int 1"
	m[int8(1)] = "int8 1"
	m[1.0] = "float 1"
	m["1"] = "string 1"
	m[true] = "bool"
	m[pair{1, 2}] = "pair"
	m[[2]int{1, 2}] = "array"
	m[green] = "color"
	m[nil] = "nil"
	fmt.Println(len(m))
	fmt.Println(m[1], "|", m[int8(1)], "|", m[1.0], "|", m[pair{1, 2}], "|", m[nil], "|", m[color(1)])
	_, ok := m[int16(1)]
	fmt.Println(ok)
	delete(m, 1)
	delete(m, "nope")
	fmt.Println(len(m))

	byColor := map[Stringer]int{red: 1, blue: 3}
	byColor[green] += 2
	fmt.Println(byColor)
	ints := map[interface{}]int{3: 1, 1: 2, 2: 3}
	fmt.Println(ints)
	strs := map[any]bool{"b": true, "a": false}
	fmt.Println(strs)

	defer func() {
		fmt.Println("recovered:", recover())
		var k interface{} = map[string]int{}
		m[k] = "unhashable map"
	}()
	var k interface{} = []int{1}
	m[k] = "unhashable"
}
