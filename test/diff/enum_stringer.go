// iota enums with String methods: %v uses String, %d does not; a bit flag
// set with a String that joins names.
package main

import (
	"fmt"
	"strings"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var names = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (d Weekday) String() string {
	if d < 0 || int(d) >= len(names) {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return names[d]
}

func (d Weekday) Weekend() bool { return d == Saturday || d == Sunday }
func (d Weekday) Next() Weekday { return (d + 1) % 7 }

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	if p == 0 {
		return "none"
	}
	var parts []string
	for _, f := range []struct {
		bit  Perm
		name string
	}{{Read, "r"}, {Write, "w"}, {Exec, "x"}} {
		if p&f.bit != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "|")
}

type Size int

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

func main() {
	for d := Sunday; d <= Saturday; d++ {
		fmt.Printf("%-9v %d weekend=%t next=%v\n", d, d, d.Weekend(), d.Next())
	}
	fmt.Println(Weekday(9), []Weekday{Monday, Friday})
	fmt.Printf("%s %q %x %v\n", Tuesday, Tuesday, Tuesday, map[Weekday]int{Friday: 5, Monday: 1})
	p := Read | Exec
	fmt.Println(p, Perm(0), Read|Write|Exec, p&^Read)
	fmt.Printf("%v %d %08b %s\n", p, p, p, Write)
	fmt.Println(KB, MB, GB)
	type pair struct {
		D Weekday
		P Perm
	}
	fmt.Printf("%v %+v\n", pair{Monday, Write}, &pair{Sunday, 0})
	var s interface{ String() string } = Saturday
	fmt.Println(s.String(), s)
}
