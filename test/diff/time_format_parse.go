// time's Format and Parse over Go's layouts (the standard constants and
// hand-made ones: fractions, zones, 12-hour clocks, day of year, padding),
// Parse's errors, ParseInLocation, and printing Times and their parts.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	layouts := []string{
		time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822,
		time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339,
		time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano,
		"2006-01-02", "02/01/06 3:04PM", "Monday, January 2, 2006",
		"_2 Jan 06 15:04:05.000", "15:04:05.999999", "2006 002 __2",
		"Z07:00 Z0700 -07 -07:00:00 MST", ".0 .00 ,000 .999", "pm PM 03 3 4 5",
	}
	for _, l := range layouts {
		fmt.Printf("%-40q %s\n", l, t.Format(l))
	}
	east := time.FixedZone("EAST", 5*3600+30*60)
	fmt.Println(t.In(east).Format(time.RFC3339), t.In(east).Format(time.RFC1123))
	fmt.Println(time.Date(-5, 2, 29, 1, 2, 3, 0, time.UTC).Format(time.RFC3339))
	fmt.Println(time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(t.AppendFormat([]byte("at: "), time.Kitchen))

	inputs := [][2]string{
		{time.RFC3339, "2021-06-15T08:30:00Z"},
		{time.RFC3339, "2021-06-15T08:30:00+02:00"},
		{time.RFC3339Nano, "2021-06-15T08:30:00.000001-07:00"},
		{time.RFC1123, "Tue, 15 Jun 2021 08:30:00 UTC"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02 15:04", "2021-13-01 10:00"},
		{"2006-01-02", "2021-02-29"},
		{"2006-01-02", "2024-02-29"},
		{"Jan _2 2006", "Feb  3 2013"},
		{"2006-01-02T15:04:05", "2013-02-03T19:54:00.123"},
		{time.RFC3339, "2021-06-15 08:30:00Z"},
		{time.ANSIC, "Mon Jan  2 15:04:05 2006 trailing"},
		{"15:04:05", "25:00:00"},
		{"2006 002", "2020 366"},
		{time.RFC822, "02 Jan 06 15:04 PST"},
	}
	for _, in := range inputs {
		p, err := time.Parse(in[0], in[1])
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		_, off := p.Zone()
		fmt.Println(p, p.Unix(), off, p.Weekday(), p.YearDay())
	}
	loc := time.FixedZone("X", -3*3600)
	p, err := time.ParseInLocation("2006-01-02 15:04", "2022-03-04 05:06", loc)
	fmt.Println(p, err, p.UTC())

	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Month(), t.Weekday(), t.YearDay(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
	fmt.Printf("%v|%s|%d|%v\n", t.Month(), t.Weekday(), t.Month(), time.Month(13))
	b, _ := t.MarshalText()
	fmt.Println(string(b))
	var u time.Time
	fmt.Println(u.UnmarshalText([]byte("2001-02-03T04:05:06.5+01:00")), u)
	fmt.Println(u.GoString())
	fmt.Println(time.Time{}, time.Time{}.IsZero(), time.Unix(0, 0).UTC())
}
