package sort

// partialInsertionSort fixes up to five out-of-order pairs of a nearly
// sorted range; it reports whether the range ended up sorted.
func partialInsertionSort(data Interface, a, b int) bool {
	const (
		maxSteps         = 5
		shortestShifting = 50
	)
	i := a + 1
	for step := 0; step < maxSteps; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data.Swap(i, i-1)
		if i-a >= 2 {
			shiftLeft(data, i-1)
		}
		if b-i >= 2 {
			shiftRight(data, i+1, b)
		}
	}
	return false
}

// shiftLeft moves data[j] down while it is less than its predecessor. Like
// Go's it may walk below the range's start (down to index 1).
func shiftLeft(data Interface, j int) {
	for ; j >= 1 && data.Less(j, j-1); j-- {
		data.Swap(j, j-1)
	}
}

func shiftRight(data Interface, j, b int) {
	for ; j < b && data.Less(j, j-1); j++ {
		data.Swap(j, j-1)
	}
}

// breakPatterns swaps three elements near the middle with pseudo-random
// ones.
func breakPatterns(data Interface, a, b int) {
	length := b - a
	if length < 8 {
		return
	}
	random := xorshift(length)
	modulus := nextPowerOfTwo(length)
	for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
		other := int(uint(random.Next()) & (modulus - 1))
		if other >= length {
			other -= length
		}
		data.Swap(idx, a+other)
	}
}

// choosePivot picks a pivot (median of three, or Tukey's ninther for 50+
// elements) and hints whether the range looked increasing or decreasing.
func choosePivot(data Interface, a, b int) (int, sortedHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)
	l := b - a
	swaps := 0
	i, j, k := a+l/4*1, a+l/4*2, a+l/4*3
	if l >= 8 {
		if l >= shortestNinther {
			i = median(data, i-1, i, i+1, &swaps)
			j = median(data, j-1, j, j+1, &swaps)
			k = median(data, k-1, k, k+1, &swaps)
		}
		j = median(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	}
	return j, unknownHint
}

func order2(data Interface, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

func median(data Interface, a, b, c int, swaps *int) int {
	a, b = order2(data, a, b, swaps)
	b, c = order2(data, b, c, swaps)
	a, b = order2(data, a, b, swaps)
	return b
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}
