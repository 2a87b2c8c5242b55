// Package runtime: the parts of Go's runtime package a program talks to,
// the scheduler's knobs and counters. goc's implementation; the body-less
// functions are in runtime/src/stdlib/runtime.rs.
package runtime

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting; n < 1 leaves it
// unchanged.
func GOMAXPROCS(n int) int

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit terminates the goroutine that calls it, after running its
// deferred calls.
func Goexit()

// GC runs a garbage collection, blocking the caller until it is done.
func GC()

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// An Error identifies a run time error.
type Error interface {
	error
	RuntimeError()
}

// Version returns the Go version this implementation follows.
func Version() string {
	return "go1.27.3"
}

// A MemStats records statistics about the memory allocator, as Go's
// (fields goc does not track yet are zero: Lookups, StackInuse,
// StackSys, BuckHashSys, GCSys, GCCPUFraction, BySize's counts).
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m with memory allocator statistics, stopping the
// world while it counts.
func ReadMemStats(m *MemStats)
