package main

import (
	"fmt"

	"github.com/some/dependency"
)

func main() { fmt.Println(dependency.X) }
