// +build !linux

package store

var platform = "not linux"
