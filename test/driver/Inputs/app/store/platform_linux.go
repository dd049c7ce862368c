//go:build (linux || darwin) && !windows

package store

var platform = "linux" + archSuffix
