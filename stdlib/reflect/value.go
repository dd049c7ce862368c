package reflect

import (
	"strconv"
	"unsafe"
)

type flag uintptr

const (
	// flagAddr: ptr points to a variable of the program (Value.Set may
	// store there); without it ptr points to reflect's own copy.
	flagAddr flag = 1 << iota
	// flagRO: obtained through an unexported field.
	flagRO
)

// Value is the reflection interface to a Go value. ptr always points to the
// value (nil for the zero Value), as an interface's data word does.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// Functions the runtime implements (runtime/reflect.cpp).

// unsafe_New allocates a zeroed value of type t.
func unsafe_New(t *rtype) unsafe.Pointer

// unsafe_NewArray allocates n zeroed values of type t.
func unsafe_NewArray(t *rtype, n int) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst.
func typedmemmove(t *rtype, dst unsafe.Pointer, src unsafe.Pointer)

// itab returns the itab of (interface inter, type t), nil if t does not
// implement inter.
func itab(inter *rtype, t *rtype) unsafe.Pointer

func mapaccess(t *rtype, m unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

func mapassign(t *rtype, m unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

func mapdelete(t *rtype, m unsafe.Pointer, key unsafe.Pointer)

func maplen(m unsafe.Pointer) int

func makemap(t *rtype, hint int) unsafe.Pointer

func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter)

func mapiternext(it *hiter) bool

func chanlen(c unsafe.Pointer) int

func chancap(c unsafe.Pointer) int

// hiter mirrors MgoMapIter.
type hiter struct {
	m        unsafe.Pointer
	key      unsafe.Pointer
	value    unsafe.Pointer
	bucket   int
	index    int
	reserved [4]unsafe.Pointer
}

func (f flag) ro() flag { return f & flagRO }

func (v Value) mustBe(k Kind, method string) {
	if v.Kind() != k {
		panic(&ValueError{method, v.Kind()})
	}
}

func (v Value) mustBeExported(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// ValueOf returns a new Value initialized to the concrete value stored in
// i; ValueOf(nil) returns the zero Value.
func ValueOf(i interface{}) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	if e.typ == nil {
		return Value{}
	}
	return Value{e.typ, e.word, 0}
}

// packEface makes the interface{} holding a copy of v's value.
func packEface(v Value) interface{} {
	var i interface{}
	e := (*emptyInterface)(unsafe.Pointer(&i))
	if v.Kind() == Interface {
		return ifaceEface(v.typ, v.ptr)
	}
	p := v.ptr
	if v.flag&flagAddr != 0 {
		p = unsafe_New(v.typ)
		typedmemmove(v.typ, p, v.ptr)
	}
	e.typ = v.typ
	e.word = p
	return i
}

// ifaceEface reads the interface of type t at p as an interface{}.
func ifaceEface(t *rtype, p unsafe.Pointer) interface{} {
	if t.nmethods == 0 {
		return *(*interface{})(p)
	}
	var i interface{}
	n := (*nonEmptyInterface)(p)
	if n.itab == nil {
		return i
	}
	e := (*emptyInterface)(unsafe.Pointer(&i))
	e.typ = *(**rtype)(n.itab)
	e.word = n.word
	return i
}

func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return Kind(v.typ.kind)
}

func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) Interface() interface{} {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return packEface(v)
}

func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	pt := v.typ.ptrToThis()
	box := unsafe_New(pt)
	*(*unsafe.Pointer)(box) = v.ptr
	return Value{pt, box, v.flag.ro()}
}

func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		x := ifaceEface(v.typ, v.ptr)
		r := ValueOf(x)
		if r.typ != nil {
			r.flag |= v.flag.ro()
		}
		return r
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, flagAddr | v.flag.ro()}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

// Indirect returns the value that v points to (v itself if not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.len
}

func (v Value) Field(i int) Value {
	if v.Kind() != Struct {
		panic(&ValueError{"reflect.Value.Field", v.Kind()})
	}
	if i < 0 || i >= v.typ.len {
		panic("reflect: Field index out of range")
	}
	f := v.typ.field(i)
	fl := v.flag & (flagAddr | flagRO)
	if !isExported(f.name) {
		fl |= flagRO
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

func (v Value) FieldByName(name string) Value {
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

type stringHeader struct {
	data unsafe.Pointer
	len  int
}

func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).len
	case String:
		return (*stringHeader)(v.ptr).len
	case Map:
		return maplen(*(*unsafe.Pointer)(v.ptr))
	case Chan:
		return chanlen(*(*unsafe.Pointer)(v.ptr))
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return v.typ.elem.len
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Chan:
		return chancap(*(*unsafe.Pointer)(v.ptr))
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return v.typ.elem.len
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

var uint8Type = TypeOf(uint8(0)).common()

func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Array:
		if uint(i) >= uint(v.typ.len) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(v.ptr, uintptr(i)*et.size), v.flag & (flagAddr | flagRO)}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(s.data, uintptr(i)*et.size), flagAddr | v.flag.ro()}
	case String:
		s := *(*string)(v.ptr)
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		p := unsafe_New(uint8Type)
		*(*byte)(p) = s[i]
		return Value{uint8Type, p, v.flag.ro()}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

func (v Value) IsZero() bool {
	switch v.Kind() {
	case Invalid:
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	case String:
		return v.Len() == 0
	case Interface:
		return v.IsNil()
	case Slice:
		return v.IsNil()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	case Float32:
		return *(*uint32)(v.ptr) == 0
	case Float64:
		return *(*uint64)(v.ptr) == 0
	case Complex64:
		return *(*uint64)(v.ptr) == 0
	case Complex128:
		return *(*uint64)(v.ptr) == 0 && *(*uint64)(unsafe.Add(v.ptr, 8)) == 0
	}
	for i := uintptr(0); i < v.typ.size; i++ {
		if *(*byte)(unsafe.Add(v.ptr, i)) != 0 {
			return false
		}
	}
	return true
}

func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.Kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.Kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

// String returns the string v holds, or "<T Value>" for another kind.
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.typ == nil {
		return "<invalid Value>"
	}
	return "<" + v.typ.String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), v.typ.len)
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

// Pointer returns v's value as a uintptr; for a func, its code pointer,
// which all func values of one function or literal share.
func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Chan, Map, Pointer, UnsafePointer, Slice:
		return uintptr(*(*unsafe.Pointer)(v.ptr))
	case Func:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return 0
		}
		return uintptr(*(*unsafe.Pointer)(p))
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

func (v Value) UnsafePointer() unsafe.Pointer {
	return unsafe.Pointer(v.Pointer())
}

// assignTo returns a pointer to v's value as a value of type dst, converted
// to an interface when dst is one.
func (v Value) assignTo(context string, dst *rtype) unsafe.Pointer {
	switch {
	case directlyAssignable(dst, v.typ):
		return v.ptr
	case implements(dst, v.typ):
		p := unsafe_New(dst)
		if v.Kind() == Interface && v.IsNil() {
			return p
		}
		x := packEface(v)
		e := (*emptyInterface)(unsafe.Pointer(&x))
		if dst.nmethods == 0 {
			*(*interface{})(p) = x
		} else {
			n := (*nonEmptyInterface)(p)
			n.itab = itab(dst, e.typ)
			n.word = e.word
		}
		return p
	}
	panic(context + ": value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	x.mustBeExported("reflect.Set")
	p := x.assignTo("reflect.Set", v.typ)
	typedmemmove(v.typ, v.ptr, p)
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	p := v.ptr
	switch v.Kind() {
	case Int:
		*(*int)(p) = int(x)
	case Int8:
		*(*int8)(p) = int8(x)
	case Int16:
		*(*int16)(p) = int16(x)
	case Int32:
		*(*int32)(p) = int32(x)
	case Int64:
		*(*int64)(p) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
	}
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	p := v.ptr
	switch v.Kind() {
	case Uint:
		*(*uint)(p) = uint(x)
	case Uint8:
		*(*uint8)(p) = uint8(x)
	case Uint16:
		*(*uint16)(p) = uint16(x)
	case Uint32:
		*(*uint32)(p) = uint32(x)
	case Uint64:
		*(*uint64)(p) = x
	case Uintptr:
		*(*uintptr)(p) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
	}
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
	}
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch v.Kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
	}
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.len = n
}

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	pt := t.ptrToThis()
	box := unsafe_New(pt)
	*(*unsafe.Pointer)(box) = unsafe_New(t)
	return Value{pt, box, 0}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	return Value{t, unsafe_New(t), 0}
}

// NewAt returns a Value representing a pointer to a value of the specified
// type at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	pt := typ.common().ptrToThis()
	box := unsafe_New(pt)
	*(*unsafe.Pointer)(box) = p
	return Value{pt, box, 0}
}

func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	key.mustBeExported("reflect.Value.MapIndex")
	k := key.assignTo("reflect.Value.MapIndex", v.typ.key)
	m := *(*unsafe.Pointer)(v.ptr)
	if m == nil {
		return Value{}
	}
	e := mapaccess(v.typ, m, k)
	if e == nil {
		return Value{}
	}
	et := v.typ.elem
	p := unsafe_New(et)
	typedmemmove(et, p, e)
	return Value{et, p, v.flag.ro() | key.flag.ro()}
}

func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	m := *(*unsafe.Pointer)(v.ptr)
	if m == nil {
		return []Value{}
	}
	kt := v.typ.key
	keys := make([]Value, 0, maplen(m))
	var it hiter
	mapiterinit(v.typ, m, &it)
	for mapiternext(&it) {
		p := unsafe_New(kt)
		typedmemmove(kt, p, it.key)
		keys = append(keys, Value{kt, p, v.flag.ro()})
	}
	return keys
}

func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	v.mustBeExported("reflect.Value.SetMapIndex")
	key.mustBeExported("reflect.Value.SetMapIndex")
	k := key.assignTo("reflect.Value.SetMapIndex", v.typ.key)
	m := *(*unsafe.Pointer)(v.ptr)
	if elem.typ == nil {
		if m != nil {
			mapdelete(v.typ, m, k)
		}
		return
	}
	elem.mustBeExported("reflect.Value.SetMapIndex")
	e := elem.assignTo("reflect.Value.SetMapIndex", v.typ.elem)
	if m == nil {
		panic(plainError("assignment to entry in nil map"))
	}
	typedmemmove(v.typ.elem, mapassign(v.typ, m, k), e)
}

// plainError is the runtime error a map assignment raises.
type plainError string

func (e plainError) Error() string { return string(e) }

func (e plainError) RuntimeError() {}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	return MakeMapWithSize(typ, 0)
}

func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	p := unsafe_New(t)
	*(*unsafe.Pointer)(p) = makemap(t, n)
	return Value{t, p, 0}
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	p := unsafe_New(t)
	s := (*sliceHeader)(p)
	if cap > 0 {
		s.data = unsafe_NewArray(t.elem, cap)
	}
	s.len = len
	s.cap = cap
	return Value{t, p, 0}
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

func (v Value) extendSlice(n int) Value {
	old := *(*sliceHeader)(v.ptr)
	h := old
	h.len += n
	if h.len > h.cap {
		c := 2 * old.cap
		if c < h.len {
			c = h.len
		}
		h.data = unsafe_NewArray(v.typ.elem, c)
		h.cap = c
		for i := 0; i < old.len; i++ {
			off := uintptr(i) * v.typ.elem.size
			typedmemmove(v.typ.elem, unsafe.Add(h.data, off), unsafe.Add(old.data, off))
		}
	}
	p := unsafe_New(v.typ)
	*(*sliceHeader)(p) = h
	return Value{v.typ, p, v.flag.ro()}
}

// Convert returns the value v converted to type t, as a Go conversion
// would; it panics if Go would refuse the conversion.
func (v Value) Convert(t Type) Value {
	dst := t.common()
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Convert", Invalid})
	}
	if !convertOp(dst, v.typ) {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	sk, dk := v.Kind(), dst.Kind()
	p := unsafe_New(dst)
	r := Value{dst, p, v.flag.ro()}
	switch {
	case Int <= sk && sk <= Int64 || Uint <= sk && sk <= Uintptr:
		var bits uint64
		if sk <= Int64 {
			bits = uint64(v.Int())
		} else {
			bits = v.Uint()
		}
		switch {
		case dk == String:
			if sk <= Int64 {
				*(*string)(p) = string(rune(int64(bits)))
			} else {
				if bits > 0x10FFFF {
					bits = 0xFFFD
				}
				*(*string)(p) = string(rune(bits))
			}
		case dk == Float32 || dk == Float64:
			if sk <= Int64 {
				r.setFloat(float64(int64(bits)))
			} else {
				r.setFloat(float64(bits))
			}
		default:
			r.setBits(bits)
		}
		return r
	case sk == Float32 || sk == Float64:
		f := v.Float()
		switch {
		case dk == Float32 || dk == Float64:
			r.setFloat(f)
		case Int <= dk && dk <= Int64:
			r.setBits(uint64(int64(f)))
		default:
			r.setBits(uint64(f))
		}
		return r
	case (sk == Complex64 || sk == Complex128) && (dk == Complex64 || dk == Complex128):
		c := v.Complex()
		if dk == Complex64 {
			*(*complex64)(p) = complex64(c)
		} else {
			*(*complex128)(p) = c
		}
		return r
	case sk == String && dk == Slice:
		if dst.elem.Kind() == Uint8 {
			*(*[]byte)(p) = []byte(v.String())
		} else {
			*(*[]rune)(p) = []rune(v.String())
		}
		return r
	case sk == Slice && dk == String:
		if v.typ.elem.Kind() == Uint8 {
			*(*string)(p) = string(*(*[]byte)(v.ptr))
		} else {
			*(*string)(p) = string(*(*[]rune)(v.ptr))
		}
		return r
	case sk == Slice && dk == Pointer:
		n := dst.elem.len
		if v.Len() < n {
			panic("reflect: cannot convert slice with length " + strconv.Itoa(v.Len()) + " to pointer to array with length " + strconv.Itoa(n))
		}
		*(*unsafe.Pointer)(p) = (*sliceHeader)(v.ptr).data
		return r
	case dk == Interface:
		typedmemmove(dst, p, v.assignTo("reflect.Value.Convert", dst))
		return r
	}
	typedmemmove(dst, p, v.ptr)
	return r
}

// setFloat and setBits store into r's fresh value by its kind's size.
func (r Value) setFloat(f float64) {
	if r.Kind() == Float32 {
		*(*float32)(r.ptr) = float32(f)
	} else {
		*(*float64)(r.ptr) = f
	}
}

func (r Value) setBits(bits uint64) {
	switch r.typ.size {
	case 1:
		*(*uint8)(r.ptr) = uint8(bits)
	case 2:
		*(*uint16)(r.ptr) = uint16(bits)
	case 4:
		*(*uint32)(r.ptr) = uint32(bits)
	default:
		*(*uint64)(r.ptr) = bits
	}
}
