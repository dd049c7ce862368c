package cmplx

import "math"

// Sqrt returns the square root of x with a non-negative real part; the
// imaginary part has the sign of x's (so the branch cut on the negative
// real axis follows the sign of a zero imaginary part).
func Sqrt(x complex128) complex128 {
	a, b := real(x), imag(x)
	switch {
	case b == 0 && a == 0:
		return complex(0, b)
	case b == 0 && a < 0:
		return complex(0, math.Copysign(math.Sqrt(-a), b))
	case b == 0:
		return complex(math.Sqrt(a), b)
	case math.IsInf(b, 0):
		return complex(math.Inf(1), b)
	case a == 0:
		// √(±bi) = √(|b|/2) (1 ± i)
		h := math.Sqrt(0.5 * math.Abs(b))
		return complex(h, math.Copysign(h, b))
	}
	// With |x| = r, the root is √((r+a)/2) ± i √((r-a)/2); the part whose
	// formula cancels comes from b/2 divided by the other. The parts are
	// first scaled by a power of 4 (undone by its square root) so that r
	// neither overflows nor underflows.
	var unscale float64
	if math.Abs(a) > 4 || math.Abs(b) > 4 {
		a, b, unscale = a*0.25, b*0.25, 2
	} else {
		a, b, unscale = a*0x1p54, b*0x1p54, 0x1p-27
	}
	r := hypot(a, b)
	var re, im float64
	if a > 0 {
		re = math.Sqrt(0.5*r + 0.5*a)
		im = unscale * math.Abs((0.5*b)/re)
		re *= unscale
	} else {
		im = math.Sqrt(0.5*r - 0.5*a)
		re = unscale * math.Abs((0.5*b)/im)
		im *= unscale
	}
	if b < 0 {
		im = -im
	}
	return complex(re, im)
}
