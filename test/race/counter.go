// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t > %t.out 2> %t.err; FileCheck --match-full-lines --check-prefix=OUT %s < %t.out
// RUN: FileCheck --match-full-lines %s < %t.err
// A global written by a goroutine and read by main without synchronisation:
// reported as gc's race detector does (go 1.19's `go run -race` output, with
// the addresses, offsets and goroutine number as patterns), exit status 66.
package main

import (
	"fmt"
	"time"
)

var counter int

func inc() {
	counter++
}

func main() {
	done := make(chan bool)
	go func() {
		inc()
		done <- true
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println(counter)
	<-done
}

// CHECK:==================
// CHECK-NEXT:WARNING: DATA RACE
// CHECK-NEXT:Read at 0x{{[0-9a-f]+}} by main goroutine:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/counter.go:27 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Previous write at 0x{{[0-9a-f]+}} by goroutine [[G:[0-9]+]]:
// CHECK-NEXT:  main.inc()
// CHECK-NEXT:      {{.*}}/counter.go:17 +0x{{[0-9a-f]+}}
// CHECK-NEXT:  main.main.func1()
// CHECK-NEXT:      {{.*}}/counter.go:23 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Goroutine [[G]] (running) created at:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/counter.go:22 +0x{{[0-9a-f]+}}
// CHECK-NEXT:==================
// CHECK-NEXT:Found 1 data race(s)
// OUT:1
// OUT-NEXT:exit code: 66
