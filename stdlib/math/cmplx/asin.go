package cmplx

import "math"

// The inverse functions are logarithms: asin x = -i ln(ix + √(1-x²)) and
// asinh x = ln(x + √(1+x²)), with the real functions on the axes where they
// are exact and Annex G's values for infinite and NaN parts.

// Asin returns the inverse sine of x.
func Asin(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asin(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asinh(im))
	case math.IsNaN(im) && re == 0:
		return complex(re, math.NaN())
	case math.IsNaN(im) && math.IsInf(re, 0):
		return complex(math.NaN(), re)
	case math.IsNaN(im):
		return NaN()
	case math.IsInf(im, 0) && math.IsNaN(re):
		return x
	case math.IsInf(im, 0) && math.IsInf(re, 0):
		return complex(math.Copysign(math.Pi/4, re), im)
	case math.IsInf(im, 0):
		return complex(math.Copysign(0, re), im)
	case math.IsInf(re, 0):
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(re, im))
	}
	sq := x * x
	root := Sqrt(complex(1-real(sq), -imag(sq)))
	l := Log(complex(-im, re) + root)
	return complex(imag(l), -real(l))
}

// Asinh returns the inverse hyperbolic sine of x.
func Asinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asinh(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asin(im))
	case math.IsInf(re, 0) && math.IsInf(im, 0):
		return complex(re, math.Copysign(math.Pi/4, im))
	case math.IsInf(re, 0) && math.IsNaN(im):
		return x
	case math.IsInf(re, 0):
		return complex(re, math.Copysign(0, im))
	case math.IsNaN(re) && im == 0:
		return x
	case math.IsNaN(re) && math.IsInf(im, 0):
		return complex(im, re)
	case math.IsNaN(re):
		return NaN()
	case math.IsInf(im, 0):
		return complex(math.Copysign(im, re), math.Copysign(math.Pi/2, im))
	}
	sq := x * x
	return Log(x + Sqrt(complex(1+real(sq), imag(sq))))
}

// Acos returns the inverse cosine of x, π/2 - asin x.
func Acos(x complex128) complex128 {
	s := Asin(x)
	return complex(math.Pi/2-real(s), -imag(s))
}

// Acosh returns the inverse hyperbolic cosine of x: ±i acos x, the sign
// chosen to make the real part non-negative.
func Acosh(x complex128) complex128 {
	if x == 0 {
		return complex(0, math.Copysign(math.Pi/2, imag(x)))
	}
	c := Acos(x)
	if imag(c) <= 0 {
		return complex(-imag(c), real(c))
	}
	return complex(imag(c), -real(c))
}
