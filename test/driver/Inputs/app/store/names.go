package store

import (
	"fmt"
	"strings"
)

func (s *Store) Name() string { return strings.ToUpper(s.name) + fmt.Sprint("#", s.id) }

func (s *Store) Len() int { return len(s.items) }

func init() {
	fmt.Println("store init (names.go)")
}
