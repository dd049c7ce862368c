package store

var archSuffix = "/arm64"
