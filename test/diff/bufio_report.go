// bufio.Writer over os.Stdout: a formatted report written through a
// buffer, flushed explicitly, mixed with direct os.Stdout writes.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type Row struct {
	Item  string
	Qty   int
	Price float64
}

func main() {
	rows := []Row{{"widget", 3, 2.5}, {"gadget", 10, 0.99}, {"doohickey", 1, 105}, {"thingamajig", 7, 12.125}}
	w := bufio.NewWriter(os.Stdout)
	fmt.Println("before the buffered part", w.Buffered(), w.Available() > 0)
	w.WriteString("REPORT\n")
	w.WriteString(strings.Repeat("=", 34) + "\n")
	total := 0.0
	for i, r := range rows {
		line := fmt.Sprintf("%2d %-12s %4d x %8.2f\n", i+1, r.Item, r.Qty, r.Price)
		w.WriteString(line)
		total += float64(r.Qty) * r.Price
	}
	w.WriteByte('-')
	w.WriteRune('→')
	w.Write([]byte(fmt.Sprintf(" total %.2f\n", total)))
	fmt.Println("buffered so far:", w.Buffered())
	if err := w.Flush(); err != nil {
		fmt.Println("flush failed:", err)
	}
	fmt.Println("after flush:", w.Buffered())
	small := bufio.NewWriterSize(os.Stdout, 16)
	for i := 0; i < 5; i++ {
		small.WriteString(fmt.Sprintf("chunk-%d;", i))
	}
	small.WriteString("\n")
	small.Flush()
	os.Stdout.WriteString("direct write\n")
	w.WriteString("last line, flushed by a defer-free explicit call\n")
	w.Flush()
}
