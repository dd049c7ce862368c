// A hexdump -C clone over a byte slice: %08x offsets, % x groups,
// printable-ASCII gutter, and a checksum.
package main

import (
	"fmt"
	"strings"
)

func dump(data []byte) string {
	var sb strings.Builder
	for off := 0; off < len(data); off += 16 {
		end := off + 16
		if end > len(data) {
			end = len(data)
		}
		line := data[off:end]
		sb.WriteString(fmt.Sprintf("%08x  ", off))
		for i := 0; i < 16; i++ {
			if i < len(line) {
				sb.WriteString(fmt.Sprintf("%02x ", line[i]))
			} else {
				sb.WriteString("   ")
			}
			if i == 7 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(" |")
		for _, b := range line {
			if b >= 32 && b < 127 {
				sb.WriteByte(b)
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteString("|\n")
	}
	sb.WriteString(fmt.Sprintf("%08x\n", len(data)))
	return sb.String()
}

func adler32(data []byte) uint32 {
	const mod = 65521
	a, b := uint32(1), uint32(0)
	for _, c := range data {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}

func main() {
	data := []byte("Hello, hexdump!\n\x00\x01\x02\xff tabs\tand ünïcödé …")
	fmt.Print(dump(data))
	fmt.Printf("adler32=%08x %d\n", adler32(data), adler32([]byte("Wikipedia")))
	fmt.Printf("% x\n% X\n%x\n", data[:8], []byte{1, 171, 255}, "str")
	fmt.Printf("%#x %#o %#b %x\n", 3054, 8, 5, -255)
	var bits []string
	for _, b := range []byte{0, 1, 127, 128, 255} {
		bits = append(bits, fmt.Sprintf("%08b", b))
	}
	fmt.Println(strings.Join(bits, " "))
}
