package sync

import "sync/atomic"

// Once is an object that will perform exactly one action.
type Once struct {
	done uint32
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once. Other callers wait until f has returned; if f panics,
// Do considers it returned.
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}

// OnceFunc returns a function that invokes f only once; a panic in f is
// re-raised by every call.
func OnceFunc(f func()) func() {
	var once Once
	var failed bool
	var pv any
	return func() {
		once.Do(func() {
			defer func() {
				pv = recover()
				if failed {
					panic(pv)
				}
			}()
			failed = true
			f()
			failed = false
		})
		if failed {
			panic(pv)
		}
	}
}
