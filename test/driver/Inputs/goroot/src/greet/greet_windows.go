package greet

const suffix = " (windows)"
