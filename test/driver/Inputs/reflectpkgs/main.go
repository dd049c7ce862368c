package main

import (
	"fmt"
	"reflect"

	"example.com/reflectpkgs/a"
)

func main() {
	t := &a.T{N: 3}
	v := reflect.ValueOf(t)
	v.MethodByName("Set").Call([]reflect.Value{reflect.ValueOf(7)})
	fmt.Println(v.Elem().Method(0).Call(nil)[0].Int())
	m, _ := reflect.TypeOf(a.T{}).MethodByName("Get")
	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(*t)})[0].Int(), m.Type)
	fmt.Println(reflect.SliceOf(reflect.TypeOf(a.T{})) == reflect.TypeOf(a.Items))
	fmt.Println(reflect.PointerTo(reflect.TypeOf(a.T{})) == reflect.TypeOf(t))
	f := func() int { return 1 }
	fmt.Println(reflect.TypeOf(f) == m.Type.Out(0), reflect.TypeOf(f).String(), a.Show(*t))
	var i interface{ Get() int } = *t
	fmt.Println(reflect.ValueOf(&i).Elem().Method(0).Call(nil)[0].Int())
}
