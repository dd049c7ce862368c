package time

import "errors"

// A Ticker holds a channel that delivers “ticks” of a clock
// at intervals. Its timer is the runtime's, as Timer's (sleep.go).
type Ticker struct {
	C <-chan Time // The channel on which the ticks are delivered.
	r *runtimeTimer
}

// NewTicker returns a new Ticker containing a channel that will send
// the time on the channel after each tick. The period of the ticks is
// specified by the duration argument. The ticker will adjust the time
// interval or drop ticks to make up for slow receivers.
// The duration d must be greater than zero; if not, NewTicker will
// panic. Stop the ticker to release associated resources.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic(errors.New("non-positive interval for NewTicker"))
	}
	r := newTimer(int64(d), true)
	return &Ticker{C: r.c, r: r}
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
// Stop does not close the channel, to prevent a concurrent goroutine
// reading from the channel from seeing an erroneous "tick".
func (t *Ticker) Stop() {
	// A Ticker not made by NewTicker has no timer to stop (Go's stops its
	// zero timer, which is not pending).
	if t.r != nil {
		stopTimer(t.r)
	}
}

// Reset stops a ticker and resets its period to the specified duration.
// The next tick will arrive after the new period elapses. The duration d
// must be greater than zero; if not, Reset will panic.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, int64(d), true)
}

// Tick is a convenience wrapper for NewTicker providing access to the ticking
// channel only. While Tick is useful for clients that have no way to Stop
// the ticker, Tick is "leaky"; if d <= 0, Tick will return nil.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
