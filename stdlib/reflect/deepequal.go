package reflect

import "unsafe"

// visit records a comparison in progress, so cyclic values terminate.
type visit struct {
	a1  unsafe.Pointer
	a2  unsafe.Pointer
	typ *rtype
}

func deepValueEqual(v1, v2 Value, visited map[visit]bool) bool {
	if !v1.IsValid() || !v2.IsValid() {
		return v1.IsValid() == v2.IsValid()
	}
	if v1.typ != v2.typ {
		return false
	}
	switch v1.Kind() {
	case Map, Slice, Interface, Pointer:
		if !v1.IsNil() && !v2.IsNil() {
			addr1, addr2 := v1.ptr, v2.ptr
			if v1.Kind() == Map || v1.Kind() == Pointer {
				addr1 = *(*unsafe.Pointer)(addr1)
				addr2 = *(*unsafe.Pointer)(addr2)
			}
			if uintptr(addr1) > uintptr(addr2) {
				addr1, addr2 = addr2, addr1
			}
			v := visit{addr1, addr2, v1.typ}
			if visited[v] {
				return true
			}
			visited[v] = true
		}
	}
	switch v1.Kind() {
	case Array:
		return deepElemsEqual(v1, v2, visited)
	case Slice:
		if v1.IsNil() != v2.IsNil() {
			return false
		}
		if v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		return deepElemsEqual(v1, v2, visited)
	case Interface:
		if v1.IsNil() || v2.IsNil() {
			return v1.IsNil() == v2.IsNil()
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Pointer:
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Struct:
		for i, n := 0, v1.NumField(); i < n; i++ {
			if !deepValueEqual(v1.Field(i), v2.Field(i), visited) {
				return false
			}
		}
		return true
	case Map:
		if v1.IsNil() != v2.IsNil() {
			return false
		}
		if v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		for _, k := range v1.MapKeys() {
			val1 := v1.mapIndex(k)
			val2 := v2.mapIndex(k)
			if !val1.IsValid() || !val2.IsValid() || !deepValueEqual(val1, val2, visited) {
				return false
			}
		}
		return true
	case Func:
		return v1.IsNil() && v2.IsNil()
	case Int, Int8, Int16, Int32, Int64:
		return v1.Int() == v2.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v1.Uint() == v2.Uint()
	case String:
		return v1.String() == v2.String()
	case Bool:
		return v1.Bool() == v2.Bool()
	case Float32, Float64:
		return v1.Float() == v2.Float()
	case Complex64, Complex128:
		return v1.Complex() == v2.Complex()
	}
	return packEface(v1) == packEface(v2)
}

// mapIndex is MapIndex without the check that key was not reached through
// an unexported field (DeepEqual compares those too).
func (v Value) mapIndex(key Value) Value {
	key.flag &^= flagRO
	r := v.MapIndex(key)
	r.flag |= v.flag.ro()
	return r
}

// DeepEqual reports whether x and y are "deeply equal": Go's definition
// (same types, then element by element; func values equal only if both are
// nil; cycles are compared once).
func DeepEqual(x, y interface{}) bool {
	if x == nil || y == nil {
		return x == y
	}
	v1 := ValueOf(x)
	v2 := ValueOf(y)
	if v1.typ != v2.typ {
		return false
	}
	return deepValueEqual(v1, v2, make(map[visit]bool))
}

// deepElemsEqual compares two arrays or two slices of one length element by
// element.
func deepElemsEqual(v1, v2 Value, visited map[visit]bool) bool {
	for i := 0; i < v1.Len(); i++ {
		if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
			return false
		}
	}
	return true
}
