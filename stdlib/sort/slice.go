package sort

// funcSorter sorts any slice through its less function and a runtime swap
// (mini-Go has no reflection to build Go's reflect.Swapper).
type funcSorter struct {
	slice *interface{}
	n     int
	less  func(i, j int) bool
}

func (f *funcSorter) Len() int           { return f.n }
func (f *funcSorter) Less(i, j int) bool { return f.less(i, j) }
func (f *funcSorter) Swap(i, j int)      { sliceSwap(f.slice, i, j) }

func newFuncSorter(x interface{}, less func(i, j int) bool) *funcSorter {
	p := &x
	return &funcSorter{p, sliceLen(p), less}
}

// Slice sorts the slice x by less; it is not stable.
func Slice(x interface{}, less func(i, j int) bool) {
	f := newFuncSorter(x, less)
	pdqsort(f, 0, f.n, bitLen(uint(f.n)))
}

// SliceStable sorts the slice x by less, keeping equal elements in order.
func SliceStable(x interface{}, less func(i, j int) bool) {
	f := newFuncSorter(x, less)
	stable(f, f.n)
}

// SliceIsSorted reports whether the slice x is sorted by less.
func SliceIsSorted(x interface{}, less func(i, j int) bool) bool {
	p := &x
	for i := sliceLen(p) - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
