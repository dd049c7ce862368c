// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// Results written by goroutines and read after WaitGroup.Wait are no race: each Done happens before Wait returns.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	total := 0
	results := make([]int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		total += r
	}
	fmt.Println(total)
}

// CHECK:140
// CHECK-NEXT:exit code: 0
