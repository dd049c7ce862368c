// Package bits: Go's bit counting and manipulation functions for the
// unsigned integer types, in plain mini-Go (gc turns many into single
// instructions; here they are ordinary calls). The two run-time errors of
// Div and Rem come from the C++ runtime (runtime/panic.cpp).
package bits

// UintSize is the size of a uint in bits.
const UintSize = 64

// --- lengths and zero counts

// Len64 returns the number of bits needed to represent x (0 for 0).
func Len64(x uint64) (n int) {
	for _, step := range [...]uint{32, 16, 8, 4, 2, 1} {
		if x>>step != 0 {
			x >>= step
			n += int(step)
		}
	}
	return n + int(x)
}

func Len(x uint) int     { return Len64(uint64(x)) }
func Len8(x uint8) int   { return Len64(uint64(x)) }
func Len16(x uint16) int { return Len64(uint64(x)) }
func Len32(x uint32) int { return Len64(uint64(x)) }

func LeadingZeros(x uint) int     { return UintSize - Len(x) }
func LeadingZeros8(x uint8) int   { return 8 - Len8(x) }
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// trailing counts the zero bits below x's lowest set bit, or returns
// width for 0.
func trailing(x uint64, width int) int {
	if x == 0 {
		return width
	}
	return Len64(x&-x) - 1
}

func TrailingZeros(x uint) int     { return trailing(uint64(x), UintSize) }
func TrailingZeros8(x uint8) int   { return trailing(uint64(x), 8) }
func TrailingZeros16(x uint16) int { return trailing(uint64(x), 16) }
func TrailingZeros32(x uint32) int { return trailing(uint64(x), 32) }
func TrailingZeros64(x uint64) int { return trailing(x, 64) }

// OnesCount64 returns the number of one bits ("population count") in x:
// sums of 2, 4 and 8 bits side by side, then one multiplication adds the
// eight byte sums into the top byte.
func OnesCount64(x uint64) int {
	x -= x >> 1 & 0x5555555555555555
	x = x&0x3333333333333333 + x>>2&0x3333333333333333
	x = (x + x>>4) & 0x0f0f0f0f0f0f0f0f
	return int(x * 0x0101010101010101 >> 56)
}

func OnesCount(x uint) int     { return OnesCount64(uint64(x)) }
func OnesCount8(x uint8) int   { return OnesCount64(uint64(x)) }
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// --- rotation (k < 0 rotates right)

func RotateLeft(x uint, k int) uint {
	return uint(RotateLeft64(uint64(x), k))
}

func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// --- reversal

// ReverseBytes64 swaps neighbouring bytes, then pairs of them, then halves.
func ReverseBytes64(x uint64) uint64 {
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return x>>32 | x<<32
}

func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }
func ReverseBytes16(x uint16) uint16 {
	return x>>8 | x<<8
}
func ReverseBytes32(x uint32) uint32 {
	return uint32(ReverseBytes64(uint64(x)) >> 32)
}

// Reverse64 reverses the bits within each byte, then the bytes.
func Reverse64(x uint64) uint64 {
	x = x>>1&0x5555555555555555 | x&0x5555555555555555<<1
	x = x>>2&0x3333333333333333 | x&0x3333333333333333<<2
	x = x>>4&0x0f0f0f0f0f0f0f0f | x&0x0f0f0f0f0f0f0f0f<<4
	return ReverseBytes64(x)
}

func Reverse(x uint) uint       { return uint(Reverse64(uint64(x))) }
func Reverse8(x uint8) uint8    { return uint8(Reverse64(uint64(x)) >> 56) }
func Reverse16(x uint16) uint16 { return uint16(Reverse64(uint64(x)) >> 48) }
func Reverse32(x uint32) uint32 { return uint32(Reverse64(uint64(x)) >> 32) }

// --- arithmetic with carries

// Add64 returns x + y + carry and the carry out (carry must be 0 or 1).
// The carry out is the top bit of the majority of x, y and not sum.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	carryOut = (x&y | (x|y)&^sum) >> 63
	return
}

func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Sub64 returns x - y - borrow and the borrow out (borrow must be 0 or 1).
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = (^x&y | ^(x^y)&diff) >> 63
	return
}

func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(d), uint32(d>>32) & 1
}

func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Mul64 returns the 128-bit product of x and y as its high and low halves,
// from the four products of 32-bit halves.
func Mul64(x, y uint64) (hi, lo uint64) {
	const low32 = 1<<32 - 1
	xl, xh := x&low32, x>>32
	yl, yh := y&low32, y>>32
	ll := xl * yl
	mid := xh*yl + ll>>32
	mid2 := xl*yh + mid&low32
	hi = xh*yh + mid>>32 + mid2>>32
	return hi, x * y
}

func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// --- division of a double-width dividend

// Div64 returns the quotient and remainder of hi:lo divided by y. It
// panics for y == 0 (division by zero) and y <= hi (the quotient would not
// fit in 64 bits).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		divideByZero()
	}
	if y <= hi {
		overflow()
	}
	// Long division, one bit of lo at a time: rem stays below y, so the
	// shifted remainder is below 2y and one subtraction brings it back.
	rem = hi
	for i := 63; i >= 0; i-- {
		top := rem >> 63
		rem = rem<<1 | lo>>uint(i)&1
		quo <<= 1
		if top != 0 || rem >= y {
			rem -= y
			quo |= 1
		}
	}
	return quo, rem
}

func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y == 0 {
		divideByZero()
	}
	if y <= hi {
		overflow()
	}
	n := uint64(hi)<<32 | uint64(lo)
	return uint32(n / uint64(y)), uint32(n % uint64(y))
}

func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Rem64 returns the remainder of hi:lo divided by y; unlike Div64 it does
// not panic when the quotient would overflow. It panics for y == 0.
func Rem64(hi, lo, y uint64) uint64 {
	if y == 0 {
		divideByZero()
	}
	_, rem := Div64(hi%y, lo, y)
	return rem
}

func Rem32(hi, lo, y uint32) uint32 {
	if y == 0 {
		divideByZero()
	}
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

func Rem(hi, lo, y uint) uint {
	return uint(Rem64(uint64(hi), uint64(lo), uint64(y)))
}

// Go's divideError and overflowError (runtime errors).
func divideByZero()
func overflow()
