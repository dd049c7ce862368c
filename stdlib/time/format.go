package time

// Time.String: Go's default layout "2006-01-02 15:04:05.999999999 -0700
// MST" (the fraction without trailing zeros, none if zero), always in UTC,
// the overlay's one zone (date.go), then the monotonic clock reading
// " m=±s.nnnnnnnnn" as gc prints it, relative to the package's start as
// gc's readings are (this overlay keeps the runtime's absolute reading,
// which timers deliver).

// startNano is 1ns before the package's start, as in gc, so a reading taken
// at once is positive.
var startNano int64 = runtimeNano() - 1

// String returns the time formatted as Go's Time.String does.
func (t Time) String() string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	b := make([]byte, 0, 64)
	if year < 0 {
		b = append(b, '-')
		year = -year
	}
	b = appendInt(b, uint64(year), 4)
	b = append(b, '-')
	b = appendInt(b, uint64(month), 2)
	b = append(b, '-')
	b = appendInt(b, uint64(day), 2)
	b = append(b, ' ')
	b = appendInt(b, uint64(hour), 2)
	b = append(b, ':')
	b = appendInt(b, uint64(min), 2)
	b = append(b, ':')
	b = appendInt(b, uint64(sec), 2)
	if ns := t.Nanosecond(); ns != 0 {
		digits := 9
		for ns%10 == 0 {
			ns /= 10
			digits--
		}
		b = append(b, '.')
		b = appendInt(b, uint64(ns), digits)
	}
	b = append(b, " +0000 UTC"...)
	if t.hasMono() {
		m := t.mono - startNano
		sign := byte('+')
		if m < 0 {
			sign = '-'
			m = -m
		}
		whole, frac := m/1e9, m%1e9
		b = append(b, " m="...)
		b = append(b, sign)
		b = appendInt(b, uint64(whole), 0)
		b = append(b, '.')
		b = appendInt(b, uint64(frac), 9)
	}
	return string(b)
}

// appendInt appends the decimal digits of v, zero-padded to width.
func appendInt(b []byte, v uint64, width int) []byte {
	var digits [20]byte
	i := len(digits)
	for v >= 10 || width > 1 {
		i--
		digits[i] = byte('0' + v%10)
		v /= 10
		width--
	}
	i--
	digits[i] = byte('0' + v)
	return append(b, digits[i:]...)
}
