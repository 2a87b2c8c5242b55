// Ignore alone starts no signal goroutine: a program blocked for ever is
// still reported as deadlocked (after Notify it would wait for a signal).
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signal.Ignore(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGUSR1))
	c := make(chan os.Signal)
	<-c
}
