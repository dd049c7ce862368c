// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// Ranging over a channel its sender closes is no race: close zeroes the
// parked receiver's variable as a send's copy would, ordered with the
// receiver's earlier reads of it.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
		fmt.Println(v)
	}
	fmt.Println(sum)
}

// CHECK:1
// CHECK-NEXT:2
// CHECK-NEXT:3
// CHECK-NEXT:6
// CHECK-NEXT:exit code: 0
