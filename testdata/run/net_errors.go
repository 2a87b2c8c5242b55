// package net: errors as Go words them (refused connections, bad
// addresses, closed listeners and connections, addresses in use),
// deadlines and timeouts, and address parsing and formatting. Ports the
// kernel picks are masked so the output is deterministic.
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"time"
)

var ports []string

// mask replaces the ports of addresses seen so far with PORT.
func mask(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	for _, p := range ports {
		s = strings.ReplaceAll(s, ":"+p, ":PORT")
	}
	return s
}

func remember(a net.Addr) {
	_, p, err := net.SplitHostPort(a.String())
	if err == nil {
		ports = append(ports, p)
	}
}

func dialErrors() {
	fmt.Println("== dial")
	for _, a := range [][2]string{
		{"tcp", "127.0.0.1:1"},
		{"tcp4", "127.0.0.1:1"},
		{"tcp", "127.0.0.1"},
		{"tcp", "::1:80"},
		{"tcp", "[::1]80"},
		{"tcp", "127.0.0.1:99999"},
		{"tcp", "127.0.0.1:-1"},
		{"foo", "127.0.0.1:80"},
		{"tcp4", "[::1]:80"},
		{"tcp6", "127.0.0.1:80"},
	} {
		c, err := net.Dial(a[0], a[1])
		if c != nil {
			c.Close()
		}
		fmt.Printf("Dial(%q, %q): %v\n", a[0], a[1], err)
		var oe *net.OpError
		if errors.As(err, &oe) {
			fmt.Printf("  op=%s net=%s source=%v addr=%v timeout=%v temporary=%v\n", oe.Op, oe.Net, oe.Source, oe.Addr, oe.Timeout(), oe.Temporary())
		}
		if errors.Is(err, syscall.ECONNREFUSED) {
			fmt.Println("  is ECONNREFUSED")
		}
		var se *os.SyscallError
		if errors.As(err, &se) {
			fmt.Printf("  syscall %s: %v\n", se.Syscall, se.Err)
		}
	}
}

func listenerErrors() {
	fmt.Println("== listener")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	remember(ln.Addr())
	fmt.Println("addr:", mask(errors.New(ln.Addr().String())), ln.Addr().Network())
	_, err = net.Listen("tcp", ln.Addr().String())
	fmt.Println("second listen:", mask(err))
	var oe *net.OpError
	if errors.As(err, &oe) {
		fmt.Println("  inner:", oe.Err)
		fmt.Println("  is EADDRINUSE:", errors.Is(err, syscall.EADDRINUSE))
	}

	// An Accept blocked in the poller when the listener is closed.
	done := make(chan error)
	go func() {
		_, err := ln.Accept()
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("close:", ln.Close())
	err = <-done
	fmt.Println("blocked accept:", mask(err))
	fmt.Println("  is ErrClosed:", errors.Is(err, net.ErrClosed))
	_, err = ln.Accept()
	fmt.Println("accept after close:", mask(err))
	fmt.Println("second close:", mask(ln.Close()))

	// Listening on the wildcard address: a dual-stack socket, as Go.
	ln, err = net.Listen("tcp", ":0")
	if err == nil {
		h, _, _ := net.SplitHostPort(ln.Addr().String())
		fmt.Println("wildcard tcp host:", h)
		ln.Close()
	}
	ln, err = net.Listen("tcp4", ":0")
	if err == nil {
		h, _, _ := net.SplitHostPort(ln.Addr().String())
		fmt.Println("wildcard tcp4 host:", h)
		ln.Close()
	}
	ln, err = net.Listen("tcp6", "[::1]:0")
	if err == nil {
		h, _, _ := net.SplitHostPort(ln.Addr().String())
		fmt.Println("tcp6 loopback host:", h)
		ln.Close()
	}
	_, err = net.Listen("tcp", "127.0.0.1")
	fmt.Println("listen without port:", err)
}

// pair returns both ends of a fresh connection.
func pair() (net.Conn, net.Conn, net.Listener) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	remember(ln.Addr())
	ch := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		ch <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	remember(c.LocalAddr())
	s := <-ch
	return c, s, ln
}

func connErrors() {
	fmt.Println("== connections")
	c, s, ln := pair()
	defer ln.Close()
	fmt.Println("local == server's remote:", c.LocalAddr().String() == s.RemoteAddr().String())
	fmt.Println("remote == server's local:", c.RemoteAddr().String() == s.LocalAddr().String())
	fmt.Println("addr network:", c.LocalAddr().Network())
	_, ok := c.(*net.TCPConn)
	fmt.Println("is *TCPConn:", ok)

	// Read deadline.
	start := time.Now()
	c.SetReadDeadline(start.Add(30 * time.Millisecond))
	buf := make([]byte, 10)
	n, err := c.Read(buf)
	fmt.Println("read past deadline:", n, mask(err))
	fmt.Println("  waited at least 30ms:", time.Since(start) >= 30*time.Millisecond)
	fmt.Println("  is ErrDeadlineExceeded:", errors.Is(err, os.ErrDeadlineExceeded))
	var ne net.Error
	if errors.As(err, &ne) {
		fmt.Println("  timeout:", ne.Timeout())
	}
	n, err = c.Read(buf)
	fmt.Println("read again:", n, mask(err))
	// A deadline in the past fails at once; clearing it lets data through.
	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println("past deadline:", mask(err))
	c.SetReadDeadline(time.Time{})
	s.Write([]byte("hello"))
	n, err = c.Read(buf)
	fmt.Println("after clearing:", string(buf[:n]), err)

	// A deadline extended while a Read waits.
	c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	go func() {
		time.Sleep(10 * time.Millisecond)
		c.SetReadDeadline(time.Now().Add(time.Hour))
		time.Sleep(150 * time.Millisecond)
		s.Write([]byte("late"))
	}()
	n, err = c.Read(buf)
	fmt.Println("extended deadline:", string(buf[:n]), err)

	// Write deadline: fill the socket buffers with nobody reading.
	c.SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
	big := make([]byte, 1<<20)
	total := 0
	for {
		n, err := c.Write(big)
		total += n
		if err != nil {
			fmt.Println("write past deadline:", mask(err))
			fmt.Println("  wrote something:", total > 0, "timeout:", err.(net.Error).Timeout())
			break
		}
	}
	c.SetWriteDeadline(time.Time{})

	// A Read blocked when another goroutine closes the connection.
	c2, s2, ln2 := pair()
	done := make(chan error)
	go func() {
		_, err := c2.Read(buf)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	c2.Close()
	err = <-done
	fmt.Println("blocked read, closed:", mask(err))
	fmt.Println("  is ErrClosed:", errors.Is(err, net.ErrClosed))
	_, err = c2.Write([]byte("x"))
	fmt.Println("write after close:", mask(err))
	fmt.Println("second close:", mask(c2.Close()))
	fmt.Println("set deadline after close:", mask(c2.SetDeadline(time.Now())))

	// The peer closed: EOF; writing eventually fails.
	n, err = s2.Read(buf)
	fmt.Println("peer read:", n, err, err == io.EOF)
	failed := false
	for i := 0; i < 100 && !failed; i++ {
		_, err = s2.Write([]byte("into the void"))
		if err != nil {
			failed = true
			fmt.Println("write to closed peer fails:", errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET))
		}
		time.Sleep(time.Millisecond)
	}
	s2.Close()
	ln2.Close()

	// CloseWrite: the peer sees EOF, the other direction still works.
	s.SetReadDeadline(time.Time{})
	tc := c.(*net.TCPConn)
	go func() {
		// Drain what the write-deadline test left, then answer.
		io.Copy(io.Discard, s)
		s.Write([]byte("bye"))
		s.Close()
	}()
	fmt.Println("CloseWrite:", tc.CloseWrite())
	all, err := io.ReadAll(c)
	fmt.Println("read after CloseWrite:", string(all), err)
	c.Close()
}

func addresses() {
	fmt.Println("== addresses")
	for _, s := range []string{
		"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.1.2.3", "1.2.3", "1.2.3.4.5",
		"256.1.1.1", "01.2.3.4", "::", "::1", "1::", "2001:db8::1", "2001:db8:0:0:1:0:0:1",
		"2001:0db8:0000:0000:0000:0000:0002:0001", "fe80::1:2:3:4", "::ffff:192.0.2.1",
		"::192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8:9",
		"1::2::3", "12345::", ":1", "1:", "", "abc", "0:0:1:0:0:0:0:1", "A:B:C:D:E:F:0:0",
	} {
		ip := net.ParseIP(s)
		fmt.Printf("ParseIP(%q) = %v (nil=%v len=%d v4=%v loopback=%v unspecified=%v)\n",
			s, ip, ip == nil, len(ip), ip.To4() != nil, ip.IsLoopback(), ip.IsUnspecified())
	}
	fmt.Println(net.IPv4(192, 168, 1, 1), net.IP{1, 2, 3}, net.IP(nil), net.IPv6loopback)
	fmt.Println(net.IPv4(1, 2, 3, 4).Equal(net.IP{1, 2, 3, 4}), net.IPv4(10, 0, 0, 1).IsPrivate())

	for _, s := range []string{
		"host:80", "127.0.0.1:http", "[::1]:443", "[fe80::1%lo]:22", ":0", "host",
		"[::1]", "::1:80", "[::1]:80:90", "[::1", "]:80", "a[b]:80", "[a]b:80", ":",
	} {
		h, p, err := net.SplitHostPort(s)
		fmt.Printf("SplitHostPort(%q) = %q %q %v\n", s, h, p, err)
	}
	fmt.Println(net.JoinHostPort("::1", "80"), net.JoinHostPort("example.com", "http"), net.JoinHostPort("", "0"))

	for _, a := range []*net.TCPAddr{
		{IP: net.IPv4(127, 0, 0, 1), Port: 8080},
		{IP: net.ParseIP("::1"), Port: 80},
		{IP: net.ParseIP("fe80::1"), Port: 22, Zone: "eth0"},
		{Port: 9},
		nil,
	} {
		fmt.Println("TCPAddr:", a.String(), a.Network())
	}
	for _, s := range []string{"127.0.0.1:80", "[::1]:http", "localhost:8080", ":22", "1.2.3.4"} {
		a, err := net.ResolveTCPAddr("tcp", s)
		fmt.Println("ResolveTCPAddr:", s, a, err)
	}
}

func main() {
	dialErrors()
	listenerErrors()
	connErrors()
	addresses()
}
