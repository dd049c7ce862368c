package flag

import "os"

// CommandLine is the flag set of the program's arguments.
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

func init() {
	// Go routes CommandLine's usage through the replaceable Usage variable.
	CommandLine.Usage = commandLineUsage
}

// Usage prints the program's usage; programs may replace it.
var Usage = func() { printUsage() }

// printUsage is Usage's body, a function of its own so that mgoc checks it
// after the package's methods are known.
func printUsage() {
	CommandLine.out("Usage of " + os.Args[0] + ":\n")
	PrintDefaults()
}

func commandLineUsage() { Usage() }

// Parse parses the program's arguments; call it after defining the flags.
func Parse() { CommandLine.Parse(os.Args[1:]) }

// Parsed reports whether Parse has been called.
func Parsed() bool { return CommandLine.Parsed() }

// PrintDefaults prints the program's flags and their defaults.
func PrintDefaults() { CommandLine.PrintDefaults() }

// Args returns the arguments left after the flags.
func Args() []string { return CommandLine.Args() }

// Arg returns the i'th argument left after the flags, or "".
func Arg(i int) string { return CommandLine.Arg(i) }

// NArg returns the number of arguments left after the flags.
func NArg() int { return CommandLine.NArg() }

// NFlag returns the number of flags set.
func NFlag() int { return CommandLine.NFlag() }

// Set sets the named flag.
func Set(name, value string) error { return CommandLine.Set(name, value) }

// Lookup returns the named flag, or nil.
func Lookup(name string) *Flag { return CommandLine.Lookup(name) }

// Visit calls fn for each flag set, in lexical order.
func Visit(fn func(*Flag)) { CommandLine.Visit(fn) }

// VisitAll calls fn for each flag defined, in lexical order.
func VisitAll(fn func(*Flag)) { CommandLine.VisitAll(fn) }

// Var defines a flag with the given Value.
func Var(value Value, name string, usage string) { CommandLine.Var(value, name, usage) }

func Bool(name string, value bool, usage string) *bool {
	return CommandLine.Bool(name, value, usage)
}
func BoolVar(p *bool, name string, value bool, usage string) {
	CommandLine.BoolVar(p, name, value, usage)
}
func Int(name string, value int, usage string) *int {
	return CommandLine.Int(name, value, usage)
}
func IntVar(p *int, name string, value int, usage string) {
	CommandLine.IntVar(p, name, value, usage)
}
func Int64(name string, value int64, usage string) *int64 {
	return CommandLine.Int64(name, value, usage)
}
func Int64Var(p *int64, name string, value int64, usage string) {
	CommandLine.Int64Var(p, name, value, usage)
}
func Uint(name string, value uint, usage string) *uint {
	return CommandLine.Uint(name, value, usage)
}
func UintVar(p *uint, name string, value uint, usage string) {
	CommandLine.UintVar(p, name, value, usage)
}
func Uint64(name string, value uint64, usage string) *uint64 {
	return CommandLine.Uint64(name, value, usage)
}
func Uint64Var(p *uint64, name string, value uint64, usage string) {
	CommandLine.Uint64Var(p, name, value, usage)
}
func String(name string, value string, usage string) *string {
	return CommandLine.String(name, value, usage)
}
func StringVar(p *string, name string, value string, usage string) {
	CommandLine.StringVar(p, name, value, usage)
}
func Float64(name string, value float64, usage string) *float64 {
	return CommandLine.Float64(name, value, usage)
}
func Float64Var(p *float64, name string, value float64, usage string) {
	CommandLine.Float64Var(p, name, value, usage)
}
func Func(name, usage string, fn func(string) error) { CommandLine.Func(name, usage, fn) }
