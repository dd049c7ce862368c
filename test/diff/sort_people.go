// sort: sort.Interface, Stable vs Slice, Reverse, Search, and *AreSorted.
package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
	City string
}

func (p Person) String() string { return fmt.Sprintf("%s(%d,%s)", p.Name, p.Age, p.City) }

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	people := []Person{
		{"Alice", 30, "Paris"}, {"Bob", 25, "Rome"}, {"Carol", 35, "Oslo"},
		{"Dave", 25, "Paris"}, {"Eve", 30, "Rome"}, {"Frank", 40, "Oslo"},
		{"Grace", 25, "Oslo"}, {"Heidi", 35, "Paris"},
	}
	cp := append([]Person(nil), people...)
	sort.Stable(ByAge(cp))
	fmt.Println(cp)
	sort.SliceStable(cp, func(i, j int) bool { return cp[i].City < cp[j].City })
	fmt.Println(cp)
	sort.Sort(sort.Reverse(ByAge(cp)))
	fmt.Println(cp[0], cp[len(cp)-1], sort.IsSorted(ByAge(cp)))
	sort.Slice(cp, func(i, j int) bool {
		if cp[i].Age != cp[j].Age {
			return cp[i].Age < cp[j].Age
		}
		return cp[i].Name > cp[j].Name
	})
	fmt.Println(cp)
	ages := make([]int, len(people))
	for i, p := range people {
		ages[i] = p.Age
	}
	sort.Ints(ages)
	fmt.Println(ages, sort.IntsAreSorted(ages))
	i := sort.SearchInts(ages, 30)
	j := sort.Search(len(ages), func(k int) bool { return ages[k] > 30 })
	fmt.Println("30s at", i, "to", j, "missing 33 ->", sort.SearchInts(ages, 33))
	names := []string{"zed", "Amy", "bob", "amy", "Zoe"}
	sort.Strings(names)
	fmt.Println(names, sort.SearchStrings(names, "bob"))
	fl := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	fmt.Println(names)
	big := make([]int, 50)
	for k := range big {
		big[k] = (k * 37) % 50
	}
	sort.Sort(sort.Reverse(sort.IntSlice(big)))
	fmt.Println(big[:10], sort.IsSorted(sort.Reverse(sort.IntSlice(big))))
}
