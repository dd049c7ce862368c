// Package runtime's view of the stack: Caller, Callers, CallersFrames,
// FuncForPC and Stack over the line tables of every executable
// (runtime/symtab.cpp, runtime/traceback.cpp; docs/runtime.md, Tracebacks).
package runtime

// Up to n logical frames' pcs from the skip-th (0: the caller of callers)
// into pcs; how many.
func callers(skip int, pcs *uintptr, n int) int

// A pc's function name, the entry of the function whose code holds it, its
// file and line, and whether it is in an inlined call (empty, 0 and false
// outside Go code).
func funcName(pc uintptr) string
func funcEntry(pc uintptr) uintptr
func funcFile(pc uintptr) string
func funcLine(pc uintptr) int
func funcInlined(pc uintptr) bool

// The calling goroutine's traceback, as a panic prints it.
func stack(all bool) string

// Caller is the pc, file and line of a call on the goroutine's stack: skip
// 0 is the call of Caller itself, 1 the call of the function calling it.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var rpc [1]uintptr
	if callers(skip+1, &rpc[0], 1) == 0 {
		return 0, "", 0, false
	}
	frame, _ := CallersFrames(rpc[:]).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Callers stores the return pcs of the goroutine's logical frames in pc,
// from the skip-th (0: Callers' own, 1: its caller's), and returns how many
// it stored.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, &pc[0], len(pc))
}

// Frames walks the frames of pcs from Callers.
type Frames struct {
	callers []uintptr
}

// Frame is one logical frame: Func is nil for a call inlined there.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames walks the frames of callers, a result of Callers.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next is the next frame (pcs outside Go code are passed over) and whether
// another follows.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		// A return address: the call is the instruction before it.
		pc := ci.callers[0] - 1
		ci.callers = ci.callers[1:]
		entry := funcEntry(pc)
		if entry == 0 {
			continue
		}
		frame = Frame{PC: pc, Function: funcName(pc), File: funcFile(pc), Line: funcLine(pc), Entry: entry}
		if !funcInlined(pc) {
			frame.Func = &Func{pc: pc}
		}
		break
	}
	for len(ci.callers) > 0 && funcEntry(ci.callers[0]-1) == 0 {
		ci.callers = ci.callers[1:]
	}
	return frame, len(ci.callers) > 0
}

// Func is the function holding a pc.
type Func struct {
	pc uintptr
}

// FuncForPC is the function holding pc (the innermost of the calls inlined
// there), or nil outside Go code.
func FuncForPC(pc uintptr) *Func {
	if funcEntry(pc) == 0 {
		return nil
	}
	return &Func{pc: pc}
}

// Name is gc's name of the function: main.(*T).M, main.main.func1.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.pc)
}

// Entry is the address of the code holding the function's pc (the outer
// function's, for an inlined call).
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return funcEntry(f.pc)
}

// FileLine is the source position of the code at pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return funcFile(pc), funcLine(pc)
}

// Stack copies the calling goroutine's traceback into buf and returns how
// many bytes it copied. With all, Go adds every other goroutine's; mgoc does
// not yet.
func Stack(buf []byte, all bool) int {
	return copy(buf, stack(all))
}

// GOROOT returns the root of the Go tree: $GOROOT if set, else the Go
// installation whose library sources mgoc was configured with, as gc's is
// the GOROOT its toolchain was built with.
func GOROOT() string
