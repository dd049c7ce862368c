// Package greet stands for a package of Go's library in a GOROOT of its own.
package greet

func Hello(name string) string {
	return "hello, " + name + suffix
}
