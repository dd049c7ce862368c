// math/rand with fixed seeds: the same sequences as Go, dice statistics,
// a shuffled deck and a random walk.
package main

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

func main() {
	rand.Seed(42)
	var rolls [7]int
	for i := 0; i < 6000; i++ {
		rolls[rand.Intn(6)+1]++
	}
	fmt.Println(rolls[1:])
	r := rand.New(rand.NewSource(7))
	fmt.Println(r.Intn(100), r.Int63(), r.Int31n(10), r.Uint32(), r.Float64())
	fmt.Println(r.Perm(8))
	suits := []string{"♠", "♥", "♦", "♣"}
	ranks := strings.Fields("A 2 3 4 5 6 7 8 9 10 J Q K")
	var deck []string
	for _, s := range suits {
		for _, rk := range ranks {
			deck = append(deck, rk+s)
		}
	}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	hand := append([]string(nil), deck[:5]...)
	sort.Strings(hand)
	fmt.Println(deck[:5], hand)
	x, y := 0, 0
	walk := rand.New(rand.NewSource(2023))
	for i := 0; i < 1000; i++ {
		switch walk.Intn(4) {
		case 0:
			x++
		case 1:
			x--
		case 2:
			y++
		default:
			y--
		}
	}
	fmt.Println("walk ends at", x, y)
	inside := 0
	mc := rand.New(rand.NewSource(1))
	const n = 20000
	for i := 0; i < n; i++ {
		a, b := mc.Float64(), mc.Float64()
		if a*a+b*b < 1 {
			inside++
		}
	}
	fmt.Printf("pi ~ %.4f\n", 4*float64(inside)/n)
	fmt.Println(rand.Int63n(1000), rand.Float32() < 1, mc.Int())
}
