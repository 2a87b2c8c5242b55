// Package sync: mutual exclusion locks, wait groups, once, condition
// variables, pools and a concurrent map. goc's implementation, written from
// the package documentation. Blocked goroutines park on runtime semaphores
// (runtime/src/sema.rs, through the body-less functions below, in
// runtime/src/stdlib/sync.rs), so waiting costs no CPU.
package sync

// Wait reasons, as the runtime prints them in goroutine headers.
const (
	waitMutex     = 1
	waitRWLock    = 2
	waitRWRLock   = 3
	waitWaitGroup = 4
	waitCond      = 5
)

// runtime_semacquire takes one unit of *s, parking until there is one;
// lifo queues the caller first.
func runtime_semacquire(s *uint32, lifo bool, reason int)

// runtime_semrelease adds one unit to *s and wakes a waiter; with handoff
// the unit goes straight to it and it runs next.
func runtime_semrelease(s *uint32, handoff bool)

// runtime_canSpin reports whether spinning briefly is worth it on the
// iter-th attempt (several Ps, and others running).
func runtime_canSpin(iter int) bool

// runtime_doSpin spins the CPU for a short moment.
func runtime_doSpin()

func runtime_nanotime() int64

// fatal ends the program with "fatal error: msg", as the runtime does for
// unrecoverable misuse of sync types.
func fatal(msg string)

// A notifyList is the runtime's ticket-ordered list of Cond waiters.
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   uintptr
	tail   uintptr
}

func runtime_notifyListAdd(l *notifyList) uint32
func runtime_notifyListWait(l *notifyList, t uint32)
func runtime_notifyListNotifyOne(l *notifyList)
func runtime_notifyListNotifyAll(l *notifyList)
