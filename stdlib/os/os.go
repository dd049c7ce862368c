// Package os: the command line, the environment, exiting, and the standard
// files (written through the runtime, in order with fmt's output).
package os

import "io"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = make([]string, argc())
	for i := range Args {
		Args[i] = argv(i)
	}
}

func argc() int
func argv(i int) string

// Exit causes the current program to exit with the given status code at
// once; deferred functions are not run.
func Exit(code int) { exit(code) }

func exit(code int)

// Getenv retrieves the value of the environment variable named by the key;
// empty when it is not present.
func Getenv(key string) string { return getenv(key) }

func getenv(key string) string

// File is an open file descriptor: mini-Go has the standard ones.
type File struct {
	fd   int
	name string
}

var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

func write(fd int, p *byte, n int) int
func read(fd int, p *byte, n int) int

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Write writes len(b) bytes from b to the File.
func (f *File) Write(b []byte) (n int, err error) {
	if len(b) == 0 {
		return 0, nil
	}
	n = write(f.fd, &b[0], len(b))
	if n < 0 {
		n = 0
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads up to len(b) bytes from the File; at end of file it returns
// 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if len(b) == 0 {
		return 0, nil
	}
	n = read(f.fd, &b[0], len(b))
	if n < 0 {
		return 0, &PathError{"read", f.name, Errno(-n)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Errno is a system call's error number (syscall.Errno in Go).
type Errno uintptr

func (e Errno) Error() string {
	switch e {
	case 5:
		return "input/output error"
	case 9:
		return "bad file descriptor"
	case 11:
		return "resource temporarily unavailable"
	case 21:
		return "is a directory"
	}
	return "errno " + itoa(int(e))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
