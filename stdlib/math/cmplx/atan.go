package cmplx

import "math"

// Tanh returns the hyperbolic tangent of x:
// (sinh 2a + i sin 2b) / (cosh 2a + cos 2b) for x = a+bi.
func Tanh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case math.IsInf(re, 0) && (math.IsInf(im, 0) || math.IsNaN(im)):
		return complex(math.Copysign(1, re), math.Copysign(0, im))
	case math.IsInf(re, 0):
		return complex(math.Copysign(1, re), math.Copysign(0, math.Sin(2*im)))
	case im == 0 && math.IsNaN(re):
		return x
	}
	d := math.Cosh(2*re) + math.Cos(2*im)
	if d == 0 {
		return Inf()
	}
	return complex(math.Sinh(2*re)/d, math.Sin(2*im)/d)
}

// Atan returns the inverse tangent of x = a+bi:
// ½ atan2(2a, 1-a²-b²) + ¼ i ln((a²+(b+1)²) / (a²+(b-1)²)).
func Atan(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0:
		return complex(math.Atan(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Atanh(im))
	case (math.IsInf(im, 0) || math.IsInf(re, 0)) && math.IsNaN(re):
		return complex(math.NaN(), math.Copysign(0, im))
	case math.IsInf(im, 0) || math.IsInf(re, 0):
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(0, im))
	case math.IsNaN(re) || math.IsNaN(im):
		return NaN()
	}
	re2 := re * re
	den := 1 - re2 - im*im
	if den == 0 {
		return NaN()
	}
	w := nearestTurn(0.5 * math.Atan2(2*re, den))
	below := im - 1
	b := re2 + below*below
	if b == 0 {
		return NaN()
	}
	above := im + 1
	return complex(w, 0.25*math.Log((re2+above*above)/b))
}

// Atanh returns the inverse hyperbolic tangent of x, -i atan(ix).
func Atanh(x complex128) complex128 {
	a := Atan(complex(-imag(x), real(x)))
	return complex(imag(a), -real(a))
}

// nearestTurn returns x - kπ for the integer k nearest x/π (rounding halves
// up), subtracting kπ in three parts whose products with k are exact (π
// split into 29 + 29 + 53 bits, Cody and Waite's reduction). Atan only
// passes |x| <= π/2.
func nearestTurn(x float64) float64 {
	const (
		pi1 = 0x1.921fb4p+1
		pi2 = 0x1.4442dp-23
		pi3 = 0x1.8469898cc517p-47
	)
	k := float64(int64(x/math.Pi + 0.5))
	return ((x - k*pi1) - k*pi2) - k*pi3
}
