package sort

// IntSlice sorts a []int in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// Float64Slice sorts a []float64 in increasing order, NaNs first.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j]))
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

func isNaN(f float64) bool { return f != f }

// StringSlice sorts a []string in increasing order.
type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts a in increasing order.
func Ints(a []int) { Sort(IntSlice(a)) }

// Float64s sorts a in increasing order (NaNs first).
func Float64s(a []float64) { Sort(Float64Slice(a)) }

// Strings sorts a in increasing order.
func Strings(a []string) { Sort(StringSlice(a)) }

// IntsAreSorted reports whether a is in increasing order.
func IntsAreSorted(a []int) bool { return IsSorted(IntSlice(a)) }

// Float64sAreSorted reports whether a is in increasing order.
func Float64sAreSorted(a []float64) bool { return IsSorted(Float64Slice(a)) }

// StringsAreSorted reports whether a is in increasing order.
func StringsAreSorted(a []string) bool { return IsSorted(StringSlice(a)) }
