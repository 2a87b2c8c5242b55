package sync

import "sync/atomic"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; the zero Mutex is unlocked.
//
// state packs: bit 0 locked, bit 1 a waiter was woken (or a spinner is
// about to take it, so Unlock need not wake anyone), bit 2 starving, and
// above those the number of waiters parked on sema.
//
// Normal mode lets a running goroutine take the lock ahead of woken
// waiters (fast, but unfair). A waiter that failed to get the lock for
// over 1 ms switches the mutex to starvation mode: Unlock then hands the
// lock directly to the first waiter, and newcomers queue behind. The last
// waiter, or one that waited less than 1 ms, switches back.
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mLocked      = 1
	mWoken       = 2
	mStarving    = 4
	mWaiterShift = 3
	mWaiter      = 1 << mWaiterShift
	starveNs     = 1000000
)

// Lock locks m, blocking until it is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mLocked) {
		return
	}
	m.lockSlow()
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	s := atomic.LoadInt32(&m.state)
	if s&(mLocked|mStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, s, s|mLocked)
}

func (m *Mutex) lockSlow() {
	var since int64 // when this goroutine first parked, 0 if never
	starving, woken := false, false
	spins := 0
	s := atomic.LoadInt32(&m.state)
	for {
		// Held in normal mode: spin a little, claiming the woken bit so
		// Unlock does not wake a waiter we would race with.
		if s&(mLocked|mStarving) == mLocked && runtime_canSpin(spins) {
			if !woken && s&mWoken == 0 && s>>mWaiterShift != 0 &&
				atomic.CompareAndSwapInt32(&m.state, s, s|mWoken) {
				woken = true
			}
			runtime_doSpin()
			spins++
			s = atomic.LoadInt32(&m.state)
			continue
		}
		next := s
		if s&mStarving == 0 {
			next |= mLocked // in starvation mode the lock is handed over, never grabbed
		}
		if s&(mLocked|mStarving) != 0 {
			next += mWaiter
		}
		if starving && s&mLocked != 0 {
			next |= mStarving
		}
		if woken {
			if next&mWoken == 0 {
				fatal("sync: inconsistent mutex state")
			}
			next &^= mWoken
		}
		if !atomic.CompareAndSwapInt32(&m.state, s, next) {
			s = atomic.LoadInt32(&m.state)
			continue
		}
		if s&(mLocked|mStarving) == 0 {
			return // took it
		}
		// Park; a goroutine that already waited goes first in line.
		lifo := since != 0
		if since == 0 {
			since = runtime_nanotime()
		}
		runtime_semacquire(&m.sema, lifo, waitMutex)
		starving = starving || runtime_nanotime()-since > starveNs
		s = atomic.LoadInt32(&m.state)
		if s&mStarving != 0 {
			// Handed over: we own the lock. Take it, leave the waiters,
			// and end starvation mode if we are the last waiter or did
			// not wait long.
			if s&(mLocked|mWoken) != 0 || s>>mWaiterShift == 0 {
				fatal("sync: inconsistent mutex state")
			}
			delta := int32(mLocked - mWaiter)
			if !starving || s>>mWaiterShift == 1 {
				delta -= mStarving
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		woken = true
		spins = 0
	}
}

// Unlock unlocks m. It is a run-time error if m is not locked.
func (m *Mutex) Unlock() {
	s := atomic.AddInt32(&m.state, -mLocked)
	if s != 0 {
		m.unlockSlow(s)
	}
}

func (m *Mutex) unlockSlow(s int32) {
	if (s+mLocked)&mLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if s&mStarving != 0 {
		// Hand the lock to the first waiter, which runs next.
		runtime_semrelease(&m.sema, true)
		return
	}
	for {
		// Nobody to wake, or someone already woken / holding it.
		if s>>mWaiterShift == 0 || s&(mLocked|mWoken|mStarving) != 0 {
			return
		}
		if atomic.CompareAndSwapInt32(&m.state, s, (s-mWaiter)|mWoken) {
			runtime_semrelease(&m.sema, false)
			return
		}
		s = atomic.LoadInt32(&m.state)
	}
}
