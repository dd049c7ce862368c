// A line-counting tool over stdin (empty when run as a test): bufio.Scanner
// with lines and words, and exit status 1 when there is no input.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines, words, longest := 0, 0, ""
	for sc.Scan() {
		line := sc.Text()
		lines++
		words += len(strings.Fields(line))
		if len(line) > len(longest) {
			longest = line
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Println("read error:", err)
		os.Exit(2)
	}
	fmt.Printf("lines=%d words=%d longest=%q\n", lines, words, longest)
	if lines == 0 {
		fmt.Println("no input")
		os.Exit(1)
	}
}
