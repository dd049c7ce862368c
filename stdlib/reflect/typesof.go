package reflect

import (
	"strconv"
	"unsafe"
)

// The *Of constructors first look for the type among the descriptors the
// program was compiled with (codegen lists each in the mgo_typelinks
// section, docs/lowering.md), so that SliceOf(TypeOf(0)) is []int's own
// descriptor; only a type the program never spells gets a descriptor made
// here, once per type.

// typelinks returns the address of the list of the program's descriptors
// and stores their count in *n.
func typelinks(n *int) unsafe.Pointer

func findType(match func(t *rtype) bool) *rtype {
	var n int
	links := typelinks(&n)
	for i := 0; i < n; i++ {
		t := *(**rtype)(unsafe.Add(links, uintptr(i)*8))
		// The types these functions make are unnamed: []string, not a
		// defined type of it such as sort.StringSlice.
		if t.Name() == "" && match(t) {
			return t
		}
	}
	return nil
}

var madeTypes = map[string][]*rtype{}

// madeType returns the descriptor reflect made before for str that match
// accepts, or nil.
func madeType(str string, match func(t *rtype) bool) *rtype {
	for _, t := range madeTypes[str] {
		if match(t) {
			return t
		}
	}
	return nil
}

// newType makes a descriptor from the one of proto, a value of a type of
// the same kind and layout class, for an unnamed type spelled str.
func newType(proto interface{}, str string) *rtype {
	t := new(rtype)
	*t = *TypeOf(proto).common()
	t.str = str
	t.named = 0
	t.pkgPath = ""
	t.ptrTo = nil
	t.nmethods = 0
	t.methods = nil
	t.mtypes = nil
	madeTypes[str] = append(madeTypes[str], t)
	return t
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	e := elem.common()
	match := func(t *rtype) bool { return t.Kind() == Array && t.elem == e && t.len == length }
	if t := findType(match); t != nil {
		return t
	}
	str := "[" + strconv.Itoa(length) + "]" + e.str
	if t := madeType(str, match); t != nil {
		return t
	}
	t := newType([1]unsafe.Pointer{}, str)
	t.elem = e
	t.len = length
	t.size = e.size * uintptr(length)
	t.align = e.align
	return t
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	e := t.common()
	match := func(t *rtype) bool { return t.Kind() == Slice && t.elem == e }
	if s := findType(match); s != nil {
		return s
	}
	str := "[]" + e.str
	if s := madeType(str, match); s != nil {
		return s
	}
	s := newType([]unsafe.Pointer{}, str)
	s.elem = e
	return s
}

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type {
	k, e := key.common(), elem.common()
	if !k.Comparable() {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	match := func(t *rtype) bool { return t.Kind() == Map && t.key == k && t.elem == e }
	if m := findType(match); m != nil {
		return m
	}
	str := "map[" + k.str + "]" + e.str
	if m := madeType(str, match); m != nil {
		return m
	}
	m := newType(map[unsafe.Pointer]unsafe.Pointer{}, str)
	m.key = k
	m.elem = e
	return m
}

func (t *rtype) ptrToThis() *rtype {
	if t.ptrTo != nil {
		return t.ptrTo
	}
	match := func(p *rtype) bool { return p.Kind() == Pointer && p.elem == t }
	if p := findType(match); p != nil {
		return p
	}
	str := "*" + t.str
	if p := madeType(str, match); p != nil {
		return p
	}
	p := newType((*int)(nil), str)
	p.elem = t
	return p
}

// StructOf returns the struct type containing fields, laid out as gc lays
// out structs (each field aligned to its type, a byte after a zero-size
// last field, the size rounded to the alignment).
func StructOf(fields []StructField) Type {
	fs := make([]structField, len(fields))
	fx := make([]fieldX, len(fields))
	var size uintptr
	align := 1
	str := "struct {"
	seen := map[string]bool{}
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no type")
		}
		if !isExported(f.Name) && f.PkgPath == "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
		}
		if seen[f.Name] && f.Name != "_" {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		ft := f.Type.common()
		a := uintptr(ft.align)
		size = (size + a - 1) &^ (a - 1)
		fs[i] = structField{f.Name, ft, size}
		size += ft.size
		if ft.align > align {
			align = ft.align
		}
		embedded := 0
		if f.Anonymous {
			embedded = 1
		}
		fx[i] = fieldX{string(f.Tag), f.PkgPath, embedded}
		if i > 0 {
			str += ";"
		}
		str += " "
		if !f.Anonymous {
			str += f.Name + " "
		}
		str += ft.str
		if f.Tag != "" {
			str += " " + strconv.Quote(string(f.Tag))
		}
	}
	if len(fs) > 0 && size > 0 && fs[len(fs)-1].typ.size == 0 {
		size++
	}
	size = (size + uintptr(align) - 1) &^ uintptr(align-1)
	if len(fields) == 0 {
		str = "struct {}"
	} else {
		str += " }"
	}
	match := func(t *rtype) bool {
		if t.Kind() != Struct || t.named != 0 || t.len != len(fs) {
			return false
		}
		for i := range fs {
			f, x := t.field(i), t.fieldX(i)
			if f.name != fs[i].name || f.typ != fs[i].typ || x.tag != fx[i].tag ||
				x.embedded != fx[i].embedded || x.pkgPath != fx[i].pkgPath {
				return false
			}
		}
		return true
	}
	if t := findType(match); t != nil {
		return t
	}
	if t := madeType(str, match); t != nil {
		return t
	}
	t := newType(struct{}{}, str)
	t.size = size
	t.align = align
	t.len = len(fs)
	if len(fs) > 0 {
		t.fields = unsafe.Pointer(&fs[0])
		t.fieldx = unsafe.Pointer(&fx[0])
	}
	return t
}
