package atomic

// A Value provides an atomic load and store of a consistently typed value.
// The zero Value returns nil from Load. goc guards the interface's two
// words with a small spin lock (writers are rare and brief); Go's rules
// about the stored type are enforced with Go's panics.
type Value struct {
	lock  uint32
	v     any
	typed bool
}

func (v *Value) acquire() {
	for !CompareAndSwapUint32(&v.lock, 0, 1) {
		runtime_procyield()
	}
}

func (v *Value) release() { StoreUint32(&v.lock, 0) }

// Load returns the value set by the most recent Store, or nil.
func (v *Value) Load() (val any) {
	v.acquire()
	val = v.v
	v.release()
	return val
}

func sameType(a, b any) bool {
	return typeOf(a) == typeOf(b)
}

// typeOf is the dynamic type word of an interface value (a body-less
// runtime function: the type descriptor's address).
func typeOf(x any) uintptr

// Store sets the value of the Value v to val.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	v.acquire()
	if v.typed && !sameType(v.v, val) {
		v.release()
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v, v.typed = val, true
	v.release()
}

// Swap stores new into Value and returns the previous value.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	v.acquire()
	if v.typed && !sameType(v.v, new) {
		v.release()
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old, v.v, v.typed = v.v, new, true
	v.release()
	return old
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && !sameType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	v.acquire()
	defer v.release()
	if v.typed && !sameType(v.v, new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	if v.v != old {
		return false
	}
	v.v, v.typed = new, true
	return true
}
