// Package testlog: the hooks package testing installs to record which files
// and environment variables a test used. An overlay because Go's keeps the
// logger in an atomic.Value, which mini-Go's sync/atomic does not have; a
// mutex guards it here. Nothing in mini-Go installs a logger (no package
// testing), so os's calls find none.
package testlog

import "sync"

// Interface is the interface required of test loggers.
type Interface interface {
	Getenv(key string)
	Stat(file string)
	Open(file string)
	Chdir(dir string)
}

var (
	mu     sync.Mutex
	logger Interface
	exit0  bool
)

// SetLogger sets the test logger implementation for the current process;
// it must be called only once.
func SetLogger(impl Interface) {
	mu.Lock()
	defer mu.Unlock()
	if logger != nil {
		panic("testlog: SetLogger must be called only once")
	}
	logger = impl
}

// Logger returns the current test logger implementation, or nil.
func Logger() Interface {
	mu.Lock()
	defer mu.Unlock()
	return logger
}

// Getenv calls Logger().Getenv, if a logger has been set.
func Getenv(name string) {
	if l := Logger(); l != nil {
		l.Getenv(name)
	}
}

// Open calls Logger().Open, if a logger has been set.
func Open(name string) {
	if l := Logger(); l != nil {
		l.Open(name)
	}
}

// Stat calls Logger().Stat, if a logger has been set.
func Stat(name string) {
	if l := Logger(); l != nil {
		l.Stat(name)
	}
}

// PanicOnExit0 reports whether to panic on a call to os.Exit(0).
func PanicOnExit0() bool {
	mu.Lock()
	defer mu.Unlock()
	return exit0
}

// SetPanicOnExit0 sets panicOnExit0 to v.
func SetPanicOnExit0(v bool) {
	mu.Lock()
	defer mu.Unlock()
	exit0 = v
}
