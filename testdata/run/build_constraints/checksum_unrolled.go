//go:build !purego

// What Go's standard library keeps for assembly: a fast path that goc
// skips because it sets purego. (Here plain Go, so both compilers can be
// compared: the sum is the same.)
package main

func checksum(b []byte) uint32 {
	var s uint32
	i := 0
	for ; i+4 <= len(b); i += 4 {
		s = s*31*31*31*31 + uint32(b[i])*31*31*31 + uint32(b[i+1])*31*31 + uint32(b[i+2])*31 + uint32(b[i+3])
	}
	for ; i < len(b); i++ {
		s = s*31 + uint32(b[i])
	}
	return s
}
