package net

// IP addresses: 4- or 16-byte slices (IPv4 addresses are usually kept
// in their 16-byte IPv4-in-IPv6 form), parsed and printed as Go does.

// Address lengths.
const (
	IPv4len = 4
	IPv6len = 16
)

// An IP is a single IP address, a slice of bytes.
type IP []byte

// An IPMask is a bitmask for an IP address.
type IPMask []byte

var v4InV6Prefix = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}

// Well-known addresses.
var (
	IPv4bcast     = IPv4(255, 255, 255, 255)
	IPv4allsys    = IPv4(224, 0, 0, 1)
	IPv4allrouter = IPv4(224, 0, 0, 2)
	IPv4zero      = IPv4(0, 0, 0, 0)

	IPv6zero        = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6unspecified = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6loopback    = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
)

// IPv4 returns the IP address (in 16-byte form) of the IPv4 address
// a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	p := make(IP, IPv6len)
	copy(p, v4InV6Prefix)
	p[12] = a
	p[13] = b
	p[14] = c
	p[15] = d
	return p
}

func isZeros(p IP) bool {
	for i := 0; i < len(p); i++ {
		if p[i] != 0 {
			return false
		}
	}
	return true
}

// To4 converts the IPv4 address ip to a 4-byte representation; nil if ip
// is not an IPv4 address.
func (ip IP) To4() IP {
	if len(ip) == IPv4len {
		return ip
	}
	if len(ip) == IPv6len && isZeros(ip[0:10]) && ip[10] == 0xff && ip[11] == 0xff {
		return ip[12:16]
	}
	return nil
}

// To16 converts ip to a 16-byte representation; nil if ip is not an IP
// address.
func (ip IP) To16() IP {
	if len(ip) == IPv4len {
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	}
	if len(ip) == IPv6len {
		return ip
	}
	return nil
}

// IsUnspecified reports whether ip is "0.0.0.0" or "::".
func (ip IP) IsUnspecified() bool {
	return ip.Equal(IPv4zero) || ip.Equal(IPv6unspecified)
}

// IsLoopback reports whether ip is a loopback address.
func (ip IP) IsLoopback() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 127
	}
	return ip.Equal(IPv6loopback)
}

// IsPrivate reports whether ip is a private address (RFC 1918, RFC 4193).
func (ip IP) IsPrivate() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 10 ||
			(ip4[0] == 172 && ip4[1]&0xf0 == 16) ||
			(ip4[0] == 192 && ip4[1] == 168)
	}
	return len(ip) == IPv6len && ip[0]&0xfe == 0xfc
}

// Equal reports whether ip and x are the same address; an IPv4 address
// and the same address in IPv6 form are equal.
func (ip IP) Equal(x IP) bool {
	if len(ip) == len(x) {
		for i := range ip {
			if ip[i] != x[i] {
				return false
			}
		}
		return true
	}
	if len(ip) == IPv4len && len(x) == IPv6len {
		return x.To4() != nil && x.To4().Equal(ip)
	}
	if len(ip) == IPv6len && len(x) == IPv4len {
		return ip.To4() != nil && ip.To4().Equal(x)
	}
	return false
}

const hexDigit = "0123456789abcdef"

func appendDecimal(b []byte, v byte) []byte {
	if v >= 100 {
		b = append(b, '0'+v/100)
	}
	if v >= 10 {
		b = append(b, '0'+v/10%10)
	}
	return append(b, '0'+v%10)
}

func appendHex16(b []byte, v uint16) []byte {
	started := false
	for s := 12; s >= 0; s -= 4 {
		d := (v >> uint(s)) & 0xf
		if d != 0 || started || s == 0 {
			b = append(b, hexDigit[d])
			started = true
		}
	}
	return b
}

// String returns the form of ip Go prints: dotted decimal for IPv4
// (also IPv4 in IPv6 form), RFC 5952 for IPv6 (lower-case hex, the first
// longest run of two or more zero groups as "::"), "<nil>" for an empty
// IP, and "?" followed by hex for other lengths.
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if len(ip) != IPv4len && len(ip) != IPv6len {
		b := []byte{'?'}
		for _, c := range ip {
			b = append(b, hexDigit[c>>4], hexDigit[c&0xf])
		}
		return string(b)
	}
	if p4 := ip.To4(); len(p4) == IPv4len {
		var b []byte
		for i := 0; i < 4; i++ {
			if i > 0 {
				b = append(b, '.')
			}
			b = appendDecimal(b, p4[i])
		}
		return string(b)
	}
	// The longest run of zero groups (at least two), the first if tied.
	bestStart, bestLen := -1, 0
	for i := 0; i < 8; {
		if ip[2*i] != 0 || ip[2*i+1] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && ip[2*j] == 0 && ip[2*j+1] == 0 {
			j++
		}
		if j-i > bestLen && j-i >= 2 {
			bestStart, bestLen = i, j-i
		}
		i = j
	}
	var b []byte
	for i := 0; i < 8; i++ {
		if i == bestStart {
			b = append(b, ':', ':')
			i += bestLen - 1
			continue
		}
		if i > 0 && (bestStart < 0 || i != bestStart+bestLen) {
			b = append(b, ':')
		}
		b = appendHex16(b, uint16(ip[2*i])<<8|uint16(ip[2*i+1]))
	}
	return string(b)
}

// MarshalText implements encoding.TextMarshaler.
func (ip IP) MarshalText() ([]byte, error) {
	if len(ip) == 0 {
		return []byte(""), nil
	}
	return []byte(ip.String()), nil
}

// ParseIP parses s as an IPv4 (dotted decimal) or IPv6 address; nil if
// it is neither. IPv4 addresses come back in 16-byte form.
func ParseIP(s string) IP {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			return parseIPv4(s)
		case ':':
			return parseIPv6(s)
		}
	}
	return nil
}

func parseIPv4(s string) IP {
	var p [4]byte
	for i := 0; i < 4; i++ {
		if len(s) == 0 {
			return nil
		}
		if i > 0 {
			if s[0] != '.' {
				return nil
			}
			s = s[1:]
		}
		n, digits := 0, 0
		for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
			if digits > 0 && s[0] == '0' {
				return nil // no leading zeros
			}
			n = n*10 + int(s[digits]-'0')
			digits++
			if n > 255 {
				return nil
			}
		}
		if digits == 0 {
			return nil
		}
		s = s[digits:]
		p[i] = byte(n)
	}
	if len(s) != 0 {
		return nil
	}
	return IPv4(p[0], p[1], p[2], p[3])
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func parseIPv6(s string) IP {
	ip := make(IP, IPv6len)
	ellipsis := -1
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
		if len(s) == 0 {
			return ip
		}
	}
	i := 0
	for i < IPv6len {
		// A group of up to 4 hex digits, or a trailing IPv4 address.
		n, digits := 0, 0
		for digits < len(s) && hexVal(s[digits]) >= 0 {
			n = n*16 + hexVal(s[digits])
			digits++
			if digits > 4 {
				return nil
			}
		}
		if digits == 0 {
			return nil
		}
		if digits < len(s) && s[digits] == '.' {
			if ellipsis < 0 && i != IPv6len-IPv4len {
				return nil
			}
			if i+IPv4len > IPv6len {
				return nil
			}
			ip4 := parseIPv4(s)
			if ip4 == nil {
				return nil
			}
			copy(ip[i:], ip4[12:16])
			i += IPv4len
			s = ""
			break
		}
		ip[i] = byte(n >> 8)
		ip[i+1] = byte(n)
		i += 2
		s = s[digits:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return nil
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return nil
			}
			ellipsis = i
			s = s[1:]
			if len(s) == 0 {
				break
			}
		}
	}
	if len(s) != 0 {
		return nil
	}
	if i < IPv6len {
		if ellipsis < 0 {
			return nil
		}
		n := IPv6len - i
		for j := i - 1; j >= ellipsis; j-- {
			ip[j+n] = ip[j]
		}
		for j := ellipsis + n - 1; j >= ellipsis; j-- {
			ip[j] = 0
		}
	} else if ellipsis >= 0 {
		return nil
	}
	return ip
}
