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
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			rw.Lock()
			total += i
			rw.Unlock()
		}(i)
		go func() {
			defer wg.Done()
			rw.RLock()
			if total < 0 {
				panic("negative total")
			}
			rw.RUnlock()
		}()
	}
	wg.Wait()
	rw.RLock()
	fmt.Println(total)
	rw.RUnlock()
}

// CHECK:6
// CHECK-NEXT:exit code: 0
