// A turnstile and a traffic light as state machines: transition tables
// keyed by struct values, actions stored as function fields.
package main

import (
	"errors"
	"fmt"
	"sort"
)

type State string
type Event string

type transition struct {
	from State
	on   Event
}

type Machine struct {
	state   State
	table   map[transition]State
	onEnter map[State]func(from State)
	history []State
	coins   int
}

func NewTurnstile() *Machine {
	m := &Machine{state: "locked", table: map[transition]State{
		{"locked", "coin"}:   "unlocked",
		{"locked", "push"}:   "locked",
		{"unlocked", "push"}: "locked",
		{"unlocked", "coin"}: "unlocked",
		{"locked", "kick"}:   "broken",
	}}
	m.onEnter = map[State]func(State){
		"unlocked": func(from State) { m.coins++ },
		"broken":   func(from State) { fmt.Println("  alarm! broken from", from) },
	}
	return m
}

func (m *Machine) Fire(e Event) error {
	next, ok := m.table[transition{m.state, e}]
	if !ok {
		return errors.New(fmt.Sprintf("no transition from %s on %s", m.state, e))
	}
	m.history = append(m.history, m.state)
	prev := m.state
	m.state = next
	if f := m.onEnter[next]; f != nil {
		f(prev)
	}
	return nil
}

func main() {
	m := NewTurnstile()
	for _, e := range []Event{"push", "coin", "coin", "push", "kick", "coin"} {
		if err := m.Fire(e); err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%-5s -> %s\n", e, m.state)
	}
	fmt.Println(m.history, m.coins)
	var froms []string
	for t := range m.table {
		froms = append(froms, string(t.from)+"/"+string(t.on))
	}
	sort.Strings(froms)
	fmt.Println(froms)

	type light struct {
		name  string
		ticks int
		next  string
	}
	cycle := map[string]light{
		"green":  {"green", 3, "yellow"},
		"yellow": {"yellow", 1, "red"},
		"red":    {"red", 2, "green"},
	}
	cur := cycle["red"]
	for t, left := 0, cur.ticks; t < 12; t++ {
		fmt.Print(cur.name[:1])
		left--
		if left == 0 {
			cur = cycle[cur.next]
			left = cur.ticks
		}
	}
	fmt.Println()
}
