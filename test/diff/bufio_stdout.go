// bufio.Writer over os.Stdout: output appears when Flush is called or when
// the buffer fills (in chunks of its size), interleaved accordingly with
// unbuffered fmt.Println; what is still buffered at exit is lost, as in Go.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	fmt.Println("size", w.Size(), "available", w.Available())
	fmt.Fprintf(w, "fprintf %d %s\n", 1, "one")
	n, err := w.WriteString("writestring\n")
	fmt.Println("direct: buffered", w.Buffered(), "n", n, err)
	w.WriteByte('b')
	w.WriteByte('\n')
	n, err = w.WriteRune('€')
	fmt.Println("direct: rune n", n, err, "buffered", w.Buffered())
	w.WriteRune('\n')
	w.Flush()
	fmt.Println("direct: after flush", w.Buffered(), w.Available())

	// More than the 4096-byte buffer: the first full buffer goes out at once.
	line := strings.Repeat("x", 99) + "\n"
	for i := 0; i < 50; i++ {
		fmt.Fprint(w, line)
	}
	fmt.Println("direct: 5000 bytes written, buffered", w.Buffered())
	big := strings.Repeat("y", 9000) + "\n"
	n, err = w.Write([]byte(big))
	fmt.Println("direct: big write n", n, err, "buffered", w.Buffered())
	w.Flush()

	small := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprintf(small, "%s|", "0123456789abcdef")
	fmt.Println("direct: small buffered", small.Buffered())
	small.Flush()
	fmt.Println()

	fmt.Fprintln(w, "never flushed: lost")
	w.WriteString("also lost\n")
}
