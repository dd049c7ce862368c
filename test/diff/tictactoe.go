// Tic-tac-toe with a minimax player on an array board: both sides play
// perfectly, so the game is a draw; plus a few fixed positions.
package main

import (
	"fmt"
	"strings"
)

type Board [9]byte

var lines = [8][3]int{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}}

func (b Board) Winner() byte {
	for _, l := range lines {
		if b[l[0]] != ' ' && b[l[0]] == b[l[1]] && b[l[1]] == b[l[2]] {
			return b[l[0]]
		}
	}
	return 0
}

func (b Board) Full() bool { return !strings.Contains(string(b[:]), " ") }

func other(p byte) byte {
	if p == 'X' {
		return 'O'
	}
	return 'X'
}

var nodes int

func minimax(b Board, p byte) (score, move int) {
	nodes++
	if w := b.Winner(); w != 0 {
		if w == p {
			return 1, -1
		}
		return -1, -1
	}
	if b.Full() {
		return 0, -1
	}
	best, bestMove := -2, -1
	for i := range b {
		if b[i] != ' ' {
			continue
		}
		b[i] = p
		s, _ := minimax(b, other(p))
		b[i] = ' '
		if -s > best {
			best, bestMove = -s, i
		}
	}
	return best, bestMove
}

func (b Board) String() string {
	var rows []string
	for r := 0; r < 3; r++ {
		rows = append(rows, " "+strings.Join(strings.Split(string(b[r*3:r*3+3]), ""), " | "))
	}
	return strings.Join(rows, "\n---+---+---\n")
}

func parse(s string) Board {
	var b Board
	copy(b[:], strings.ReplaceAll(s, ".", " "))
	return b
}

func main() {
	for _, pos := range []string{"XX.OO....", "X.O.X.O..", "XOXOXOOX."} {
		b := parse(pos)
		s, m := minimax(b, 'X')
		fmt.Printf("%s: X to move, best %d score %d\n", pos, m, s)
	}
	b := parse(".........")
	p := byte('X')
	nodes = 0
	for b.Winner() == 0 && !b.Full() {
		_, m := minimax(b, p)
		b[m] = p
		p = other(p)
	}
	fmt.Println(b)
	w := b.Winner()
	fmt.Printf("winner=%q full=%v nodes=%d\n", w, b.Full(), nodes)
}
