package main

import "internal/bytealg"

func main() { println(bytealg.MaxLen) }
