// alloc50g: the collector's throughput and footprint over a long life.
// Goroutines allocate GB gigabytes in all (default 50): short-lived objects
// of mixed sizes (pointer-bearing nodes, pointer-free byte and int slices,
// a few large buffers), each kept briefly in a small ring so it reaches the
// heap, and one in 500 kept for longer in a ring of survivors (~15 MB live per worker).
// Prints a checksum of what it saw; bench/compare.py runs it beside Go
// (`bench/compare.py --procs 2 bench/alloc50g.go`) for time and peak RSS.
//
// usage: alloc50g [GB [workers]]   (default 50 2)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

type node struct {
	next *node
	id   int
	pad  [3]int
}

const (
	young     = 64
	survivors = 32768
)

type worker struct {
	young     [young]interface{}
	survivors [survivors]interface{}
	bytes     int
	sum       int
}

func (w *worker) keep(i int, v interface{}) {
	w.young[i%young] = v
	if i%500 == 0 {
		w.survivors[(i/500)%survivors] = v
	}
}

func (w *worker) run(seed int, budget int) {
	for i := seed; w.bytes < budget; i++ {
		switch i % 8 {
		case 0, 1, 2:
			n := &node{id: i}
			n.next = &node{id: i + 1}
			w.bytes += 80
			w.keep(i, n)
		case 3, 4:
			b := make([]byte, 16+i%1024)
			b[0] = byte(i)
			w.bytes += len(b)
			w.keep(i, b)
		case 5:
			s := make([]int, 8+i%512)
			s[len(s)-1] = i
			w.bytes += 8 * len(s)
			w.keep(i, s)
		case 6:
			p := make([]*node, 4+i%64)
			p[0] = &node{id: i}
			w.bytes += 8*len(p) + 48
			w.keep(i, p)
		case 7:
			if i%64 == 7 {
				big := make([]byte, 32768+(i%16)*8192)
				big[len(big)-1] = 1
				w.bytes += len(big)
				w.keep(i, big)
			} else {
				w.keep(i, strconv.Itoa(i))
				w.bytes += 8
			}
		}
	}
	for _, v := range w.survivors {
		switch x := v.(type) {
		case *node:
			w.sum += x.next.id - x.id
		case []byte:
			w.sum += len(x)
		case []int:
			w.sum += len(x)
		case []*node:
			w.sum += len(x)
		}
	}
}

func main() {
	gb, workers := 50, 2
	if len(os.Args) > 1 {
		gb, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		workers, _ = strconv.Atoi(os.Args[2])
	}
	ws := make([]*worker, workers)
	var wg sync.WaitGroup
	wg.Add(workers)
	for i := range ws {
		ws[i] = &worker{}
		go func(w *worker, seed int) {
			w.run(seed, gb<<30/workers)
			wg.Done()
		}(ws[i], i*8)
	}
	wg.Wait()
	total, sum := 0, 0
	for _, w := range ws {
		total += w.bytes
		sum += w.sum
	}
	fmt.Println("alloc50g GB", gb, "workers", workers, "allocated >=", total>>30, "GB, survivors", sum)
}
