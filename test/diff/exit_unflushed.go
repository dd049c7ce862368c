// os.Exit does not flush a bufio.Writer: only what was flushed before the
// exit appears, and the status is 4.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i := 1; i <= 3; i++ {
		fmt.Println("direct", i)
		w.WriteString(fmt.Sprintf("buffered %d\n", i))
		if i == 2 {
			w.Flush()
		}
	}
	os.Exit(4)
}
