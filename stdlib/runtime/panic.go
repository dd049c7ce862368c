// Package runtime's goroutine exit, implemented by the C++ runtime
// (runtime/unwind.cpp) over the panic machinery.
package runtime

// Goexit terminates the goroutine that calls it. No other goroutine is affected.
// Goexit runs all deferred calls before terminating the goroutine. Because Goexit
// is not a panic, any recover calls in those deferred functions will return nil.
//
// Calling Goexit from the main goroutine terminates that goroutine
// without func main returning. Since func main has not returned,
// the program continues execution of other goroutines.
// If all other goroutines exit, the program crashes.
func Goexit()

// Breakpoint traps (runtime/signal.cpp): a debugger stops there; without
// one, the program reports SIGTRAP with every goroutine's traceback and
// exits 2, as gc's.
func Breakpoint()
