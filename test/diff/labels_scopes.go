// Control flow: labeled break and continue over nested loops, switch with
// init statements and fallthrough, shadowing in if/else chains.
package main

import "fmt"

func findPair(grid [][]int, target int) (int, int, bool) {
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == target {
				return i, j, true
			}
			if v > 100 {
				break outer
			}
		}
	}
	return -1, -1, false
}

func classify(n int) string {
	switch r := n % 15; {
	case r == 0:
		return "FizzBuzz"
	case r%3 == 0:
		return "Fizz"
	case r%5 == 0:
		return "Buzz"
	}
	return fmt.Sprint(n)
}

func grade(score int) (g string) {
	switch {
	case score >= 90:
		g = "A"
		fallthrough
	case score >= 80:
		g += "B"
		fallthrough
	case score >= 70:
		g += "C"
	default:
		g = "F"
	}
	return
}

func main() {
	grid := [][]int{{1, 2, -1, 7}, {3, 7, 5}, {200, 9}, {9}}
	for _, t := range []int{7, 5, 9, 42} {
		i, j, ok := findPair(grid, t)
		fmt.Println(t, i, j, ok)
	}
	for n := 1; n <= 15; n++ {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	for _, s := range []int{95, 85, 75, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	x := 1
	if x := x * 10; x > 5 {
		x++
		fmt.Println("inner x", x)
	} else if y := x + 1; y > 0 {
		fmt.Println("y", y)
	}
	fmt.Println("outer x", x)
	count := 0
loop:
	for i := 0; ; i++ {
		switch {
		case i%2 == 0:
			continue
		case i > 9:
			break loop
		}
		count += i
	}
	fmt.Println("sum of odd below 10:", count)
	n := 0
	for n < 100 {
		n = n*2 + 1
	}
	fmt.Println(n)
	switch c := 'x'; c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	case 'x', 'y':
		fmt.Println("x or y")
		if c == 'x' {
			break
		}
		fmt.Println("never")
	default:
		fmt.Println("other")
	}
}
