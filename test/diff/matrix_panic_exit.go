// A re-panic after a partial recovery: the deferred handler logs, then
// panics with a new error wrapping the first; Go prints both panics.
package main

import (
	"errors"
	"fmt"
)

type Grid struct {
	w, h  int
	cells []int
}

func NewGrid(w, h int) *Grid { return &Grid{w, h, make([]int, w*h)} }

func (g *Grid) At(x, y int) int { return g.cells[y*g.w+x] }

func (g *Grid) Set(x, y, v int) { g.cells[y*g.w+x] = v }

func (g *Grid) Sum() (s int) {
	for _, c := range g.cells {
		s += c
	}
	return
}

func fill(g *Grid, pts [][2]int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("fill failed after sum", g.Sum())
			panic(errors.New(fmt.Sprint("fill: ", r)))
		}
	}()
	for i, p := range pts {
		g.Set(p[0], p[1], i+1)
	}
}

func main() {
	g := NewGrid(3, 2)
	fill(g, [][2]int{{0, 0}, {2, 1}, {1, 1}})
	fmt.Println(g.cells, g.At(2, 1), g.Sum())
	fill(g, [][2]int{{1, 0}, {2, 2}})
	fmt.Println("unreachable")
}
