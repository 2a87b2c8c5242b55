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
