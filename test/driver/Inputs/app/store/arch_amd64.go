package store

var archSuffix = "/amd64"
