// Slicing a string with inverted bounds, unrecovered: Go's runtime error
// names both bounds; a recovered one earlier shows the same message.
package main

import (
	"fmt"
	"strings"
)

func field(s string, start, end int) string { return s[start:end] }

func main() {
	line := "name=gopher;age=13"
	eq := strings.IndexByte(line, '=')
	semi := strings.IndexByte(line, ';')
	fmt.Println(field(line, 0, eq), field(line, eq+1, semi))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(field(line, 0, 99))
	}()
	fmt.Println(field(line, semi, eq))
}
