// generics: generic code against the same code written for one type. Each
// pair (Sum, Map, Filter, Max over a slice, a Stack's Push and Pop) runs the
// same work alternately, ROUNDS times, and the median time of each is printed
// with the ratio generic/hand-written (1.00 is equal; the goal is within
// 1.05). The checksums must agree: both versions compute the same thing.
// mgoc compiles each pair to the same optimised IR but for names (one body
// per instance), so a ratio away from 1 is the machine's noise.
//
// usage: mgoc build -O2 -o /tmp/generics bench/generics.go && /tmp/generics [ROUNDS]
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func sumInts(xs []int) int {
	var s int
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, out []U, f func(T) U) []U {
	out = out[:0]
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func mapInts(xs []int, out []int, f func(int) int) []int {
	out = out[:0]
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, out []T, keep func(T) bool) []T {
	out = out[:0]
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func filterInts(xs []int, out []int, keep func(int) bool) []int {
	out = out[:0]
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Max[T Ordered](xs []T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func maxFloats(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

type intStack struct{ items []int }

func (s *intStack) Push(v int) { s.items = append(s.items, v) }

func (s *intStack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

const n = 1 << 16

var (
	ints   = make([]int, n)
	floats = make([]float64, n)
	out    = make([]int, 0, n)
)

func double(x int) int { return 2*x + 1 }

func odd(x int) bool { return x%2 == 1 }

func stackGeneric() int {
	var s Stack[int]
	t := 0
	for r := 0; r < 32; r++ {
		for i := 0; i < n; i++ {
			s.Push(i)
		}
		for i := 0; i < n; i++ {
			t += s.Pop()
		}
	}
	return t
}

func stackHand() int {
	var s intStack
	t := 0
	for r := 0; r < 32; r++ {
		for i := 0; i < n; i++ {
			s.Push(i)
		}
		for i := 0; i < n; i++ {
			t += s.Pop()
		}
	}
	return t
}

type pair struct {
	name          string
	generic, hand func() int
}

func median(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

func main() {
	rounds := 21
	if len(os.Args) > 1 {
		rounds, _ = strconv.Atoi(os.Args[1])
	}
	for i := range ints {
		ints[i] = i * 7 % 1000
		floats[i] = float64(i%977) * 0.5
	}
	const reps = 400
	pairs := []pair{
		{"Sum", func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += Sum(ints)
			}
			return t
		}, func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += sumInts(ints)
			}
			return t
		}},
		{"Map", func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += len(Map(ints, out, double))
			}
			return t
		}, func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += len(mapInts(ints, out, double))
			}
			return t
		}},
		{"Filter", func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += len(Filter(ints, out, odd))
			}
			return t
		}, func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += len(filterInts(ints, out, odd))
			}
			return t
		}},
		{"Max", func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += int(Max(floats))
			}
			return t
		}, func() int {
			t := 0
			for r := 0; r < reps; r++ {
				t += int(maxFloats(floats))
			}
			return t
		}},
		{"Stack", stackGeneric, stackHand},
	}
	fmt.Printf("%-6s %12s %12s %7s\n", "", "generic", "hand", "ratio")
	for _, p := range pairs {
		var g, h []time.Duration
		var cg, ch int
		// Each round runs both, in turns first, so that warming up and drift
		// on a loaded machine weigh on both alike.
		for r := 0; r < rounds; r++ {
			first, second := &p.generic, &p.hand
			if r%2 == 1 {
				first, second = second, first
			}
			t0 := time.Now()
			c1 := (*first)()
			t1 := time.Now()
			c2 := (*second)()
			t2 := time.Now()
			d1, d2 := t1.Sub(t0), t2.Sub(t1)
			if r%2 == 1 {
				c1, c2, d1, d2 = c2, c1, d2, d1
			}
			cg, ch = c1, c2
			g = append(g, d1)
			h = append(h, d2)
		}
		if cg != ch {
			fmt.Println(p.name, "checksums differ:", cg, ch)
			os.Exit(1)
		}
		mg, mh := median(g), median(h)
		fmt.Printf("%-6s %12v %12v %7.3f\n", p.name, mg, mh,
			float64(mg)/float64(mh))
	}
}
