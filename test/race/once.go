// RUN: %mgoc build -race -o %t %s
// RUN: %exitcode %t 2>&1 | FileCheck --match-full-lines --implicit-check-not=WARNING %s
// What once.Do's function wrote is read by every goroutine whose Do returned, with no race: the function happens before every Do returns.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
)

func load() {
	config = map[string]string{"mode": "fast"}
}

func main() {
	var wg sync.WaitGroup
	modes := make([]string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(load)
			modes[i] = config["mode"]
		}(i)
	}
	wg.Wait()
	fmt.Println(modes)
}

// CHECK:[fast fast fast fast]
// CHECK-NEXT:exit code: 0
