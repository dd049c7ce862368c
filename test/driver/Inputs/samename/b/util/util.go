package util

type T struct{ N int }

func Local() any {
	type L int
	return L(1)
}
