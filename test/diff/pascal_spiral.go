// Pascal's triangle centred with computed widths, and a number spiral in a
// 2-D slice walked by a direction table.
package main

import (
	"fmt"
	"strings"
)

func pascal(n int) [][]int {
	rows := [][]int{{1}}
	for i := 1; i < n; i++ {
		prev := rows[i-1]
		row := make([]int, i+1)
		row[0], row[i] = 1, 1
		for j := 1; j < i; j++ {
			row[j] = prev[j-1] + prev[j]
		}
		rows = append(rows, row)
	}
	return rows
}

func spiral(n int) [][]int {
	g := make([][]int, n)
	for i := range g {
		g[i] = make([]int, n)
	}
	dirs := [][2]int{{0, 1}, {1, 0}, {0, -1}, {-1, 0}}
	r, c, d := 0, 0, 0
	for k := 1; k <= n*n; k++ {
		g[r][c] = k
		nr, nc := r+dirs[d][0], c+dirs[d][1]
		if nr < 0 || nr >= n || nc < 0 || nc >= n || g[nr][nc] != 0 {
			d = (d + 1) % 4
			nr, nc = r+dirs[d][0], c+dirs[d][1]
		}
		r, c = nr, nc
	}
	return g
}

func main() {
	rows := pascal(10)
	last := fmt.Sprint(rows[len(rows)-1])
	for _, row := range rows {
		s := strings.Trim(fmt.Sprint(row), "[]")
		pad := (len(last) - 2 - len(s)) / 2
		fmt.Printf("%s%s\n", strings.Repeat(" ", pad), s)
	}
	sum := 0
	for _, v := range rows[9] {
		sum += v
	}
	fmt.Println("row 9 sums to", sum)
	for _, n := range []int{1, 4, 5} {
		g := spiral(n)
		w := len(fmt.Sprint(n * n))
		for _, row := range g {
			for j, v := range row {
				if j > 0 {
					fmt.Print(" ")
				}
				fmt.Printf("%*d", w, v)
			}
			fmt.Println()
		}
		fmt.Println()
	}
}
