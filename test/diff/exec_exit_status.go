// os/exec (Go's sources): a child's exit status as *exec.ExitError
// ("exit status 3", ExitCode), a command that does not exist (LookPath's
// error and Start's), and a child killed when its context's deadline
// passes ("signal: killed").
package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"
)

func main() {
	err := exec.Command("sh", "-c", "exit 3").Run()
	var ee *exec.ExitError
	fmt.Println(err, errors.As(err, &ee), ee.ExitCode(), ee.Exited())

	out, err := exec.Command("sh", "-c", "echo partial; exit 1").Output()
	fmt.Printf("%q %v\n", out, err)

	_, err = exec.LookPath("mgo-no-such-command")
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	err = exec.Command("mgo-no-such-command").Run()
	fmt.Println(err)
	err = exec.Command("/nonexistent/prog").Run()
	fmt.Println(err)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = exec.CommandContext(ctx, "sleep", "10").Run()
	fmt.Println(err, ctx.Err(), time.Since(start) < 5*time.Second)
}
