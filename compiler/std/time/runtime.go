// Package time: durations, instants on the wall and monotonic clocks,
// sleeping, timers and tickers. goc's implementation, written from the
// package documentation. Timers are the runtime's (runtime/src/timer.rs):
// each Timer and Ticker embeds a runtimeTimer the runtime keeps in its
// P's heap; when it fires the runtime sends the time on the channel
// (without blocking, as Go's timer channels do) or starts the AfterFunc
// function in a new goroutine. The body-less functions are in
// runtime/src/stdlib/time.rs.
package time

func runtime_nanotime() int64
func runtime_walltime() int64

// Sleep pauses the current goroutine for at least the duration d; a
// negative or zero duration returns at once.
func Sleep(d Duration)

// runtimeTimer mirrors the runtime's timer (runtime/src/timer.rs): the
// first five words are the runtime's, kind says what firing does.
type runtimeTimer struct {
	when   int64
	period int64
	f      uintptr
	arg    uintptr
	seq    uintptr
	heap   uintptr
	idx    int
	kind   int
	c      chan Time
	fn     func()
}

// Firing kinds.
const (
	sendTime = 1
	goFunc   = 2
)

// startTimer arms t to fire at t.when (every t.period if positive).
func startTimer(t *runtimeTimer)

// stopTimer disarms t; it reports whether t was pending.
func stopTimer(t *runtimeTimer) bool

// when is the monotonic time d from now, saturating.
func when(d Duration) int64 {
	now := runtime_nanotime()
	if d <= 0 {
		return now
	}
	t := now + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}
