// Struct and array map keys: flood fill over a grid, visited sets,
// and counting with composite keys.
package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

var dirs = [4]Point{{0, 1}, {1, 0}, {0, -1}, {-1, 0}}

var grid = []string{
	"#########",
	"#..#....#",
	"#..#.##.#",
	"#....#..#",
	"######..#",
	"#....#..#",
	"#########",
}

func open(p Point) bool {
	return p.Y >= 0 && p.Y < len(grid) && p.X >= 0 && p.X < len(grid[p.Y]) && grid[p.Y][p.X] == '.'
}

func bfs(start Point) map[Point]int {
	dist := map[Point]int{start: 0}
	queue := []Point{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, d := range dirs {
			q := p.Add(d)
			if _, seen := dist[q]; !seen && open(q) {
				dist[q] = dist[p] + 1
				queue = append(queue, q)
			}
		}
	}
	return dist
}

func main() {
	dist := bfs(Point{1, 1})
	fmt.Println("reachable:", len(dist))
	far, fd := Point{}, -1
	for p, d := range dist {
		if d > fd || d == fd && (p.Y < far.Y || p.Y == far.Y && p.X < far.X) {
			far, fd = p, d
		}
	}
	fmt.Println("farthest:", far, fd)
	for y, row := range grid {
		line := []byte(row)
		for x := range line {
			if d, ok := dist[Point{x, y}]; ok {
				line[x] = byte('0' + d%10)
			}
		}
		fmt.Println(string(line))
	}
	_, ok := dist[Point{1, 5}]
	fmt.Println("island reachable:", ok)

	pairs := map[[2]string]int{}
	words := []string{"a", "b", "a", "b", "c", "a", "b"}
	for i := 0; i+1 < len(words); i++ {
		pairs[[2]string{words[i], words[i+1]}]++
	}
	fmt.Println(pairs)
	type edge struct {
		from, to Point
	}
	edges := map[edge]bool{}
	edges[edge{Point{0, 0}, Point{0, 1}}] = true
	edges[edge{Point{0, 0}, Point{0, 1}}] = false
	edges[edge{Point{0, 1}, Point{0, 0}}] = true
	fmt.Println(len(edges), edges[edge{Point{0, 0}, Point{0, 1}}])
	keys := make([]Point, 0, len(dist))
	for p := range dist {
		if dist[p] == 3 {
			keys = append(keys, p)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].X < keys[j].X || keys[i].X == keys[j].X && keys[i].Y < keys[j].Y })
	fmt.Println(keys)
	fmt.Println(map[Point]string{{1, 2}: "a", {0, 5}: "b", {1, -1}: "c"})
}
