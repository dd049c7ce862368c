package main

import "fmt"

var count = trace("count", len(greeting))

var greeting = "hello from vars.go"

func trace(name string, v int) int {
	fmt.Println("init var", name)
	return v
}

func init() {
	fmt.Println("main init (vars.go)")
}
