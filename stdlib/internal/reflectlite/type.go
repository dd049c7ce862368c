// Package reflectlite: the part of Go's internal/reflectlite that the
// packages compiled from Go's sources use without an overlay of their own
// (context: TypeOf, Type.String, Type.Comparable). An overlay because Go's
// reads gc's type descriptors; this one reads mgoc's MgoType (mgo/abi.h)
// through the same unsafe view as stdlib/reflect's rtype, but only its
// first part, which every program has: importing package reflect would give
// every program using context every descriptor's reflect part
// (docs/lowering.md, "What package reflect adds").
package reflectlite

import "unsafe"

// A Kind is the specific kind of type that a Type represents; the values
// are MgoKind's, which are reflect's.
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

const Ptr = Pointer

// Type is the representation of a Go type.
type Type interface {
	// Size returns the number of bytes needed to store a value of the type.
	Size() uintptr
	// Kind returns the specific kind of this type.
	Kind() Kind
	// Comparable reports whether values of this type are comparable.
	Comparable() bool
	// String returns a string representation of the type, as %T prints it.
	String() string
	// Elem returns a pointer, array, slice, map or channel type's element
	// type; it panics for other kinds.
	Elem() Type
}

// rtype is MgoType, field for field.
type rtype struct {
	kind     int
	size     uintptr
	align    int
	str      string
	elem     *rtype
	key      *rtype
	len      int
	fields   unsafe.Pointer // [len]field
	nmethods int
	methods  unsafe.Pointer
	chandir  int
}

// field is MgoField.
type field struct {
	name   string
	typ    *rtype
	offset uintptr
}

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) String() string { return t.str }

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return t.elem
	}
	panic("reflect: Elem of invalid type " + t.str)
}

func (t *rtype) Comparable() bool {
	switch t.Kind() {
	case Func, Map, Slice:
		return false
	case Array:
		return t.elem.Comparable()
	case Struct:
		for i := 0; i < t.len; i++ {
			f := (*field)(unsafe.Add(t.fields, uintptr(i)*unsafe.Sizeof(field{})))
			if !f.typ.Comparable() {
				return false
			}
		}
	}
	return true
}

type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	if e.typ == nil {
		return nil
	}
	return e.typ
}
