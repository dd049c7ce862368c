// Package flag: command-line flag parsing as Go 1.19's, with the same
// syntax (-flag, --flag, -flag=x, -flag x; -flag=false for booleans), error
// messages and usage text. Duration flags are not provided.
package flag

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// ErrHelp is returned when -help or -h is given but not defined.
var ErrHelp = errors.New("flag: help requested")

// ErrorHandling says what Parse does on an error.
type ErrorHandling int

const (
	ContinueOnError ErrorHandling = iota // return the error
	ExitOnError                          // exit with status 2 (0 for -help)
	PanicOnError                         // panic with the error
)

// A Flag is one defined flag.
type Flag struct {
	Name     string
	Usage    string
	Value    Value
	DefValue string // the default as text
}

// A FlagSet is a set of defined flags and the arguments left after them.
type FlagSet struct {
	// Usage is called on a parse error; nil means the default message.
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*Flag
	formal        map[string]*Flag
	args          []string
	errorHandling ErrorHandling
	output        io.Writer
}

// NewFlagSet returns an empty flag set.
func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	f := &FlagSet{name: name, errorHandling: errorHandling}
	f.Usage = f.defaultUsage
	return f
}

// Init sets the name and error handling of f.
func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name = name
	f.errorHandling = errorHandling
}

// Output is where usage and errors go (standard error by default).
func (f *FlagSet) Output() io.Writer {
	if f.output == nil {
		return os.Stderr
	}
	return f.output
}

// SetOutput sets where usage and errors go.
func (f *FlagSet) SetOutput(w io.Writer) { f.output = w }

// Name returns the flag set's name.
func (f *FlagSet) Name() string { return f.name }

// ErrorHandling returns the flag set's error handling.
func (f *FlagSet) ErrorHandling() ErrorHandling { return f.errorHandling }

// sortFlags returns the flags in lexical order of their names.
func sortFlags(flags map[string]*Flag) []*Flag {
	result := make([]*Flag, 0, len(flags))
	for _, fl := range flags {
		result = append(result, fl)
	}
	sort.Slice(result, func(i, j int) bool { return result[i].Name < result[j].Name })
	return result
}

// VisitAll calls fn for every defined flag, in lexical order.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	for _, fl := range sortFlags(f.formal) {
		fn(fl)
	}
}

// Visit calls fn for every flag that was set, in lexical order.
func (f *FlagSet) Visit(fn func(*Flag)) {
	for _, fl := range sortFlags(f.actual) {
		fn(fl)
	}
}

// Lookup returns the named flag, or nil.
func (f *FlagSet) Lookup(name string) *Flag { return f.formal[name] }

// Set sets the named flag's value.
func (f *FlagSet) Set(name, value string) error {
	fl, ok := f.formal[name]
	if !ok {
		return errors.New(fmt.Sprintf("no such flag -%v", name))
	}
	if err := fl.Value.Set(value); err != nil {
		return err
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return nil
}

// NFlag returns the number of flags that were set.
func (f *FlagSet) NFlag() int { return len(f.actual) }

// Arg returns the i'th argument left after the flags, or "".
func (f *FlagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}

// NArg returns the number of arguments left after the flags.
func (f *FlagSet) NArg() int { return len(f.args) }

// Args returns the arguments left after the flags.
func (f *FlagSet) Args() []string { return f.args }

// Parsed reports whether Parse has been called.
func (f *FlagSet) Parsed() bool { return f.parsed }

// Var defines a flag with the given Value; redefining one panics as Go's.
func (f *FlagSet) Var(value Value, name string, usage string) {
	if len(name) > 0 && (name[0] == '-' || containsByte(name, '=')) {
		panic(f.sprintf("flag %q begins with - or contains =", name))
	}
	fl := &Flag{name, usage, value, value.String()}
	if _, defined := f.formal[name]; defined {
		var msg string
		if f.name == "" {
			msg = f.sprintf("flag redefined: %s", name)
		} else {
			msg = f.sprintf("%s flag redefined: %s", f.name, name)
		}
		panic(msg)
	}
	if f.formal == nil {
		f.formal = make(map[string]*Flag)
	}
	f.formal[name] = fl
}

// sprintf formats a message and also prints it to the output, as Go does
// before panicking.
func (f *FlagSet) sprintf(format string, a ...interface{}) string {
	msg := fmt.Sprintf(format, a...)
	f.out(msg + "\n")
	return msg
}

// out writes s to the output; fmt's Fprint family is not used so that
// flag needs only Sprintf and Errorf of fmt.
func (f *FlagSet) out(s string) {
	f.Output().Write([]byte(s))
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
