package p

// T has an exported and an unexported field and method.
type T struct{ A, b int }

func (T) m() {}
func (T) M() {}

func (t *T) Get() int { return t.b }
