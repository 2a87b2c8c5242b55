//go:build purego

// The portable fallback, which goc uses.
package main

func checksum(b []byte) uint32 {
	var s uint32
	for _, c := range b {
		s = s*31 + uint32(c)
	}
	return s
}
