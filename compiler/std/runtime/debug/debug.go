// Package debug: the parts of Go's runtime/debug a program may use to
// tune the runtime, and its stack traces. goc's implementation; the
// body-less functions are in the runtime (SetMaxStack in
// runtime/src/stack.rs, SetMaxThreads in runtime/src/mthread.rs).
package debug

import (
	"os"
	"runtime"
)

// Stack returns the calling goroutine's stack trace, as runtime.Stack
// formats it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack writes the calling goroutine's stack trace to standard
// error.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// SetMaxStack sets the maximum amount of memory that can be used by a
// single goroutine stack and returns the previous setting. A goroutine
// that needs more crashes the program with a stack overflow.
func SetMaxStack(bytes int) int

// SetMaxThreads sets the maximum number of operating system threads the
// program can use (10000 at start) and returns the previous setting. A
// program that needs more crashes with "thread exhaustion".
func SetMaxThreads(threads int) int
