package cmplx

import "math"

// The trigonometric and hyperbolic functions expand through
// sin(a+bi) = sin a cosh b + i cos a sinh b and its relatives, with Annex G's
// values where a part is infinite or NaN.

// Sin returns the sine of x.
func Sin(x complex128) complex128 {
	re, im := real(x), imag(x)
	nonFinite := math.IsInf(re, 0) || math.IsNaN(re)
	switch {
	case im == 0 && nonFinite:
		return complex(math.NaN(), im)
	case math.IsInf(im, 0) && re == 0:
		return x
	case math.IsInf(im, 0) && nonFinite:
		return complex(math.NaN(), im)
	case re == 0 && math.IsNaN(im):
		return x
	}
	s, c := math.Sin(re), math.Cos(re)
	sh, ch := sinhcosh(im)
	return complex(s*ch, c*sh)
}

// Cos returns the cosine of x.
func Cos(x complex128) complex128 {
	re, im := real(x), imag(x)
	nonFinite := math.IsInf(re, 0) || math.IsNaN(re)
	switch {
	case im == 0 && nonFinite:
		return complex(math.NaN(), -im*math.Copysign(0, re))
	case math.IsInf(im, 0) && re == 0:
		return complex(math.Inf(1), -re*math.Copysign(0, im))
	case math.IsInf(im, 0) && nonFinite:
		return complex(math.Inf(1), math.NaN())
	case re == 0 && math.IsNaN(im):
		return complex(math.NaN(), 0)
	}
	s, c := math.Sin(re), math.Cos(re)
	sh, ch := sinhcosh(im)
	return complex(c*ch, -s*sh)
}

// Sinh returns the hyperbolic sine of x.
func Sinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	nonFinite := math.IsInf(im, 0) || math.IsNaN(im)
	switch {
	case re == 0 && nonFinite:
		return complex(re, math.NaN())
	case math.IsInf(re, 0) && im == 0:
		return complex(re, im)
	case math.IsInf(re, 0) && nonFinite:
		return complex(re, math.NaN())
	case im == 0 && math.IsNaN(re):
		return complex(math.NaN(), im)
	}
	s, c := math.Sin(im), math.Cos(im)
	sh, ch := sinhcosh(re)
	return complex(c*sh, s*ch)
}

// Cosh returns the hyperbolic cosine of x.
func Cosh(x complex128) complex128 {
	re, im := real(x), imag(x)
	nonFinite := math.IsInf(im, 0) || math.IsNaN(im)
	switch {
	case re == 0 && nonFinite:
		return complex(math.NaN(), re*math.Copysign(0, im))
	case math.IsInf(re, 0) && im == 0:
		return complex(math.Inf(1), im*math.Copysign(0, re))
	case math.IsInf(re, 0) && nonFinite:
		return complex(math.Inf(1), math.NaN())
	case im == 0 && math.IsNaN(re):
		return complex(math.NaN(), im)
	}
	s, c := math.Sin(im), math.Cos(im)
	sh, ch := sinhcosh(re)
	return complex(c*ch, s*sh)
}

// sinhcosh returns sinh x and cosh x: math's for small |x|, where the
// exponential form cancels, and (e**x ∓ e**-x)/2 from one exponential
// otherwise.
func sinhcosh(x float64) (float64, float64) {
	if math.Abs(x) <= 0.5 {
		return math.Sinh(x), math.Cosh(x)
	}
	e := math.Exp(x)
	inv := 0.5 / e
	e *= 0.5
	return e - inv, e + inv
}
