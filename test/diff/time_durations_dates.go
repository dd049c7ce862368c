// time's durations (String, ParseDuration and its errors, Round, Truncate,
// units) and date arithmetic (AddDate's normalisation, Sub, Truncate and
// Round of Times, Compare by Before/After/Equal, Unix conversions).
package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{"300ms", "-1.5h", "2h45m", "1µs", "1us", "3ns",
		"1.000000001s", "9223372036854775807ns", "9223372036854775808ns",
		"", "1", "1d", "-", ".s", "1.5.5s", "0", "+5m"} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q %v %v\n", s, d, err)
	}
	ds := []time.Duration{0, 1, 999, time.Microsecond + 500, 1500 * time.Microsecond,
		time.Second, 90 * time.Minute, -3*time.Hour - 2*time.Nanosecond,
		1<<63 - 1, -1 << 63}
	for _, d := range ds {
		fmt.Println(d, d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(),
			d.Round(time.Millisecond), d.Truncate(time.Second), d.Abs())
	}
	fmt.Printf("%d %v %s %5.2f\n", time.Second, time.Second, 2*time.Minute, time.Hour.Hours())

	t := time.Date(2020, time.January, 31, 12, 0, 0, 0, time.UTC)
	fmt.Println(t.AddDate(0, 1, 0), t.AddDate(1, 1, 1), t.AddDate(0, 0, -31), t.AddDate(-2020, 0, 0))
	u := time.Date(2021, time.March, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(u.Sub(t), t.Sub(u), u.After(t), u.Before(t), u.Equal(u.In(time.FixedZone("Y", 3600))))
	fmt.Println(t.Truncate(24*time.Hour), t.Round(time.Hour*7), t.Add(-time.Hour*24*366))
	fmt.Println(time.Unix(1700000000, 0).UTC(), time.UnixMilli(1700000000123).UTC(), time.UnixMicro(-1).UTC())
	fmt.Println(t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
	for _, y := range []int{1900, 2000, 2023, 2024} {
		d := time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
		fmt.Println(y, d.YearDay(), d.Weekday())
	}
	max := time.Date(292277026596, 12, 4, 15, 30, 7, 0, time.UTC)
	fmt.Println(max.Year(), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)))
}
