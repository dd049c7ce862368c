// Package time is compiled from Go's sources but for this file and tick.go,
// which replace Go's: gc's runtime implements Sleep and the timers for
// package time (runtime/time.go, reached through linkname), mgoc's runtime
// does in runtime/timer.cpp. Their API is Go 1.19's.
package time

// Sleep pauses the current goroutine for at least the duration d.
// A negative or zero duration causes Sleep to return immediately.
func Sleep(d Duration) { sleep(int64(d)) }

func sleep(ns int64)

// runtimeTimer is the runtime's timer object: its first word is the channel
// the timer sends on (nil for AfterFunc's).
type runtimeTimer struct {
	c chan Time
}

func newTimer(d int64, ticker bool) *runtimeTimer
func afterFunc(d int64, f func()) *runtimeTimer
func stopTimer(t *runtimeTimer) bool
func resetTimer(t *runtimeTimer, d int64, ticker bool) bool

// The runtime's timers send on their channels the time Now would return,
// which needs this package's startNano (the monotonic readings are
// relative to it) and Local.
func timerInit(startNano int64, local *Location)

func init() { timerInit(startNano, Local) }

// The Timer type represents a single event.
// When the Timer expires, the current time will be sent on C,
// unless the Timer was created by AfterFunc.
// A Timer must be created with NewTimer or AfterFunc.
type Timer struct {
	C <-chan Time
	r *runtimeTimer
}

// Stop prevents the Timer from firing.
// It returns true if the call stops the timer, false if the timer has already
// expired or been stopped.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// NewTimer creates a new Timer that will send
// the current time on its channel after at least duration d.
func NewTimer(d Duration) *Timer {
	r := newTimer(int64(d), false)
	return &Timer{C: r.c, r: r}
}

// Reset changes the timer to expire after duration d.
// It returns true if the timer had been active, false if the timer had
// expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, int64(d), false)
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
// It is equivalent to NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f
// in its own goroutine. It returns a Timer that can
// be used to cancel the call using its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{r: afterFunc(int64(d), f)}
}
