package main

import (
	"fmt"
	"os"

	"example.com/app/internal/ids"
)

func main() {
	fmt.Println("tool", ids.Next(), len(os.Args))
}
