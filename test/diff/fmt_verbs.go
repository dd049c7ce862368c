// fmt verbs and flags on numbers, strings, structs, pointers, slices, maps
// and nil values.
package main

import "fmt"

type Point struct {
	X, Y int
}

type Named struct {
	Name  string
	Tags  []string
	Attrs map[string]int
	Next  *Named
}

type Celsius float64

func main() {
	n := 255
	fmt.Printf("|%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%#o|%b|\n", n, n, n, n, n, n, n, n, n, n, n)
	fmt.Printf("|%d|%+d|% d|%08.3f|%-8.2f|%8.2e|%g|%G|\n", -42, 42, 42, 3.14159, 2.5, 123456.789, 1e21, 1e-7)
	fmt.Printf("|%s|%10s|%-10s|%.3s|%q|%x|% x|%X|\n", "go", "go", "go", "golang", "a\"b\n", "hi", "hi", "hi")
	fmt.Printf("|%c|%q|%U|%#U|%d|\n", 'G', 'G', 'G', '世', 'G')
	fmt.Printf("|%t|%v|%5t|\n", true, false, true)
	p := Point{1, -2}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	pp := &p
	fmt.Printf("%v %+v %T\n", pp, pp, pp)
	s := []Point{{1, 2}, {3, 4}}
	fmt.Printf("%v %+v %#v\n", s, s, s)
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Printf("%v %#v\n", m, m)
	nm := Named{Name: "x", Tags: []string{"t1", "t2"}, Attrs: map[string]int{"k": 1}}
	fmt.Printf("%v\n%+v\n", nm, nm)
	var np *Point
	var ns []int
	var nmap map[string]bool
	var ni interface{}
	var ne error
	fmt.Printf("%v %v %v %v %v\n", np, ns, nmap, ni, ne)
	fmt.Printf("%#v %#v %#v\n", ns, nmap, ni)
	fmt.Printf("%d %s\n", []int{1, 2, 3}, []string{"a", "b"})
	fmt.Printf("%x %X\n", []byte("abc"), "xyz")
	fmt.Printf("%6.2f|%-8v|%8v|\n", Celsius(21.456), Celsius(3), "r")
	fmt.Printf("%*d|%-*d|\n", 6, 42, 4, 7)
	fmt.Printf("%v %d\n", [3]bool{true}, [2][2]int{{1, 2}, {3, 4}})
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil), fmt.Sprintln("x", 1))
	fmt.Print(1, 2, "\n")
	fmt.Printf("%T %T %T %T %T\n", m, s, ni, Celsius(1), struct{ A int }{})
	fmt.Printf("%08b %3c|%-4q|\n", 5, 'x', 'y')
	fmt.Printf("%e %.0f %.1f %g %g\n", 0.0, 2.5, 0.05, 100000.0, 1000000.0)
}
