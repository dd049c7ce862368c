// The strings package on a small config-file parser and assorted calls.
package main

import (
	"fmt"
	"sort"
	"strings"
)

const config = `
# server settings
name = mgoc-server
  port= 8080
hosts = alpha, beta ,gamma
[db]
user =admin
password = "s3cr=t"
bad line
`

func parse(text string) (map[string]string, []string) {
	vals := map[string]string{}
	var errs []string
	section := ""
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.Trim(line, "[]") + "."
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			errs = append(errs, fmt.Sprintf("line %d: no '=' in %q", n, line))
			continue
		}
		vals[section+strings.TrimSpace(key)] = strings.Trim(strings.TrimSpace(val), `"`)
	}
	return vals, errs
}

func main() {
	vals, errs := parse(config)
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-12s = %q\n", k, vals[k])
	}
	fmt.Println(errs)
	hosts := strings.Split(vals["hosts"], ",")
	for i := range hosts {
		hosts[i] = strings.TrimSpace(hosts[i])
	}
	fmt.Println(hosts, len(hosts), strings.Join(hosts, "|"))

	s := "Hello, Gophers! Hello, world!"
	fmt.Println(strings.Replace(s, "Hello", "Bye", 1), "/", strings.ReplaceAll(s, "l", "L"))
	fmt.Println(strings.Index(s, "Go"), strings.IndexByte(s, '!'), strings.IndexRune(s, 'w'), strings.IndexAny(s, "xyz!"), strings.LastIndexAny(s, "lo"))
	fmt.Println(strings.Contains(s, "Goph"), strings.ContainsAny(s, "?;"), strings.ContainsRune(s, 'G'), strings.Count(s, "l"), strings.Count("five", ""))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Fields("  leading and   trailing  "))
	fmt.Printf("%q %q %q\n", strings.TrimLeft("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("%q %q\n", strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }), strings.TrimRight("path///", "/"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.Repeat("ab", 3), strings.ToTitle("loud"), strings.Title("hello wide world"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x\">Tom & Jerry</a>"))
	before, after, found := strings.Cut("key:value:more", ":")
	fmt.Println(before, after, found)
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.EqualFold("GoLang", "golang"))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.IndexFunc("abc1", func(r rune) bool { return r == '1' }))
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		sb.WriteString(fmt.Sprintf("%d...", i))
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String())
}
