// A word-search solver over a rune grid: eight directions as a table,
// results keyed by word in a map of structs, printed sorted.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Hit struct {
	Row, Col int
	Dir      string
}

var dirs = []struct {
	name   string
	dr, dc int
}{{"E", 0, 1}, {"W", 0, -1}, {"S", 1, 0}, {"N", -1, 0}, {"SE", 1, 1}, {"NW", -1, -1}, {"SW", 1, -1}, {"NE", -1, 1}}

func find(grid [][]rune, word string) (Hit, bool) {
	w := []rune(word)
	for r := range grid {
		for c := range grid[r] {
			for _, d := range dirs {
				k := 0
				for ; k < len(w); k++ {
					rr, cc := r+k*d.dr, c+k*d.dc
					if rr < 0 || rr >= len(grid) || cc < 0 || cc >= len(grid[rr]) || grid[rr][cc] != w[k] {
						break
					}
				}
				if k == len(w) {
					return Hit{r, c, d.name}, true
				}
			}
		}
	}
	return Hit{}, false
}

func main() {
	rows := []string{
		"GOPHERX",
		"ALNQCMY",
		"RUNEOAZ",
		"BAPTDPQ",
		"AWSLEFR",
		"GÖTEMUN",
		"ECLOSUR",
	}
	grid := make([][]rune, len(rows))
	for i, r := range rows {
		grid[i] = []rune(r)
	}
	words := strings.Fields("GOPHER RUNE MAP CODE GARBAGE CLOSURE NUR PANIC TEMP GÖ LUA")
	found := map[string]Hit{}
	var missing []string
	for _, w := range words {
		if h, ok := find(grid, w); ok {
			found[w] = h
		} else {
			missing = append(missing, w)
		}
	}
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-8s %+v\n", k, found[k])
	}
	fmt.Println("missing:", missing)
	fmt.Println(found)
}
