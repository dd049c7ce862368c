package slices

import "cmp"

// Sort sorts x in ascending order, NaNs first. The sort is not stable:
// equal elements may end up in any order.
func Sort[S ~[]E, E cmp.Ordered](x S) {
	quickSort(x, 0, len(x), depthLimit(len(x)), cmp.Less[E])
}

// SortFunc sorts x by cmp (negative for a < b, zero for equal, positive
// for a > b), which must be a strict weak ordering. It is not stable.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	quickSort(x, 0, len(x), depthLimit(len(x)), func(a, b E) bool {
		return cmp(a, b) < 0
	})
}

// SortStableFunc sorts x by cmp keeping equal elements in their order.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	mergeSort(x, func(a, b E) bool { return cmp(a, b) < 0 })
}

// IsSorted reports whether x is in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is in ascending order by cmp.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// BinarySearch finds target in x, sorted in ascending order: the first
// position holding it and true, or where it would be inserted and false.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp.Less(x[h], target) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp.Compare(x[i], target) == 0
}

// BinarySearchFunc is BinarySearch with cmp comparing an element with the
// target.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}

// depthLimit is how deep quickSort may recurse before it falls back to
// heapsort: 2*ceil(log2(n+1)), which keeps the worst case O(n log n).
func depthLimit(n int) int {
	d := 0
	for i := n; i > 0; i >>= 1 {
		d++
	}
	return 2 * d
}

// quickSort sorts x[a:b]: introsort (median-of-three or Tukey's ninther
// pivots, insertion sort below 12 elements, heapsort past the depth limit).
func quickSort[E any](x []E, a, b, depth int, less func(a, b E) bool) {
	for b-a > 12 {
		if depth == 0 {
			heapSort(x, a, b, less)
			return
		}
		depth--
		p := partition(x, a, b, choosePivot(x, a, b, less), less)
		// Recurse into the smaller side so the stack stays O(log n).
		if p-a < b-p {
			quickSort(x, a, p, depth, less)
			a = p + 1
		} else {
			quickSort(x, p+1, b, depth, less)
			b = p
		}
	}
	insertionSort(x, a, b, less)
}

func insertionSort[E any](x []E, a, b int, less func(a, b E) bool) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && less(x[j], x[j-1]); j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func median[E any](x []E, i, j, k int, less func(a, b E) bool) int {
	if less(x[j], x[i]) {
		i, j = j, i
	}
	if less(x[k], x[j]) {
		j = k
		if less(x[j], x[i]) {
			j = i
		}
	}
	return j
}

func choosePivot[E any](x []E, a, b int, less func(a, b E) bool) int {
	n := b - a
	m := a + n/2
	if n > 50 {
		s := n / 8
		return median(x,
			median(x, a, a+s, a+2*s, less),
			median(x, m-s, m, m+s, less),
			median(x, b-1-2*s, b-1-s, b-1, less), less)
	}
	return median(x, a, m, b-1, less)
}

// partition puts x[pivot] at its sorted place p in x[a:b], with no greater
// element before it and no smaller one after, and returns p. Elements equal
// to the pivot stop both scans, so runs of equal keys split evenly.
func partition[E any](x []E, a, b, pivot int, less func(a, b E) bool) int {
	x[a], x[pivot] = x[pivot], x[a]
	i, j := a+1, b-1
	for {
		for i <= j && less(x[i], x[a]) {
			i++
		}
		for i <= j && less(x[a], x[j]) {
			j--
		}
		if i >= j {
			break
		}
		x[i], x[j] = x[j], x[i]
		i++
		j--
	}
	x[a], x[j] = x[j], x[a]
	return j
}

func heapSort[E any](x []E, a, b int, less func(a, b E) bool) {
	n := b - a
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(x, a, i, n, less)
	}
	for i := n - 1; i > 0; i-- {
		x[a], x[a+i] = x[a+i], x[a]
		siftDown(x, a, 0, i, less)
	}
}

func siftDown[E any](x []E, a, root, n int, less func(a, b E) bool) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && less(x[a+child], x[a+child+1]) {
			child++
		}
		if !less(x[a+root], x[a+child]) {
			return
		}
		x[a+root], x[a+child] = x[a+child], x[a+root]
		root = child
	}
}

// mergeSort sorts x stably: insertion-sorted runs of 16, then merges of
// doubling width through a buffer of len(x), taking the left run's element
// on ties.
func mergeSort[E any](x []E, less func(a, b E) bool) {
	n := len(x)
	const run = 16
	for a := 0; a < n; a += run {
		b := a + run
		if b > n {
			b = n
		}
		insertionSort(x, a, b, less)
	}
	if n <= run {
		return
	}
	buf := make([]E, n)
	src, dst := x, buf
	for w := run; w < n; w *= 2 {
		for a := 0; a < n; a += 2 * w {
			m, b := a+w, a+2*w
			if m > n {
				m = n
			}
			if b > n {
				b = n
			}
			i, j, k := a, m, a
			for i < m && j < b {
				if less(src[j], src[i]) {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:m])
			copy(dst[k:], src[j:b])
		}
		src, dst = dst, src
	}
	if &src[0] != &x[0] {
		copy(x, src)
	}
}
