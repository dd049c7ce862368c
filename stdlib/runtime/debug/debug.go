// Package debug: the collector and stack settings of Go's runtime/debug,
// implemented by the C++ runtime (runtime/alloc.cpp, runtime/mstats.cpp,
// runtime/morestack.cpp), and the goroutine's traceback (runtime/traceback.cpp).
package debug

import "os"

// SetGCPercent sets how far, in percent of the live heap, the heap grows
// between collections (GOGC; negative turns automatic collection off) and
// returns the previous setting: GOGC's at start-up, or 100.
func SetGCPercent(percent int) int

// FreeOSMemory collects, then gives what is free back to the system.
func FreeOSMemory()

// SetMaxStack sets the most bytes one goroutine's stack may take (1 GB at
// start-up; beyond it the program dies with Go's "stack overflow") and
// returns the previous setting.
func SetMaxStack(bytes int) int

// The calling goroutine's traceback (runtime/traceback.cpp).
func stack() string

// Stack is the calling goroutine's traceback, in the format of a panic's.
func Stack() []byte {
	return []byte(stack())
}

// PrintStack writes Stack's traceback to standard error.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// SetTraceback sets the amount of detail of the traceback printed before
// the program exits on an unrecovered panic or a fatal error: level takes
// GOTRACEBACK's values, and can only show more than GOTRACEBACK says.
func SetTraceback(level string)
