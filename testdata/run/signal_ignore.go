// Signals nobody notifies keep Go's default (SIGUSR1 and SIGALRM are
// caught and dropped, SIGCHLD and SIGWINCH ignored); Ignore, Ignored,
// Reset after Ignore, Notify undoing Ignore, Reset of all signals.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func self(sig syscall.Signal) {
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		fmt.Println("kill:", err)
	}
}

func main() {
	for _, s := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGCHLD, syscall.SIGWINCH, syscall.SIGURG} {
		self(s)
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("survived signals nobody wants")

	fmt.Println("ignored before:", signal.Ignored(syscall.SIGTERM), signal.Ignored(syscall.SIGUSR1))
	signal.Ignore(syscall.SIGTERM, syscall.SIGHUP)
	fmt.Println("ignored after Ignore:", signal.Ignored(syscall.SIGTERM), signal.Ignored(syscall.SIGHUP))
	self(syscall.SIGTERM)
	self(syscall.SIGHUP)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("survived ignored SIGTERM and SIGHUP")

	// Reset leaves an ignored signal ignored, as Go does.
	signal.Reset(syscall.SIGTERM)
	fmt.Println("ignored after Reset:", signal.Ignored(syscall.SIGTERM))
	self(syscall.SIGTERM)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("survived SIGTERM after Reset")

	// Notify undoes Ignore.
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	fmt.Println("ignored after Notify:", signal.Ignored(syscall.SIGTERM))
	self(syscall.SIGTERM)
	fmt.Println("got", <-c)

	// Ignore takes a signal away from the channels notified of it.
	signal.Ignore(syscall.SIGTERM)
	self(syscall.SIGTERM)
	time.Sleep(20 * time.Millisecond)
	select {
	case s := <-c:
		fmt.Println("got", s, "after Ignore")
	default:
		fmt.Println("nothing after Ignore")
	}

	// Reset with no signals resets every signal.
	every := make(chan os.Signal, 8)
	signal.Notify(every, syscall.SIGUSR1, syscall.SIGWINCH)
	self(syscall.SIGUSR1)
	fmt.Println("every got", <-every)
	self(syscall.SIGWINCH)
	fmt.Println("every got", <-every)
	signal.Reset()
	self(syscall.SIGUSR1)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("after Reset:", len(every))
}
