// An inventory: maps of struct values (updated by reassigning), maps of
// pointers (updated in place), struct comparison, and a report.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU   string
	Name  string
	Qty   int
	Price float64
}

type Warehouse struct {
	Name  string
	Stock map[string]Item
}

type Order struct {
	SKU string
	Qty int
}

func (w *Warehouse) Fill(o Order) (ok bool, reason string) {
	it, found := w.Stock[o.SKU]
	switch {
	case !found:
		return false, "unknown sku"
	case it.Qty < o.Qty:
		return false, fmt.Sprintf("only %d left", it.Qty)
	}
	it.Qty -= o.Qty
	w.Stock[o.SKU] = it
	return true, ""
}

func (w Warehouse) Value() float64 {
	v := 0.0
	for _, it := range w.Stock {
		v += float64(it.Qty) * it.Price
	}
	return v
}

func main() {
	w := &Warehouse{"main", map[string]Item{
		"A1": {"A1", "bolt", 100, 0.25},
		"B2": {"B2", "nut", 250, 0.1},
		"C3": {"C3", "gear", 5, 12.5},
	}}
	orders := []Order{{"A1", 30}, {"C3", 6}, {"Z9", 1}, {"C3", 5}, {"B2", 250}}
	for _, o := range orders {
		ok, why := w.Fill(o)
		fmt.Printf("%+v ok=%-5t %s\n", o, ok, why)
	}
	skus := make([]string, 0, len(w.Stock))
	for s := range w.Stock {
		skus = append(skus, s)
	}
	sort.Strings(skus)
	fmt.Println(strings.Repeat("-", 30))
	for _, s := range skus {
		it := w.Stock[s]
		fmt.Printf("%-3s %-5s %4d @ %5.2f\n", it.SKU, it.Name, it.Qty, it.Price)
	}
	fmt.Printf("value %.2f\n", w.Value())
	byPtr := map[string]*Item{}
	for s, it := range w.Stock {
		it := it
		byPtr[s] = &it
	}
	byPtr["A1"].Qty += 1000
	fmt.Println(byPtr["A1"].Qty, w.Stock["A1"].Qty, *byPtr["C3"] == w.Stock["C3"])
	a := Item{"X", "x", 1, 1}
	b := a
	b.Qty = 2
	fmt.Println(a == b, a != b, a == Item{"X", "x", 1, 1})
	fmt.Println(w.Stock)
}
