// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// Values handed over through select cases (a send case and a receive case, unbuffered) are no race: a select's case orders memory as the channel operation it performs.
package main

import "fmt"

type job struct{ in, out int }

func main() {
	jobs := make(chan *job)
	results := make(chan *job)
	go func() {
		for j := range jobs {
			j.out = j.in * 2
			results <- j
		}
		close(results)
	}()
	pending := []*job{{in: 1}, {in: 2}, {in: 3}}
	sum := 0
	for done := 0; done < 3; {
		var send chan *job
		var next *job
		if len(pending) > 0 {
			send, next = jobs, pending[0]
		}
		select {
		case send <- next:
			pending = pending[1:]
		case j := <-results:
			sum += j.out
			done++
		}
	}
	close(jobs)
	fmt.Println(sum)
}

// CHECK:12
// CHECK-NEXT:exit code: 0
