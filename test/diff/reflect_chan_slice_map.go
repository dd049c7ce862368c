// reflect's Value.Send/TrySend/Recv/TryRecv/Close (and their panics), Slice
// and Slice3 of slices, arrays and strings, Copy (overlapping, from a
// string), OverflowInt/Uint/Float, MapRange with Reset and SetIterKey,
// FieldByIndexErr through a nil embedded pointer, SliceOf's unnamed type.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Inner struct{ X int }
type Outer struct {
	*Inner
	Y int
}

func main() {
	c := make(chan int, 2)
	v := reflect.ValueOf(c)
	v.Send(reflect.ValueOf(5))
	fmt.Println(v.TrySend(reflect.ValueOf(6)), v.TrySend(reflect.ValueOf(7)), v.Len())
	x, ok := v.Recv()
	fmt.Println(x, ok)
	x, ok = v.TryRecv()
	fmt.Println(x, ok)
	x, ok = v.TryRecv()
	fmt.Println(x.IsValid(), ok)
	v.Close()
	x, ok = v.Recv()
	fmt.Println(x, ok)
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf((<-chan int)(c)).Send(reflect.ValueOf(1))
	}()

	s := []int{1, 2, 3, 4, 5}
	sv := reflect.ValueOf(s)
	fmt.Println(sv.Slice(1, 3), sv.Slice(1, 3).Cap(), sv.Slice3(1, 2, 3).Cap())
	a := [4]string{"a", "b", "c", "d"}
	av := reflect.ValueOf(&a).Elem()
	fmt.Println(av.Slice(2, 4), av.Slice(2, 4).Type())
	fmt.Println(reflect.ValueOf("hello").Slice(1, 4))
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(a).Slice(0, 1)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		sv.Slice(2, 9)
	}()
	n := reflect.Copy(sv.Slice(1, 5), sv)
	fmt.Println(n, s)
	b := make([]byte, 3)
	fmt.Println(reflect.Copy(reflect.ValueOf(b), reflect.ValueOf("xyzw")), string(b))

	var i8 int8
	var u16 uint16
	var f32 float32
	fmt.Println(reflect.ValueOf(i8).OverflowInt(127), reflect.ValueOf(i8).OverflowInt(128), reflect.ValueOf(i8).OverflowInt(-129))
	fmt.Println(reflect.ValueOf(u16).OverflowUint(65535), reflect.ValueOf(u16).OverflowUint(65536))
	fmt.Println(reflect.ValueOf(f32).OverflowFloat(1e38), reflect.ValueOf(f32).OverflowFloat(1e39))

	m := map[string]int{"a": 1, "b": 2, "c": 3}
	it := reflect.ValueOf(m).MapRange()
	var keys []string
	sum := 0
	for it.Next() {
		keys = append(keys, it.Key().String())
		sum += int(it.Value().Int())
	}
	sort.Strings(keys)
	fmt.Println(keys, sum)
	kv := reflect.New(reflect.TypeOf("")).Elem()
	it.Reset(reflect.ValueOf(map[string]int{"z": 26}))
	for it.Next() {
		kv.SetIterKey(it)
	}
	fmt.Println(kv)

	o := Outer{Y: 1}
	_, err := reflect.ValueOf(o).FieldByIndexErr([]int{0, 0})
	fmt.Println(err)
	o.Inner = &Inner{7}
	f, err := reflect.ValueOf(o).FieldByIndexErr([]int{0, 0})
	fmt.Println(f, err)
}
