package time

// The Timer type represents a single event. When the Timer expires, the
// current time will be sent on C, unless the Timer was created by
// AfterFunc.
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// NewTimer creates a new Timer that will send the current time on its
// channel after at least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.r = runtimeTimer{when: when(d), kind: sendTime, c: c}
	startTimer(&t.r)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops
// the timer, false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.r.kind == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	stopped := stopTimer(&t.r)
	if t.r.c != nil {
		// As Go 1.23: after Stop, no stale value is received.
		select {
		case <-t.r.c:
		default:
		}
	}
	return stopped
}

// Reset changes the timer to expire after duration d. It returns true if
// the timer had been active, false if the timer had expired or been
// stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.r.kind == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	active := t.Stop()
	t.r.when = when(d)
	startTimer(&t.r)
	return active
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own
// goroutine. It returns a Timer that can be used to cancel the call using
// its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.r = runtimeTimer{when: when(d), kind: goFunc, fn: f}
	startTimer(&t.r)
	return t
}

// A Ticker holds a channel that delivers ticks of a clock at intervals.
type Ticker struct {
	C <-chan Time
	r runtimeTimer
}

// NewTicker returns a new Ticker sending the current time on its channel
// every d; ticks are dropped for slow receivers. d must be greater than
// zero.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.r = runtimeTimer{when: when(d), period: int64(d), kind: sendTime, c: c}
	startTimer(&t.r)
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if t.r.kind == 0 {
		return
	}
	stopTimer(&t.r)
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r.kind == 0 {
		panic("time: Reset called on uninitialized Ticker")
	}
	stopTimer(&t.r)
	t.r.when = when(d)
	t.r.period = int64(d)
	startTimer(&t.r)
}

// Tick is a convenience wrapper for NewTicker providing access to the
// ticking channel only; nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
