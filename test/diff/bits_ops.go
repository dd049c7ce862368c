// Bit manipulation: popcount, parity, reversing bits, power-of-two tests,
// unsigned wrap-around, signed shifts, and masks printed in binary.
package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func reverse8(b uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | b&1
		b >>= 1
	}
	return r
}

func isPow2(x uint) bool { return x != 0 && x&(x-1) == 0 }

type Flags uint16

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
)

func (f Flags) Has(g Flags) bool { return f&g == g }
func (f *Flags) Set(g Flags)     { *f |= g }
func (f *Flags) Clear(g Flags)   { *f &^= g }

func main() {
	for _, x := range []uint64{0, 1, 255, 1 << 63, 0xDEADBEEF, ^uint64(0)} {
		fmt.Printf("%#x popcount=%d parity=%d\n", x, popcount(x), popcount(x)&1)
	}
	for _, b := range []uint8{1, 6, 0xF0, 0xA5} {
		fmt.Printf("%08b -> %08b\n", b, reverse8(b))
	}
	for _, x := range []uint{0, 1, 2, 3, 64, 96, 1024} {
		fmt.Print(x, ":", isPow2(x), " ")
	}
	fmt.Println()
	var m16 int16 = -32768
	var u8 uint8 = 250
	u8 += 10
	var i8 int8 = 127
	i8++
	var u32 uint32 = 0
	u32--
	fmt.Println(u8, i8, u32, -7>>1, -7/2, uint8(300%256), m16-1)
	x := -1
	var n8 int8 = -2
	var one32 int32 = 1
	fmt.Println(x<<3, uint8(x), uint16(n8), int64(^0), ^5, 5&^3, 6|9, 6^3)
	var f Flags
	f.Set(FlagA | FlagC)
	fmt.Printf("%04b %v %v\n", f, f.Has(FlagA), f.Has(FlagA|FlagB))
	f.Clear(FlagA)
	f.Set(FlagD)
	fmt.Printf("%04b %d %v\n", f, f, f.Has(FlagC|FlagD))
	var s uint = 70
	fmt.Println(1<<(s%64), uint64(1)<<s, one32<<31, 1<<10>>5)
}
