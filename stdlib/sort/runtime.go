package sort

// sliceLen returns the length of the slice held in *x; it panics as Go's
// reflection does when *x is not a slice.
func sliceLen(x *interface{}) int

// sliceSwap swaps elements i and j of the slice held in *x.
func sliceSwap(x *interface{}, i int, j int)
