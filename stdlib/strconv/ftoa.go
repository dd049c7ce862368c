package strconv

// FormatFloat formats f in format fmt ('b', 'e', 'E', 'f', 'g', 'G', 'x' or
// 'X') with precision prec (-1: the fewest digits that read back exactly)
// for a float of bitSize bits.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	if bitSize != 32 && bitSize != 64 {
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	return formatFloat(f, int(fmt), prec, bitSize)
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}
