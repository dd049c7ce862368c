// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// A value written before close and read by goroutines whose receive returned because of it is no race: close happens before such a receive.
package main

import "fmt"

func main() {
	config := ""
	ready := make(chan struct{})
	out := make(chan string)
	for i := 0; i < 3; i++ {
		go func() {
			<-ready
			out <- config
		}()
	}
	config = "loaded"
	close(ready)
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
}

// CHECK:loaded
// CHECK-NEXT:loaded
// CHECK-NEXT:loaded
// CHECK-NEXT:exit code: 0
