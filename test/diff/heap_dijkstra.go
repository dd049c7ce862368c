// container/heap as a priority queue: Dijkstra's shortest paths, and an
// IntHeap with Fix and Remove.
package main

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	node  string
	dist  int
	index int
}

type PQ []*Item

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].dist != pq[j].dist {
		return pq[i].dist < pq[j].dist
	}
	return pq[i].node < pq[j].node
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	it := x.(*Item)
	it.index = len(*pq)
	*pq = append(*pq, it)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	*pq = old[:n-1]
	return it
}

type Graph map[string]map[string]int

func (g Graph) edge(a, b string, w int) {
	if g[a] == nil {
		g[a] = map[string]int{}
	}
	if g[b] == nil {
		g[b] = map[string]int{}
	}
	g[a][b] = w
	g[b][a] = w
}

func (g Graph) shortest(src string) (map[string]int, map[string]string) {
	dist := map[string]int{src: 0}
	prev := map[string]string{}
	pq := &PQ{}
	heap.Push(pq, &Item{node: src})
	for pq.Len() > 0 {
		it := heap.Pop(pq).(*Item)
		if it.dist > dist[it.node] {
			continue
		}
		for nb, w := range g[it.node] {
			nd := it.dist + w
			if d, ok := dist[nb]; !ok || nd < d || nd == d && it.node < prev[nb] {
				dist[nb] = nd
				prev[nb] = it.node
				heap.Push(pq, &Item{node: nb, dist: nd})
			}
		}
	}
	return dist, prev
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	g := Graph{}
	g.edge("A", "B", 7)
	g.edge("A", "C", 9)
	g.edge("A", "F", 14)
	g.edge("B", "C", 10)
	g.edge("B", "D", 15)
	g.edge("C", "D", 11)
	g.edge("C", "F", 2)
	g.edge("D", "E", 6)
	g.edge("E", "F", 9)
	dist, prev := g.shortest("A")
	var nodes []string
	for n := range dist {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	for _, n := range nodes {
		path := []string{n}
		for p := n; p != "A"; {
			p = prev[p]
			path = append([]string{p}, path...)
		}
		fmt.Printf("%s %2d %s\n", n, dist[n], strings.Join(path, "->"))
	}
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Push(h, 1)
	(*h)[0] = 10
	heap.Fix(h, 0)
	fmt.Println("removed", heap.Remove(h, 2))
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
}
