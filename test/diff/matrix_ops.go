// Matrices as [][]float64 with methods; dimension errors recovered from a
// panic into an error value through a named result.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Matrix [][]float64

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func Identity(n int) Matrix {
	m := New(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (m Matrix) Dims() (int, int) { return len(m), len(m[0]) }

func (m Matrix) Mul(o Matrix) Matrix {
	r, c := m.Dims()
	or, oc := o.Dims()
	if c != or {
		panic(fmt.Sprintf("dimension mismatch: %dx%d * %dx%d", r, c, or, oc))
	}
	out := New(r, oc)
	for i := 0; i < r; i++ {
		for j := 0; j < oc; j++ {
			for k := 0; k < c; k++ {
				out[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return out
}

func (m Matrix) T() Matrix {
	r, c := m.Dims()
	t := New(c, r)
	for i := range m {
		for j := range m[i] {
			t[j][i] = m[i][j]
		}
	}
	return t
}

func (m Matrix) Det() float64 {
	n, _ := m.Dims()
	if n == 1 {
		return m[0][0]
	}
	d, sign := 0.0, 1.0
	for col := 0; col < n; col++ {
		minor := New(n-1, n-1)
		for i := 1; i < n; i++ {
			mj := 0
			for j := 0; j < n; j++ {
				if j != col {
					minor[i-1][mj] = m[i][j]
					mj++
				}
			}
		}
		d += sign * m[0][col] * minor.Det()
		sign = -sign
	}
	return d
}

func (m Matrix) String() string {
	var rows []string
	for _, row := range m {
		var cells []string
		for _, v := range row {
			cells = append(cells, fmt.Sprintf("%7.2f", v))
		}
		rows = append(rows, "["+strings.Join(cells, " ")+" ]")
	}
	return strings.Join(rows, "\n")
}

func SafeMul(a, b Matrix) (res Matrix, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(r.(string))
		}
	}()
	return a.Mul(b), nil
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	fmt.Println(a.Mul(b))
	fmt.Println(a.T())
	fmt.Println(b.Mul(a).Det(), Identity(3).Det())
	m := Matrix{{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}
	fmt.Printf("det=%.3f\n%v\n", m.Det(), m.Mul(Identity(3)))
	if _, err := SafeMul(a, a); err != nil {
		fmt.Println("error:", err)
	}
	res, err := SafeMul(a, a.T())
	fmt.Println(res, err)
	fmt.Println(len(Identity(4)), cap(Identity(2)[1]))
}
