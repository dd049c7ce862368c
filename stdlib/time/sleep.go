package time

// Sleep pauses the current goroutine for at least d; d <= 0 returns at once.
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

// The Timer type represents a single event: after its duration the current
// time is sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C <-chan Time
	r *runtimeTimer
}

// NewTimer creates a Timer that sends the current time on its channel after
// at least d.
func NewTimer(d Duration) *Timer {
	r := newTimer(int64(d), false)
	return &Timer{C: r.c, r: r}
}

// Stop prevents the Timer from firing; it reports whether it was pending.
func (t *Timer) Stop() bool { return stopTimer(t.r) }

// Reset changes the timer to expire after d; it reports whether the timer
// had been active.
func (t *Timer) Reset(d Duration) bool { return resetTimer(t.r, int64(d), false) }

// After waits for the duration to elapse and then sends the current time on
// the returned channel.
func After(d Duration) <-chan Time { return NewTimer(d).C }

// AfterFunc waits for the duration to elapse and then calls f in its own
// goroutine.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{r: afterFunc(int64(d), f)}
}

// A Ticker holds a channel that delivers the time at intervals.
type Ticker struct {
	C <-chan Time
	r *runtimeTimer
}

// NewTicker panics with "non-positive interval for NewTicker" if d <= 0.
func NewTicker(d Duration) *Ticker {
	r := newTimer(int64(d), true)
	return &Ticker{C: r.c, r: r}
}

func (t *Ticker) Stop() { stopTimer(t.r) }

func (t *Ticker) Reset(d Duration) { resetTimer(t.r, int64(d), true) }

// Tick is NewTicker(d).C, or nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
