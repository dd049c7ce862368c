package fmt

import "io"

// Fprintf formats according to a format specifier and writes to w. It
// returns the number of bytes written and any write error encountered.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Fprint formats using the default formats for its operands and writes to
// w. Spaces are added between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

// Fprintln formats using the default formats for its operands and writes to
// w. Spaces are always added between operands and a newline is appended.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

// Stringer is implemented by any value that has a String method, which
// defines the “native” format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which
// defines the Go syntax for that value (the %#v verb).
type GoStringer interface {
	GoString() string
}
