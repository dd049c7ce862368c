// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// Goroutines incrementing a counter under a sync.Mutex are no race: each Unlock happens before the next Lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	n := 0
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	mu.Lock()
	fmt.Println(n)
	mu.Unlock()
}

// CHECK:400
// CHECK-NEXT:exit code: 0
