// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// A buffered channel of capacity 1 used as a lock (send to enter, receive to leave) is no race: the k-th receive happens before the (k+1)-th send completes.
package main

import "fmt"

func main() {
	sem := make(chan struct{}, 1)
	n := 0
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				sem <- struct{}{}
				n++
				<-sem
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	fmt.Println(n)
}

// CHECK:400
// CHECK-NEXT:exit code: 0
