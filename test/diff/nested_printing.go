// Printing nested composite values: structs holding slices of structs,
// maps of structs, arrays of pointers-free structs, with %v, %+v and %#v.
package main

import "fmt"

type Address struct {
	Street string
	Zip    int
}

type Employee struct {
	Name    string
	Age     int
	Skills  []string
	Home    Address
	Ratings map[string]float64
	Active  bool
}

type Dept struct {
	Title  string
	People []Employee
	Codes  [2]uint8
}

func main() {
	e := Employee{"Ann", 34, []string{"go", "sql"}, Address{"Main St", 12345}, map[string]float64{"q1": 4.5, "q2": 3.75}, true}
	d := Dept{"R&D", []Employee{e, {Name: "Bob"}}, [2]uint8{7, 255}}
	fmt.Printf("%v\n", d)
	fmt.Printf("%+v\n", d)
	fmt.Printf("%#v\n", e.Home)
	fmt.Printf("%#v\n", e.Skills)
	fmt.Printf("%#v\n", d.Codes)
	fmt.Printf("%#v\n", map[string]Address{"x": {"A", 1}})
	fmt.Println(map[Address][]int{{"B", 2}: {1, 2}, {"A", 3}: nil})
	var empty Employee
	fmt.Printf("%v|%+v\n", empty, empty)
	fmt.Printf("%#v\n", struct {
		A int
		B string
		C []bool
		D interface{}
	}{1, "x", []bool{true}, 2.5})
	fmt.Printf("%v %+v\n", []interface{}{1, "a", nil, Address{}, []int{}}, map[string]interface{}{"k": []string{"v"}})
	fmt.Printf("%#v %#v %#v %#v\n", 42, "q\"s", 'r', 1.0)
	fmt.Printf("%#v %#v\n", []interface{}{1, "x"}, [0]int{})
	type Matrix [2][3]int
	fmt.Printf("%v %+v\n", Matrix{{1, 2, 3}, {4, 5, 6}}, Matrix{})
	fmt.Printf("%s\n", d.People[0].Skills)
	fmt.Printf("%q\n", d.People[0].Skills)
	fmt.Printf("%x %X\n", d.Codes, []string{"ab", "cd"})
}
