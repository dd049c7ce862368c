// Package errors: New, Unwrap and Is as Go 1.19 defines them.
package errors

// errorString is unexported so that two New calls with the same text give
// distinct errors: the pointers differ.
type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// New returns an error that formats as text.
func New(text string) error {
	return &errorString{text}
}
