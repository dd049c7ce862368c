// Package runtime's error interface. The run-time panics themselves are made
// by the C++ runtime (runtime/panic.cpp), with descriptors that carry the
// RuntimeError method, so that they satisfy this interface as Go's do.
package runtime

// The Error interface identifies a run time error.
type Error interface {
	error
	// RuntimeError is a no-op function but
	// serves to distinguish types that are run time
	// errors from ordinary errors: a type is a
	// run time error if it has a RuntimeError method.
	RuntimeError()
}
