// The sieve of Eratosthenes, Goldbach partitions, twin primes, and prime
// factorisation into a map printed in key order.
package main

import (
	"fmt"
	"strings"
)

func sieve(n int) []bool {
	composite := make([]bool, n+1)
	composite[0], composite[1] = true, true
	for i := 2; i*i <= n; i++ {
		if !composite[i] {
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return composite
}

func factor(n int) map[int]int {
	f := map[int]int{}
	for d := 2; d*d <= n; d++ {
		for n%d == 0 {
			f[d]++
			n /= d
		}
	}
	if n > 1 {
		f[n]++
	}
	return f
}

func main() {
	const N = 200
	comp := sieve(N)
	var primes []int
	for i, c := range comp {
		if !c {
			primes = append(primes, i)
		}
	}
	fmt.Println(len(primes), primes[:10], primes[len(primes)-3:])
	for _, even := range []int{4, 28, 100, 198} {
		var parts []string
		for _, p := range primes {
			if p > even/2 {
				break
			}
			if !comp[even-p] {
				parts = append(parts, fmt.Sprintf("%d+%d", p, even-p))
			}
		}
		fmt.Printf("%3d: %d ways, %s\n", even, len(parts), strings.Join(parts, " "))
	}
	twins := 0
	for i := 0; i+1 < len(primes); i++ {
		if primes[i+1]-primes[i] == 2 {
			twins++
		}
	}
	fmt.Println("twin pairs below", N, twins)
	for _, n := range []int{360, 97, 1024, 9999, 123456} {
		fmt.Println(n, factor(n))
	}
}
