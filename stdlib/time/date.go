package time

// A Month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = [...]string{"January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December"}

// String is the month's English name, or %!Month(n) with n as a uint64,
// as Go prints it.
func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

// A Weekday (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday"}

// String is the day's English name, or %!Weekday(n) with n as a uint64.
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

func utoa(u uint64) string { return string(appendInt(nil, u, 0)) }

// UTC returns t in UTC without its monotonic clock reading, as Go's does.
// mini-Go has no time zones yet: every Time is in UTC.
func (t Time) UTC() Time {
	t.mono = 0
	t.loc = nil
	return t
}

// Local returns t in the local zone, which is UTC in mini-Go.
func (t Time) Local() Time {
	return t.UTC()
}

// days is the number of days since 1970-01-01 of t's date, and secs the
// seconds since its midnight.
func (t Time) days() (days int64, secs int64) {
	sec := floorDiv(t.wall, 1e9)
	days = floorDiv(sec, 86400)
	return days, sec - days*86400
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date by
// counting 400-year eras of 146097 days from 0000-03-01, so that the leap
// day ends each year of the count.
func civil(days int64) (year int, month Month, day int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // March = 0
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// Date returns the year, month and day of t.
func (t Time) Date() (year int, month Month, day int) {
	days, _ := t.days()
	return civil(days)
}

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// YearDay returns the day of the year of t, 1 to 365 (366 in leap years).
func (t Time) YearDay() int {
	days, _ := t.days()
	y, _, _ := civil(days)
	jan1 := Date(y, January, 1, 0, 0, 0, 0, UTC)
	d, _ := jan1.days()
	return int(days-d) + 1
}

// Weekday returns the day of the week of t (1970-01-01 was a Thursday).
func (t Time) Weekday() Weekday {
	days, _ := t.days()
	return Weekday((days%7 + 7 + int64(Thursday)) % 7)
}

// Clock returns the hour, minute and second of t's day.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.days()
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// UTC is the zone of Date's results; the only one mini-Go has so far.
var UTC *Location = &utcLoc

var utcLoc = Location{name: "UTC"}

// Local is UTC in mini-Go (no zoneinfo yet).
var Local *Location = &utcLoc

// Date returns the time of the given date and clock in loc (UTC, the only
// zone). Values out of their range are normalised as Go does: October 32
// is November 1.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year, m = norm(year, m, 12)
	sec, nsec = norm(sec, nsec, 1e9)
	min, sec = norm(min, sec, 60)
	hour, min = norm(hour, min, 60)
	day, hour = norm(day, hour, 24)
	y := int64(year)
	mo := int64(m) + 1
	if mo <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (mo + 9) % 12
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	secs := days*86400 + int64(hour)*3600 + int64(min)*60 + int64(sec)
	return Time{wall: secs*1e9 + int64(nsec)}
}

// norm carries lo's overflow of base into hi, leaving 0 <= lo < base.
func norm(hi, lo, base int) (nhi, nlo int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}
