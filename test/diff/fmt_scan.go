// fmt's scanning (Go's scan.go compiled with the fmt overlay): Sscan,
// Sscanf's verbs and widths, Sscanln's newlines, Fscan from a Reader, a
// type's own Scan method, and the errors.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

type pair struct{ a, b int }

func (p *pair) Scan(st fmt.ScanState, verb rune) error {
	_, err := fmt.Fscanf(st, "(%d,%d)", &p.a, &p.b)
	return err
}

func main() {
	var a, b int
	var s string
	var f float64
	var c complex128
	n, err := fmt.Sscan("12 -34\n hello 2.5e3 (1+2i)", &a, &b, &s, &f, &c)
	fmt.Println(n, err, a, b, s, f, c)
	var x uint16
	var bs []byte
	var ok bool
	n, err = fmt.Sscanf("x=0x7f y=abc 1010 T 4142", "x=%v y=%3s %b %t %x", &a, &s, &x, &ok, &bs)
	fmt.Println(n, err, a, s, x, ok, string(bs))
	n, err = fmt.Sscanf("123456", "%3d%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("bad", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("300", &x)
	fmt.Println(n, err, x)
	var i8 int8
	n, err = fmt.Sscan("300", &i8)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5 6", "%d %d %d", &a, &b, &x)
	fmt.Println(n, err)
	var p pair
	n, err = fmt.Sscan("(3,4)", &p)
	fmt.Println(n, err, p)
	r := bufio.NewReader(strings.NewReader("7 eight\n9.5\n"))
	var w string
	n, err = fmt.Fscan(r, &a, &w, &f)
	fmt.Println(n, err, a, w, f)
	n, err = fmt.Fscan(r, &a)
	fmt.Println(n, err)
	var q string
	n, err = fmt.Sscanf(`"quoted \"s\"" rest`, "%q %s", &q, &s)
	fmt.Println(n, err, q, s)
	var rn rune
	n, err = fmt.Sscanf("é", "%c", &rn)
	fmt.Println(n, err, rn)
}
