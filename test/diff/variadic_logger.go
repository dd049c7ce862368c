// Variadic functions forwarding ...interface{} to fmt, appending slices
// with ..., nil and empty variadic arguments, and a leveled logger.
package main

import (
	"fmt"
	"strings"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string { return [...]string{"DEBUG", "INFO", "WARN"}[l] }

type Logger struct {
	min    Level
	prefix string
	lines  []string
}

func (l *Logger) logf(lv Level, format string, args ...interface{}) {
	if lv < l.min {
		return
	}
	l.lines = append(l.lines, fmt.Sprintf("%s%-5v "+format, append([]interface{}{l.prefix, lv}, args...)...))
}

func (l *Logger) Infof(format string, args ...interface{}) { l.logf(Info, format, args...) }
func (l *Logger) Debugf(format string, args ...any)        { l.logf(Debug, format, args...) }

func count(xs ...int) int { return len(xs) }

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func maxOf(first int, rest ...int) int {
	m := first
	for _, r := range rest {
		if r > m {
			m = r
		}
	}
	return m
}

func main() {
	lg := &Logger{min: Info, prefix: "[app] "}
	lg.Infof("started with %d workers", 4)
	lg.Debugf("hidden %s", "detail")
	lg.logf(Warn, "disk at %d%% (%s)", 91, "sda1")
	lg.Infof("no args")
	lg.Infof("%v and %v", []int{1}, map[string]bool{"x": true})
	for _, l := range lg.lines {
		fmt.Println(l)
	}
	fmt.Println(count(), count(1, 2), count(nil...), count([]int{}...), count([]int{4, 5, 6}...))
	fmt.Println(join("-"), join("-", "a"), join(", ", "a", "b", "c"))
	words := []string{"x", "y"}
	fmt.Println(join("/", words...), maxOf(3), maxOf(3, 9, 2), maxOf(-1, []int{-5, -2}...))
	all := append([]int{}, 1, 2)
	all = append(all, all...)
	all = append(all[:1], all[2:]...)
	fmt.Println(all, len(all))
	b := append([]byte("hello "), "world"...)
	fmt.Println(string(b))
	var args []interface{}
	for i := 0; i < 3; i++ {
		args = append(args, i*i)
	}
	fmt.Println(args...)
	fmt.Println(fmt.Sprint(args...), fmt.Sprintf("%d-%d-%d", args...))
}
