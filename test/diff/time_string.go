// Time.String in Go's default layout (the fraction without trailing zeros,
// the zone, before 1970) and the monotonic reading's " m=+0." of a Time from
// Now, which context's WithDeadline prints.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	fmt.Println(time.Unix(1e9, 5000).UTC())
	fmt.Println(time.Date(2009, 11, 10, 23, 4, 5, 120000000, time.UTC))
	fmt.Println(time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC).String())
	s := time.Now().String()
	i := strings.Index(s, " m=+0.")
	fmt.Println(i > 0, len(s)-i)
}
