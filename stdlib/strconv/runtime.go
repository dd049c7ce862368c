package strconv

// parseFloatBits converts a well-formed float literal (decimal or hex, no
// underscores, no inf/nan) to the nearest float of bitSize (32 or 64) bits,
// correctly rounded; out-of-range values come back as ±Inf.
func parseFloatBits(s string, bitSize int) float64

// formatFloat is FormatFloat, done by the runtime's Go-exact formatter.
func formatFloat(f float64, fmt int, prec int, bitSize int) string
