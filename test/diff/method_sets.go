// Method sets: a value type with pointer methods satisfies an interface
// only through its pointer; assertions between interfaces by method set.
package main

import (
	"fmt"
	"strings"
)

type Speaker interface{ Speak() string }
type Renamer interface{ Rename(string) }
type Both interface {
	Speaker
	Renamer
}

type Robot struct{ name string }

func (r Robot) Speak() string    { return "beep, I am " + r.name }
func (r *Robot) Rename(n string) { r.name = n }

type Parrot struct{ words []string }

func (p *Parrot) Speak() string { return strings.Join(p.words, " ") }

func describe(x interface{}) string {
	var parts []string
	if s, ok := x.(Speaker); ok {
		parts = append(parts, "speaks: "+s.Speak())
	}
	if _, ok := x.(Renamer); ok {
		parts = append(parts, "renames")
	}
	if _, ok := x.(Both); ok {
		parts = append(parts, "both")
	}
	return fmt.Sprintf("%T [%s]", x, strings.Join(parts, "; "))
}

func main() {
	r := Robot{"R2"}
	p := &Parrot{[]string{"hello", "polly"}}
	fmt.Println(describe(r))
	fmt.Println(describe(&r))
	fmt.Println(describe(p))
	fmt.Println(describe(Parrot{}))
	fmt.Println(describe(42))
	var b Both = &r
	b.Rename("C3PO")
	fmt.Println(b.Speak(), r.name)
	var s Speaker = b
	s2 := s.(Both)
	s2.Rename("BB8")
	fmt.Println(s.Speak(), r.Speak())
	var s3 Speaker = r
	r.Rename("copy")
	fmt.Println(s3.Speak(), r.Speak())
	speakers := []Speaker{r, &r, p}
	for i, sp := range speakers {
		_, isPtr := sp.(*Robot)
		fmt.Println(i, sp.Speak(), isPtr)
	}
}
