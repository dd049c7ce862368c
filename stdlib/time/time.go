package time

// A Location names a time zone; mini-Go's times are all local.
type Location struct {
	name string
}

// Time is an instant: the wall clock in Unix nanoseconds and, for times
// from Now, a monotonic clock reading that Sub, Since and Until use as Go
// does. Laid out as MgoTime, which timers deliver on their channels.
type Time struct {
	wall int64
	mono int64
	loc  *Location
}

func walltime() int64
func runtimeNano() int64

// Now returns the current time, with a monotonic clock reading.
func Now() Time {
	return Time{wall: walltime(), mono: runtimeNano()}
}

// Unix returns the local Time of the given Unix time.
func Unix(sec int64, nsec int64) Time {
	return Time{wall: sec*1e9 + nsec}
}

func (t Time) hasMono() bool { return t.mono != 0 }

// Sub returns the duration t-u, saturating at the Duration range.
func (t Time) Sub(u Time) Duration {
	if t.hasMono() && u.hasMono() {
		return subMono(t.mono, u.mono)
	}
	return subMono(t.wall, u.wall)
}

func subMono(t, u int64) Duration {
	d := Duration(t - u)
	if d < 0 && t > u {
		return maxDuration // t - u is positive out of range
	}
	if d > 0 && t < u {
		return minDuration // t - u is negative out of range
	}
	return d
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	t.wall += int64(d)
	if t.hasMono() {
		t.mono += int64(d)
	}
	return t
}

func (t Time) After(u Time) bool {
	if t.hasMono() && u.hasMono() {
		return t.mono > u.mono
	}
	return t.wall > u.wall
}

func (t Time) Before(u Time) bool {
	if t.hasMono() && u.hasMono() {
		return t.mono < u.mono
	}
	return t.wall < u.wall
}

func (t Time) Equal(u Time) bool {
	if t.hasMono() && u.hasMono() {
		return t.mono == u.mono
	}
	return t.wall == u.wall
}

func (t Time) IsZero() bool { return t.wall == 0 && t.mono == 0 }

func (t Time) Unix() int64 { return floorDiv(t.wall, 1e9) }

func (t Time) UnixMilli() int64 { return floorDiv(t.wall, 1e6) }

func (t Time) UnixMicro() int64 { return floorDiv(t.wall, 1e3) }

func (t Time) UnixNano() int64 { return t.wall }

func (t Time) Nanosecond() int { return int(t.wall - floorDiv(t.wall, 1e9)*1e9) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// Since returns the time elapsed since t: Now().Sub(t).
func Since(t Time) Duration {
	if t.hasMono() {
		return subMono(runtimeNano(), t.mono)
	}
	return Now().Sub(t)
}

// Until returns the duration until t: t.Sub(Now()).
func Until(t Time) Duration {
	if t.hasMono() {
		return subMono(t.mono, runtimeNano())
	}
	return t.Sub(Now())
}
