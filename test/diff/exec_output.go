// os/exec (Go's sources): Output of /bin/echo, CombinedOutput of sh -c
// writing to both streams, Stdin from a Reader, and a StdoutPipe read to
// its end before Wait; fmt's output before each child's.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("/bin/echo", "hello", "world").Output()
	fmt.Printf("%q %v\n", out, err)

	out, err = exec.Command("sh", "-c", "echo out; echo err >&2").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)

	cmd := exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader("shout\n")
	out, err = cmd.Output()
	fmt.Printf("%q %v\n", out, err)

	cmd = exec.Command("sh", "-c", "printf 'a\\nb\\n'")
	r, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v %v\n", b, err, cmd.Wait())

	fmt.Print("before the child: ")
	cmd = exec.Command("/bin/echo", "child")
	cmd.Stdout = os.Stdout
	fmt.Println(cmd.Run(), cmd.ProcessState.Success())
}
