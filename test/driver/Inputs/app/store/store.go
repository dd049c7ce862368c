// Package store keeps named lists; its ids come from an internal package.
package store

import (
	"fmt"

	"example.com/app/internal/ids"
)

type Store struct {
	name  string
	items []string
	id    int
}

var Created = 0

func New(name string) *Store {
	Created++
	return &Store{name: name, id: ids.Next()}
}

func (s *Store) Add(item string) { s.items = append(s.items, item) }

func init() {
	fmt.Println("store init (store.go)", platform, ids.Prefix)
}
