package store

func init() { panic("a _test.go file was built") }
