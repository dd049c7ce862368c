// A shopping cart: discount rules as a slice of interface values, each a
// small struct type; a receipt with computed totals and a Stringer.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Line struct {
	SKU   string
	Price int // cents
	Qty   int
}

type Cart struct {
	lines map[string]*Line
}

func (c *Cart) Add(sku string, price, qty int) {
	if c.lines == nil {
		c.lines = map[string]*Line{}
	}
	if l, ok := c.lines[sku]; ok {
		l.Qty += qty
		return
	}
	c.lines[sku] = &Line{sku, price, qty}
}

func (c *Cart) Sorted() []*Line {
	out := make([]*Line, 0, len(c.lines))
	for _, l := range c.lines {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out
}

type Rule interface {
	Discount(c *Cart) (cents int, why string)
}

type BuyNGetOne struct {
	SKU string
	N   int
}

func (r BuyNGetOne) Discount(c *Cart) (int, string) {
	l, ok := c.lines[r.SKU]
	if !ok {
		return 0, ""
	}
	free := l.Qty / (r.N + 1)
	return free * l.Price, fmt.Sprintf("buy %d %s get 1 free x%d", r.N, r.SKU, free)
}

type PercentOver struct {
	Threshold, Percent int
}

func (r *PercentOver) Discount(c *Cart) (int, string) {
	total := 0
	for _, l := range c.lines {
		total += l.Price * l.Qty
	}
	if total < r.Threshold {
		return 0, ""
	}
	return total * r.Percent / 100, fmt.Sprintf("%d%% over %s", r.Percent, cents(r.Threshold))
}

type cents int

func (c cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, int(c)/100, int(c)%100)
}

func main() {
	var c Cart
	c.Add("apple", 45, 3)
	c.Add("bread", 325, 1)
	c.Add("apple", 45, 4)
	c.Add("cheese", 899, 2)
	rules := []Rule{BuyNGetOne{"apple", 2}, &PercentOver{2000, 10}, BuyNGetOne{"milk", 1}}
	var sb strings.Builder
	subtotal := 0
	for _, l := range c.Sorted() {
		amt := l.Price * l.Qty
		subtotal += amt
		sb.WriteString(fmt.Sprintf("%-8s %3d x %7v = %8v\n", l.SKU, l.Qty, cents(l.Price), cents(amt)))
	}
	total := subtotal
	for _, r := range rules {
		if d, why := r.Discount(&c); d > 0 {
			total -= d
			sb.WriteString(fmt.Sprintf("%-30s %8v\n", why, cents(-d)))
		}
	}
	sb.WriteString(fmt.Sprintf("%-30s %8v\n%-30s %8v\n", "subtotal", cents(subtotal), "total", cents(total)))
	fmt.Print(sb.String())
	fmt.Printf("%v %T %T\n", cents(5), rules[0], rules[1])
}
