package syntax

func F() int { return 1 + }
