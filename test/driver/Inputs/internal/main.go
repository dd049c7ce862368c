package main

import (
	"fmt"

	"example.com/internal/lib/internal/secret"
	"example.com/internal/lib/sub"
)

func main() { fmt.Println(secret.S, sub.T) }
