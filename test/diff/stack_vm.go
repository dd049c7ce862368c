// A tiny stack-based bytecode VM: an opcode enum with String, a function
// table indexed by opcode, jumps, and a trace of execution.
package main

import (
	"fmt"
	"strings"
)

type Op byte

const (
	PUSH Op = iota
	ADD
	MUL
	DUP
	SWAP
	JNZ
	DEC
	PRINT
	HALT
)

var opNames = map[Op]string{PUSH: "PUSH", ADD: "ADD", MUL: "MUL", DUP: "DUP", SWAP: "SWAP", JNZ: "JNZ", DEC: "DEC", PRINT: "PRINT", HALT: "HALT"}

func (o Op) String() string {
	if n, ok := opNames[o]; ok {
		return n
	}
	return fmt.Sprintf("Op(%d)", byte(o))
}

type Instr struct {
	Op  Op
	Arg int
}

type VM struct {
	stack []int
	pc    int
	out   []string
	steps int
}

func (vm *VM) push(v int) { vm.stack = append(vm.stack, v) }
func (vm *VM) pop() int {
	v := vm.stack[len(vm.stack)-1]
	vm.stack = vm.stack[:len(vm.stack)-1]
	return v
}

var exec = [...]func(vm *VM, arg int){
	PUSH:  func(vm *VM, arg int) { vm.push(arg) },
	ADD:   func(vm *VM, _ int) { vm.push(vm.pop() + vm.pop()) },
	MUL:   func(vm *VM, _ int) { vm.push(vm.pop() * vm.pop()) },
	DUP:   func(vm *VM, _ int) { v := vm.pop(); vm.push(v); vm.push(v) },
	SWAP:  func(vm *VM, _ int) { a, b := vm.pop(), vm.pop(); vm.push(a); vm.push(b) },
	DEC:   func(vm *VM, _ int) { vm.push(vm.pop() - 1) },
	PRINT: func(vm *VM, _ int) { vm.out = append(vm.out, fmt.Sprint(vm.stack[len(vm.stack)-1])) },
}

func (vm *VM) Run(prog []Instr, trace bool) {
	for vm.pc < len(prog) {
		in := prog[vm.pc]
		vm.steps++
		if trace {
			fmt.Printf("%3d %-5v %3d %v\n", vm.pc, in.Op, in.Arg, vm.stack)
		}
		vm.pc++
		switch in.Op {
		case HALT:
			return
		case JNZ:
			if vm.stack[len(vm.stack)-1] != 0 {
				vm.pc = in.Arg
			}
		default:
			exec[in.Op](vm, in.Arg)
		}
	}
}

func main() {
	// factorial of 5: acc n -> loop: acc*=n; n--; while n != 0
	fact := []Instr{{PUSH, 1}, {PUSH, 5}, {DUP, 0}, {SWAP, 0}, {PUSH, 0}, {ADD, 0},
		{SWAP, 0}, {DUP, 0}, {PRINT, 0}, {HALT, 0}}
	vm := &VM{}
	vm.Run(fact, true)
	fmt.Println(vm.stack, vm.out, vm.steps)
	loop := []Instr{{PUSH, 1}, {PUSH, 6}, {DUP, 0}, {PRINT, 0}, {SWAP, 0}, {PUSH, 0}, {ADD, 0},
		{SWAP, 0}, {DEC, 0}, {JNZ, 2}, {HALT, 0}}
	vm2 := &VM{}
	vm2.Run(loop, false)
	fmt.Println(strings.Join(vm2.out, ","), vm2.stack, vm2.steps)
	fmt.Println(Op(3), Op(42), []Op{PUSH, HALT})
}
