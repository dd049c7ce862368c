// Command unicode writes stdlib/unicode/tables.go from Go's own unicode package: each
// range table as a string of 8-byte records (lo:3 hi:3 stride:2, big-endian)
// so that importing unicode costs mgoc one string constant per table.
//
// Run from the repository root:
//
//	go run tools/stdlibgen/unicode/main.go | gofmt > stdlib/unicode/tables.go
package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"
)

func ranges(t *unicode.RangeTable) []byte {
	var b []byte
	put := func(lo, hi, st uint32) {
		b = append(b, byte(lo>>16), byte(lo>>8), byte(lo), byte(hi>>16), byte(hi>>8), byte(hi), byte(st>>8), byte(st))
	}
	for _, r := range t.R16 {
		put(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range t.R32 {
		put(r.Lo, r.Hi, r.Stride)
	}
	return b
}

func put3(b []byte, v int32) []byte {
	u := uint32(v) & 0xFFFFFF
	return append(b, byte(u>>16), byte(u>>8), byte(u))
}

func caseRanges() []byte {
	var b []byte
	for _, c := range unicode.CaseRanges {
		b = put3(b, int32(c.Lo))
		b = put3(b, int32(c.Hi))
		for _, d := range c.Delta {
			b = put3(b, d)
		}
	}
	return b
}

// foldExceptions lists the runes whose SimpleFold is not the default
// (ToLower if different, else ToUpper): the case orbits of 3+ runes.
func foldExceptions() []byte {
	var b []byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := unicode.SimpleFold(r)
		def := unicode.ToLower(r)
		if def == r {
			def = unicode.ToUpper(r)
		}
		if f != def {
			b = put3(b, r)
			b = put3(b, f)
		}
	}
	return b
}

func emit(w *strings.Builder, name, doc string, data []byte) {
	fmt.Fprintf(w, "// %s\nconst %s = \"\" +\n", doc, name)
	for i := 0; i < len(data); i += 48 {
		end := i + 48
		if end > len(data) {
			end = len(data)
		}
		var sb strings.Builder
		for _, c := range data[i:end] {
			fmt.Fprintf(&sb, "\\x%02x", c)
		}
		sep := " +"
		if end == len(data) {
			sep = ""
		}
		fmt.Fprintf(w, "\t\"%s\"%s\n", sb.String(), sep)
	}
	fmt.Fprintln(w)
}

func main() {
	var w strings.Builder
	fmt.Fprintf(&w, "// Code generated from Go %s's unicode tables (Unicode %s); DO NOT EDIT.\n\npackage unicode\n\n", "1.19", unicode.Version)
	emit(&w, "tabLetter", "Category L: 8-byte records lo:3 hi:3 stride:2.", ranges(unicode.Letter))
	emit(&w, "tabUpper", "Category Lu.", ranges(unicode.Upper))
	emit(&w, "tabLower", "Category Ll.", ranges(unicode.Lower))
	emit(&w, "tabTitle", "Category Lt.", ranges(unicode.Title))
	emit(&w, "tabMark", "Category M.", ranges(unicode.Mark))
	emit(&w, "tabNumber", "Category N.", ranges(unicode.Number))
	emit(&w, "tabDigit", "Category Nd.", ranges(unicode.Digit))
	emit(&w, "tabPunct", "Category P.", ranges(unicode.Punct))
	emit(&w, "tabSymbol", "Category S.", ranges(unicode.Symbol))
	emit(&w, "tabSpaceSep", "Category Zs.", ranges(unicode.Zs))
	emit(&w, "tabWhiteSpace", "Property White_Space.", ranges(unicode.White_Space))
	emit(&w, "tabCase", "Case mappings: 15-byte records lo:3 hi:3 then the deltas to upper, lower\n// and title case (3 bytes, signed); a delta of MaxRune+1 marks alternating\n// upper/lower pairs.", caseRanges())
	emit(&w, "tabFoldOrbit", "SimpleFold where it differs from the plain case mapping: 6-byte records\n// rune:3 fold:3, sorted by rune.", foldExceptions())
	os.Stdout.WriteString(w.String())
}
