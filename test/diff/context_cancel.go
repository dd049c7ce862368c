// context (Go's sources): cancelling a parent stops the goroutines waiting
// on its children's Done, WithValue lookups through the chain, a timeout's
// DeadlineExceeded, and the contexts' String as Go prints them.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type key string

func worker(ctx context.Context, id int, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	<-ctx.Done()
	out <- fmt.Sprintf("worker %d: %v", id, ctx.Err())
}

func main() {
	parent, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	out := make(chan string, 3)
	for i := 0; i < 3; i++ {
		child, stop := context.WithCancel(parent)
		defer stop()
		wg.Add(1)
		go worker(child, i, &wg, out)
	}
	cancel()
	wg.Wait()
	close(out)
	n := 0
	for s := range out {
		n++
		_ = s
	}
	fmt.Println(n, parent.Err())

	ctx := context.WithValue(context.Background(), key("user"), "gopher")
	ctx2 := context.WithValue(ctx, key("id"), 7)
	fmt.Println(ctx2.Value(key("user")), ctx2.Value(key("id")), ctx2.Value(key("none")))
	fmt.Println(ctx2)

	tctx, tcancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println(tctx.Err(), tctx.Err() == context.DeadlineExceeded)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout did not fire")
	}
	_, ok := tctx.Deadline()
	fmt.Println(ok)

	cctx, ccancel := context.WithCancel(context.TODO())
	fmt.Println(cctx)
	ccancel()
	ccancel()
	fmt.Println(cctx.Err())
}
