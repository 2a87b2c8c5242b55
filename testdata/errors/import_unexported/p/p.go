package p

func Exported() int { return hidden() }

func hidden() int { return 1 }
