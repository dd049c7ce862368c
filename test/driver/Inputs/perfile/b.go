package main

import "strings"

var x = 2

func f() string { return fmt.Sprint(1) }
