package main

import "asm"

func main() { println(asm.Add(1, 2)) }
