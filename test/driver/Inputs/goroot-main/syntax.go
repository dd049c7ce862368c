package main

import "syntax"

func main() { println(syntax.F()) }
