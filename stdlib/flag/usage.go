package flag

import (
	"fmt"
	"strings"
)

// UnquoteUsage returns the name in back quotes in the flag's usage (or a
// name for its type) and the usage without the quotes.
func UnquoteUsage(fl *Flag) (string, string) {
	usage := fl.Usage
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			name := usage[i+1 : i+1+j]
			return name, usage[:i] + name + usage[i+j+2:]
		}
	}
	return typeName(fl.Value), usage
}

func typeName(v Value) string {
	switch v.(type) {
	case boolFlag:
		return ""
	case *float64Value:
		return "float"
	case *intValue, *int64Value:
		return "int"
	case *stringValue:
		return "string"
	case *uintValue, *uint64Value:
		return "uint"
	}
	return "value"
}

// isZeroValue reports whether value is what a zero Value of the flag's type
// prints. Without reflection only the package's own types are known; for
// others the empty string counts as zero.
func isZeroValue(fl *Flag, value string) bool {
	switch fl.Value.(type) {
	case *boolValue:
		return value == "false"
	case *intValue, *int64Value, *uintValue, *uint64Value, *float64Value:
		return value == "0"
	}
	return value == ""
}

// PrintDefaults prints the defined flags and their defaults to the output.
func (f *FlagSet) PrintDefaults() {
	f.VisitAll(func(fl *Flag) {
		var b strings.Builder
		b.WriteString("  -" + fl.Name)
		name, usage := UnquoteUsage(fl)
		if len(name) > 0 {
			b.WriteString(" " + name)
		}
		// One-letter flags without a value name keep usage on their line.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroValue(fl, fl.DefValue) {
			if _, ok := fl.Value.(*stringValue); ok {
				b.WriteString(fmt.Sprintf(" (default %q)", fl.DefValue))
			} else {
				b.WriteString(fmt.Sprintf(" (default %v)", fl.DefValue))
			}
		}
		f.out(b.String() + "\n")
	})
}
