package syscall

// Sockets. The body-less functions are in runtime/src/stdlib/syscall.rs;
// they take and fill raw kernel sockaddrs. They are made directly,
// without handing the processor to other goroutines: package net uses
// them on non-blocking sockets and waits in the network poller.

func socket(domain int, typ int, proto int) (fd int, errno int)
func bind(fd int, sa []byte) int
func connect(fd int, sa []byte) int
func listen(fd int, n int) int
func accept4(fd int, sa []byte, flags int) (nfd int, errno int)
func getsockname(fd int, sa []byte) int
func getpeername(fd int, sa []byte) int
func setsockopt(fd int, level int, opt int, val int) int
func getsockopt(fd int, level int, opt int) (val int, errno int)
func shutdown(fd int, how int) int
func fcntl(fd int, cmd int, arg int) (val int, errno int)

// Address families, socket types, levels and options (Linux's values,
// the same on amd64 and arm64).
const (
	AF_UNSPEC = 0x0
	AF_UNIX   = 0x1
	AF_INET   = 0x2
	AF_INET6  = 0xa

	SOCK_STREAM    = 0x1
	SOCK_DGRAM     = 0x2
	SOCK_RAW       = 0x3
	SOCK_SEQPACKET = 0x5
	SOCK_NONBLOCK  = 0x800
	SOCK_CLOEXEC   = 0x80000

	SOL_SOCKET   = 0x1
	SO_REUSEADDR = 0x2
	SO_TYPE      = 0x3
	SO_ERROR     = 0x4
	SO_BROADCAST = 0x6
	SO_SNDBUF    = 0x7
	SO_RCVBUF    = 0x8
	SO_KEEPALIVE = 0x9
	SO_LINGER    = 0xd
	SO_REUSEPORT = 0xf

	IPPROTO_IP   = 0x0
	IPPROTO_TCP  = 0x6
	IPPROTO_UDP  = 0x11
	IPPROTO_IPV6 = 0x29
	IPV6_V6ONLY  = 0x1a
	TCP_NODELAY  = 0x1

	SHUT_RD   = 0x0
	SHUT_WR   = 0x1
	SHUT_RDWR = 0x2

	SOMAXCONN = 0x80

	F_GETFD    = 0x1
	F_SETFD    = 0x2
	F_GETFL    = 0x3
	F_SETFL    = 0x4
	FD_CLOEXEC = 0x1
)

// A Sockaddr is a socket address: SockaddrInet4 or SockaddrInet6.
type Sockaddr interface {
	sockaddr() ([]byte, error)
}

// SockaddrInet4 is an IPv4 address and port.
type SockaddrInet4 struct {
	Port int
	Addr [4]byte
}

// SockaddrInet6 is an IPv6 address, port and zone (interface index).
type SockaddrInet6 struct {
	Port   int
	ZoneId uint32
	Addr   [16]byte
}

// sockaddrHead makes an n-byte socket address starting with the family
// (host order) and the port (network order), as sockaddr_in and
// sockaddr_in6 both do.
func sockaddrHead(n int, family byte, port int) ([]byte, error) {
	if port < 0 || port > 0xFFFF {
		return nil, EINVAL
	}
	b := make([]byte, n)
	b[0] = family
	b[2] = byte(port >> 8)
	b[3] = byte(port)
	return b, nil
}

// struct sockaddr_in: family, port, address.
func (sa *SockaddrInet4) sockaddr() ([]byte, error) {
	b, err := sockaddrHead(16, AF_INET, sa.Port)
	if err != nil {
		return nil, err
	}
	copy(b[4:8], sa.Addr[:])
	return b, nil
}

// struct sockaddr_in6: family, port, flow info, address, scope id.
func (sa *SockaddrInet6) sockaddr() ([]byte, error) {
	b, err := sockaddrHead(28, AF_INET6, sa.Port)
	if err != nil {
		return nil, err
	}
	copy(b[8:24], sa.Addr[:])
	b[24] = byte(sa.ZoneId)
	b[25] = byte(sa.ZoneId >> 8)
	b[26] = byte(sa.ZoneId >> 16)
	b[27] = byte(sa.ZoneId >> 24)
	return b, nil
}

// sockaddrBuf is room for any sockaddr the kernel returns.
const sockaddrBuf = 112

func anyToSockaddr(b []byte) (Sockaddr, error) {
	switch int(b[0]) | int(b[1])<<8 {
	case AF_INET:
		sa := &SockaddrInet4{Port: int(b[2])<<8 | int(b[3])}
		copy(sa.Addr[:], b[4:8])
		return sa, nil
	case AF_INET6:
		sa := &SockaddrInet6{Port: int(b[2])<<8 | int(b[3])}
		copy(sa.Addr[:], b[8:24])
		sa.ZoneId = uint32(b[24]) | uint32(b[25])<<8 | uint32(b[26])<<16 | uint32(b[27])<<24
		return sa, nil
	}
	return nil, EAFNOSUPPORT
}

// Socket creates a socket.
func Socket(domain, typ, proto int) (fd int, err error) {
	fd, e := socket(domain, typ, proto)
	if e != 0 {
		return -1, Errno(e)
	}
	return fd, nil
}

// Bind gives the socket fd the local address sa.
func Bind(fd int, sa Sockaddr) (err error) {
	b, err := sa.sockaddr()
	if err != nil {
		return err
	}
	return errnoErr(bind(fd, b))
}

// Connect connects the socket fd to sa.
func Connect(fd int, sa Sockaddr) (err error) {
	b, err := sa.sockaddr()
	if err != nil {
		return err
	}
	return errnoErr(connect(fd, b))
}

// Listen marks fd as accepting connections, with a queue of n.
func Listen(s int, n int) (err error) { return errnoErr(listen(s, n)) }

// Accept4 accepts a connection on fd with flags (SOCK_NONBLOCK,
// SOCK_CLOEXEC) and returns its descriptor and the peer's address.
func Accept4(fd int, flags int) (nfd int, sa Sockaddr, err error) {
	b := make([]byte, sockaddrBuf)
	nfd, e := accept4(fd, b, flags)
	if e != 0 {
		return -1, nil, Errno(e)
	}
	sa, err = anyToSockaddr(b)
	if err != nil {
		close(nfd)
		return -1, nil, err
	}
	return nfd, sa, nil
}

// Accept is Accept4 with no flags.
func Accept(fd int) (nfd int, sa Sockaddr, err error) { return Accept4(fd, 0) }

// Getsockname returns the local address of the socket fd.
func Getsockname(fd int) (sa Sockaddr, err error) {
	b := make([]byte, sockaddrBuf)
	if e := getsockname(fd, b); e != 0 {
		return nil, Errno(e)
	}
	return anyToSockaddr(b)
}

// Getpeername returns the address of the socket fd's peer.
func Getpeername(fd int) (sa Sockaddr, err error) {
	b := make([]byte, sockaddrBuf)
	if e := getpeername(fd, b); e != 0 {
		return nil, Errno(e)
	}
	return anyToSockaddr(b)
}

// SetsockoptInt sets an int-valued socket option.
func SetsockoptInt(fd, level, opt int, value int) (err error) {
	return errnoErr(setsockopt(fd, level, opt, value))
}

// GetsockoptInt reads an int-valued socket option.
func GetsockoptInt(fd, level, opt int) (value int, err error) {
	v, e := getsockopt(fd, level, opt)
	return v, errnoErr(e)
}

// Shutdown shuts down reading (SHUT_RD), writing (SHUT_WR) or both.
func Shutdown(fd int, how int) (err error) { return errnoErr(shutdown(fd, how)) }

// SetNonblock sets or clears O_NONBLOCK on fd.
func SetNonblock(fd int, nonblocking bool) (err error) {
	flag, e := fcntl(fd, F_GETFL, 0)
	if e != 0 {
		return Errno(e)
	}
	if (flag&O_NONBLOCK != 0) == nonblocking {
		return nil
	}
	if nonblocking {
		flag |= O_NONBLOCK
	} else {
		flag &^= O_NONBLOCK
	}
	_, e = fcntl(fd, F_SETFL, flag)
	return errnoErr(e)
}

// CloseOnExec sets FD_CLOEXEC on fd.
func CloseOnExec(fd int) { fcntl(fd, F_SETFD, FD_CLOEXEC) }
