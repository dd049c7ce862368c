// math.Remainder (IEEE: the quotient rounded to even, exact) and math.Dim
// over zeros of both signs, subnormals, huge values, infinities and NaN,
// with the sign of each result; math.NaN() and Remainder's NaNs carry Go's
// payload (0x7FF8000000000001).
package main

import (
	"fmt"
	"math"
)

func main() {
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	xs := []float64{0, negz, 1, -1, 2.5, -2.5, 3, 5, -5, 7.5, 1e300, -1e-310, 5e-324, inf, -inf, nan, math.MaxFloat64}
	for _, x := range xs {
		for _, y := range xs {
			r := math.Remainder(x, y)
			d := math.Dim(x, y)
			fmt.Printf("%v %v: %v %v %v %v\n", x, y, r, math.Signbit(r), d, math.Signbit(d))
		}
	}
	fmt.Println(math.Float64bits(math.NaN()), math.Float64bits(math.Remainder(inf, 1)))
}
