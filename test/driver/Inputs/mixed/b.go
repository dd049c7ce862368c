package other

var Q = 1
