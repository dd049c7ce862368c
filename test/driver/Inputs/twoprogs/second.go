package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q %d\n", strings.Fields(" a b  c "), strings.Count("cheese", "e"))
}
