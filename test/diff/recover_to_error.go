// Converting panics to errors at an API boundary: a named error result set
// by a deferred closure, re-panicking for what should not be caught.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type parseErr struct {
	field string
	cause any
}

func (p *parseErr) Error() string { return fmt.Sprintf("field %s: %v", p.field, p.cause) }

func mustInt(field, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(&parseErr{field, err})
	}
	return n
}

type Record struct {
	ID    int
	Score int
	Tags  []string
}

func ParseRecord(line string) (rec Record, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case *parseErr:
			err = r
		case error:
			err = errors.New("internal: " + r.Error())
		default:
			panic(r)
		}
	}()
	parts := strings.Split(line, ";")
	rec.ID = mustInt("id", parts[0])
	rec.Score = mustInt("score", parts[1])
	if rec.Score > 100 {
		panic("score over 100 is a bug")
	}
	if len(parts) > 2 && parts[2] != "" {
		rec.Tags = strings.Split(parts[2], ",")
	}
	return rec, nil
}

func main() {
	for _, l := range []string{"1;90;a,b", "2;x", "3", "4;55;", "-7;0;z"} {
		r, err := ParseRecord(l)
		fmt.Printf("%-10q %+v %v\n", l, r, err)
	}
	func() {
		defer func() { fmt.Println("outer caught:", recover()) }()
		ParseRecord("5;101")
	}()
	var pe *parseErr
	_, err := ParseRecord("x;1")
	fmt.Println(errors.As(err, &pe), pe.field)
	var ne *strconv.NumError
	fmt.Println(errors.As(pe.cause.(error), &ne), ne.Func, ne.Num)
}
