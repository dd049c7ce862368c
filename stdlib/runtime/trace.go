package runtime

// mini-Go's runtime has no execution tracer: StartTrace fails, so tracing
// is never on, and StopTrace and ReadTrace do what Go's do when it is off
// (return at once; nil). Package runtime/trace's events are dropped as Go's
// runtime drops them while not tracing (runtime/gotrace.cpp).

type traceError string

func (e traceError) Error() string { return string(e) }

// StartTrace enables tracing for the current process; in mini-Go it always
// returns an error.
func StartTrace() error {
	return traceError("runtime: execution tracing is not supported by mgoc")
}

// StopTrace stops tracing, if it was enabled.
func StopTrace() {}

// ReadTrace returns the next chunk of binary tracing data: nil, as tracing
// is never enabled.
func ReadTrace() []byte { return nil }
