// os/signal (Go's sources): SIGUSR1, SIGINT and SIGTERM sent to the process
// arrive on the channel Notify gave; Ignore and Ignored; NotifyContext's
// context is cancelled by its signal; after Reset, SIGTERM kills the process
// (exit 143, killed by SIGTERM, with what was printed before it).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	pid := syscall.Getpid()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGINT, syscall.SIGTERM)
	for _, s := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGINT, syscall.SIGTERM} {
		syscall.Kill(pid, s)
		fmt.Println("got", <-c)
	}
	signal.Stop(c)

	signal.Ignore(syscall.SIGUSR2)
	syscall.Kill(pid, syscall.SIGUSR2)
	fmt.Println(signal.Ignored(syscall.SIGUSR2), signal.Ignored(syscall.SIGUSR1))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP)
	syscall.Kill(pid, syscall.SIGHUP)
	<-ctx.Done()
	fmt.Println(ctx.Err())
	stop()

	signal.Reset()
	fmt.Println("before SIGTERM")
	syscall.Kill(pid, syscall.SIGTERM)
	select {}
}
