// Goroutines blocked in system calls each hold a thread; past
// runtime/debug.SetMaxThreads' limit the program dies of thread
// exhaustion, as in Go. With GOMAXPROCS=1 (thread_limit.env) the sleepers
// run only once main, released from its short sleep, is itself in a
// system call, so the report names it in one state.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
	"time"
)

func main() {
	fmt.Println("previous limit:", debug.SetMaxThreads(8))
	start := make(chan bool)
	for i := 0; i < 20; i++ {
		go func() {
			<-start
			ts := syscall.NsecToTimespec(2e9)
			syscall.Nanosleep(&ts, nil)
		}()
	}
	time.Sleep(10 * time.Millisecond)
	close(start)
	ts := syscall.NsecToTimespec(3e9)
	syscall.Nanosleep(&ts, nil)
	fmt.Println("not reached")
}
