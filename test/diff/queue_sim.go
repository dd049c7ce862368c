// A bank-queue simulation with a seeded generator: arrivals and service
// times as time.Durations, a FIFO of customers, and summary statistics.
package main

import (
	"fmt"
	"math/rand"
	"sort"
	"time"
)

type Customer struct {
	ID      int
	Arrive  time.Duration
	Service time.Duration
}

type Teller struct {
	Name   string
	FreeAt time.Duration
	Served []int
}

func main() {
	rng := rand.New(rand.NewSource(99))
	var queue []Customer
	t := time.Duration(0)
	for i := 1; i <= 12; i++ {
		t += time.Duration(rng.Intn(90)+10) * time.Second
		queue = append(queue, Customer{i, t, time.Duration(rng.Intn(240)+60) * time.Second})
	}
	tellers := []*Teller{{Name: "A"}, {Name: "B"}}
	var waits []time.Duration
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		best := tellers[0]
		for _, tl := range tellers[1:] {
			if tl.FreeAt < best.FreeAt {
				best = tl
			}
		}
		start := c.Arrive
		if best.FreeAt > start {
			start = best.FreeAt
		}
		wait := start - c.Arrive
		waits = append(waits, wait)
		best.FreeAt = start + c.Service
		best.Served = append(best.Served, c.ID)
		fmt.Printf("#%-2d arrives %-8v waits %-6v served by %s until %v\n", c.ID, c.Arrive, wait, best.Name, best.FreeAt)
	}
	sort.Slice(waits, func(i, j int) bool { return waits[i] < waits[j] })
	var total time.Duration
	for _, w := range waits {
		total += w
	}
	fmt.Println("median wait", waits[len(waits)/2], "max", waits[len(waits)-1], "mean", (total / time.Duration(len(waits))).Round(time.Second))
	for _, tl := range tellers {
		fmt.Printf("%s served %v, done at %v (%.1f min)\n", tl.Name, tl.Served, tl.FreeAt, tl.FreeAt.Minutes())
	}
}
