// Lowering runtime/debug.SetMaxThreads below the threads the program
// already has (goroutines blocked in system calls hold one each) is a
// fatal error at once, as in Go.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
	"time"
)

func main() {
	fmt.Println("previous limit:", debug.SetMaxThreads(200))
	fmt.Println("previous limit:", debug.SetMaxThreads(100))
	for i := 0; i < 20; i++ {
		go func() {
			ts := syscall.NsecToTimespec(2e9)
			syscall.Nanosleep(&ts, nil)
		}()
	}
	time.Sleep(200 * time.Millisecond)
	debug.SetMaxThreads(10)
	fmt.Println("not reached")
}
