// Package asm has a function gc would find in assembly.
package asm

func Add(a, b int) int
