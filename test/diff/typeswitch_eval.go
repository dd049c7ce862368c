// A tiny expression evaluator over interface values: type switches with
// several types per case, a nil case, and assertions to interfaces.
package main

import (
	"fmt"
	"strings"
)

type Expr interface {
	Eval(env map[string]float64) float64
}

type Num float64
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}
type Call struct {
	Fn   string
	Args []Expr
}

func (n Num) Eval(map[string]float64) float64     { return float64(n) }
func (v Var) Eval(env map[string]float64) float64 { return env[string(v)] }
func (b *Bin) Eval(env map[string]float64) float64 {
	l, r := b.L.Eval(env), b.R.Eval(env)
	switch b.Op {
	case '+':
		return l + r
	case '-':
		return l - r
	case '*':
		return l * r
	case '/':
		return l / r
	}
	panic("bad op " + string(b.Op))
}
func (c Call) Eval(env map[string]float64) float64 {
	best := c.Args[0].Eval(env)
	for _, a := range c.Args[1:] {
		v := a.Eval(env)
		if c.Fn == "max" && v > best || c.Fn == "min" && v < best {
			best = v
		}
	}
	return best
}

func show(e Expr) string {
	switch e := e.(type) {
	case nil:
		return "<nil>"
	case Num:
		return fmt.Sprint(float64(e))
	case Var:
		return string(e)
	case *Bin:
		return "(" + show(e.L) + " " + string(e.Op) + " " + show(e.R) + ")"
	case Call:
		var args []string
		for _, a := range e.Args {
			args = append(args, show(a))
		}
		return e.Fn + "(" + strings.Join(args, ", ") + ")"
	}
	return "?"
}

func kind(x interface{}) string {
	switch v := x.(type) {
	case int, int8, int16, int32, int64:
		return fmt.Sprintf("signed %T %v", v, v)
	case uint, uint8, uint16, uint32, uint64:
		return fmt.Sprintf("unsigned %T", v)
	case float32, float64:
		return fmt.Sprintf("float %v", v)
	case string:
		return "string of " + fmt.Sprint(len(v))
	case Expr:
		return "expr " + show(v)
	case error:
		return "error " + v.Error()
	case nil:
		return "nil"
	case []interface{}:
		parts := []string{}
		for _, p := range v {
			parts = append(parts, kind(p))
		}
		return "[" + strings.Join(parts, "; ") + "]"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	env := map[string]float64{"x": 3, "y": 4}
	exprs := []Expr{
		Num(2),
		Var("x"),
		&Bin{'+', Var("x"), Num(1)},
		&Bin{'*', &Bin{'-', Var("y"), Num(1.5)}, Var("x")},
		Call{"max", []Expr{Var("x"), Var("y"), Num(-1)}},
		&Bin{'/', Call{"min", []Expr{Num(10), Var("y")}}, Num(8)},
		nil,
	}
	for _, e := range exprs {
		if e == nil {
			fmt.Println(show(e), "skipped")
			continue
		}
		fmt.Printf("%-28s = %g\n", show(e), e.Eval(env))
	}
	var u8 uint8 = 7
	for _, x := range []interface{}{1, int8(-2), u8, 2.5, float32(0.5), "hey", Num(1), &Bin{'+', Num(1), Num(2)}, nil, []interface{}{1, "a", nil}, struct{}{}, map[string]int{}} {
		fmt.Println(kind(x))
	}
}
