package reflect

import (
	"strconv"
	"unsafe"
)

// Package reflect reads mgoc's type descriptors: rtype mirrors MgoType
// followed by MgoTypeX (runtime/include/mgo/abi.h), which codegen emits for
// every type when a program imports reflect.

// A Kind is the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	common() *rtype
}

type rtype struct {
	kind     int
	size     uintptr
	align    int
	str      string
	elem     *rtype
	key      *rtype
	len      int
	fields   unsafe.Pointer // [len]structField
	nmethods int
	methods  unsafe.Pointer // [nmethods]method
	chandir  int
	// MgoTypeX
	pkgPath         string
	named           int
	ptrTo           *rtype
	fieldx          unsafe.Pointer // [len]fieldX
	params          unsafe.Pointer // [nin+nout]*rtype
	nin             int
	nout            int
	variadic        int
	callStub        unsafe.Pointer
	makeFuncStub    unsafe.Pointer
	methodValueStub unsafe.Pointer
	methodExprStub  unsafe.Pointer
	mtypes          unsafe.Pointer // [nmethods]*rtype
	typelink        unsafe.Pointer
}

type structField struct {
	name   string
	typ    *rtype
	offset uintptr
}

type fieldX struct {
	tag      string
	pkgPath  string
	embedded int
}

type method struct {
	name string
	typ  *rtype
	fn   unsafe.Pointer
}

func (t *rtype) field(i int) *structField {
	return (*structField)(unsafe.Add(t.fields, uintptr(i)*unsafe.Sizeof(structField{})))
}

func (t *rtype) fieldX(i int) *fieldX {
	return (*fieldX)(unsafe.Add(t.fieldx, uintptr(i)*unsafe.Sizeof(fieldX{})))
}

func (t *rtype) method(i int) *method {
	return (*method)(unsafe.Add(t.methods, uintptr(i)*unsafe.Sizeof(method{})))
}

func (t *rtype) param(i int) *rtype {
	return *(**rtype)(unsafe.Add(t.params, uintptr(i)*8))
}

func (t *rtype) mtype(i int) *rtype {
	return *(**rtype)(unsafe.Add(t.mtypes, uintptr(i)*8))
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) String() string { return t.str }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return t.align }

func (t *rtype) FieldAlign() int { return t.align }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) Name() string {
	if t.named == 0 {
		return ""
	}
	s := t.str
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func (t *rtype) PkgPath() string {
	if t.named == 0 {
		return ""
	}
	return t.pkgPath
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(t.chandir)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return t.variadic != 0
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return t.len
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return t.len
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return t.nin
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return t.nout
}

func (t *rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	if i < 0 || i >= t.nin {
		panic("reflect: In index out of range")
	}
	return toType(t.param(i))
}

func (t *rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	if i < 0 || i >= t.nout {
		panic("reflect: Out index out of range")
	}
	return toType(t.param(t.nin + i))
}

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and
// whether the key is present, following the conventional format.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return f.PkgPath == ""
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= t.len {
		panic("reflect: Field index out of bounds")
	}
	f := t.field(i)
	x := t.fieldX(i)
	return StructField{
		Name:      f.name,
		PkgPath:   x.pkgPath,
		Type:      toType(f.typ),
		Tag:       StructTag(x.tag),
		Offset:    f.offset,
		Index:     []int{i},
		Anonymous: x.embedded != 0,
	}
}

func (t *rtype) FieldByIndex(index []int) StructField {
	if t.Kind() != Struct {
		panic("reflect: FieldByIndex of non-struct type " + t.String())
	}
	var f StructField
	var cur Type = t
	for i, x := range index {
		if i > 0 {
			if cur.Kind() == Pointer && cur.Elem().Kind() == Struct {
				cur = cur.Elem()
			}
		}
		f = cur.Field(x)
		cur = f.Type
	}
	f.Index = append([]int(nil), index...)
	return f
}

// FieldByName finds the field named name as Go's selector rules do: the
// shallowest embedding depth wins, and two at one depth hide each other.
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	type scan struct {
		typ   *rtype
		index []int
	}
	current := []scan{}
	next := []scan{{typ: t}}
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current, next = next, current[:0]
		var result StructField
		found := 0
		for _, s := range current {
			if visited[s.typ] {
				continue
			}
			visited[s.typ] = true
			for i := 0; i < s.typ.len; i++ {
				f := s.typ.field(i)
				idx := append(append([]int(nil), s.index...), i)
				if f.name == name {
					found++
					if found == 1 {
						result = s.typ.Field(i)
						result.Index = idx
					}
					continue
				}
				if s.typ.fieldX(i).embedded == 0 {
					continue
				}
				ft := f.typ
				if ft.Kind() == Pointer {
					ft = ft.elem
				}
				if ft.Kind() == Struct {
					next = append(next, scan{ft, idx})
				}
			}
		}
		if found == 1 {
			return result, true
		}
		if found > 1 {
			return StructField{}, false
		}
	}
	return StructField{}, false
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Func    Value
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool {
	return m.PkgPath == ""
}

func isExported(name string) bool {
	return len(name) > 0 && name[0] >= 'A' && name[0] <= 'Z'
}

// exportedMethod is the i-th exported method of a non-interface type (the
// descriptor lists them sorted by name, so Go's order).
func (t *rtype) exportedMethod(i int) int {
	for j := 0; j < t.nmethods; j++ {
		if isExported(t.method(j).name) {
			if i == 0 {
				return j
			}
			i--
		}
	}
	return -1
}

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return t.nmethods
	}
	n := 0
	for j := 0; j < t.nmethods; j++ {
		if isExported(t.method(j).name) {
			n++
		}
	}
	return n
}

func (t *rtype) Method(i int) Method {
	if t.Kind() == Interface {
		if i < 0 || i >= t.nmethods {
			panic("reflect: Method index out of range")
		}
		m := t.method(i)
		var pkg string
		if !isExported(m.name) {
			pkg = t.pkgPath
		}
		return Method{Name: m.name, PkgPath: pkg, Type: toType(m.typ), Index: i}
	}
	j := -1
	if i >= 0 {
		j = t.exportedMethod(i)
	}
	if j < 0 {
		panic("reflect: Method index out of range")
	}
	m := t.method(j)
	mt := t.mtype(j)
	obj := &methodExprObj{mt.methodExprStub, m.fn}
	fn := unsafe_New(mt)
	*(*unsafe.Pointer)(fn) = unsafe.Pointer(obj)
	return Method{Name: m.name, Type: mt, Func: Value{mt, fn, 0}, Index: i}
}

// methodExprObj is the closure object of a method expression T.M made by
// Type.Method: codegen's stub boxes the receiver and calls fn.
type methodExprObj struct {
	code unsafe.Pointer
	fn   unsafe.Pointer
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	n := t.NumMethod()
	for i := 0; i < n; i++ {
		var mname string
		if t.Kind() == Interface {
			mname = t.method(i).name
		} else {
			mname = t.method(t.exportedMethod(i)).name
		}
		if mname == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

func (t *rtype) Comparable() bool {
	switch t.Kind() {
	case Func, Map, Slice:
		return false
	case Array:
		return t.elem.Comparable()
	case Struct:
		for i := 0; i < t.len; i++ {
			if !t.field(i).typ.Comparable() {
				return false
			}
		}
	}
	return true
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t)
}

// implements reports whether the type V implements the interface type T:
// methods match by name and by their func type's spelling, as the runtime
// matches them for itabs.
func implements(T, V *rtype) bool {
	if T.Kind() != Interface {
		return false
	}
	j := 0
	for i := 0; i < T.nmethods; i++ {
		tm := T.method(i)
		for j < V.nmethods && V.method(j).name < tm.name {
			j++
		}
		if j == V.nmethods {
			return false
		}
		vm := V.method(j)
		if vm.name != tm.name || vm.typ.str != tm.typ.str {
			return false
		}
	}
	return true
}

// directlyAssignable reports whether a value of type V can be assigned to a
// variable of type T without conversion: identical types, or identical
// underlying types with one of them unnamed.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.named != 0 && V.named != 0 || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && V.chandir == int(BothDir) && T.elem == V.elem {
		return true
	}
	return haveIdenticalUnderlyingType(T, V)
}

func haveIdenticalType(T, V *rtype) bool {
	return T == V
}

func haveIdenticalUnderlyingType(T, V *rtype) bool {
	if T == V {
		return true
	}
	kind := T.Kind()
	if kind != V.Kind() {
		return false
	}
	if Bool <= kind && kind <= Complex128 || kind == String || kind == UnsafePointer {
		return true
	}
	switch kind {
	case Array:
		return T.len == V.len && haveIdenticalType(T.elem, V.elem)
	case Chan:
		return T.chandir == V.chandir && haveIdenticalType(T.elem, V.elem)
	case Func:
		if T.nin != V.nin || T.nout != V.nout || T.variadic != V.variadic {
			return false
		}
		for i := 0; i < T.nin+T.nout; i++ {
			if !haveIdenticalType(T.param(i), V.param(i)) {
				return false
			}
		}
		return true
	case Interface:
		if T.nmethods != V.nmethods {
			return false
		}
		for i := 0; i < T.nmethods; i++ {
			if T.method(i).name != V.method(i).name || T.method(i).typ != V.method(i).typ {
				return false
			}
		}
		return true
	case Map:
		return haveIdenticalType(T.key, V.key) && haveIdenticalType(T.elem, V.elem)
	case Pointer, Slice:
		return haveIdenticalType(T.elem, V.elem)
	case Struct:
		if T.len != V.len {
			return false
		}
		for i := 0; i < T.len; i++ {
			tf, vf := T.field(i), V.field(i)
			tx, vx := T.fieldX(i), V.fieldX(i)
			if tf.name != vf.name || !haveIdenticalType(tf.typ, vf.typ) ||
				tx.tag != vx.tag || tx.embedded != vx.embedded ||
				tx.pkgPath != vx.pkgPath || tf.offset != vf.offset {
				return false
			}
		}
		return true
	}
	return false
}

// convertOp reports whether a value of type src converts to dst.
func convertOp(dst, src *rtype) bool {
	sk, dk := src.Kind(), dst.Kind()
	switch {
	case Int <= sk && sk <= Uintptr:
		return Int <= dk && dk <= Float64 || dk == String
	case Float32 <= sk && sk <= Float64:
		return Int <= dk && dk <= Float64
	case sk == Complex64 || sk == Complex128:
		return dk == Complex64 || dk == Complex128
	case sk == String:
		if dk == String {
			return true
		}
		if dk == Slice && dst.elem.named != 0 && dst.elem.pkgPath == "" {
			ek := dst.elem.Kind()
			return ek == Uint8 || ek == Int32
		}
	case sk == Slice:
		if dk == String && src.elem.named != 0 && src.elem.pkgPath == "" {
			ek := src.elem.Kind()
			return ek == Uint8 || ek == Int32
		}
		if dk == Pointer && dst.elem.Kind() == Array && src.elem == dst.elem.elem {
			return true
		}
	}
	if haveIdenticalUnderlyingType(dst, src) {
		return true
	}
	if dk == Pointer && dst.named == 0 && sk == Pointer && src.named == 0 &&
		haveIdenticalUnderlyingType(dst.elem, src.elem) {
		return true
	}
	return implements(dst, src)
}

// toType returns t as a Type, nil for a nil t (not a non-nil interface
// holding a nil *rtype).
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// emptyInterface is the layout of an interface{} value: the dynamic type's
// descriptor and a pointer to a copy of the value (always boxed, pointers
// too: docs/lowering.md, Interfaces).
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the layout of any other interface value: an itab,
// whose first word is the dynamic type's descriptor.
type nonEmptyInterface struct {
	itab unsafe.Pointer
	word unsafe.Pointer
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i interface{}) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

// PtrTo returns the pointer type with element t.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type {
	return t.common().ptrToThis()
}
