// Error values: sentinels, custom error types, errors.Is and errors.As.
package main

import (
	"errors"
	"fmt"
	"sort"
)

var ErrNoAccount = errors.New("no such account")
var ErrFrozen = errors.New("account frozen")

type InsufficientFunds struct {
	Account string
	Need    int
	Have    int
}

func (e *InsufficientFunds) Error() string {
	return fmt.Sprintf("%s: need %d, have %d", e.Account, e.Need, e.Have)
}

type wrapped struct {
	op  string
	err error
}

func (w wrapped) Error() string { return w.op + ": " + w.err.Error() }
func (w wrapped) Unwrap() error { return w.err }

type Bank struct {
	balances map[string]int
	frozen   map[string]bool
	log      []string
}

func NewBank() *Bank {
	return &Bank{balances: map[string]int{}, frozen: map[string]bool{}}
}

func (b *Bank) Open(name string, amount int) { b.balances[name] = amount }

func (b *Bank) withdraw(name string, amount int) error {
	bal, ok := b.balances[name]
	if !ok {
		return ErrNoAccount
	}
	if b.frozen[name] {
		return ErrFrozen
	}
	if bal < amount {
		return &InsufficientFunds{name, amount, bal}
	}
	b.balances[name] = bal - amount
	return nil
}

func (b *Bank) Transfer(from, to string, amount int) error {
	if _, ok := b.balances[to]; !ok {
		return wrapped{"transfer to " + to, ErrNoAccount}
	}
	if err := b.withdraw(from, amount); err != nil {
		return wrapped{"transfer from " + from, err}
	}
	b.balances[to] += amount
	b.log = append(b.log, fmt.Sprintf("%s->%s %d", from, to, amount))
	return nil
}

func main() {
	b := NewBank()
	b.Open("alice", 100)
	b.Open("bob", 20)
	b.Open("carol", 0)
	b.frozen["carol"] = true
	tries := []struct {
		from, to string
		amt      int
	}{
		{"alice", "bob", 30},
		{"bob", "alice", 80},
		{"carol", "bob", 1},
		{"dave", "bob", 5},
		{"alice", "erin", 5},
		{"bob", "carol", 50},
	}
	for _, t := range tries {
		err := b.Transfer(t.from, t.to, t.amt)
		var inf *InsufficientFunds
		switch {
		case err == nil:
			fmt.Println("ok")
		case errors.Is(err, ErrNoAccount):
			fmt.Println("missing account:", err)
		case errors.Is(err, ErrFrozen):
			fmt.Println("frozen:", err)
		case errors.As(err, &inf):
			fmt.Printf("short by %d (%v)\n", inf.Need-inf.Have, err)
		default:
			fmt.Println("other", err)
		}
		fmt.Println("  unwrap:", errors.Unwrap(err))
	}
	names := make([]string, 0, len(b.balances))
	for n := range b.balances {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%-6s %4d\n", n, b.balances[n])
	}
	fmt.Println(b.log, len(b.log))
	fmt.Println(b.balances)
}
