// Number formatting corner cases: flags combined with widths and
// precisions on ints, floats and strings, as a price table and more.
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, v := range []float64{0, 1, -1, 0.1, 123.456, -9876.54321, 1e-9, 6.02214076e23, math.Inf(1), math.NaN()} {
		fmt.Printf("|%v|%8.2f|%-10.3e|%+g|%G|%12.4E|%.0f|\n", v, v, v, v, v, v, v)
	}
	for _, n := range []int64{0, 7, -7, 255, -1 << 40, math.MaxInt64} {
		fmt.Printf("|%d|%+5d|% d|%-6d|%06d|%x|%#X|%o|%O|%b|\n", n, n, n, n, n, n, n, n, n, n)
	}
	fmt.Printf("|%5s|%-5s|%.2s|%5.1s|%q|%+q|%#q|%x|% X|\n", "ab", "ab", "abc", "xyz", "é\t", "é\t", "back`tick", "hé", "hé")
	fmt.Printf("|%c|%5c|%-3c|%q|%U|%#U|\n", 'A', 'é', 'z', '\n', 0x1F600, 'ä')
	fmt.Printf("|%t|%6t|%-6t|\n", true, false, true)
	fmt.Printf("|%3d|%-3d|%03d|\n", []int{1, 22}, []int{3}, []int{4})
	fmt.Printf("|%6.2f|%v|%.1f|\n", []float64{1.5, 2.25}, []float32{0.1, 2.5}, [2]float64{3.14159, 2.71828})
	var u8 uint8 = 200
	var i8 int8 = -100
	var u uint64 = math.MaxUint64
	fmt.Printf("%d %d %d %x %v\n", u8, i8, u, u, float32(1)/3)
	fmt.Println(1e6, 1e20, 1e21, 123456789.0, 0.000001, 0.0000001, float32(16777216), 100.0)
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32, -0.0, 1/math.Inf(-1))
	type price struct {
		item string
		cost float64
	}
	for _, p := range []price{{"coffee", 3.5}, {"bagel", 2.25}, {"juice", 4}} {
		fmt.Printf("%-8s$%6.2f\n", p.item, p.cost)
	}
	fmt.Printf("%3.1f%% done, %d%%\n", 45.25, 100)
	fmt.Printf("%v %v %v\n", int64(-5)/2, -5%3, 7>>1)
	fmt.Printf("%08.3f|%-8.3f|%+08d|%x\n", -3.14159, 2.5, 42, 3.5)
}
