package greet

const suffix = " (test)"
