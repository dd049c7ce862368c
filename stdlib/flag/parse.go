package flag

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// failf prints the error and the usage, and returns the error.
func (f *FlagSet) failf(format string, a ...interface{}) error {
	err := errors.New(fmt.Sprintf(format, a...))
	f.out(err.Error() + "\n")
	f.usage()
	return err
}

func (f *FlagSet) usage() {
	if f.Usage == nil {
		f.defaultUsage()
	} else {
		f.Usage()
	}
}

func (f *FlagSet) defaultUsage() {
	if f.name == "" {
		f.out("Usage:\n")
	} else {
		f.out("Usage of " + f.name + ":\n")
	}
	f.PrintDefaults()
}

// parseOne parses one flag; it reports whether it saw one.
func (f *FlagSet) parseOne() (bool, error) {
	if len(f.args) == 0 {
		return false, nil
	}
	s := f.args[0]
	if len(s) < 2 || s[0] != '-' {
		return false, nil
	}
	numMinuses := 1
	if s[1] == '-' {
		numMinuses++
		if len(s) == 2 { // "--" ends the flags
			f.args = f.args[1:]
			return false, nil
		}
	}
	name := s[numMinuses:]
	if len(name) == 0 || name[0] == '-' || name[0] == '=' {
		return false, f.failf("bad flag syntax: %s", s)
	}
	f.args = f.args[1:]
	hasValue := false
	value := ""
	if i := strings.IndexByte(name[1:], '='); i >= 0 {
		value = name[i+2:]
		hasValue = true
		name = name[:i+1]
	}
	fl, ok := f.formal[name]
	if !ok {
		if name == "help" || name == "h" {
			f.usage()
			return false, ErrHelp
		}
		return false, f.failf("flag provided but not defined: -%s", name)
	}
	if err := f.setValue(fl, name, value, hasValue); err != nil {
		return false, err
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return true, nil
}

// setValue stores the flag's value: a boolean flag needs none, any other
// takes the next argument when not given with =.
func (f *FlagSet) setValue(fl *Flag, name, value string, hasValue bool) error {
	if fv, ok := fl.Value.(boolFlag); ok && fv.IsBoolFlag() {
		if !hasValue {
			if err := fv.Set("true"); err != nil {
				return f.failf("invalid boolean flag %s: %v", name, err)
			}
			return nil
		}
		if err := fv.Set(value); err != nil {
			return f.failf("invalid boolean value %q for -%s: %v", value, name, err)
		}
		return nil
	}
	if !hasValue && len(f.args) > 0 {
		hasValue = true
		value, f.args = f.args[0], f.args[1:]
	}
	if !hasValue {
		return f.failf("flag needs an argument: -%s", name)
	}
	if err := fl.Value.Set(value); err != nil {
		return f.failf("invalid value %q for flag -%s: %v", value, name, err)
	}
	return nil
}

// Parse parses flags from arguments (without the program name).
func (f *FlagSet) Parse(arguments []string) error {
	f.parsed = true
	f.args = arguments
	for {
		seen, err := f.parseOne()
		if seen {
			continue
		}
		if err == nil {
			return nil
		}
		switch f.errorHandling {
		case ContinueOnError:
			return err
		case ExitOnError:
			if err == ErrHelp {
				os.Exit(0)
			}
			os.Exit(2)
		case PanicOnError:
			panic(err)
		}
		return err
	}
}
