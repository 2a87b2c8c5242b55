// Package signal: incoming signals delivered on channels. goc's
// implementation, written from the package documentation; the body-less
// functions are in runtime/src/stdlib/signal.rs (the mechanism is
// runtime/src/sigqueue.rs).
//
// A registry maps each channel to the set of signals it wants, and counts
// the channels wanting each signal: the runtime is asked to catch a signal
// when its count leaves zero and to give it back its default when the
// count returns to zero. The first Notify starts one goroutine that waits
// in the runtime for caught signals and sends each to every channel
// wanting it, without blocking (a full channel misses the signal).
// Deliveries and changes of the registry hold the same lock, so once Stop
// returns its channel receives nothing more.
package signal

import (
	"os"
	"sync"
	"syscall"
)

func signal_enable(sig int)
func signal_disable(sig int)
func signal_ignore(sig int)
func signal_ignored(sig int) bool
func signal_recv() uint64

// Signals are numbered 1..maxSig; signal n is bit n-1 of a sigSet.
const maxSig = 64

type sigSet uint64

func (s sigSet) has(n int) bool { return s&(1<<uint(n-1)) != 0 }

var (
	mu    sync.Mutex
	wants map[chan<- os.Signal]sigSet
	refs  [maxSig + 1]int
	loop  sync.Once
)

// signum is the number of sig, or -1 when it is not a Linux signal.
func signum(sig os.Signal) int {
	s, ok := sig.(syscall.Signal)
	if !ok || s < 1 || s > maxSig {
		return -1
	}
	return int(s)
}

// numbers lists the signals sigs name, all of them when sigs is empty.
func numbers(sigs []os.Signal) []int {
	var ns []int
	if len(sigs) == 0 {
		for n := 1; n <= maxSig; n++ {
			ns = append(ns, n)
		}
		return ns
	}
	for _, s := range sigs {
		if n := signum(s); n > 0 {
			ns = append(ns, n)
		}
	}
	return ns
}

// Notify causes package signal to relay the given signals to c; with no
// signals, all incoming signals. Sends to c do not block: the caller must
// give c enough buffer for the signal rate it expects.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	mu.Lock()
	defer mu.Unlock()
	if wants == nil {
		wants = make(map[chan<- os.Signal]sigSet)
	}
	set := wants[c]
	for _, n := range numbers(sig) {
		if set.has(n) {
			continue
		}
		set |= 1 << uint(n-1)
		if refs[n] == 0 {
			signal_enable(n)
			loop.Do(func() { go receive() })
		}
		refs[n]++
	}
	wants[c] = set
}

// Stop makes package signal stop relaying signals to c. When it returns,
// c receives no more signals.
func Stop(c chan<- os.Signal) {
	mu.Lock()
	defer mu.Unlock()
	set, ok := wants[c]
	if !ok {
		return
	}
	delete(wants, c)
	for n := 1; n <= maxSig; n++ {
		if !set.has(n) {
			continue
		}
		refs[n]--
		if refs[n] == 0 {
			signal_disable(n)
		}
	}
}

// cancel removes signals sigs (all when empty) from every channel, then
// applies action to each.
func cancel(sigs []os.Signal, action func(int)) {
	mu.Lock()
	defer mu.Unlock()
	for _, n := range numbers(sigs) {
		for c, set := range wants {
			if !set.has(n) {
				continue
			}
			set &^= 1 << uint(n-1)
			refs[n]--
			if set == 0 {
				delete(wants, c)
			} else {
				wants[c] = set
			}
		}
		action(n)
	}
}

// Ignore causes the given signals (all when none are given) to be
// ignored; Notify undoes it.
func Ignore(sig ...os.Signal) { cancel(sig, signal_ignore) }

// Ignored reports whether sig is currently ignored by Ignore.
func Ignored(sig os.Signal) bool {
	n := signum(sig)
	return n > 0 && signal_ignored(n)
}

// Reset undoes the effect of any prior calls to Notify for the given
// signals (all when none are given).
func Reset(sig ...os.Signal) { cancel(sig, signal_disable) }

// receive relays caught signals, in increasing order of number when
// several arrived together.
func receive() {
	for {
		mask := signal_recv()
		for n := 1; n <= maxSig; n++ {
			if sigSet(mask).has(n) {
				deliver(n)
			}
		}
	}
}

func deliver(n int) {
	sig := syscall.Signal(n)
	mu.Lock()
	defer mu.Unlock()
	for c, set := range wants {
		if set.has(n) {
			select {
			case c <- sig:
			default:
			}
		}
	}
}
