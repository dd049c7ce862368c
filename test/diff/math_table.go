// math: common functions, special values, and formatting them.
package main

import (
	"fmt"
	"math"
)

func newton(x float64) (float64, int) {
	z := 1.0
	for i := 1; i <= 50; i++ {
		nz := z - (z*z-x)/(2*z)
		if math.Abs(nz-z) < 1e-12 {
			return nz, i
		}
		z = nz
	}
	return z, 50
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d <= int(math.Sqrt(float64(n))); d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	for _, x := range []float64{2, 9, 10, 1e6} {
		r, it := newton(x)
		fmt.Printf("sqrt(%g) = %.10f in %d steps (math: %.10f)\n", x, r, it, math.Sqrt(x))
	}
	fmt.Printf("%.4f %.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Tan(math.Pi/4), math.Atan2(1, -1))
	fmt.Printf("%.5f %.5f %.5f %.5f %.5f\n", math.Exp(1), math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Log1p(1e-10))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.RoundToEven(-2.5), math.Round(2.5))
	fmt.Println(math.Pow(2, 10), math.Pow(2, -2), math.Pow(-8, 1.0/3), math.Cbrt(-8), math.Hypot(3, 4))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Max(3, 7), math.Min(3, math.NaN()))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -math.MaxFloat64, math.SmallestNonzeroFloat64)
	nan := math.NaN()
	fmt.Println(nan == nan, math.IsNaN(nan), math.IsInf(1/math.Inf(-1), 0), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint16, uint64(math.MaxUint64))
	fmt.Printf("%x %v\n", math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
	var primes []int
	for n := 0; len(primes) < 15; n++ {
		if isPrime(n) {
			primes = append(primes, n)
		}
	}
	fmt.Println(primes)
	fmt.Println("angle  sin     cos")
	for deg := 0; deg <= 180; deg += 45 {
		rad := float64(deg) * math.Pi / 180
		fmt.Printf("%5d %7.3f %7.3f\n", deg, math.Sin(rad), math.Cos(rad))
	}
	var f32 float32 = 1.0 / 3
	fmt.Println(f32, float64(f32), math.Sqrt2, math.Phi)
	fmt.Printf("%.3e %g %v\n", math.Sinh(2), math.Asin(1)*2, math.Abs(-0.0))
}
