// Package math's functions on the representation of floats, in mini-Go over
// Float64bits and Float32bits; the rest of math is declared in C++
// (frontend/Library.cpp) and lowered to LLVM intrinsics or libm.
package math

const (
	expShift = 52
	expMask  = 0x7ff
	expBias  = 1023
	// The smallest positive normal float64.
	minNormal = 0x1p-1022
)

// Frexp splits f into frac in [½, 1) (with f's sign) and exp with
// f == frac × 2**exp; ±0, ±Inf and NaN give themselves and 0.
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	if Abs(f) < minNormal {
		// A subnormal's exponent field is 0: scale it into the normal range.
		f *= 1 << expShift
		exp = -expShift
	}
	b := Float64bits(f)
	exp += int(b>>expShift&expMask) - expBias + 1
	b = b&^(expMask<<expShift) | (expBias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp returns frac × 2**exp, rounded once; ±0, ±Inf and NaN give
// themselves.
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	m, e := Frexp(frac)
	// frac × 2**exp == 2m × 2**(exp+e-1), with 2m in [1, 2).
	exp += e - 1
	if exp > expBias {
		return Copysign(Inf(1), frac)
	}
	if exp < -expBias-expShift {
		// At most half the smallest subnormal: rounds to zero.
		return Copysign(0, frac)
	}
	scale := 1.0
	if exp < 1-expBias {
		// A subnormal result: build the normal one 2**53 times larger and
		// let the multiplication round it.
		exp += expShift + 1
		scale = 1.0 / (1 << (expShift + 1))
	}
	b := Float64bits(m)&^(expMask<<expShift) | uint64(exp+expBias)<<expShift
	return scale * Float64frombits(b)
}

// Modf splits f into its integer part and the rest, both with f's sign:
// ±Inf gives ±Inf and NaN, NaN gives NaN twice.
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		if f < 0 {
			int, frac = Modf(-f)
			return -int, -frac
		}
		if f == 0 {
			return f, f
		}
		return 0, f
	}
	int = Trunc(f)
	return int, f - int
}

// Nextafter returns the float64 next to x in the direction of y: x itself
// when they are equal, NaN when either is.
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		// Away from zero: the next larger magnitude.
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 is Nextafter for float32.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case x != x || y != y:
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}

// Logb returns x's binary exponent as a float64: -Inf for 0, +Inf for
// ±Inf, NaN for NaN.
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	_, e := Frexp(x)
	return float64(e - 1)
}

// Ilogb returns x's binary exponent as an int: MinInt32 for 0, MaxInt32
// for ±Inf and NaN.
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x) || IsInf(x, 0):
		return MaxInt32
	}
	_, e := Frexp(x)
	return e - 1
}
