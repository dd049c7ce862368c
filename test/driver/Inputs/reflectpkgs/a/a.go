package a

import "fmt"

type T struct{ N int }

func (t T) Get() int { return t.N }

func (t *T) Set(n int) { t.N = n }

var Items []T

func Show(x interface{}) string { return fmt.Sprintf("%v", x) }
