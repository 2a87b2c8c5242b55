// Signals sent to the process itself reach the channels registered for
// them: several channels, a buffered channel collecting distinct signals,
// Stop, and the names syscall.Signal gives.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func self(sig syscall.Signal) {
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		fmt.Println("kill:", err)
	}
}

func main() {
	for _, s := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGKILL,
		syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGPIPE, syscall.SIGALRM, syscall.SIGTERM,
		syscall.SIGCHLD, syscall.SIGSEGV, syscall.SIGWINCH, syscall.SIGSYS, 0, 40, 65, -3} {
		fmt.Printf("%d %q\n", int(s), s.String())
	}
	fmt.Println(os.Interrupt, os.Kill)

	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	self(syscall.SIGUSR1)
	fmt.Println("got", <-c)

	// Two channels for one signal, one of them also for another.
	a := make(chan os.Signal, 1)
	b := make(chan os.Signal, 1)
	signal.Notify(a, syscall.SIGUSR2)
	signal.Notify(b, syscall.SIGUSR2, os.Interrupt)
	self(syscall.SIGUSR2)
	fmt.Println("a got", <-a, "b got", <-b)
	self(syscall.SIGINT)
	fmt.Println("b got", <-b)
	select {
	case s := <-a:
		fmt.Println("a got", s, "unexpectedly")
	default:
		fmt.Println("a got nothing")
	}

	// A buffered channel collects different signals; one signal sent
	// twice before a receive is delivered once or twice, so send each once.
	all := make(chan os.Signal, 4)
	signal.Notify(all, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGALRM)
	for _, s := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGALRM} {
		self(s)
		fmt.Println("all got", <-all)
	}

	// After Stop a channel receives nothing; the other keeps receiving.
	signal.Stop(a)
	self(syscall.SIGUSR2)
	fmt.Println("b got", <-b)
	select {
	case s := <-a:
		fmt.Println("a got", s, "after Stop")
	default:
		fmt.Println("a got nothing after Stop")
	}
	signal.Stop(b)
	signal.Stop(b) // a second Stop does nothing
	signal.Stop(all)
	signal.Stop(c)
	fmt.Println("done")
}
