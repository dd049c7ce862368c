// Value semantics: arrays and structs copy, slices and maps share,
// range copies elements, and pointers alias.
package main

import "fmt"

type Team struct {
	Name    string
	Scores  [3]int
	Players []string
	Meta    map[string]string
}

func bumpArray(a [3]int) [3]int { a[0] += 100; return a }
func bumpSlice(s []int)         { s[0] += 100 }
func bumpTeam(t Team)           { t.Scores[1] = -1; t.Players[0] = "changed"; t.Name = "renamed" }
func bumpTeamPtr(t *Team)       { t.Scores[1] = -1; t.Name = "renamed" }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	c := bumpArray(a)
	fmt.Println(a, b, c, a == [3]int{1, 2, 3})
	s := []int{1, 2, 3}
	t := s
	t[1] = 20
	bumpSlice(s)
	fmt.Println(s, t)
	u := append(s[:1], 7)
	fmt.Println(s, u, len(u), cap(u))
	w := make([]int, len(s))
	copy(w, s)
	w[0] = 0
	fmt.Println(s, w)

	team := Team{"red", [3]int{1, 2, 3}, []string{"ann", "bob"}, map[string]string{"k": "v"}}
	bumpTeam(team)
	fmt.Printf("%+v\n", team)
	bumpTeamPtr(&team)
	fmt.Printf("%+v\n", team)
	clone := team
	clone.Meta["k"] = "shared"
	clone.Scores[0] = 42
	fmt.Println(team.Meta, team.Scores, clone.Scores)

	teams := []Team{{Name: "x"}, {Name: "y"}}
	for _, tm := range teams {
		tm.Name += "!"
	}
	fmt.Println(teams[0].Name, teams[1].Name)
	for i := range teams {
		teams[i].Name += "!"
	}
	fmt.Println(teams[0].Name, teams[1].Name)
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println("range over array copy sees", v)
		}
	}
	arr = [3]int{1, 2, 3}
	for i, v := range arr[:] {
		arr[2] = 100
		if i == 2 {
			fmt.Println("range over slice sees", v)
		}
	}
	pa := &arr
	pa[0] = -1
	for i := range pa {
		pa[i] *= 2
	}
	fmt.Println(arr, len(pa))
	grid := [2][2]int{{1, 2}, {3, 4}}
	row := grid[0]
	row[0] = 99
	fmt.Println(grid, row)
	m := map[string][]int{"a": {1}}
	m["a"][0] = 5
	sl := m["a"]
	sl = append(sl, 6)
	fmt.Println(m, sl)
}
