// Go by Example style: geometry through an interface, sorted by area.
package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Triangle struct{ A, B, C float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func (t *Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t *Triangle) Perimeter() float64 { return t.A + t.B + t.C }

type byArea []Shape

func (s byArea) Len() int           { return len(s) }
func (s byArea) Less(i, j int) bool { return s[i].Area() < s[j].Area() }
func (s byArea) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		if v.W == v.H {
			return "square"
		}
		return "rectangle"
	case Circle:
		return "circle"
	case *Triangle:
		return fmt.Sprintf("triangle with sides %v", *v)
	default:
		return "unknown"
	}
}

func main() {
	shapes := []Shape{
		Rect{3, 4},
		Circle{1},
		&Triangle{3, 4, 5},
		Rect{2, 2},
		Circle{2.5},
	}
	total := 0.0
	for i, s := range shapes {
		fmt.Printf("%d: %-40s area=%8.3f perim=%7.3f\n", i, describe(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area %.4f\n", total)
	sort.Sort(byArea(shapes))
	for _, s := range shapes {
		fmt.Printf("%v %T\n", s, s)
	}
	var biggest Shape
	for _, s := range shapes {
		if biggest == nil || s.Perimeter() > biggest.Perimeter() {
			biggest = s
		}
	}
	fmt.Println("largest perimeter:", biggest)
	if r, ok := biggest.(Rect); ok {
		fmt.Println("is a rect", r.W)
	} else if c, ok := biggest.(Circle); ok {
		fmt.Println("is a circle of radius", c.R)
	}
}
