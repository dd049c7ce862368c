// time zones: Local from TZ (set before its first use, as Go reads it once),
// LoadLocation from the system's zoneinfo (daylight saving, historical
// offsets, abbreviations), In, Zone, ZoneBounds, FixedZone, and a missing
// zone's error.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	os.Setenv("TZ", "Europe/Berlin")
	t := time.Date(2022, time.July, 4, 12, 30, 0, 0, time.UTC)
	fmt.Println(t.Local(), time.Local)
	w := time.Date(2022, time.January, 4, 12, 30, 0, 0, time.Local)
	fmt.Println(w, w.UTC())
	for _, name := range []string{"America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
		"Europe/London", "UTC", "", "Local", "Nowhere/City", "../etc/passwd"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		in := t.In(loc)
		name, off := in.Zone()
		start, end := in.ZoneBounds()
		fmt.Println(loc, in, name, off, start.UTC(), end.UTC(), in.Format(time.RFC822Z))
	}
	ny, _ := time.LoadLocation("America/New_York")
	// The spring-forward gap and the fall-back overlap, and 1918's rules.
	fmt.Println(time.Date(2021, 3, 14, 2, 30, 0, 0, ny), time.Date(2021, 11, 7, 1, 30, 0, 0, ny))
	fmt.Println(time.Date(1918, 6, 1, 0, 0, 0, 0, ny), time.Date(1850, 1, 1, 0, 0, 0, 0, ny))
	p, err := time.ParseInLocation("2006-01-02 15:04 MST", "2021-07-01 10:00 EDT", ny)
	fmt.Println(p, err)
	fz := time.FixedZone("", -(9*3600 + 30*60))
	fmt.Println(t.In(fz), fz)
}
