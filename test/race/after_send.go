// RUN: %mgoc run -race %s > %t.out 2> %t.err; echo "exit code: $?" >> %t.out
// RUN: FileCheck --match-full-lines --check-prefix=OUT %s < %t.out
// RUN: FileCheck --match-full-lines %s < %t.err
// A struct field written after its pointer was sent, racing with the
// receiver's write: the send orders only what came before it. Reported as
// go 1.19's `go run -race` reports it.
package main

import (
	"fmt"
	"time"
)

type T struct{ n int }

func main() {
	ch := make(chan *T, 1)
	done := make(chan bool)
	go func() {
		p := <-ch
		p.n = 2
		done <- true
	}()
	t := &T{}
	ch <- t
	time.Sleep(100 * time.Millisecond)
	t.n = 1
	<-done
	fmt.Println("done")
}

// CHECK:==================
// CHECK-NEXT:WARNING: DATA RACE
// CHECK-NEXT:Write at 0x{{[0-9a-f]+}} by main goroutine:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/after_send.go:27 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Previous write at 0x{{[0-9a-f]+}} by goroutine [[G:[0-9]+]]:
// CHECK-NEXT:  main.main.func1()
// CHECK-NEXT:      {{.*}}/after_send.go:21 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Goroutine [[G]] (running) created at:
// CHECK-NEXT:  main.main()
// CHECK-NEXT:      {{.*}}/after_send.go:19 +0x{{[0-9a-f]+}}
// CHECK-NEXT:==================
// CHECK-NEXT:Found 1 data race(s)
// OUT:done
// OUT-NEXT:exit code: 66
