package cmplx

import "math"

// Exp returns e**x: e**re (cos im + i sin im), with Annex G's values where a
// part is infinite or NaN.
func Exp(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		if re > 0 && im == 0 {
			return x
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			if re < 0 {
				return complex(0, math.Copysign(0, im))
			}
			return complex(math.Inf(1), math.NaN())
		}
	} else if math.IsNaN(re) && im == 0 {
		return complex(math.NaN(), im)
	}
	m := math.Exp(re)
	s, c := math.Sin(im), math.Cos(im)
	return complex(m*c, m*s)
}

// Log returns the natural logarithm of x: ln|x| + i arg x (the branch cut
// is the negative real axis).
func Log(x complex128) complex128 {
	return complex(math.Log(Abs(x)), Phase(x))
}

// Log10 returns the decimal logarithm of x.
func Log10(x complex128) complex128 {
	l := Log(x)
	return complex(math.Log10E*real(l), math.Log10E*imag(l))
}

// Pow returns x**y = e**(y ln x). 0**y is 1 for real(y) == 0, 0 for
// real(y) > 0, and an infinity for real(y) < 0 (+Inf+0i when y is real).
func Pow(x, y complex128) complex128 {
	if x == 0 {
		if IsNaN(y) {
			return NaN()
		}
		switch c := real(y); {
		case c == 0:
			return 1
		case c < 0 && imag(y) == 0:
			return complex(math.Inf(1), 0)
		case c < 0:
			return Inf()
		case c > 0:
			return 0
		}
		// real(y) is NaN and imag(y) infinite: Go's "not reached".
		panic("not reached")
	}
	mod := Abs(x)
	if mod == 0 {
		return 0
	}
	arg := Phase(x)
	m := math.Pow(mod, real(y))
	θ := real(y) * arg
	if d := imag(y); d != 0 {
		m *= math.Exp(-d * arg)
		θ += d * math.Log(mod)
	}
	s, c := math.Sin(θ), math.Cos(θ)
	return complex(m*c, m*s)
}
