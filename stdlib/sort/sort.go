// Package sort: Go 1.19's sorting, with the same pattern-defeating
// quicksort so that unstable sorts leave equal elements in the same order
// as Go does (programs print them).
package sort

// Interface is what Sort needs of a collection.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in increasing order; it is not stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bitLen(uint(n)))
}

// bitLen is math/bits.Len: the number of bits needed to represent x.
func bitLen(x uint) int {
	n := 0
	for ; x != 0; x >>= 1 {
		n++
	}
	return n
}

// Stable sorts data keeping equal elements in their original order.
func Stable(data Interface) {
	stable(data, data.Len())
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// reverse embeds the Interface it reverses, as Go's does (Len and Swap are
// promoted; %+v prints the field as Interface), and swaps Less's operands.
type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns data with its order reversed.
func Reverse(data Interface) Interface {
	return &reverse{data}
}
