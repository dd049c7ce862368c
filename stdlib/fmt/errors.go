// Package fmt: the printing functions are C++ (frontend/Library.cpp,
// runtime/fmt.cpp); what is natural in Go is written here over them.
package fmt

import "errors"

// Errorf formats according to a format specifier and returns the string as
// a value that satisfies error. If the format has a %w verb with an error
// operand, the returned error implements an Unwrap method returning it; a
// second %w, or one with a non-error operand, is formatted as a bad verb.
func Errorf(format string, a ...any) error {
	var args *any
	if len(a) > 0 {
		args = &a[0]
	}
	w := -1
	s := errorf(format, args, len(a), &w)
	if w < 0 {
		return errors.New(s)
	}
	return &wrapError{s, a[w].(error)}
}

func errorf(format string, args *any, n int, wrapped *int) string

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}
