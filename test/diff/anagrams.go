// Group anagrams by a sorted-rune key, then report the groups in order;
// a [26]int letter-count array as a map key does the same.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func sortedKey(w string) string {
	r := []rune(strings.ToLower(w))
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return string(r)
}

func countKey(w string) [26]int {
	var k [26]int
	for _, c := range strings.ToLower(w) {
		if c >= 'a' && c <= 'z' {
			k[c-'a']++
		}
	}
	return k
}

func main() {
	words := strings.Fields("listen silent enlist google elgoog inlets banana tinsel stone tones notes onset seton abc cab bca Listen")
	groups := map[string][]string{}
	for _, w := range words {
		k := sortedKey(w)
		groups[k] = append(groups[k], w)
	}
	var keys []string
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(groups[keys[i]]) != len(groups[keys[j]]) {
			return len(groups[keys[i]]) > len(groups[keys[j]])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Printf("%-8s %d %v\n", k, len(groups[k]), groups[k])
	}
	byCount := map[[26]int]int{}
	for _, w := range words {
		byCount[countKey(w)]++
	}
	fmt.Println(len(groups), len(byCount), byCount[countKey("tinsel")], byCount[countKey("zzz")])
	singles := 0
	for _, n := range byCount {
		if n == 1 {
			singles++
		}
	}
	fmt.Println("singletons:", singles)
}
