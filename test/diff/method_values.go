// Method values bind their receiver when evaluated; method expressions take
// it as the first argument; automatic & and * at call sites.
package main

import (
	"fmt"
	"strings"
)

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()                 { c.n++ }
func (c *Counter) Add(k int) int        { c.n += k; return c.n }
func (c Counter) Value() int            { return c.n }
func (c Counter) Label(p string) string { return p + c.name }

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit   { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius   { return Celsius((f - 32) * 5 / 9) }
func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

type Words []string

func (w Words) Join(sep string) string { return strings.Join(w, sep) }
func (w *Words) Add(s ...string)       { *w = append(*w, s...) }

func apply(n int, f func()) {
	for i := 0; i < n; i++ {
		f()
	}
}

func main() {
	c := Counter{name: "clicks"}
	inc := c.Inc // &c bound now
	apply(3, inc)
	val := c.Value // copy of c bound now (n == 3)
	c.Add(10)
	fmt.Println(c.n, val(), c.Value())

	add := (*Counter).Add
	fmt.Println(add(&c, 5))
	value := Counter.Value
	label := Counter.Label
	fmt.Println(value(c), label(c, "name="))
	pv := (*Counter).Value
	fmt.Println(pv(&c))

	pc := &c
	pc.Inc()
	fmt.Println(pc.Value(), (*pc).Label("#"))

	temps := []Celsius{-40, 0, 37, 100}
	for _, t := range temps {
		f := t.ToF()
		fmt.Println(t, f, f.ToC(), t == f.ToC())
	}
	conv := Celsius.ToF
	fmt.Printf("%v %T\n", conv(20), conv)

	var w Words
	w.Add("a", "b")
	w.Add()
	more := []string{"c", "d"}
	w.Add(more...)
	join := w.Join
	w.Add("e")
	fmt.Println(join("-"), w.Join("+"), len(w))

	fs := map[string]func(int) int{"add": pc.Add}
	fmt.Println(fs["add"](100), c.n)
	counters := []*Counter{{name: "x"}, {name: "y"}}
	var incs []func()
	for _, k := range counters {
		incs = append(incs, k.Inc)
	}
	for i, f := range incs {
		for j := 0; j <= i; j++ {
			f()
		}
	}
	fmt.Println(*counters[0], *counters[1])
}
