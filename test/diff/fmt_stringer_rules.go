// When fmt calls String and Error: value vs pointer receivers, Error
// before String, inside slices, maps and exported struct fields (not
// unexported ones), and %d/%x bypassing neither for numbers.
package main

import (
	"errors"
	"fmt"
)

type V struct{ n int }

func (v V) String() string { return fmt.Sprintf("V<%d>", v.n) }

type P struct{ n int }

func (p *P) String() string { return fmt.Sprintf("P<%d>", p.n) }

type Both struct{}

func (Both) String() string { return "string" }
func (Both) Error() string  { return "error" }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Holder struct {
	Pub  V
	priv V
	Ptr  *P
}

type ID int

func (i ID) String() string { return fmt.Sprintf("#%d", int(i)) }

func main() {
	v := V{1}
	p := P{2}
	fmt.Println(v, &v, p, &p)
	fmt.Printf("%v %s %+v %d\n", v, v, v, v)
	fmt.Printf("%v %v\n", p, &p)
	fmt.Println(Both{}, []Both{{}})
	fmt.Println([]V{{3}, {4}}, map[string]V{"a": {5}}, [2]V{})
	fmt.Println([]*P{{6}}, map[V]int{{7}: 1})
	h := Holder{V{8}, V{9}, &P{10}}
	fmt.Printf("%v\n%+v\n", h, h)
	t := Temp(21.55)
	fmt.Println(t, []Temp{1, 2.25})
	fmt.Printf("%v %.2f %s %6.1f|\n", t, t, t, t)
	ids := []ID{1, 22, 333}
	fmt.Printf("%v %d %x %s %q\n", ids, ids, ids, ids, ids)
	fmt.Printf("%5v|%-6v|%05d\n", ID(4), ID(5), ID(6))
	err := errors.New("plain error")
	fmt.Printf("%v %s %q %+v\n", err, err, err, err)
	var nilErr error
	fmt.Printf("%v %s\n", nilErr, []error{err, nil})
	var np *P
	fmt.Println(np == nil)
	type pair struct {
		K ID
		E error
	}
	fmt.Printf("%v %+v\n", pair{7, err}, pair{8, nil})
}
