// time.Duration: constants, arithmetic, String, Round/Truncate and the
// unit accessors (no clock involved, so the output is fixed).
package main

import (
	"fmt"
	"time"
)

type Lap struct {
	Name string
	Time time.Duration
}

func main() {
	ds := []time.Duration{
		0, 1, 999, time.Microsecond, 1500 * time.Microsecond, time.Second,
		1500 * time.Millisecond, 90 * time.Second, 2*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond,
		-3 * time.Minute, 100 * time.Hour,
	}
	for _, d := range ds {
		fmt.Printf("%-15v %20d %12.4f\n", d, int64(d), d.Seconds())
	}
	laps := []Lap{{"warmup", 95 * time.Second}, {"sprint", 42*time.Second + 300*time.Millisecond}, {"cooldown", 3*time.Minute + 7*time.Second}}
	var total time.Duration
	for _, l := range laps {
		total += l.Time
		fmt.Printf("%+v\n", l)
	}
	fmt.Println("total", total, "avg", total/time.Duration(len(laps)))
	fmt.Println(total.Minutes(), total.Milliseconds(), total.Hours() < 1)
	d := 1234567890 * time.Nanosecond
	fmt.Println(d, d.Round(time.Millisecond), d.Truncate(time.Second), d.Round(time.Hour), d.Microseconds())
	fmt.Println(time.Duration(1<<63-1), (-d).Abs())
	fmt.Printf("%v %s %d %T\n", time.Minute, 2*time.Hour, time.Millisecond, time.Second)
	timeout := 250 * time.Millisecond
	for attempt := 1; attempt <= 4; attempt++ {
		fmt.Printf("attempt %d waits %v\n", attempt, timeout)
		timeout *= 2
	}
	fmt.Println(time.Duration(float64(time.Second) * 1.75))
}
