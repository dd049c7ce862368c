// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t > %t.out 2> %t.err; FileCheck --match-full-lines --check-prefix=OUT %s < %t.out
// RUN: FileCheck --match-full-lines %s < %t.err
// A counter incremented under a Mutex by one goroutine and read without it
// by main races: a Mutex orders only what is done while holding it.
// Reported as go 1.19's `go run -race` reports it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	c := &Counter{}
	go func() { c.Inc() }()
	time.Sleep(100 * time.Millisecond)
	fmt.Println(c.n)
}

// CHECK:==================
// CHECK-NEXT:WARNING: DATA RACE
// CHECK-NEXT:Read at 0x{{[0-9a-f]+}} by main goroutine:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/half_locked.go:30 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Previous write at 0x{{[0-9a-f]+}} by goroutine [[G:[0-9]+]]:
// CHECK-NEXT:  main.(*Counter).Inc()
// CHECK-NEXT:      {{.*}}/half_locked.go:22 +0x{{[0-9a-f]+}}
// CHECK-NEXT:  main.main.func1()
// CHECK-NEXT:      {{.*}}/half_locked.go:28 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Goroutine [[G]] (finished) created at:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/half_locked.go:28 +0x{{[0-9a-f]+}}
// CHECK-NEXT:==================
// CHECK-NEXT:Found 1 data race(s)
// OUT:1
// OUT-NEXT:exit code: 66
