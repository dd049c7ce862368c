package util

type T struct{ N int }

// Box holds its value as an interface, so the descriptor of the type put in
// it is emitted in this package's object as well as in main's.
func Box(v any) any { return v }

func Local() any {
	type L int
	return L(1)
}
