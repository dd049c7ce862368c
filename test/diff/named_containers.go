// Methods on named map, slice and func types: a string set with set
// algebra, a histogram, and a predicate type with combinators.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Set map[string]struct{}

func NewSet(items ...string) Set {
	s := Set{}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s Set) Add(x string)      { s[x] = struct{}{} }
func (s Set) Has(x string) bool { _, ok := s[x]; return ok }
func (s Set) Len() int          { return len(s) }
func (s Set) Union(o Set) Set {
	r := NewSet(s.Items()...)
	for k := range o {
		r.Add(k)
	}
	return r
}
func (s Set) Intersect(o Set) Set {
	r := Set{}
	for k := range s {
		if o.Has(k) {
			r.Add(k)
		}
	}
	return r
}
func (s Set) Items() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
func (s Set) String() string { return "{" + strings.Join(s.Items(), ",") + "}" }

type Histogram []int

func (h Histogram) Total() (t int) {
	for _, v := range h {
		t += v
	}
	return
}

func (h *Histogram) Observe(bucket int) {
	for len(*h) <= bucket {
		*h = append(*h, 0)
	}
	(*h)[bucket]++
}

type Pred func(int) bool

func (p Pred) And(q Pred) Pred { return func(n int) bool { return p(n) && q(n) } }
func (p Pred) Or(q Pred) Pred  { return func(n int) bool { return p(n) || q(n) } }
func (p Pred) Not() Pred       { return func(n int) bool { return !p(n) } }
func (p Pred) Filter(xs []int) []int {
	var out []int
	for _, x := range xs {
		if p(x) {
			out = append(out, x)
		}
	}
	return out
}

func main() {
	a := NewSet("go", "rust", "c", "zig")
	b := NewSet("c", "go", "python")
	fmt.Println(a, b, a.Union(b), a.Intersect(b), a.Has("go"), b.Has("zig"))
	fmt.Println(a.Union(b).Len(), Set{}.Len(), len(NewSet()))
	var h Histogram
	for _, x := range []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5} {
		h.Observe(x / 2)
	}
	fmt.Println(h, h.Total(), len(h))
	even := Pred(func(n int) bool { return n%2 == 0 })
	big := Pred(func(n int) bool { return n > 5 })
	xs := []int{1, 2, 3, 4, 6, 7, 8, 10, 11}
	fmt.Println(even.Filter(xs), even.And(big).Filter(xs), even.Or(big).Filter(xs), even.Not().And(big.Not()).Filter(xs))
	fmt.Printf("%v %T\n", even(4), even.Not())
}
