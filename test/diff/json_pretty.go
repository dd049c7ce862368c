// A pretty-printer for JSON-like values built from map[string]any, []any
// and scalars: recursive type switches and sorted map keys.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func write(sb *strings.Builder, v any, indent int) {
	pad := strings.Repeat("  ", indent)
	switch v := v.(type) {
	case nil:
		sb.WriteString("null")
	case bool:
		sb.WriteString(strconv.FormatBool(v))
	case int:
		sb.WriteString(strconv.Itoa(v))
	case float64:
		sb.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	case string:
		sb.WriteString(strconv.Quote(v))
	case []any:
		if len(v) == 0 {
			sb.WriteString("[]")
			return
		}
		sb.WriteString("[\n")
		for i, e := range v {
			sb.WriteString(pad + "  ")
			write(sb, e, indent+1)
			if i < len(v)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "]")
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sb.WriteString("{\n")
		for i, k := range keys {
			sb.WriteString(pad + "  " + strconv.Quote(k) + ": ")
			write(sb, v[k], indent+1)
			if i < len(keys)-1 {
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		sb.WriteString(pad + "}")
	default:
		sb.WriteString(fmt.Sprintf("\"<%T>\"", v))
	}
}

func count(v any) (n int) {
	n = 1
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			n += count(e)
		}
	case map[string]any:
		for _, e := range v {
			n += count(e)
		}
	}
	return
}

func main() {
	doc := map[string]any{
		"name":    "mgoc",
		"version": 1.5,
		"stable":  false,
		"tags":    []any{"compiler", "go", 19},
		"owner":   nil,
		"deps": map[string]any{
			"llvm":  19,
			"boehm": map[string]any{"gc": true, "threads": []any{}},
		},
		"matrix": []any{[]any{1, 2}, []any{3, map[string]any{"x": "y\"z"}}},
		"odd":    struct{ A int }{1},
	}
	var sb strings.Builder
	write(&sb, doc, 0)
	fmt.Println(sb.String())
	fmt.Println("values:", count(doc))
	fmt.Println(doc["tags"], doc["deps"])
	if tags, ok := doc["tags"].([]any); ok {
		fmt.Println(len(tags), tags[2].(int)+1)
	}
	if _, ok := doc["version"].(int); !ok {
		fmt.Printf("version is %T\n", doc["version"])
	}
}
