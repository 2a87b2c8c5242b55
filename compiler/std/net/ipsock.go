package net

import (
	"strconv"
	"syscall"
)

// SplitHostPort splits a network address of the form "host:port",
// "host%zone:port", "[host]:port" or "[host%zone]:port" into host (or
// host%zone) and port.
func SplitHostPort(hostport string) (host, port string, err error) {
	const missingPort = "missing port in address"
	const tooManyColons = "too many colons in address"
	fail := func(why string) (string, string, error) {
		return "", "", &AddrError{Err: why, Addr: hostport}
	}
	colon := lastIndexByte(hostport, ':')
	if colon < 0 {
		return fail(missingPort)
	}
	from, to := 0, 0
	if hostport[0] == '[' {
		end := indexByte(hostport, ']')
		if end < 0 {
			return fail("missing ']' in address")
		}
		if end+1 == len(hostport) {
			return fail(missingPort)
		}
		if end+1 != colon {
			if hostport[end+1] == ':' {
				return fail(tooManyColons)
			}
			return fail(missingPort)
		}
		host = hostport[1:end]
		from, to = 1, end+1
	} else {
		host = hostport[:colon]
		if indexByte(host, ':') >= 0 {
			return fail(tooManyColons)
		}
	}
	if indexByte(hostport[from:], '[') >= 0 {
		return fail("unexpected '[' in address")
	}
	if indexByte(hostport[to:], ']') >= 0 {
		return fail("unexpected ']' in address")
	}
	return host, hostport[colon+1:], nil
}

// JoinHostPort combines host and port into "host:port", bracketing a
// host that contains a colon (an IPv6 literal).
func JoinHostPort(host, port string) string {
	if indexByte(host, ':') >= 0 {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// TCPAddr represents the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string // IPv6 scoped addressing zone
}

// Network returns the address's network name, "tcp".
func (a *TCPAddr) Network() string { return "tcp" }

func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	ip := ""
	if len(a.IP) != 0 {
		ip = a.IP.String()
	}
	if a.Zone != "" {
		return JoinHostPort(ip+"%"+a.Zone, strconv.Itoa(a.Port))
	}
	return JoinHostPort(ip, strconv.Itoa(a.Port))
}

func (a *TCPAddr) isWildcard() bool {
	if a == nil || a.IP == nil {
		return true
	}
	return a.IP.IsUnspecified()
}

func (a *TCPAddr) family() int {
	if a == nil || len(a.IP) <= IPv4len {
		return syscall.AF_INET
	}
	if a.IP.To4() != nil {
		return syscall.AF_INET
	}
	return syscall.AF_INET6
}

func tcpAddrOrNil(a *TCPAddr) Addr {
	if a == nil {
		return nil
	}
	return a
}

// services: the ports goc knows by name (Go consults /etc/services too).
var services = map[string]int{
	"domain": 53,
	"echo":   7,
	"ftp":    21,
	"http":   80,
	"https":  443,
	"smtp":   25,
	"ssh":    22,
	"telnet": 23,
}

func parsePort(network, service string) (int, error) {
	if service == "" {
		return 0, nil
	}
	neg := false
	s := service
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	n, digits := 0, 0
	for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
		if n < 1e6 {
			n = n*10 + int(s[digits]-'0')
		}
		digits++
	}
	if digits > 0 && digits == len(s) {
		if neg {
			n = -n
		}
		if n < 0 || n > 0xFFFF {
			return 0, &AddrError{Err: "invalid port", Addr: service}
		}
		return n, nil
	}
	if p, ok := services[service]; ok {
		return p, nil
	}
	return 0, &DNSError{Err: "unknown port", Name: network + "/" + service, IsNotFound: true}
}

// resolveTCP turns "host:port" into an address for the network (tcp,
// tcp4, tcp6): numeric hosts, "localhost", or an empty host.
func resolveTCP(network, address string, listen bool) (*TCPAddr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, UnknownNetworkError(network)
	}
	host, port, err := SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	p, err := parsePort(network, port)
	if err != nil {
		return nil, err
	}
	if host == "" {
		return &TCPAddr{Port: p}, nil
	}
	zone := ""
	if i := lastIndexByte(host, '%'); i >= 0 {
		host, zone = host[:i], host[i+1:]
	}
	ip := ParseIP(host)
	if ip == nil {
		if host != "localhost" || zone != "" {
			return nil, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		if network == "tcp6" {
			ip = IPv6loopback
		} else {
			ip = IPv4(127, 0, 0, 1)
		}
	} else if zone != "" && ip.To4() != nil {
		return nil, &DNSError{Err: "no such host", Name: host + "%" + zone, IsNotFound: true}
	}
	if network == "tcp4" && ip.To4() == nil || network == "tcp6" && ip.To4() != nil {
		return nil, &AddrError{Err: errNoSuitableAddress.Error(), Addr: host}
	}
	if ip4 := ip.To4(); ip4 != nil {
		ip = ip4
	}
	return &TCPAddr{IP: ip, Port: p, Zone: zone}, nil
}

// ResolveTCPAddr returns an address of TCP end point: numeric hosts and
// "localhost" only.
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	if network == "" {
		network = "tcp"
	}
	return resolveTCP(network, address, false)
}

// zone names are interface indexes here (goc does not read interface
// names).
func zoneToInt(zone string) uint32 {
	n := 0
	for i := 0; i < len(zone); i++ {
		if zone[i] < '0' || zone[i] > '9' {
			return 0
		}
		n = n*10 + int(zone[i]-'0')
	}
	return uint32(n)
}

// sockaddr returns the kernel address of a for a socket of family.
func (a *TCPAddr) sockaddr(family int) (syscall.Sockaddr, error) {
	if a == nil {
		return nil, nil
	}
	switch family {
	case syscall.AF_INET:
		ip := a.IP
		if len(ip) == 0 {
			ip = IPv4zero
		}
		ip4 := ip.To4()
		if ip4 == nil {
			return nil, &AddrError{Err: "non-IPv4 address", Addr: ip.String()}
		}
		sa := &syscall.SockaddrInet4{Port: a.Port}
		copy(sa.Addr[:], ip4)
		return sa, nil
	case syscall.AF_INET6:
		ip := a.IP
		// The IPv4 unspecified address is the IPv6 one on a dual-stack
		// socket, as Go does.
		if len(ip) == 0 || ip.Equal(IPv4zero) {
			ip = IPv6zero
		}
		ip6 := ip.To16()
		if ip6 == nil {
			return nil, &AddrError{Err: "non-IPv6 address", Addr: ip.String()}
		}
		sa := &syscall.SockaddrInet6{Port: a.Port, ZoneId: zoneToInt(a.Zone)}
		copy(sa.Addr[:], ip6)
		return sa, nil
	}
	return nil, &AddrError{Err: "invalid address family", Addr: a.IP.String()}
}

func sockaddrToTCP(sa syscall.Sockaddr) *TCPAddr {
	switch sa := sa.(type) {
	case *syscall.SockaddrInet4:
		ip := make(IP, IPv4len)
		copy(ip, sa.Addr[:])
		return &TCPAddr{IP: ip, Port: sa.Port}
	case *syscall.SockaddrInet6:
		ip := make(IP, IPv6len)
		copy(ip, sa.Addr[:])
		zone := ""
		if sa.ZoneId != 0 {
			zone = strconv.Itoa(int(sa.ZoneId))
		}
		return &TCPAddr{IP: ip, Port: sa.Port, Zone: zone}
	}
	return nil
}
