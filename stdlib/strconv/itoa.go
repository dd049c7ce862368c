package strconv

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// IntSize is the size in bits of an int.
const IntSize = 64

// formatBits renders u (negated when neg) in base into the tail of a
// 65-byte buffer: 64 binary digits plus a sign.
func formatBits(u uint64, base int, neg bool) string {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var a [65]byte
	i := len(a)
	b := uint64(base)
	for u >= b {
		i--
		a[i] = digits[u%b]
		u /= b
	}
	i--
	a[i] = digits[u]
	if neg {
		i--
		a[i] = '-'
	}
	return string(a[i:])
}

// FormatUint returns i in base (2 to 36), lower-case letters for digits >= 10.
func FormatUint(i uint64, base int) string {
	return formatBits(i, base, false)
}

// FormatInt returns i in base (2 to 36).
func FormatInt(i int64, base int) string {
	if i < 0 {
		return formatBits(-uint64(i), base, true)
	}
	return formatBits(uint64(i), base, false)
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends FormatInt(i, base) to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

// AppendUint appends FormatUint(i, base) to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

// FormatBool returns "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends FormatBool(b) to dst.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

// ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}
