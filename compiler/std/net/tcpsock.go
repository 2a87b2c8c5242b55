package net

import (
	"internal/poll"
	"io"
	"os"
	"syscall"
	"time"
)

// netFD is a socket on the poller.
type netFD struct {
	pfd    poll.FD
	family int
	net    string
	laddr  Addr
	raddr  Addr
}

var ipv6Checked, ipv6OK bool

// supportsIPv6 reports whether the kernel makes IPv6 sockets (asked once).
func supportsIPv6() bool {
	if !ipv6Checked {
		ipv6Checked = true
		fd, err := syscall.Socket(syscall.AF_INET6, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
		if err == nil {
			ipv6OK = true
			syscall.Close(fd)
		}
	}
	return ipv6OK
}

// family picks the socket family as Go does: IPv4 when both ends are IPv4
// (or unset) unless the network is tcp6, and a dual-stack IPv6 socket for
// a wildcard listener on "tcp".
func family(network string, laddr, raddr *TCPAddr, listen bool) int {
	switch network[len(network)-1] {
	case '4':
		return syscall.AF_INET
	case '6':
		return syscall.AF_INET6
	}
	if listen && laddr.isWildcard() {
		if supportsIPv6() {
			return syscall.AF_INET6
		}
		return syscall.AF_INET
	}
	if (laddr == nil || laddr.family() == syscall.AF_INET) &&
		(raddr == nil || raddr.family() == syscall.AF_INET) {
		return syscall.AF_INET
	}
	return syscall.AF_INET6
}

func newSocket(fam int, network string) (*netFD, error) {
	s, err := syscall.Socket(fam, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	if fam == syscall.AF_INET6 {
		v6only := 0
		if network == "tcp6" {
			v6only = 1
		}
		syscall.SetsockoptInt(s, syscall.IPPROTO_IPV6, syscall.IPV6_V6ONLY, v6only)
	}
	fd := &netFD{family: fam, net: network}
	fd.pfd.Sysfd = s
	fd.pfd.IsStream = true
	fd.pfd.ZeroReadIsEOF = true
	return fd, nil
}

func (fd *netFD) init() error {
	return fd.pfd.Init(fd.net, true)
}

func (fd *netFD) setAddrs() {
	if sa, err := syscall.Getsockname(fd.pfd.Sysfd); err == nil {
		fd.laddr = tcpAddrOrNil(sockaddrToTCP(sa))
	}
	if sa, err := syscall.Getpeername(fd.pfd.Sysfd); err == nil {
		fd.raddr = tcpAddrOrNil(sockaddrToTCP(sa))
	}
}

// connect starts a connection and waits for it in the poller, until
// `deadline` (monotonic; the zero Time for none).
func (fd *netFD) connect(ra syscall.Sockaddr, deadline time.Time) error {
	err := syscall.Connect(fd.pfd.Sysfd, ra)
	switch err {
	case nil, syscall.EISCONN:
		return nil
	case syscall.EINPROGRESS, syscall.EALREADY, syscall.EINTR:
	default:
		return os.NewSyscallError("connect", err)
	}
	if !deadline.IsZero() {
		fd.pfd.SetWriteDeadline(deadline)
		defer fd.pfd.SetWriteDeadline(time.Time{})
	}
	for {
		if err := fd.pfd.WaitWrite(); err != nil {
			return err
		}
		nerr, err := syscall.GetsockoptInt(fd.pfd.Sysfd, syscall.SOL_SOCKET, syscall.SO_ERROR)
		if err != nil {
			return os.NewSyscallError("getsockopt", err)
		}
		switch e := syscall.Errno(nerr); e {
		case syscall.EINPROGRESS, syscall.EALREADY, syscall.EINTR:
			continue
		case 0, syscall.EISCONN:
			if _, err := syscall.Getpeername(fd.pfd.Sysfd); err == nil {
				return nil
			}
			continue
		default:
			return os.NewSyscallError("connect", e)
		}
	}
}

func (fd *netFD) Read(p []byte) (int, error) { return fd.pfd.Read(p) }

func (fd *netFD) Write(p []byte) (int, error) { return fd.pfd.Write(p) }

func (fd *netFD) Close() error { return fd.pfd.Close() }

// conn is what TCPConn embeds: the Conn methods over a netFD.
type conn struct {
	fd *netFD
}

func (c *conn) ok() bool { return c != nil && c.fd != nil }

// Read implements the Conn Read method.
func (c *conn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Read(b)
	if err != nil && err != io.EOF {
		err = &OpError{Op: "read", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, err
}

// Write implements the Conn Write method: all of b unless an error.
func (c *conn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Write(b)
	if err != nil {
		err = &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, err
}

// Close closes the connection.
func (c *conn) Close() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	err := c.fd.Close()
	if err != nil {
		err = &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return err
}

// LocalAddr returns the local network address.
func (c *conn) LocalAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.laddr
}

// RemoteAddr returns the remote network address.
func (c *conn) RemoteAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.raddr
}

func (c *conn) setErr(err error) error {
	if err != nil {
		return &OpError{Op: "set", Net: c.fd.net, Source: nil, Addr: c.fd.laddr, Err: err}
	}
	return nil
}

// SetDeadline sets the read and write deadlines.
func (c *conn) SetDeadline(t time.Time) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	return c.setErr(c.fd.pfd.SetDeadline(t))
}

// SetReadDeadline sets the deadline for future and pending Reads.
func (c *conn) SetReadDeadline(t time.Time) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	return c.setErr(c.fd.pfd.SetReadDeadline(t))
}

// SetWriteDeadline sets the deadline for future and pending Writes.
func (c *conn) SetWriteDeadline(t time.Time) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	return c.setErr(c.fd.pfd.SetWriteDeadline(t))
}

func (c *conn) setsockopt(level, opt, v int) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.pfd.Incref(); err != nil {
		return c.setErr(err)
	}
	err := syscall.SetsockoptInt(c.fd.pfd.Sysfd, level, opt, v)
	c.fd.pfd.Decref()
	if err != nil {
		return c.setErr(os.NewSyscallError("setsockopt", err))
	}
	return nil
}

// SetReadBuffer sets the size of the kernel's receive buffer.
func (c *conn) SetReadBuffer(bytes int) error {
	return c.setsockopt(syscall.SOL_SOCKET, syscall.SO_RCVBUF, bytes)
}

// SetWriteBuffer sets the size of the kernel's send buffer.
func (c *conn) SetWriteBuffer(bytes int) error {
	return c.setsockopt(syscall.SOL_SOCKET, syscall.SO_SNDBUF, bytes)
}

// TCPConn is an implementation of the Conn interface for TCP network
// connections.
type TCPConn struct {
	conn
}

func newTCPConn(fd *netFD) *TCPConn {
	syscall.SetsockoptInt(fd.pfd.Sysfd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
	return &TCPConn{conn{fd}}
}

// SetNoDelay controls Nagle's algorithm (off by default, as in Go).
func (c *TCPConn) SetNoDelay(noDelay bool) error {
	v := 0
	if noDelay {
		v = 1
	}
	return c.setsockopt(syscall.IPPROTO_TCP, syscall.TCP_NODELAY, v)
}

// SetKeepAlive sets whether the operating system sends keep-alive
// messages on the connection.
func (c *TCPConn) SetKeepAlive(keepalive bool) error {
	v := 0
	if keepalive {
		v = 1
	}
	return c.setsockopt(syscall.SOL_SOCKET, syscall.SO_KEEPALIVE, v)
}

func (c *TCPConn) shutdown(how int, op string) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.pfd.Shutdown(how); err != nil {
		if _, ok := err.(syscall.Errno); ok {
			err = os.NewSyscallError("shutdown", err)
		}
		return &OpError{Op: op, Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return nil
}

// CloseRead shuts down the reading side of the TCP connection.
func (c *TCPConn) CloseRead() error { return c.shutdown(syscall.SHUT_RD, "close") }

// CloseWrite shuts down the writing side of the TCP connection.
func (c *TCPConn) CloseWrite() error { return c.shutdown(syscall.SHUT_WR, "close") }

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd *netFD
}

func (l *TCPListener) ok() bool { return l != nil && l.fd != nil }

// AcceptTCP accepts the next incoming call and returns the new
// connection.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, syscall.EINVAL
	}
	s, rsa, call, err := l.fd.pfd.Accept()
	if err != nil {
		if call != "" {
			err = os.NewSyscallError(call, err)
		}
		return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	fd := &netFD{family: l.fd.family, net: l.fd.net}
	fd.pfd.Sysfd = s
	fd.pfd.IsStream = true
	fd.pfd.ZeroReadIsEOF = true
	if err := fd.init(); err != nil {
		syscall.Close(s)
		return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	if sa, err := syscall.Getsockname(s); err == nil {
		fd.laddr = tcpAddrOrNil(sockaddrToTCP(sa))
	}
	fd.raddr = tcpAddrOrNil(sockaddrToTCP(rsa))
	return newTCPConn(fd), nil
}

// Accept implements the Accept method in the Listener interface.
func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Close stops listening on the TCP address; blocked Accepts return
// errors.
func (l *TCPListener) Close() error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if err := l.fd.Close(); err != nil {
		return &OpError{Op: "close", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

// Addr returns the listener's network address, a *TCPAddr.
func (l *TCPListener) Addr() Addr { return l.fd.laddr }

// SetDeadline sets the deadline associated with the listener.
func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if err := l.fd.pfd.SetDeadline(t); err != nil {
		return &OpError{Op: "set", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

// listenBacklog is the queue asked of listen(2); the kernel caps it at
// net.core.somaxconn.
const listenBacklog = 4096

func listenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	fd, err := newSocket(family(network, laddr, nil, true), network)
	if err != nil {
		return nil, err
	}
	syscall.SetsockoptInt(fd.pfd.Sysfd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
	la := laddr
	if la == nil {
		la = &TCPAddr{}
	}
	sa, err := la.sockaddr(fd.family)
	if err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, err
	}
	if err := syscall.Bind(fd.pfd.Sysfd, sa); err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, os.NewSyscallError("bind", err)
	}
	if err := syscall.Listen(fd.pfd.Sysfd, listenBacklog); err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, os.NewSyscallError("listen", err)
	}
	if err := fd.init(); err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, err
	}
	if sa, err := syscall.Getsockname(fd.pfd.Sysfd); err == nil {
		fd.laddr = tcpAddrOrNil(sockaddrToTCP(sa))
	}
	return &TCPListener{fd}, nil
}

// ListenTCP acts like Listen for TCP networks.
func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: tcpAddrOrNil(laddr), Err: UnknownNetworkError(network)}
	}
	l, err := listenTCP(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: tcpAddrOrNil(laddr), Err: err}
	}
	return l, nil
}

// Listen announces on the local network address: "tcp", "tcp4" or
// "tcp6", with a numeric host, "localhost" or none (all interfaces) and a
// port (0: one the kernel picks).
func Listen(network, address string) (Listener, error) {
	la, err := resolveTCP(network, address, true)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	l, err := listenTCP(network, la)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: la, Err: err}
	}
	return l, nil
}

func dialTCP(network string, laddr, raddr *TCPAddr, deadline time.Time) (*TCPConn, error) {
	if raddr.IP == nil {
		// No host: the local system.
		if network == "tcp6" {
			raddr = &TCPAddr{IP: IPv6loopback, Port: raddr.Port}
		} else {
			raddr = &TCPAddr{IP: IPv4(127, 0, 0, 1), Port: raddr.Port}
		}
	}
	fd, err := newSocket(family(network, laddr, raddr, false), network)
	if err != nil {
		return nil, err
	}
	if laddr != nil {
		sa, err := laddr.sockaddr(fd.family)
		if err == nil {
			err = syscall.Bind(fd.pfd.Sysfd, sa)
			if err != nil {
				err = os.NewSyscallError("bind", err)
			}
		}
		if err != nil {
			syscall.Close(fd.pfd.Sysfd)
			return nil, err
		}
	}
	ra, err := raddr.sockaddr(fd.family)
	if err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, err
	}
	if err := fd.init(); err != nil {
		syscall.Close(fd.pfd.Sysfd)
		return nil, err
	}
	if err := fd.connect(ra, deadline); err != nil {
		fd.Close()
		return nil, err
	}
	fd.setAddrs()
	if fd.raddr == nil {
		fd.raddr = raddr
	}
	return newTCPConn(fd), nil
}

// DialTCP acts like Dial for TCP networks.
func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: tcpAddrOrNil(laddr), Addr: tcpAddrOrNil(raddr), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: tcpAddrOrNil(laddr), Addr: nil, Err: errMissingAddress}
	}
	c, err := dialTCP(network, laddr, raddr, time.Time{})
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: tcpAddrOrNil(laddr), Addr: raddr, Err: err}
	}
	return c, nil
}

// A Dialer contains options for connecting to an address.
type Dialer struct {
	Timeout   time.Duration
	Deadline  time.Time
	LocalAddr Addr
	KeepAlive time.Duration
}

// Dial connects to the address on the named network.
func (d *Dialer) Dial(network, address string) (Conn, error) {
	ra, err := resolveTCP(network, address, false)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: err}
	}
	var la *TCPAddr
	if d.LocalAddr != nil {
		la, _ = d.LocalAddr.(*TCPAddr)
	}
	deadline := d.Deadline
	if d.Timeout != 0 {
		t := time.Now().Add(d.Timeout)
		if deadline.IsZero() || t.Before(deadline) {
			deadline = t
		}
	}
	c, err := dialTCP(network, la, ra, deadline)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: tcpAddrOrNil(la), Addr: ra, Err: err}
	}
	return c, nil
}

// Dial connects to the address on the named network ("tcp", "tcp4",
// "tcp6"); the address is "host:port" with a numeric host or
// "localhost".
func Dial(network, address string) (Conn, error) {
	var d Dialer
	return d.Dial(network, address)
}

// DialTimeout acts like Dial but takes a timeout.
func DialTimeout(network, address string, timeout time.Duration) (Conn, error) {
	d := Dialer{Timeout: timeout}
	return d.Dial(network, address)
}
