package sync

import "sync/atomic"

// An RWMutex is a reader/writer mutual exclusion lock: any number of
// readers or one writer. A blocked Lock call excludes new readers, so a
// writer is not starved by a stream of readers.
//
// readers counts the readers holding or waiting for the lock; a writer
// subtracts maxReaders from it, so readers arriving after see a negative
// count and park on readerSem. departing counts the readers the writer
// still waits for; the last of them wakes it through writerSem.
type RWMutex struct {
	w         Mutex
	writerSem uint32
	readerSem uint32
	readers   int32
	departing int32
}

const maxReaders = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readers, 1) < 0 {
		runtime_semacquire(&rw.readerSem, false, waitRWRLock)
	}
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readers)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readers, c, c+1) {
			return true
		}
	}
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readers, -1); r < 0 {
		if r+1 == 0 || r+1 == -maxReaders {
			fatal("sync: RUnlock of unlocked RWMutex")
		}
		// A writer is waiting: the last departing reader wakes it.
		if atomic.AddInt32(&rw.departing, -1) == 0 {
			runtime_semrelease(&rw.writerSem, false)
		}
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	r := atomic.AddInt32(&rw.readers, -maxReaders) + maxReaders
	if r != 0 && atomic.AddInt32(&rw.departing, r) != 0 {
		runtime_semacquire(&rw.writerSem, false, waitRWLock)
	}
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readers, 0, -maxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing, letting the waiting readers in.
func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readers, maxReaders)
	if r >= maxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	for i := 0; i < int(r); i++ {
		runtime_semrelease(&rw.readerSem, false)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock call RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
