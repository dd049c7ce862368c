// Interfaces embedding interfaces (Reader, Writer, ReadWriter) over a byte
// buffer type built by composition with named fields, not embedding.
package main

import (
	"errors"
	"fmt"
	"strings"
)

var EOF = errors.New("EOF")

type Reader interface{ Read(p []byte) (int, error) }
type Writer interface{ Write(p []byte) (int, error) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct {
	data []byte
	off  int
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.data = append(b.data, p...)
	return len(p), nil
}

func (b *Buffer) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

type upper struct{ w Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type counting struct {
	inner   ReadWriter
	written int
	read    int
}

func (c *counting) Write(p []byte) (int, error) {
	n, err := c.inner.Write(p)
	c.written += n
	return n, err
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.inner.Read(p)
	c.read += n
	return n, err
}

func copyAll(dst Writer, src Reader, chunk int) (total int, err error) {
	buf := make([]byte, chunk)
	for {
		n, rerr := src.Read(buf)
		if n > 0 {
			if _, err := dst.Write(buf[:n]); err != nil {
				return total, err
			}
			total += n
		}
		if rerr == EOF {
			return total, nil
		}
		if rerr != nil {
			return total, rerr
		}
	}
}

func main() {
	src := &Buffer{}
	c := &counting{inner: src}
	var rw ReadWriter = c
	var w Writer = rw
	w.Write([]byte("hello, "))
	w.Write([]byte("composed world"))
	dst := &Buffer{}
	n, err := copyAll(upper{dst}, rw, 4)
	fmt.Println(n, err, string(dst.data), c.written, c.read)
	_, isRW := w.(ReadWriter)
	_, isR := interface{}(upper{dst}).(Reader)
	fmt.Println(isRW, isR)
	var r Reader = dst
	p := make([]byte, 5)
	for {
		k, err := r.Read(p)
		if err != nil {
			fmt.Println("|", err)
			break
		}
		fmt.Printf("%q ", p[:k])
	}
	fmt.Printf("%T %T\n", rw, upper{})
}
