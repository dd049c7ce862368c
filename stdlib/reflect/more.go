package reflect

import "unsafe"

// Slicing, copying, map iteration, channel operations and overflow checks
// over the same Values as value.go.

func (v Value) FieldByIndexErr(index []int) (Value, error) {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				return Value{}, plainErrorString("reflect: indirection through nil pointer to embedded struct field " + v.typ.elem.Name())
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

// plainErrorString is an error that is not a runtime.Error.
type plainErrorString string

func (e plainErrorString) Error() string { return string(e) }

// sliceParts is v's array, slice or string as (base pointer, len, cap, element
// type), for Slice and Slice3.
func (v Value) sliceParts(method string, three bool) (base unsafe.Pointer, n, c int, et *rtype) {
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value." + method + ": slice of unaddressable array")
		}
		return v.ptr, v.typ.len, v.typ.len, v.typ.elem
	case Slice:
		s := (*sliceHeader)(v.ptr)
		return s.data, s.len, s.cap, v.typ.elem
	case String:
		if !three {
			s := (*stringHeader)(v.ptr)
			return s.data, s.len, s.len, nil
		}
		panic("reflect.Value.Slice3: slice of string")
	}
	panic(&ValueError{"reflect.Value." + method, v.Kind()})
}

// Slice returns v[i:j]. It panics if v's Kind is not Array, Slice or
// String, or if v is an unaddressable array, or if the indexes are out of
// bounds.
func (v Value) Slice(i, j int) Value {
	base, _, c, et := v.sliceParts("Slice", false)
	if v.Kind() == String {
		if i < 0 || j < i || j > c {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		p := unsafe_New(v.typ)
		s := (*stringHeader)(p)
		s.len = j - i
		if j-i > 0 {
			s.data = unsafe.Add(base, i)
		}
		return Value{v.typ, p, v.flag.ro()}
	}
	if i < 0 || j < i || j > c {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return v.makeSlice(base, et, i, j, c)
}

// Slice3 is the 3-index form of the slice operation: it returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	base, _, c, et := v.sliceParts("Slice3", true)
	if i < 0 || j < i || k < j || k > c {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	return v.makeSlice(base, et, i, j, k)
}

// makeSlice is base[i:j:k] as a slice of et: of v's type if v is a slice,
// of []et for an array.
func (v Value) makeSlice(base unsafe.Pointer, et *rtype, i, j, k int) Value {
	t := v.typ
	if v.Kind() == Array {
		t = SliceOf(et).common()
	}
	p := unsafe_New(t)
	s := (*sliceHeader)(p)
	s.len = j - i
	s.cap = k - i
	if k-i > 0 {
		s.data = unsafe.Add(base, uintptr(i)*et.size)
	} else {
		s.data = base
	}
	return Value{t, p, v.flag.ro()}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted, and returns the number of elements
// copied. Dst and src each must have kind Slice or Array, and dst and src
// must have the same element type; as a special case, src can be a String
// if the element type of dst is kind Uint8.
func Copy(dst, src Value) int {
	dk := dst.Kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array && dst.flag&flagAddr == 0 {
		panic("reflect: reflect.Copy using unaddressable value")
	}
	dst.mustBeExported("reflect.Copy")
	sk := src.Kind()
	var stringCopy bool
	if sk != Array && sk != Slice {
		stringCopy = sk == String && dst.typ.elem.Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{"reflect.Copy", sk})
		}
	}
	src.mustBeExported("reflect.Copy")
	de := dst.typ.elem
	if !stringCopy && de != src.typ.elem {
		panic("reflect.Copy: " + de.String() + " != " + src.typ.elem.String())
	}
	dp, dn := dst.ptr, dst.typ.len
	if dk == Slice {
		s := (*sliceHeader)(dst.ptr)
		dp, dn = s.data, s.len
	}
	sp, sn := src.ptr, 0
	switch sk {
	case Array:
		sn = src.typ.len
	case Slice:
		s := (*sliceHeader)(src.ptr)
		sp, sn = s.data, s.len
	case String:
		s := (*stringHeader)(src.ptr)
		sp, sn = s.data, s.len
	}
	n := dn
	if sn < n {
		n = sn
	}
	// Element by element, backwards when dst starts inside src, so that
	// overlapping slices copy as the built-in copy does.
	size := de.size
	if uintptr(dp) > uintptr(sp) {
		for i := n - 1; i >= 0; i-- {
			typedmemmove(de, unsafe.Add(dp, uintptr(i)*size), unsafe.Add(sp, uintptr(i)*size))
		}
	} else {
		for i := 0; i < n; i++ {
			typedmemmove(de, unsafe.Add(dp, uintptr(i)*size), unsafe.Add(sp, uintptr(i)*size))
		}
	}
	return n
}

// OverflowInt reports whether the int64 x cannot be represented by v's
// type. It panics if v's Kind is not Int, Int8, Int16, Int32, or Int64.
func (v Value) OverflowInt(x int64) bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
}

// OverflowUint reports whether the uint64 x cannot be represented by v's
// type. It panics if v's Kind is not Uint, Uintptr, Uint8, Uint16, Uint32,
// or Uint64.
func (v Value) OverflowUint(x uint64) bool {
	switch v.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
}

// OverflowFloat reports whether the float64 x cannot be represented by v's
// type. It panics if v's Kind is not Float32 or Float64.
func (v Value) OverflowFloat(x float64) bool {
	switch v.Kind() {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
}

// OverflowComplex reports whether the complex128 x cannot be represented
// by v's type. It panics if v's Kind is not Complex64 or Complex128.
func (v Value) OverflowComplex(x complex128) bool {
	switch v.Kind() {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowComplex", v.Kind()})
}

// overflowFloat32 reports whether x is finite and beyond float32's range.
func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
}

// A MapIter is an iterator for ranging over a map. See Value.MapRange.
type MapIter struct {
	m     Value
	it    hiter
	begun bool
	done  bool
}

// MapRange returns a range iterator for a map. It panics if v's Kind is
// not Map.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: v}
}

// Next advances the map iterator and reports whether there is another
// entry. It returns false when iter is exhausted; subsequent calls to Key,
// Value, or Next will panic.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if iter.done {
		panic("MapIter.Next called on exhausted iterator")
	}
	if !iter.begun {
		iter.begun = true
		m := *(*unsafe.Pointer)(iter.m.ptr)
		if m == nil {
			iter.done = true
			return false
		}
		mapiterinit(iter.m.typ, m, &iter.it)
	}
	if !mapiternext(&iter.it) {
		iter.done = true
		return false
	}
	return true
}

func (iter *MapIter) entry(method string) {
	if !iter.begun || iter.done {
		panic("MapIter." + method + " called before Next")
	}
}

// Key returns the key of iter's current map entry.
func (iter *MapIter) Key() Value {
	iter.entry("Key")
	kt := iter.m.typ.key
	p := unsafe_New(kt)
	typedmemmove(kt, p, iter.it.key)
	return Value{kt, p, iter.m.flag.ro()}
}

// Value returns the value of iter's current map entry.
func (iter *MapIter) Value() Value {
	iter.entry("Value")
	et := iter.m.typ.elem
	p := unsafe_New(et)
	typedmemmove(et, p, iter.it.value)
	return Value{et, p, iter.m.flag.ro()}
}

// Reset modifies iter to iterate over v. It panics if v's Kind is not Map
// and v is not the zero Value. Reset(Value{}) causes iter to not to refer
// to any map, which may allow the previously iterated-over map to be
// garbage collected.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "reflect.MapIter.Reset")
	}
	*iter = MapIter{m: v}
}

// SetIterKey assigns to v the key of iter's current map entry. It is
// equivalent to v.Set(iter.Key()), but it avoids allocating a new Value.
func (v Value) SetIterKey(iter *MapIter) {
	v.Set(iter.Key())
}

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) {
	v.Set(iter.Value())
}

// The runtime's channel operations (runtime/reflect.cpp): a receive or a
// send that blocks unless nb. A receive is 1 if it received a value, 0 if
// the channel was closed, -1 if it would have blocked; a send whether it
// sent.
func chanrecv(c unsafe.Pointer, nb bool, elem unsafe.Pointer) int
func chansend(c unsafe.Pointer, elem unsafe.Pointer, nb bool) bool
func chanclose(c unsafe.Pointer)

// Recv receives and returns a value from the channel v. It panics if v's
// Kind is not Chan. The receive blocks until a value is ready. The boolean
// value ok is true if the value x corresponds to a send on the channel,
// false if it is a zero value received because the channel is closed.
func (v Value) Recv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.Recv")
	v.mustBeExported("reflect.Value.Recv")
	x, _, ok = v.recv(false)
	return
}

// TryRecv attempts to receive a value from the channel v but will not
// block: if no value is ready, x is the zero Value.
func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.TryRecv")
	v.mustBeExported("reflect.Value.TryRecv")
	x, _, ok = v.recv(true)
	return
}

func (v Value) recv(nb bool) (val Value, selected, ok bool) {
	if ChanDir(v.typ.chandir)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	et := v.typ.elem
	p := unsafe_New(et)
	r := chanrecv(*(*unsafe.Pointer)(v.ptr), nb, p)
	selected, ok = r >= 0, r > 0
	if selected {
		val = Value{et, p, 0}
	}
	return
}

// Send sends x on the channel v. It panics if v's kind is not Chan or if
// x's type is not the same type as v's element type.
func (v Value) Send(x Value) {
	v.mustBe(Chan, "reflect.Value.Send")
	v.mustBeExported("reflect.Value.Send")
	v.send(x, false)
}

// TrySend attempts to send x on the channel v but will not block; it
// reports whether the value was sent.
func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan, "reflect.Value.TrySend")
	v.mustBeExported("reflect.Value.TrySend")
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	if ChanDir(v.typ.chandir)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported("reflect.Value.Send")
	p := x.assignTo("reflect.Value.Send", v.typ.elem)
	return chansend(*(*unsafe.Pointer)(v.ptr), p, nb)
}

// Close closes the channel v. It panics if v's Kind is not Chan.
func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	chanclose(*(*unsafe.Pointer)(v.ptr))
}

// SetBytes sets v's underlying value, which must be a slice of bytes.
func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}
