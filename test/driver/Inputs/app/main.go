// Package main's first file: its variables depend on the second file's.
package main

import (
	"fmt"

	"example.com/app/store"
	"example.com/app/textutil"
)

var total = count * 2

func init() {
	fmt.Println("main init (main.go)", total, count)
}

func main() {
	s := store.New("fruit")
	s.Add("apple")
	s.Add("pear")
	fmt.Println(s.Name(), s.Len(), store.Created)
	fmt.Println(text.Shout(s.Name()))
	fmt.Println(greeting)
}
