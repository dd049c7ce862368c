// Word frequencies: strings.Fields, maps, sort.Slice with a tie-break.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness`

type entry struct {
	word  string
	count int
}

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	fmt.Println(len(words), "words")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	var entries []entry
	for w, c := range counts {
		entries = append(entries, entry{w, c})
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].count != entries[j].count {
			return entries[i].count > entries[j].count
		}
		return entries[i].word < entries[j].word
	})
	for _, e := range entries[:8] {
		fmt.Printf("%-12s %3d %s\n", e.word, e.count, strings.Repeat("*", e.count))
	}
	byLen := map[int][]string{}
	for w := range counts {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	for l := range byLen {
		sort.Strings(byLen[l])
	}
	fmt.Println(byLen)
	fmt.Printf("%v\n", entries[len(entries)-3:])
	fmt.Printf("%+v\n", entries[0])
	first := strings.Split(text, "\n")[0]
	fmt.Println(strings.Count(first, "it"), strings.Index(first, "times"), strings.LastIndex(first, "times"))
	fmt.Println(strings.Join(strings.Fields(first)[:4], "_"))
}
