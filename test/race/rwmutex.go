// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// Readers under RLock after a writer's Lock/Unlock, and a writer after the readers' RUnlock, are no race: RWMutex orders a writer's Unlock before later RLocks and every RUnlock before the next Lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	table := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			rw.Lock()
			table[fmt.Sprint("k", i)] = i
			rw.Unlock()
		}(i)
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = len(table)
			rw.RUnlock()
		}()
	}
	wg.Wait()
	rw.RLock()
	fmt.Println(len(table))
	rw.RUnlock()
}

// CHECK:4
// CHECK-NEXT:exit code: 0
