package atomic

import "unsafe"

// A Value provides an atomic load and store of a consistently typed value.
// It is an empty interface read and written as its two words (docs/lowering.md,
// Interfaces: the dynamic type's descriptor, then a pointer to a copy of the
// value), as gc's is. The type word is set once, by the first store; while
// that store is between its two words the type word holds
// &firstStoreInProgress, and other stores and loads spin. The spin ends: the
// first store runs no loop between its two writes, so it reaches no
// preemption point (docs/runtime.md, Preemption) and needs none of gc's
// procPin.
type Value struct {
	v any
}

type efaceWords struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

var firstStoreInProgress byte

// Load returns the value set by the most recent Store, or nil if there has
// been no call to Store for this Value.
func (v *Value) Load() (val any) {
	vp := (*efaceWords)(unsafe.Pointer(v))
	typ := LoadPointer(&vp.typ)
	if typ == nil || typ == unsafe.Pointer(&firstStoreInProgress) {
		return nil
	}
	data := LoadPointer(&vp.data)
	vlp := (*efaceWords)(unsafe.Pointer(&val))
	vlp.typ = typ
	vlp.data = data
	return
}

// firstStore claims the empty Value for the caller and stores np, or reports
// false when another goroutine claimed it first.
func (vp *efaceWords) firstStore(np *efaceWords) bool {
	if !CompareAndSwapPointer(&vp.typ, nil, unsafe.Pointer(&firstStoreInProgress)) {
		return false
	}
	StorePointer(&vp.data, np.data)
	StorePointer(&vp.typ, np.typ)
	return true
}

// Store sets the value of the Value to val. Every Store of a Value must use
// values of the same concrete type; an inconsistent type panics, as does
// Store(nil).
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	np := (*efaceWords)(unsafe.Pointer(&val))
	for {
		typ := LoadPointer(&vp.typ)
		if typ == nil {
			if vp.firstStore(np) {
				return
			}
			continue
		}
		if typ == unsafe.Pointer(&firstStoreInProgress) {
			continue
		}
		if typ != np.typ {
			panic("sync/atomic: store of inconsistently typed value into Value")
		}
		StorePointer(&vp.data, np.data)
		return
	}
}

// Swap stores new into the Value and returns the previous value, nil if the
// Value is empty. Its panics are Store's.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	np := (*efaceWords)(unsafe.Pointer(&new))
	for {
		typ := LoadPointer(&vp.typ)
		if typ == nil {
			if vp.firstStore(np) {
				return nil
			}
			continue
		}
		if typ == unsafe.Pointer(&firstStoreInProgress) {
			continue
		}
		if typ != np.typ {
			panic("sync/atomic: swap of inconsistently typed value into Value")
		}
		op := (*efaceWords)(unsafe.Pointer(&old))
		op.typ, op.data = np.typ, SwapPointer(&vp.data, np.data)
		return old
	}
}

// CompareAndSwap stores new if the Value holds a value equal to old (by ==,
// so values of any comparable type compare, not only pointers).
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	vp := (*efaceWords)(unsafe.Pointer(v))
	np := (*efaceWords)(unsafe.Pointer(&new))
	op := (*efaceWords)(unsafe.Pointer(&old))
	if op.typ != nil && np.typ != op.typ {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	for {
		typ := LoadPointer(&vp.typ)
		if typ == nil {
			if old != nil {
				return false
			}
			if vp.firstStore(np) {
				return true
			}
			continue
		}
		if typ == unsafe.Pointer(&firstStoreInProgress) {
			continue
		}
		if typ != np.typ {
			panic("sync/atomic: compare and swap of inconsistently typed value into Value")
		}
		// The == below compares the values; the pointer CAS then only
		// checks that no store came between it and the load.
		data := LoadPointer(&vp.data)
		var cur any
		(*efaceWords)(unsafe.Pointer(&cur)).typ = typ
		(*efaceWords)(unsafe.Pointer(&cur)).data = data
		if cur != old {
			return false
		}
		return CompareAndSwapPointer(&vp.data, data, np.data)
	}
}
