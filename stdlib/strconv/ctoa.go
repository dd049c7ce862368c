package strconv

// FormatComplex formats c as (a+bi), each part as FormatFloat formats it in
// format fmt with precision prec; bitSize is 64 for complex64 (float32
// parts) or 128.
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	partSize := bitSize / 2
	im := FormatFloat(imag(c), fmt, prec, partSize)
	// The imaginary part always shows its sign (NaN and +Inf have none).
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, partSize) + im + "i)"
}
