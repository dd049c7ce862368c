// fmt.Errorf with %w wrapping through several layers, errors.Is/As over
// the chain, and diagnostics written to os.Stderr with Fprintln.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

var ErrInvalid = errors.New("invalid input")

type FieldError struct {
	Field string
	Value string
}

func (e *FieldError) Error() string { return "field " + e.Field + "=" + strconv.Quote(e.Value) }

func parseAge(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("age %q: %w", s, err)
	}
	if n < 0 || n > 150 {
		return 0, fmt.Errorf("age %d out of range: %w", n, ErrInvalid)
	}
	return n, nil
}

func parsePerson(name, age string) (string, error) {
	if name == "" {
		return "", fmt.Errorf("person: %w", &FieldError{"name", name})
	}
	a, err := parseAge(age)
	if err != nil {
		return "", fmt.Errorf("person %s: %w", name, err)
	}
	return fmt.Sprintf("%s (%d)", name, a), nil
}

func main() {
	inputs := [][2]string{{"ann", "34"}, {"bob", "x1"}, {"cy", "200"}, {"", "5"}, {"dee", "99999999999999999999"}}
	failures := 0
	for _, in := range inputs {
		p, err := parsePerson(in[0], in[1])
		if err == nil {
			fmt.Println("ok:", p)
			continue
		}
		failures++
		fmt.Println("error:", err)
		var ne *strconv.NumError
		var fe *FieldError
		fmt.Println("  invalid:", errors.Is(err, ErrInvalid), " syntax:", errors.Is(err, strconv.ErrSyntax), " range:", errors.Is(err, strconv.ErrRange))
		if errors.As(err, &ne) {
			fmt.Println("  NumError func", ne.Func)
		}
		if errors.As(err, &fe) {
			fmt.Println("  FieldError", fe.Field)
		}
		fmt.Fprintln(os.Stderr, "diagnostic:", err)
	}
	e := fmt.Errorf("plain %d", 42)
	fmt.Println(e, errors.Unwrap(e) == nil)
	fmt.Fprintf(os.Stdout, "%d of %d failed\n", failures, len(inputs))
}
