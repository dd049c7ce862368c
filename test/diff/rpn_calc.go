// A reverse-Polish calculator: a stack of float64, errors for bad input,
// and dispatch tables of operator functions.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

var ErrStack = errors.New("stack underflow")

type SyntaxError struct {
	Token string
	Pos   int
}

func (e SyntaxError) Error() string {
	return "bad token " + strconv.Quote(e.Token) + " at " + strconv.Itoa(e.Pos)
}

type LeftoverError int

func (n LeftoverError) Error() string { return fmt.Sprintf("%d values left on the stack", int(n)) }

type stack []float64

func (s *stack) push(v float64) { *s = append(*s, v) }
func (s *stack) pop() (float64, error) {
	if len(*s) == 0 {
		return 0, ErrStack
	}
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v, nil
}

var binary = map[string]func(a, b float64) float64{
	"+": func(a, b float64) float64 { return a + b },
	"-": func(a, b float64) float64 { return a - b },
	"*": func(a, b float64) float64 { return a * b },
	"/": func(a, b float64) float64 { return a / b },
	"^": func(a, b float64) float64 { return math.Pow(a, b) },
}

var unary = map[string]func(float64) float64{
	"sqrt": func(x float64) float64 { return math.Sqrt(x) },
	"neg":  func(x float64) float64 { return -x },
	"abs":  func(x float64) float64 { return math.Abs(x) },
}

func eval(expr string) (float64, error) {
	var st stack
	for i, tok := range strings.Fields(expr) {
		if f, ok := binary[tok]; ok {
			b, err := st.pop()
			if err != nil {
				return 0, err
			}
			a, err := st.pop()
			if err != nil {
				return 0, err
			}
			st.push(f(a, b))
			continue
		}
		if f, ok := unary[tok]; ok {
			a, err := st.pop()
			if err != nil {
				return 0, err
			}
			st.push(f(a))
			continue
		}
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return 0, SyntaxError{tok, i}
		}
		st.push(v)
	}
	if len(st) != 1 {
		return 0, LeftoverError(len(st))
	}
	return st[0], nil
}

func main() {
	inputs := []string{
		"3 4 +",
		"5 1 2 + 4 * + 3 -",
		"2 10 ^ sqrt neg",
		"1 0 /",
		"-1 sqrt",
		"1 +",
		"1 2 3",
		"4 x *",
		"",
		"2.5e3 0.5 * abs",
	}
	for _, in := range inputs {
		v, err := eval(in)
		var se SyntaxError
		switch {
		case err == nil:
			fmt.Printf("%-22q = %v\n", in, v)
		case errors.Is(err, ErrStack):
			fmt.Printf("%-22q : %v\n", in, err)
		case errors.As(err, &se):
			fmt.Printf("%-22q : syntax (%s at %d): %v\n", in, se.Token, se.Pos, err)
		default:
			fmt.Printf("%-22q : %T %v\n", in, err, err)
		}
	}
}
