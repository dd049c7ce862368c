package main

import "broken"

func main() { println(broken.Answer()) }
