package main

import (
	"fmt"

	"example.com/unexported/store"
)

func main() {
	fmt.Println(store.Exported(), store.helper())
}
