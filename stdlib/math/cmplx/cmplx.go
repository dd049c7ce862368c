// Package cmplx: elementary functions of complex128 values with Go 1.19's
// results, special cases included (C99 Annex G where Go follows it). The
// real functions underneath are package math's, so a result matches Go's to
// the last bit where math's does (Abs uses this package's own hypot, which
// is the formula Go's amd64 math.Hypot computes).
package cmplx

import "math"

// Abs returns |x|.
func Abs(x complex128) float64 { return hypot(real(x), imag(x)) }

// hypot is max·√(1+(min/max)²): +Inf when a part is infinite (even with a
// NaN), NaN for a NaN part, 0 for 0.
func hypot(p, q float64) float64 {
	p, q = math.Abs(p), math.Abs(q)
	if math.IsInf(p, 1) || math.IsInf(q, 1) {
		return math.Inf(1)
	}
	if math.IsNaN(p) || math.IsNaN(q) {
		return math.NaN()
	}
	if p == 0 && q == 0 {
		return 0
	}
	if p < q {
		p, q = q, p
	}
	q = q / p
	return p * math.Sqrt(1+q*q)
}

// Phase returns the argument of x, in [-π, π].
func Phase(x complex128) float64 { return math.Atan2(imag(x), real(x)) }

// Polar returns x's modulus and argument.
func Polar(x complex128) (r, θ float64) { return Abs(x), Phase(x) }

// Rect returns the complex number of modulus r and argument θ.
func Rect(r, θ float64) complex128 {
	s, c := math.Sin(θ), math.Cos(θ)
	return complex(r*c, r*s)
}

// Conj returns the complex conjugate of x.
func Conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// Inf returns a complex infinity, +Inf+Inf i.
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN returns a complex "not a number", NaN+NaN i.
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether either part of x is infinite.
func IsInf(x complex128) bool {
	return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
}

// IsNaN reports whether a part of x is NaN and neither is infinite (an
// infinity with a NaN part is an infinity).
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}
