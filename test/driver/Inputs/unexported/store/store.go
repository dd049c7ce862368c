package store

func helper() int { return 1 }

func Exported() int { return 2 }

var _ = helper
