// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// A value written before an unbuffered send and read after the matching receive is no race (the send happens before the receive completes), nor is one written after the receive and read by the sender after its send completes.
package main

import "fmt"

func main() {
	x := 0
	ch := make(chan int)
	go func() {
		x = 1
		ch <- 0
		<-ch
		fmt.Println("goroutine sees", x)
		ch <- 0
	}()
	<-ch
	x++
	ch <- 0
	<-ch
	fmt.Println("main sees", x)
}

// CHECK:goroutine sees 2
// CHECK-NEXT:main sees 2
// CHECK-NEXT:exit code: 0
