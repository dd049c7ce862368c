// Conway's Game of Life on a fixed torus: arrays as values (copied on
// assignment), methods on array types, and a glider's period.
package main

import (
	"fmt"
	"strings"
)

const W, H = 10, 8

type Board [H][W]bool

func (b Board) alive(x, y int) bool {
	return b[(y+H)%H][(x+W)%W]
}

func (b Board) neighbours(x, y int) int {
	n := 0
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if (dx != 0 || dy != 0) && b.alive(x+dx, y+dy) {
				n++
			}
		}
	}
	return n
}

func (b Board) Step() Board {
	var next Board
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			n := b.neighbours(x, y)
			next[y][x] = n == 3 || n == 2 && b[y][x]
		}
	}
	return next
}

func (b *Board) Set(cells ...[2]int) {
	for _, c := range cells {
		b[c[1]][c[0]] = true
	}
}

func (b Board) Population() int {
	n := 0
	for _, row := range b {
		for _, c := range row {
			if c {
				n++
			}
		}
	}
	return n
}

func (b Board) String() string {
	var sb strings.Builder
	for _, row := range b {
		for _, c := range row {
			if c {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func main() {
	var b Board
	b.Set([2]int{1, 0}, [2]int{2, 1}, [2]int{0, 2}, [2]int{1, 2}, [2]int{2, 2})
	start := b
	fmt.Print(b)
	for gen := 1; gen <= 4; gen++ {
		b = b.Step()
		fmt.Printf("gen %d pop %d\n", gen, b.Population())
	}
	fmt.Print(b)
	fmt.Println("start unchanged:", start.Population(), start == b)
	period := 0
	for c := start.Step(); ; c = c.Step() {
		period++
		if c == start {
			break
		}
	}
	fmt.Println("glider returns after", period, "generations")
	var blinker Board
	blinker.Set([2]int{4, 4}, [2]int{5, 4}, [2]int{6, 4})
	fmt.Println(blinker.Step().Step() == blinker, blinker.Step() == blinker)
	fmt.Print(blinker.Step())
}
