// Package maps is a reference for Go 1.21's maps and x/exp/maps's Keys and
// Values, only for deriving the expected output of tests (expect.sh).
package maps

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	var r []K
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Values[M ~map[K]V, K comparable, V any](m M) []V {
	var r []V
	for _, v := range m {
		r = append(r, v)
	}
	return r
}

func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	return EqualFunc(m1, m2, func(a, b V) bool { return a == b })
}

func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	for k := range m2 {
		if _, ok := m1[k]; !ok {
			return false
		}
	}
	for k, a := range m1 {
		b, ok := m2[k]
		if !ok || !eq(a, b) {
			return false
		}
	}
	return true
}

func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return m
	}
	r := M{}
	Copy(r, m)
	return r
}

func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	for k := range src {
		dst[k] = src[k]
	}
}

func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	var gone []K
	for k, v := range m {
		if del(k, v) {
			gone = append(gone, k)
		}
	}
	for _, k := range gone {
		delete(m, k)
	}
}
