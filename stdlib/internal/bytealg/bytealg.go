// Package bytealg is the overlay of Go's internal/bytealg, whose linux/amd64
// functions are assembly: the same API in plain loops, for the packages
// compiled from Go's sources (bytes). The constants are amd64's, so those
// packages choose the same algorithm for each input as gc's do.
package bytealg

// MaxBruteForce is the length of s up to which bytes.Index searches s for a
// short separator by brute force.
const MaxBruteForce = 64

// PrimeRK is the base of the Rabin-Karp rolling hash.
const PrimeRK = 16777619

// MaxLen is the longest separator Index and IndexString take: 63 with AVX2,
// the value gc's init picks on the machines mgoc targets.
var MaxLen int = 63

// Cutover is how many bytes IndexByte may skip while searching n bytes
// before bytes.Index gives up on it for Index.
func Cutover(n int) int {
	return (n + 16) / 8
}

func Compare(a, b []byte) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	if len(a) < len(b) {
		return -1
	}
	if len(a) > len(b) {
		return 1
	}
	return 0
}

func Equal(a, b []byte) bool {
	return string(a) == string(b)
}

func Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index is the first index of b in a, or -1; 2 <= len(b) <= MaxLen.
func Index(a, b []byte) int {
	return IndexString(string(a), string(b))
}

// IndexString is the first index of b in a, or -1; 2 <= len(b) <= MaxLen.
func IndexString(a, b string) int {
	n := len(b)
	for i := 0; i+n <= len(a); i++ {
		if a[i] == b[0] && a[i:i+n] == b {
			return i
		}
	}
	return -1
}

// HashStr is the Rabin-Karp hash of sep and PrimeRK to the power len(sep),
// which removes a byte from the rolling hash.
func HashStr(sep string) (uint32, uint32) {
	hash := uint32(0)
	for i := 0; i < len(sep); i++ {
		hash = hash*PrimeRK + uint32(sep[i])
	}
	return hash, powRK(len(sep))
}

func HashStrBytes(sep []byte) (uint32, uint32) {
	return HashStr(string(sep))
}

// HashStrRev is HashStr of sep reversed, for searching from the end.
func HashStrRev(sep string) (uint32, uint32) {
	hash := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		hash = hash*PrimeRK + uint32(sep[i])
	}
	return hash, powRK(len(sep))
}

func HashStrRevBytes(sep []byte) (uint32, uint32) {
	return HashStrRev(string(sep))
}

// powRK is PrimeRK to the power n (mod 2^32), by squaring.
func powRK(n int) uint32 {
	pow, sq := uint32(1), uint32(PrimeRK)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return pow
}

// IndexRabinKarp is the first index of substr in s, or -1, by comparing
// rolling hashes.
func IndexRabinKarp(s, substr string) int {
	hashss, pow := HashStr(substr)
	n := len(substr)
	if n > len(s) {
		return -1
	}
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == hashss && s[:n] == substr {
		return 0
	}
	for i := n; i < len(s); {
		h *= PrimeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i-n])
		i++
		if h == hashss && s[i-n:i] == substr {
			return i - n
		}
	}
	return -1
}

func IndexRabinKarpBytes(s, sep []byte) int {
	return IndexRabinKarp(string(s), string(sep))
}
