// os.Exit with a status: output printed so far is kept, deferred calls do
// not run.
package main

import (
	"fmt"
	"os"
	"strings"
)

type Config struct {
	Name    string
	Retries int
	Verbose bool
}

func validate(c Config) []string {
	var problems []string
	if strings.TrimSpace(c.Name) == "" {
		problems = append(problems, "name is empty")
	}
	if c.Retries < 0 || c.Retries > 5 {
		problems = append(problems, fmt.Sprintf("retries %d out of range [0,5]", c.Retries))
	}
	return problems
}

func main() {
	defer fmt.Println("this deferred line is never printed")
	configs := []Config{{"ok", 3, true}, {"  ", 9, false}}
	failed := 0
	for _, c := range configs {
		if p := validate(c); len(p) > 0 {
			fmt.Printf("%+v: %s\n", c, strings.Join(p, "; "))
			failed++
		} else {
			fmt.Printf("%+v: valid\n", c)
		}
	}
	if failed > 0 {
		fmt.Println(failed, "invalid config(s)")
		os.Exit(3)
	}
	fmt.Println("all good")
}
