package main

import (
	"fmt"
	"strings"
)

var x = 1

func main() { fmt.Println(strings.ToUpper("a"), x) }
