package sync

import "sync/atomic"

// A WaitGroup waits for a collection of goroutines to finish.
//
// state holds the counter in its high 32 bits and the number of waiters in
// its low 32 bits, so Add can see both in one atomic step: when the
// counter drops to zero with waiters, Add resets the state and releases
// each waiter once.
type WaitGroup struct {
	state uint64
	sema  uint32
}

// Add adds delta, which may be negative, to the counter.
func (wg *WaitGroup) Add(delta int) {
	s := atomic.AddUint64(&wg.state, uint64(delta)<<32)
	v := int32(s >> 32)
	w := uint32(s)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if w != 0 && delta > 0 && v == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if v > 0 || w == 0 {
		return
	}
	if atomic.LoadUint64(&wg.state) != s {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	atomic.StoreUint64(&wg.state, 0)
	for ; w != 0; w-- {
		runtime_semrelease(&wg.sema, false)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Go calls f in a new goroutine and adds that task to the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		s := atomic.LoadUint64(&wg.state)
		if s>>32 == 0 {
			return
		}
		if atomic.CompareAndSwapUint64(&wg.state, s, s+1) {
			runtime_semacquire(&wg.sema, false, waitWaitGroup)
			if atomic.LoadUint64(&wg.state) != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}
