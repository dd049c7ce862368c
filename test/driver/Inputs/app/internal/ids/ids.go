package ids

import "fmt"

var next = start

func Next() int {
	next++
	return next
}

func init() {
	fmt.Println("ids init", next)
}
