//go:build !cgo

package greet

const suffix = "!"
