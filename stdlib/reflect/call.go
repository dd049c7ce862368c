package reflect

import "unsafe"

// Calls in both directions go through codegen's per-signature stubs, which
// the func type's descriptor holds (docs/lowering.md, reflect): arguments
// and results travel as arrays of pointers to them.

type stubObj struct {
	code unsafe.Pointer
}

// callStubFunc makes a func value of the descriptor's call stub.
func callStubFunc(code unsafe.Pointer) func(code, ctx, args, results unsafe.Pointer) {
	var f func(code, ctx, args, results unsafe.Pointer)
	*(*unsafe.Pointer)(unsafe.Pointer(&f)) = unsafe.Pointer(&stubObj{code})
	return f
}

func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	v.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	v.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	t := v.typ
	fn := *(*unsafe.Pointer)(v.ptr)
	if fn == nil {
		panic("reflect.Value.Call: call of nil function")
	}
	isSlice := op == "CallSlice"
	n := t.nin
	isVariadic := t.variadic != 0
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].typ, t.param(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if !isSlice && isVariadic {
		m := len(in) - n
		st := t.param(n)
		slice := MakeSlice(st, m, m)
		elem := st.elem
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.typ; !xt.AssignableTo(elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		origIn := in
		in = make([]Value, n+1)
		copy(in[:n], origIn)
		in[n] = slice
	}
	if len(in) != t.nin {
		panic("reflect.Value.Call: wrong argument count")
	}
	args := make([]unsafe.Pointer, len(in)+1)
	for i, x := range in {
		args[i] = x.assignTo("reflect.Value.Call", t.param(i))
	}
	out := make([]Value, t.nout)
	results := make([]unsafe.Pointer, t.nout+1)
	for i := range out {
		rt := t.param(t.nin + i)
		p := unsafe_New(rt)
		results[i] = p
		out[i] = Value{rt, p, 0}
	}
	callStubFunc(t.callStub)(*(*unsafe.Pointer)(fn), fn, unsafe.Pointer(&args[0]), unsafe.Pointer(&results[0]))
	return out
}

// makeFuncObj is the closure object of a MakeFunc function: codegen's stub
// for the signature spills the arguments and calls dispatch.
type makeFuncObj struct {
	code     unsafe.Pointer
	dispatch func(args, results unsafe.Pointer)
}

// MakeFunc returns a new function of the given Type that wraps the function
// fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	dispatch := func(args, results unsafe.Pointer) {
		in := make([]Value, t.nin)
		for i := range in {
			at := t.param(i)
			p := unsafe_New(at)
			typedmemmove(at, p, *(*unsafe.Pointer)(unsafe.Add(args, uintptr(i)*8)))
			in[i] = Value{at, p, 0}
		}
		out := fn(in)
		if len(out) != t.nout {
			panic("reflect: wrong return count from function created by MakeFunc")
		}
		for i, v := range out {
			if v.typ == nil {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned zero Value")
			}
			if v.flag&flagRO != 0 {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned value obtained from unexported field")
			}
			rt := t.param(t.nin + i)
			if rt.Kind() != Interface && v.typ != rt {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned wrong type: have " + v.typ.String() + " for " + rt.String())
			}
			dst := *(*unsafe.Pointer)(unsafe.Add(results, uintptr(i)*8))
			typedmemmove(rt, dst, v.assignTo("reflect.MakeFunc", rt))
		}
	}
	obj := &makeFuncObj{t.makeFuncStub, dispatch}
	p := unsafe_New(t)
	*(*unsafe.Pointer)(p) = unsafe.Pointer(obj)
	return Value{t, p, 0}
}

// funcName names the function MakeFunc wraps in its panics; mgoc keeps no
// symbol table, so it is Go's name for an unnamed closure's.
func funcName(f func([]Value) []Value) string {
	return "func"
}

// methodValueObj is the closure object of a method value made by
// Value.Method: codegen's stub calls fn with the boxed receiver data.
type methodValueObj struct {
	code unsafe.Pointer
	fn   unsafe.Pointer
	data unsafe.Pointer
}

func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.typ.NumMethod()
}

// Method returns v's i-th method bound to v, as a func value.
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if uint(i) >= uint(v.typ.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	var mt *rtype
	var fn, data unsafe.Pointer
	if v.Kind() == Interface {
		mt = v.typ.method(i).typ
		n := (*nonEmptyInterface)(v.ptr)
		fn = *(*unsafe.Pointer)(unsafe.Add(n.itab, uintptr(2+i)*8))
		data = n.word
	} else {
		m := v.typ.method(v.typ.exportedMethod(i))
		mt = m.typ
		fn = m.fn
		data = unsafe_New(v.typ)
		typedmemmove(v.typ, data, v.ptr)
	}
	obj := &methodValueObj{mt.methodValueStub, fn, data}
	p := unsafe_New(mt)
	*(*unsafe.Pointer)(p) = unsafe.Pointer(obj)
	return Value{mt, p, v.flag.ro()}
}

func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if m, ok := v.typ.MethodByName(name); ok {
		return v.Method(m.Index)
	}
	return Value{}
}
