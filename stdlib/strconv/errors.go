// Package strconv: conversions to and from strings with Go 1.19's results
// and error values. Float formatting and the final decimal-to-binary step of
// ParseFloat are done by the runtime (runtime/strconv.cpp); everything else,
// including the syntax checks that decide the errors, is here.
package strconv

import "errors"

// ErrRange reports a value out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax reports a value without the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat, Atoi)
	Num  string // the input
	Err  error  // ErrRange, ErrSyntax or a base/bit size error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError {
	return &NumError{fn, str, ErrSyntax}
}

func rangeError(fn, str string) *NumError {
	return &NumError{fn, str, ErrRange}
}

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

// toError keeps a nil *NumError from becoming a non-nil error.
func toError(e *NumError) error {
	if e == nil {
		return nil
	}
	return e
}
