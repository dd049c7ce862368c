// Interval problems: merging overlapping ranges, finding free slots in a
// schedule, and the busiest instant, with sort.Slice on struct slices.
package main

import (
	"fmt"
	"sort"
)

type Interval struct{ Start, End int }

func (iv Interval) String() string { return fmt.Sprintf("[%02d:00-%02d:00)", iv.Start, iv.End) }
func (iv Interval) Len() int       { return iv.End - iv.Start }

func merge(ivs []Interval) []Interval {
	s := append([]Interval(nil), ivs...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	var out []Interval
	for _, iv := range s {
		if n := len(out); n > 0 && iv.Start <= out[n-1].End {
			if iv.End > out[n-1].End {
				out[n-1].End = iv.End
			}
			continue
		}
		out = append(out, iv)
	}
	return out
}

func free(busy []Interval, day Interval) []Interval {
	var out []Interval
	cur := day.Start
	for _, b := range merge(busy) {
		if b.Start > cur {
			out = append(out, Interval{cur, b.Start})
		}
		if b.End > cur {
			cur = b.End
		}
	}
	if cur < day.End {
		out = append(out, Interval{cur, day.End})
	}
	return out
}

func busiest(ivs []Interval) (at, count int) {
	type event struct{ t, d int }
	var evs []event
	for _, iv := range ivs {
		evs = append(evs, event{iv.Start, 1}, event{iv.End, -1})
	}
	sort.Slice(evs, func(i, j int) bool {
		if evs[i].t != evs[j].t {
			return evs[i].t < evs[j].t
		}
		return evs[i].d < evs[j].d
	})
	cur := 0
	for _, e := range evs {
		cur += e.d
		if cur > count {
			at, count = e.t, cur
		}
	}
	return
}

func main() {
	meetings := []Interval{{9, 10}, {13, 15}, {9, 11}, {14, 16}, {18, 19}, {10, 11}, {12, 13}}
	m := merge(meetings)
	fmt.Println(m)
	total := 0
	for _, iv := range m {
		total += iv.Len()
	}
	fmt.Println("busy hours:", total)
	fmt.Println("free:", free(meetings, Interval{8, 20}))
	at, n := busiest(meetings)
	fmt.Printf("busiest at %02d:00 with %d meetings\n", at, n)
	fmt.Println(merge(nil), free(nil, Interval{9, 17}), len(merge([]Interval{{1, 2}, {2, 3}})))
}
