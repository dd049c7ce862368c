package sort

// stable insertion-sorts blocks of 20 and merges them pairwise in place
// (SymMerge), so it needs nothing but Less and Swap.
func stable(data Interface, n int) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += blockSize
	}
	insertionSort(data, a, n)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			symMerge(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			symMerge(data, a, m, n)
		}
		blockSize *= 2
	}
}

// symMerge merges the sorted data[a:m] and data[m:b] (a < m < b), after
// Kim and Kutzner's SymMerge.
func symMerge(data Interface, a, m, b int) {
	if m-a == 1 {
		insertFirst(data, a, m, b)
		return
	}
	if b-m == 1 {
		insertLast(data, a, m)
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	start, r := a, m
	if m > mid {
		start, r = n-b, mid
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(data, start, m, end)
	}
	if a < start && start < mid {
		symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// insertFirst moves the single element data[a] into the sorted data[m:b].
func insertFirst(data Interface, a, m, b int) {
	i, j := m, b
	for i < j {
		h := int(uint(i+j) >> 1)
		if data.Less(h, a) {
			i = h + 1
		} else {
			j = h
		}
	}
	for k := a; k < i-1; k++ {
		data.Swap(k, k+1)
	}
}

// insertLast moves the single element data[m] into the sorted data[a:m].
func insertLast(data Interface, a, m int) {
	i, j := a, m
	for i < j {
		h := int(uint(i+j) >> 1)
		if !data.Less(m, h) {
			i = h + 1
		} else {
			j = h
		}
	}
	for k := m; k > i; k-- {
		data.Swap(k, k-1)
	}
}

// rotate turns data[a:m] data[m:b] into data[m:b] data[a:m] by block swaps.
func rotate(data Interface, a, m, b int) {
	i, j := m-a, b-m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}

func swapRange(data Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}
