// container/list and container/ring: an LRU cache and a round-robin.
package main

import (
	"container/list"
	"container/ring"
	"fmt"
)

type entry struct {
	key   string
	value int
}

type LRU struct {
	cap   int
	ll    *list.List
	items map[string]*list.Element
}

func NewLRU(n int) *LRU { return &LRU{n, list.New(), map[string]*list.Element{}} }

func (c *LRU) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).value, true
	}
	return 0, false
}

func (c *LRU) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).value = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
		fmt.Println("evict", last.Value.(*entry).key)
	}
}

func (c *LRU) String() string {
	s := "["
	for e := c.ll.Front(); e != nil; e = e.Next() {
		en := e.Value.(*entry)
		s += fmt.Sprintf(" %s:%d", en.key, en.value)
	}
	return s + " ]"
}

func main() {
	c := NewLRU(3)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	fmt.Println(c)
	v, ok := c.Get("a")
	fmt.Println(v, ok, c)
	c.Put("d", 4)
	c.Put("b", 20)
	c.Put("e", 5)
	_, ok = c.Get("c")
	fmt.Println(ok, c, len(c.items))

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.MoveToBack(e1)
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * 10
		r = r.Next()
	}
	r.Do(func(x any) { fmt.Print(x, " ") })
	fmt.Println()
	r = r.Move(2)
	removed := r.Unlink(2)
	sum := 0
	r.Do(func(x any) { sum += x.(int) })
	fmt.Println(sum, r.Len(), removed.Len(), removed.Value)
	players := ring.New(4)
	for _, name := range []string{"ann", "ben", "cat", "dan"} {
		players.Value = name
		players = players.Next()
	}
	for turn := 0; turn < 6; turn++ {
		fmt.Print(players.Value, " ")
		players = players.Next()
	}
	fmt.Println()
}
