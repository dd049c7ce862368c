// Error chains several levels deep: custom Unwrap, a custom Is method
// matching by code, errors.As to value and pointer types.
package main

import (
	"errors"
	"fmt"
)

type StatusError struct {
	Code int
	Msg  string
}

func (e StatusError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Msg) }

func (e StatusError) Is(target error) bool {
	t, ok := target.(StatusError)
	return ok && t.Msg == "" && t.Code == e.Code
}

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

type Timeout struct{ Seconds int }

func (t *Timeout) Error() string   { return fmt.Sprintf("timeout after %ds", t.Seconds) }
func (t *Timeout) Temporary() bool { return true }

var ErrNotFound = StatusError{404, "not found"}

func fetch(path string) error {
	switch path {
	case "/missing":
		return &OpError{"get " + path, ErrNotFound}
	case "/slow":
		return &OpError{"get " + path, &OpError{"dial", &Timeout{30}}}
	case "/teapot":
		return &OpError{"get " + path, StatusError{418, "I'm a teapot"}}
	}
	return nil
}

func main() {
	for _, p := range []string{"/ok", "/missing", "/slow", "/teapot"} {
		err := fetch(p)
		fmt.Printf("%-9s %v\n", p, err)
		if err == nil {
			continue
		}
		fmt.Println("   is 404:", errors.Is(err, StatusError{Code: 404}), " is ErrNotFound:", errors.Is(err, ErrNotFound), " is 418:", errors.Is(err, StatusError{Code: 418}))
		var se StatusError
		if errors.As(err, &se) {
			fmt.Println("   status", se.Code, se.Msg)
		}
		var te *Timeout
		if errors.As(err, &te) {
			fmt.Println("   timeout", te.Seconds, te.Temporary())
		}
		depth := 0
		for e := err; e != nil; e = errors.Unwrap(e) {
			depth++
		}
		fmt.Println("   chain depth", depth)
	}
	e := errors.New("x")
	fmt.Println(errors.Is(e, e), errors.Is(e, errors.New("x")), errors.Is(nil, nil), errors.Unwrap(e) == nil)
}
