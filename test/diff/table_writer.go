// A column-aligned table renderer writing through io.Writer with
// fmt.Fprintf: to a strings.Builder, to a bufio.Writer, and to os.Stdout.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

type Table struct {
	Header []string
	Rows   [][]string
}

func (t *Table) Add(cells ...interface{}) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = fmt.Sprint(c)
	}
	t.Rows = append(t.Rows, row)
}

func (t *Table) widths() []int {
	w := make([]int, len(t.Header))
	for i, h := range t.Header {
		w[i] = len(h)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			if len(c) > w[i] {
				w[i] = len(c)
			}
		}
	}
	return w
}

func (t *Table) Render(out io.Writer) int {
	w := t.widths()
	lines := 0
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				fmt.Fprint(out, " | ")
			}
			fmt.Fprintf(out, "%-*s", w[i], c)
		}
		fmt.Fprintln(out)
		lines++
	}
	line(t.Header)
	seps := make([]string, len(w))
	for i, n := range w {
		seps[i] = strings.Repeat("-", n)
	}
	line(seps)
	for _, r := range t.Rows {
		line(r)
	}
	return lines
}

func main() {
	t := &Table{Header: []string{"lang", "year", "typed", "ratio"}}
	t.Add("Go", 2009, true, 0.75)
	t.Add("C", 1972, true, 1.0)
	t.Add("Python", 1991, false, 0.125)
	t.Add("OCaml", 1996, true, 2.5e-3)
	var sb strings.Builder
	n := t.Render(&sb)
	fmt.Print(sb.String())
	fmt.Println(n, "lines,", sb.Len(), "bytes")
	bw := bufio.NewWriter(os.Stdout)
	t.Rows = t.Rows[:2]
	t.Render(bw)
	fmt.Fprintf(bw, "buffered %d bytes\n", bw.Buffered())
	bw.Flush()
	t.Render(os.Stdout)
}
