// The typed-nil trap: a nil *T stored in an error interface is not nil;
// methods with pointer receivers can still be called on nil pointers.
package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "<nil MyErr>"
	}
	return e.msg
}

func mayFail(fail bool) *MyErr {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func wrong(fail bool) error { return mayFail(fail) }

func right(fail bool) error {
	if e := mayFail(fail); e != nil {
		return e
	}
	return nil
}

type Tree struct {
	L, R *Tree
	V    int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.V + t.L.Sum() + t.R.Sum()
}

type Summer interface{ Sum() int }

func main() {
	e1 := wrong(false)
	e2 := right(false)
	fmt.Println(e1 == nil, e2 == nil, e1 != nil)
	fmt.Printf("%v | %T | %v | %T\n", e1, e1, e2, e2)
	fmt.Println(e1.Error())
	var target *MyErr
	fmt.Println(errors.As(e1, &target), target == nil)
	e3 := wrong(true)
	fmt.Println(e3, errors.As(e3, &target), target.msg)

	var t *Tree
	var s Summer = t
	fmt.Println(s == nil, s.Sum(), t.Sum())
	t = &Tree{&Tree{nil, nil, 2}, &Tree{&Tree{V: 4}, nil, 3}, 1}
	s = t
	fmt.Println(s.Sum())
	var s2 Summer
	fmt.Println(s2 == nil)
	var p *int
	var any1 interface{} = p
	fmt.Println(any1 == nil, any1 == (*int)(nil), p == nil)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	fmt.Println(s2.Sum())
}
