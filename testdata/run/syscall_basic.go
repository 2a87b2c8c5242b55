package main

import (
	"errors"
	"syscall"
	"time"
)

func main() {
	// A goroutine blocked in a read system call gives up the processor:
	// with GOMAXPROCS=1 (see the .env file) the writer still runs.
	p := make([]int, 2)
	if err := syscall.Pipe(p); err != nil {
		println("pipe:", err.Error())
		return
	}
	go func() {
		ts := syscall.Timespec{Nsec: 20 * 1000 * 1000}
		syscall.Nanosleep(&ts, nil)
		syscall.Write(p[1], []byte("hello through a pipe"))
		syscall.Close(p[1])
	}()
	buf := make([]byte, 64)
	n, err := syscall.Read(p[0], buf)
	println(string(buf[:n]), err == nil)
	n, err = syscall.Read(p[0], buf)
	println("at EOF:", n, err == nil)

	// Sleepers in nanosleep do not hold the processor either.
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			ts := syscall.NsecToTimespec(int64(10 * time.Millisecond))
			syscall.Nanosleep(&ts, nil)
			done <- true
		}()
	}
	spins := 0
	for i := 0; i < 4; i++ {
		<-done
		spins++
	}
	println("sleepers done:", spins)

	// Errors as Go words them.
	_, err = syscall.Read(-1, buf)
	println(err.Error(), errors.Is(err, syscall.EBADF))
	var e syscall.Errno
	println(errors.As(syscall.Close(12345), &e), e == syscall.EBADF, uintptr(e))
	println(syscall.ENOENT.Error(), syscall.EAGAIN.Error(), syscall.Errno(777).Error())
	println(syscall.EAGAIN.Timeout(), syscall.EINTR.Temporary(), syscall.ENOENT.Temporary())
	println(syscall.Pipe(p[:1]) == syscall.EINVAL)
	ts := syscall.NsecToTimespec(-1500000000)
	println(ts.Sec, ts.Nsec, ts.Nano())
	println(syscall.Getpid() > 1, syscall.Getppid() > 0, syscall.SIGINT.String(), syscall.Signal(40).String())
}
