package store

var platform = "windows"
